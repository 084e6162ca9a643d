"""Opening a workbook safely and reading its sheets into plain cell grids.

Before openpyxl sees a file, its first bytes and its zip directory are checked, so an .xls,
an .ods, a CSV, a damaged or a hostile file becomes one SK001 that says what the file really
is. Sheets are read with openpyxl's own streaming sheet parser (read-only, cached values) so
that a wrong stored dimension cannot drop rows or columns, and a formula without a cached
value or an error cell reaches the layout readers as a :class:`Bad` cell instead of a blank.
openpyxl parses XML through defusedxml (entity declarations are refused). openpyxl is
imported only here, and only when a workbook is opened.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from sinkron.findings import Location, Problem
from sinkron.i18n import Msg
from sinkron.load.sniff import sniff

MAX_ROWS = 100_000  # a regency of 250 villages x 100 activities is 25,000 rows
MAX_COLUMNS = 500
MAX_MERGED = 50_000

Cells = dict[int, dict[int, Any]]  # row -> column -> value (1-based), only non-empty cells


@dataclass(frozen=True, slots=True)
class Bad:
    """A cell whose value cannot be used: an error (#DIV/0!) or a formula never computed."""

    kind: str  # "error" | "formula"
    text: str


@dataclass
class Sheet:
    title: str
    hidden: bool
    cells: Cells = field(default_factory=dict)


def column_letter(col: int) -> str:
    out = ""
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def ref(row: int, col: int) -> str:
    """An A1 reference: (16, 5) -> "E16"."""
    return f"{column_letter(col)}{row}"


M_OPEN = Msg("cannot read the workbook ({error}); open it in a spreadsheet program and save it "
             "again as .xlsx",
             "buku kerja tidak dapat dibaca ({error}); buka di program lembar kerja lalu simpan "
             "ulang sebagai .xlsx")
M_ENTITIES = Msg("the workbook's XML declares entities, which sinkron refuses (a known attack); "
                 "save it again from a spreadsheet program",
                 "XML buku kerja memuat deklarasi entitas yang ditolak sinkron (pola serangan "
                 "yang dikenal); simpan ulang dari program lembar kerja")
M_DIMENSION = Msg("sheet '{sheet}' declares {rows} rows x {columns} columns, more than sinkron "
                  "reads ({max_rows} x {max_columns}); delete the unused rows and columns",
                  "lembar '{sheet}' menyatakan {rows} baris x {columns} kolom, melebihi batas "
                  "sinkron ({max_rows} x {max_columns}); hapus baris dan kolom yang tidak dipakai")
M_TOO_MANY_ROWS = Msg("sheet '{sheet}' has data beyond row {limit}; split the workbook",
                      "lembar '{sheet}' berisi data melewati baris {limit}; pecah buku kerjanya")
M_TOO_WIDE = Msg("sheet '{sheet}' has data beyond column {limit}; delete the unused columns",
                 "lembar '{sheet}' berisi data melewati kolom {limit}; hapus kolom yang tidak "
                 "dipakai")


class Book:
    """An open workbook: its sheets by title; cells are read on demand, one sheet at a time."""

    def __init__(self, handle: BinaryIO, wb: Any, file: str) -> None:
        self._handle = handle
        self._wb = wb
        self.file = file

    def sheets(self) -> list[tuple[str, bool]]:
        """(title, hidden) of every worksheet, in workbook order (chart sheets left out)."""
        return [(ws.title, ws.sheet_state != "visible") for ws in self._wb.worksheets
                if hasattr(ws, "_worksheet_path")]

    def read(self, title: str) -> tuple[Sheet | None, list[Problem]]:
        """The non-empty cells of one sheet, merged ranges filled down; or SK001."""
        ws = self._wb[title]
        sheet = Sheet(title, ws.sheet_state != "visible")
        where = Location(self.file, sheet=title, cell="A1")
        rows, cols = ws.max_row or 0, ws.max_column or 0
        if rows > MAX_ROWS or cols > MAX_COLUMNS:
            return None, [Problem("SK001", M_DIMENSION(sheet=title, rows=rows, columns=cols,
                                                       max_rows=MAX_ROWS,
                                                       max_columns=MAX_COLUMNS), where)]
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                merged = _read_cells(self._wb, ws, sheet.cells)
        except _TooBig as exc:
            msg = (M_TOO_MANY_ROWS(sheet=title, limit=MAX_ROWS) if exc.args[0] == "rows"
                   else M_TOO_WIDE(sheet=title, limit=column_letter(MAX_COLUMNS)))
            return None, [Problem("SK001", msg, where)]
        except Exception as exc:  # any parser failure is a finding, never a traceback
            return None, [_failure(exc, where)]
        _fill_merged(sheet.cells, merged)
        return sheet, []

    def close(self) -> None:
        try:
            self._wb.close()
        finally:
            self._handle.close()


class _TooBig(Exception):
    pass


def _failure(exc: BaseException, where: Location) -> Problem:
    cause: BaseException | None = exc
    for _ in range(10):  # openpyxl re-raises parser errors as ValueError "from" them
        if cause is None:
            break
        if type(cause).__module__.startswith("defusedxml"):
            return Problem("SK001", M_ENTITIES(), where)
        cause = cause.__cause__ or cause.__context__
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    detail = f"{type(exc).__name__}: {first}" if first else type(exc).__name__
    return Problem("SK001", M_OPEN(error=detail[:160]), where)


def open_book(path: Path, file: str) -> tuple[Book | None, list[Problem]]:
    """Check what the file is, then open it with openpyxl (read-only, cached values)."""
    where = Location(file)
    problem = sniff(path, file)
    if problem is not None:
        return None, [problem]
    from openpyxl import load_workbook

    try:
        handle = path.open("rb")
    except OSError as exc:
        return None, [Problem("SK001", M_OPEN(error=exc.strerror or str(exc)), where)]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions
            wb = load_workbook(handle, read_only=True, data_only=True, keep_links=False)
    except Exception as exc:
        handle.close()
        return None, [_failure(exc, where)]
    return Book(handle, wb, file), []


def _parser(wb: Any, ws: Any, source: BinaryIO) -> Any:
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class Parser(WorkSheetParser):  # type: ignore[misc]
        """openpyxl's sheet parser, marking errors and formulas with no cached value."""

        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            if cell["data_type"] == "e" and cell["value"] is not None:
                cell["value"] = Bad("error", str(cell["value"]))
            elif cell["value"] is None and element.find(FORMULA_TAG) is not None:
                formula = element.findtext(FORMULA_TAG) or ""
                cell["value"] = Bad("formula", "=" + formula[:60])
            return cell

    # the same arguments openpyxl's ReadOnlyWorksheet passes; reading rows ourselves keeps
    # the real row and column numbers whatever dimension the sheet claims
    return Parser(source, ws._shared_strings, data_only=True, epoch=wb.epoch,
                  date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)


def _read_cells(wb: Any, ws: Any, cells: Cells) -> list[str]:
    """Fill `cells` from the sheet XML; return the merged ranges (known only at the end)."""
    with wb._archive.open(ws._worksheet_path) as source:
        parser = _parser(wb, ws, source)
        for row, found in parser.parse():
            if row > MAX_ROWS:
                raise _TooBig("rows")
            for cell in found:
                value = cell["value"]
                if isinstance(value, str):
                    if not value.strip():
                        continue
                elif value is None:
                    continue
                if cell["column"] > MAX_COLUMNS:
                    raise _TooBig("columns")
                cells.setdefault(cell["row"], {})[cell["column"]] = value
        merged = parser.merged_cells
        return [str(m.ref) for m in merged.mergeCell] if merged is not None else []


def _fill_merged(cells: Cells, ranges: list[str]) -> None:
    """A range merged down a column shows its first value in every row: read it so."""
    from openpyxl.utils.cell import range_boundaries

    budget = 4 * MAX_ROWS  # bounds the work a workbook with many huge merges can cause
    for text in ranges[:MAX_MERGED]:
        try:
            min_col, min_row, _max_col, max_row = range_boundaries(text)
        except ValueError:
            continue
        if min_row is None or max_row is None or max_row <= min_row:
            continue
        value = cells.get(min_row, {}).get(min_col)
        if value is None:
            continue
        # only rows that hold data of their own: a merge down a whole column adds no rows
        last = min(max_row, max(cells))
        budget -= last - min_row
        if budget < 0:
            return
        for row in range(min_row + 1, last + 1):
            found = cells.get(row)
            if found is not None:
                found.setdefault(min_col, value)


def iter_rows(cells: Cells, start: int) -> Iterator[tuple[int, dict[int, Any]]]:
    """Non-empty rows from `start` on, in order."""
    for row in sorted(r for r in cells if r >= start):
        yield row, cells[row]
