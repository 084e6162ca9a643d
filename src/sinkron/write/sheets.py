"""Pieces every template sheet uses: a title row, headers, dropdowns, number formats."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sinkron.load.workbook import MAX_ROWS, column_letter
from sinkron.load.xlsx_layout import Column
from sinkron.write.plans_xlsx import FORMATS, WIDTHS, set_cell

LISTS = "daftar"  # the hidden sheet that holds the long dropdown lists


def styles() -> dict[str, Any]:
    from openpyxl.styles import Alignment, Font, PatternFill

    return {"title": Font(bold=True, size=12), "header": Font(bold=True),
            "fill": PatternFill("solid", fgColor="DDEBF7"),
            "example": Font(italic=True, color="808080"),
            "wrap": Alignment(wrap_text=True, vertical="top")}


def header_row(ws: Any, columns: Sequence[Column], row: int, extra: Sequence[str] = ()) -> None:
    """Headers (Indonesian name with the English key), widths, column number formats."""
    style = styles()
    labels = [c.label for c in columns] + list(extra)
    for n, label in enumerate(labels, 1):
        cell = set_cell(ws, row, n, label)
        cell.font, cell.fill = style["header"], style["fill"]
        letter = column_letter(n)
        key = columns[n - 1].key if n <= len(columns) else ""
        ws.column_dimensions[letter].width = WIDTHS.get(key, 18)
        kind = columns[n - 1].kind if n <= len(columns) else "whole"
        if kind in FORMATS:  # typed values take the format (and codes stay text, not dates)
            ws.column_dimensions[letter].number_format = FORMATS[kind]
    ws.freeze_panes = ws.cell(row=row + 1, column=1).coordinate


def title_row(ws: Any, text: str) -> None:
    cell = set_cell(ws, 1, 1, text)
    cell.font = styles()["title"]


def example_row(ws: Any, columns: Sequence[Column], row: int, values: dict[str, Any]) -> None:
    """Grey example values above the header: rows above the header are never read."""
    font = styles()["example"]
    for n, column in enumerate(columns, 1):
        value = values.get(column.key)
        if value is not None:
            cell = set_cell(ws, row, n, value)
            cell.font = font
            cell.number_format = FORMATS.get(column.kind, "General")


def lists_sheet(wb: Any, lists: dict[str, Sequence[Any]]) -> dict[str, str]:
    """A hidden sheet with one list per column; returns name -> absolute range reference."""
    ws = wb.create_sheet(LISTS)
    ws.sheet_state = "hidden"
    refs: dict[str, str] = {}
    for n, (name, values) in enumerate(lists.items(), 1):
        set_cell(ws, 1, n, name)
        for r, value in enumerate(values, 2):
            set_cell(ws, r, n, value)
        letter = column_letter(n)
        refs[name] = f"{LISTS}!${letter}$2:${letter}${max(2, len(values) + 1)}"
    return refs


def dropdown(ws: Any, columns: Sequence[Column], key: str, first_row: int, source: str,
             strict: bool = True, prompt: str = "") -> None:
    """A list dropdown on a column from `first_row` down; `strict` refuses other values."""
    from openpyxl.worksheet.datavalidation import DataValidation

    keys = [c.key for c in columns]
    if key not in keys:
        return
    letter = column_letter(keys.index(key) + 1)
    dv = DataValidation(type="list", formula1=source if source.startswith('"')
                        else f"={source}", allow_blank=True, showDropDown=False,
                        showErrorMessage=True, errorStyle="stop" if strict else "warning",
                        error=prompt or None, prompt=prompt or None, showInputMessage=bool(prompt))
    dv.add(f"{letter}{first_row}:{letter}{MAX_ROWS}")
    ws.add_data_validation(dv)


def number_rule(ws: Any, columns: Sequence[Column], key: str, first_row: int, kind: str,
                low: float | None = None, high: float | None = None, prompt: str = "") -> None:
    """A whole-number or decimal validation (e.g. a year within the targets period)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    keys = [c.key for c in columns]
    if key not in keys:
        return
    letter = column_letter(keys.index(key) + 1)
    op = "between" if high is not None else "greaterThanOrEqual"
    dv = DataValidation(type=kind, operator=op, formula1=str(low if low is not None else 0),
                        formula2=str(high) if high is not None else None, allow_blank=True,
                        showErrorMessage=True, errorStyle="warning", error=prompt or None,
                        prompt=prompt or None, showInputMessage=bool(prompt))
    dv.add(f"{letter}{first_row}:{letter}{MAX_ROWS}")
    ws.add_data_validation(dv)
