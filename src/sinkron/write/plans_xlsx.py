"""Plain plan data (as read from YAML) -> a plans workbook in the layout of formats.md."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

from sinkron.load.xlsx_layout import ACTIVITIES, FUNDS, INDICATORS, VILLAGES, Column, Layout
from sinkron.load.yaml import Plain
from sinkron.model.values import is_text_number, read_number

FORMATS = {"money": "#,##0", "decimal": "0.00##", "year": "0", "whole": "#,##0", "code": "@"}
WIDTHS = {"name": 40, "location": 24, "waive_reason": 40, "supports": 24, "district": 18}
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

Row = dict[str, Any]


def _get(data: object, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, Mapping):
            return None
        data = data.get(key)
    return data


def cell_value(value: Any) -> Any:
    """What a cell holds for a YAML value: a YAML number as a number, text as text."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, Plain) and not is_text_number(value):
        try:
            number = read_number(value)
        except Exception:
            return str(value)
        return number if math.isfinite(number) else str(value)
    if isinstance(value, int | float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, list):
        return "; ".join(str(cell_value(v)) for v in value)
    return str(value)


def _waivers(row: Row, waive: object) -> None:
    """All codes in one cell; reasons that differ are kept side by side in the one reason."""
    if not isinstance(waive, Mapping) or not waive:
        return
    row["waive_code"] = "; ".join(str(k) for k in waive)
    reasons = {str(v) if v is not None else "" for v in waive.values()}
    if len(reasons) == 1:
        row["waive_reason"] = reasons.pop()
    else:
        row["waive_reason"] = " / ".join(f"{k}: {v}" for k, v in waive.items())


def plan_rows(plans: Sequence[Mapping[str, Any]]) -> dict[str, list[Row]]:
    """The rows of each sheet (column key -> YAML value) for one or many plans."""
    out: dict[str, list[Row]] = {"villages": [], "funds": [], "indicators": [], "activities": []}
    for data in plans:
        village, plan = _get(data, "village"), _get(data, "plan")
        code = _get(village, "code")
        row: Row = {k: _get(village, k) for k in ("code", "name", "district", "population")}
        row.update({k: _get(plan, k) for k in ("document", "year")})
        counts = _get(village, "counts")
        if isinstance(counts, Mapping):
            row.update({f"count:{k}": v for k, v in counts.items()})
        _waivers(row, _get(village, "waive"))
        out["villages"].append(row)
        funds = _get(plan, "funds")
        for fund, amount in (funds.items() if isinstance(funds, Mapping) else ()):
            out["funds"].append({"village": code, "fund": fund, "amount": amount})
        for entry in _get(data, "indicators") or ():
            out["indicators"].append({
                "village": code, "id": _get(entry, "id"),
                **{f"baseline_{k}": _get(entry, "baseline", k)
                   for k in ("year", "value", "source")},
                **{f"target_{k}": _get(entry, "target", k) for k in ("year", "value")}})
        for entry in _get(data, "activities") or ():
            act: Row = {"village": code}
            act.update({k: _get(entry, k) for k in ("code", "name", "supports", "budget", "fund",
                                                    "location")})
            act["output_volume"] = _get(entry, "output", "volume")
            act["output_unit"] = _get(entry, "output", "unit")
            _waivers(act, _get(entry, "waive"))
            out["activities"].append(act)
    return out


_KNOWN: dict[tuple[str, ...], frozenset[str]] = {
    (): frozenset({"village", "plan", "indicators", "activities"}),
    ("village",): frozenset({"code", "name", "district", "population", "counts", "waive"}),
    ("plan",): frozenset({"document", "year", "funds"}),
    ("indicators",): frozenset({"id", "baseline", "target"}),
    ("indicators", "baseline"): frozenset({"year", "value", "source"}),
    ("indicators", "target"): frozenset({"year", "value"}),
    ("activities",): frozenset({"code", "name", "supports", "budget", "fund", "output",
                                "location", "waive"}),
    ("activities", "output"): frozenset({"volume", "unit"}),
}


def unplaced(data: Mapping[str, Any]) -> list[str]:
    """Keys of a plan that the workbook layout has no column for (a convert warns of them)."""
    out: list[str] = []

    def visit(value: object, shape: tuple[str, ...], where: str) -> None:
        if not isinstance(value, Mapping):
            return
        for key, sub in value.items():
            if key not in _KNOWN[shape]:
                out.append(f"{where}{key}")
            elif shape + (key,) in _KNOWN:
                visit(sub, shape + (key,), f"{where}{key}.")

    visit(data, (), "")  # village and plan are visited from the top
    for key in ("indicators", "activities"):
        items = data.get(key)
        for n, item in enumerate(items if isinstance(items, list) else ()):
            visit(item, (key,), f"{key}[{n}].")
    return out


def set_cell(ws: Any, row: int, col: int, value: Any) -> Any:
    """Write a value; text is always text (never a formula) and loses control characters."""
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        cell.value = _ILLEGAL.sub("\ufffd", value)
        cell.data_type = "s"  # "=SUM(...)" typed in a plan stays text
    else:
        cell.value = value
    return cell


def write_table(ws: Any, layout: Layout, rows: Sequence[Row], header: int = 1,
                columns: Sequence[Column] | None = None, counts: Sequence[str] = ()) -> None:
    """Header row, then one row per entry, with number formats and a frozen header."""
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    cols = list(columns or layout.columns)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for n, column in enumerate(cols, 1):
        cell = set_cell(ws, header, n, column.label)
        cell.font, cell.fill = bold, fill
        ws.column_dimensions[get_column_letter(n)].width = WIDTHS.get(column.key, 16)
    for n, name in enumerate(counts, len(cols) + 1):
        cell = set_cell(ws, header, n, name)
        cell.font, cell.fill = bold, fill
        ws.column_dimensions[get_column_letter(n)].width = 18
    for r, row in enumerate(rows, header + 1):
        for n, column in enumerate(cols, 1):
            value = cell_value(row.get(column.key))
            if value is not None:
                set_cell(ws, r, n, value).number_format = FORMATS.get(column.kind, "General")
        for n, name in enumerate(counts, len(cols) + 1):
            value = cell_value(row.get(f"count:{name}"))
            if value is not None:
                set_cell(ws, r, n, value).number_format = FORMATS["whole"]
    ws.freeze_panes = ws.cell(row=header + 1, column=1).coordinate


def plans_workbook(plans: Sequence[Mapping[str, Any]]) -> Any:
    """A new openpyxl Workbook holding `plans` (plain data of YAML plan files)."""
    from openpyxl import Workbook

    rows = plan_rows(plans)
    wb = Workbook()
    wb.remove(wb.active)
    counts = list(dict.fromkeys(k[6:] for r in rows["villages"] for k in r
                                if k.startswith("count:")))
    for layout in (VILLAGES, FUNDS, INDICATORS, ACTIVITIES):
        ws = wb.create_sheet(layout.aliases[0])
        write_table(ws, layout, rows[layout.key], counts=counts if layout is VILLAGES else ())
    return wb
