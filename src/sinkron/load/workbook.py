"""Opening a workbook safely and reading its sheets into plain cell grids.

Before any XML is parsed, the file's first bytes and its zip directory are checked, so an
.xls, an .ods, a CSV, a damaged or a hostile file becomes one SK001 that says what the file
really is. Sheets are streamed with expat (load.sheet_xml): every cell keeps its real row and
column whatever dimension the sheet claims; a declared size beyond the caps ends the read at
once; cached values are read, and a formula without one or an error cell reaches the layout
readers as a :class:`Bad` cell instead of a blank. This is several times faster than
openpyxl's reader, which is used only to write workbooks.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sinkron.findings import Location, Problem
from sinkron.i18n import Msg
from sinkron.load.ooxml import Malformed, Package, Refused, feed, read_package
from sinkron.load.sheet_xml import (
    MAX_COLUMNS,
    MAX_MERGED,
    MAX_ROWS,
    Bad,
    Cells,
    SheetReader,
    TooBig,
    column_letter,
)
from sinkron.load.sniff import sniff


@dataclass
class Sheet:
    title: str
    hidden: bool
    cells: Cells = field(default_factory=dict)


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

    def __init__(self, archive: zipfile.ZipFile, package: Package, file: str) -> None:
        self._archive = archive
        self._package = package
        self.file = file

    def sheets(self) -> list[tuple[str, bool]]:
        """(title, hidden) of every worksheet, in workbook order (chart sheets left out)."""
        return [(title, hidden) for title, _, hidden in self._package.sheets]

    def read(self, title: str) -> tuple[Sheet | None, list[Problem]]:
        """The non-empty cells of one sheet, merged ranges filled down; or SK001."""
        member, hidden = next((m, h) for t, m, h in self._package.sheets if t == title)
        sheet = Sheet(title, hidden)
        where = Location(self.file, sheet=title, cell="A1")
        reader = SheetReader(self._package, sheet.cells)
        try:
            feed(self._archive, member, reader.parser)
        except TooBig as exc:
            kind, rows, cols = exc.args
            if kind == "declared":
                msg = M_DIMENSION(sheet=title, rows=rows, columns=cols, max_rows=MAX_ROWS,
                                  max_columns=MAX_COLUMNS)
            elif kind == "rows":
                msg = M_TOO_MANY_ROWS(sheet=title, limit=MAX_ROWS)
            else:
                msg = M_TOO_WIDE(sheet=title, limit=column_letter(MAX_COLUMNS))
            return None, [Problem("SK001", msg, where)]
        except Exception as exc:  # any parser failure is a finding, never a traceback
            return None, [_failure(exc, where)]
        _fill_merged(sheet.cells, reader.merged)
        return sheet, []

    def close(self) -> None:
        self._archive.close()


def _failure(exc: BaseException, where: Location) -> Problem:
    if isinstance(exc, Refused):
        return Problem("SK001", M_ENTITIES(), where)
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    detail = f"{type(exc).__name__}: {first}" if first else type(exc).__name__
    return Problem("SK001", M_OPEN(error=detail[:160]), where)


def open_book(path: Path, file: str) -> tuple[Book | None, list[Problem]]:
    """Check what the file is, then read the workbook part, strings and styles."""
    where = Location(file)
    problem = sniff(path, file)
    if problem is not None:
        return None, [problem]
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        return None, [_failure(exc, where)]
    try:
        package = read_package(archive)
    except Malformed as exc:
        archive.close()
        return None, [Problem("SK001", M_OPEN(error=f"no part {exc}"), where)]
    except Exception as exc:
        archive.close()
        return None, [_failure(exc, where)]
    return Book(archive, package, file), []


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


__all__ = ["MAX_COLUMNS", "MAX_ROWS", "Bad", "Book", "Cells", "Sheet", "column_letter",
           "iter_rows", "open_book", "ref"]
