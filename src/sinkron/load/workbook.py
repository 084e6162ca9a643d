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

import gc
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from sinkron.findings import Location, Problem
from sinkron.i18n import L, Msg
from sinkron.load.cells import column_letter
from sinkron.load.files import open_regular
from sinkron.load.ooxml import Malformed, Package, Refused, read_package
from sinkron.load.sheet_xml import (
    MAX_COLUMNS,
    MAX_MERGED,
    MAX_ROWS,
    Bad,
    Cells,
    SheetReader,
    TooBig,
)
from sinkron.load.sniff import M_TOO_BIG, MAX_FILE_BYTES, sniff
from sinkron.load.zipread import MAX_ELEMENTS, Budget, Exhausted, Lying, feed


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


M_ELEMENTS = Msg("the workbook holds more than {limit} {what}, more than sinkron reads; delete "
                 "unused rows, columns and formatting, or split the workbook",
                 "buku kerja memuat lebih dari {limit} {what}, melebihi batas sinkron; hapus "
                 "baris, kolom, dan format yang tidak dipakai, atau pecah buku kerjanya")
M_INFLATED = Msg("part {part} unpacks to more than {limit} times its packed size; the file is "
                 "damaged or built to attack, not a normal workbook: save it again from a "
                 "spreadsheet program",
                 "bagian {part} terurai melebihi {limit} kali ukuran terkompresinya; berkas rusak "
                 "atau sengaja dibuat untuk menyerang, bukan buku kerja yang wajar: simpan ulang "
                 "dari program lembar kerja")
M_TOKEN = Msg("part {part} holds one XML item (a tag with its attributes, or a comment) of more "
              "than {limit} bytes, which no spreadsheet program writes; save the workbook again "
              "from a spreadsheet program",
              "bagian {part} memuat satu butir XML (tag dengan atributnya, atau komentar) lebih "
              "dari {limit} bita, yang tidak pernah ditulis program lembar kerja; simpan ulang "
              "buku kerja dari program lembar kerja")
M_INFLATED_ALL = Msg("the workbook unpacks to more than {limit} bytes (reached in part {part}), "
                     "more than sinkron reads; save it again from a spreadsheet program, or "
                     "split it",
                     "buku kerja terurai melebihi {limit} bita (tercapai di bagian {part}), "
                     "melebihi batas sinkron; simpan ulang dari program lembar kerja, atau pecah "
                     "buku kerjanya")
M_LYING = Msg("the zip headers of part {part} disagree about its {what}; the file is damaged: "
              "open it in a spreadsheet program and save it again",
              "kepala zip bagian {part} saling bertentangan tentang {what}; berkas rusak: buka "
              "di program lembar kerja lalu simpan ulang")
HEADER_FIELDS = {"CRC": L("checksum (CRC)", "checksum (CRC)"), "size": L("size", "ukuran"),
                 "packed size": L("packed size", "ukuran terkompresi"),
                 "header": L("header", "kepalanya")}
WHAT = {"elements": L("cells, rows and other XML elements", "sel, baris, dan elemen XML lain"),
        "strings": L("shared texts", "teks bersama"), "sheets": L("sheets", "lembar")}


class Book:
    """An open workbook: its sheets by title; cells are read on demand, one sheet at a time."""

    def __init__(self, archive: zipfile.ZipFile, package: Package, file: str,
                 fh: BinaryIO | None = None) -> None:
        self._archive = archive
        self._package = package
        self._fh = fh
        self.file = file

    def sheets(self) -> list[tuple[str, bool]]:
        """(title, hidden) of every worksheet, in workbook order (chart sheets left out)."""
        return [(title, hidden) for title, _, hidden in self._package.sheets]

    def read(self, title: str) -> tuple[Sheet | None, list[Problem]]:
        """The non-empty cells of one sheet, merged ranges filled down; or SK001."""
        member, hidden = next((m, h) for t, m, h in self._package.sheets if t == title)
        sheet = Sheet(title, hidden)
        budget = self._package.budget
        reader = SheetReader(self._package, sheet.cells, budget.elements)
        collecting = gc.isenabled()
        gc.disable()  # cells make no reference cycles; the collector would rescan them all
        try:
            feed(self._archive, member, reader.parser, budget)
        except TooBig as exc:
            return None, [_too_big(exc, self.file, title)]
        except Exception as exc:  # any parser failure is a finding, never a traceback
            where = Location(self.file, sheet=title, cell=_cell(reader.row, reader.col))
            return None, [_failure(exc, where)]
        finally:
            budget.elements = reader.budget
            reader.parser = None  # parser and reader refer to each other: free the cells now
            if collecting:
                gc.enable()
        _fill_merged(sheet.cells, reader.merged)
        return sheet, []

    def close(self) -> None:
        self._archive.close()
        if self._fh is not None:
            self._fh.close()


def _cell(row: int, col: int) -> str:
    """Where a sheet's reading stopped ("A1" before any cell)."""
    return ref(max(row, 1), max(col, 1))


def _too_big(exc: TooBig, file: str, title: str) -> Problem:
    kind, row, col = exc.args
    if kind == "declared":
        msg = M_DIMENSION(sheet=title, rows=row, columns=col, max_rows=MAX_ROWS,
                          max_columns=MAX_COLUMNS)
        return Problem("SK001", msg, Location(file, sheet=title, cell="A1"))
    if kind == "rows":
        msg = M_TOO_MANY_ROWS(sheet=title, limit=MAX_ROWS)
    elif kind == "columns":
        msg = M_TOO_WIDE(sheet=title, limit=column_letter(MAX_COLUMNS))
    else:
        msg = M_ELEMENTS(limit=MAX_ELEMENTS, what=WHAT["elements"])
    cell = ref(row, col) if row <= 1_048_576 and col <= 16_384 else _cell(0, 0)
    return Problem("SK001", msg, Location(file, sheet=title, cell=cell))


def _failure(exc: BaseException, where: Location) -> Problem:
    if isinstance(exc, Refused):
        return Problem("SK001", M_ENTITIES(), where)
    if isinstance(exc, Exhausted):
        what, limit, part = exc.args
        if what == "bytes":
            return Problem("SK001", M_INFLATED_ALL(limit=limit, part=part), where)
        if what == "ratio":
            return Problem("SK001", M_INFLATED(part=part, limit=limit), where)
        if what == "token":
            return Problem("SK001", M_TOKEN(part=part, limit=limit), where)
        return Problem("SK001", M_ELEMENTS(limit=limit, what=WHAT[what]), where)
    if isinstance(exc, Lying):
        part, what = exc.args
        return Problem("SK001", M_LYING(part=part[:80], what=HEADER_FIELDS[what]), where)
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    detail = f"{type(exc).__name__}: {first}" if first else type(exc).__name__
    return Problem("SK001", M_OPEN(error=detail[:160]), where)


def open_book(path: Path, file: str) -> tuple[Book | None, list[Problem]]:
    """Check what the file is, then read the workbook part, strings and styles."""
    where = Location(file)
    fh, problem = open_regular(path, file, MAX_FILE_BYTES, M_TOO_BIG, where)
    if fh is None:
        return None, [problem] if problem else []
    opened, problem = sniff(fh, file)
    if opened is None:
        fh.close()
        return None, [problem] if problem else []
    archive, source = opened
    try:
        package = read_package(archive, Budget(source=source))
    except Malformed as exc:
        problem = Problem("SK001", M_OPEN(error=f"no part {exc}"), where)
    except Exception as exc:
        problem = _failure(exc, where)
    if problem is not None:
        archive.close()
        fh.close()
        return None, [problem]
    return Book(archive, package, file, fh), []


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
