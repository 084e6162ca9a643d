"""Opening a workbook safely and reading its sheets into plain cell grids.

Before any XML is parsed, the file's first bytes and its zip directory are checked, so an
.xls, an .ods, a CSV, a damaged or a hostile file becomes one SK001 that says what the file
really is. Sheets are streamed with expat (load.ooxml): every cell keeps its real row and
column whatever dimension the sheet claims; a declared size beyond the caps ends the read at
once; cached values are read, and a formula without one or an error cell reaches the layout
readers as a :class:`Bad` cell instead of a blank. This is several times faster than
openpyxl's reader, which is used only to write workbooks.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from sinkron.findings import Location, Problem
from sinkron.i18n import Msg
from sinkron.load.ooxml import Malformed, Package, Refused, fast_parser, feed, read_package
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


@cache
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
        reader = _SheetReader(self._package, sheet.cells)
        try:
            feed(self._archive, member, reader.parser)
        except _TooBig as exc:
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


class _TooBig(Exception):
    pass


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


def _position(ref_text: str) -> tuple[int, int]:
    """"E16" -> (16, 5)."""
    letters = ref_text.rstrip("0123456789")
    col = 0
    for ch in letters.upper():
        col = col * 26 + ord(ch) - 64
    return int(ref_text[len(letters):]), col


class _SheetReader:
    """expat handlers for one worksheet: cells with their values, merged ranges."""

    def __init__(self, package: Package, cells: Cells) -> None:
        self.strings = package.strings
        self.dates = package.date_styles
        self.epoch = package.epoch
        self.cells = cells
        self.merged: list[str] = []
        self.row = 0
        self.col = 0
        self.cell: dict[str, str] = {}
        self.value: list[str] | None = None  # text of <v>, or of <t> in an inline string
        self.formula: list[str] | None = None
        self.inline: list[str] = []
        self.grab: list[str] | None = None
        self.local: dict[str, str] = {}  # "x:c" -> "c"
        self.parser = fast_parser(self.start, self.end, self.text)

    def _local(self, name: str) -> str:
        tag = self.local.get(name)
        if tag is None:
            tag = self.local[name] = name.rpartition(":")[2]
        return tag

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = self._local(name)
        if tag == "c":
            self.cell = attrs
            self.value, self.formula, self.inline = None, None, []
            if "r" in attrs:
                self.row, self.col = _position(attrs["r"])
            else:
                self.col += 1
        elif tag == "v":
            self.value = self.grab = []
        elif tag == "f":
            self.formula = self.grab = []
        elif tag == "t" and self.cell:
            self.grab = self.inline
        elif tag == "row":
            self.row = int(attrs["r"]) if attrs.get("r", "").isdigit() else self.row + 1
            self.col = 0
            if self.row > MAX_ROWS:
                raise _TooBig("rows", self.row, 0)
        elif tag == "dimension":
            self._dimension(attrs.get("ref", ""))
        elif tag == "mergeCell" and len(self.merged) < MAX_MERGED:
            self.merged.append(attrs.get("ref", ""))

    def text(self, data: str) -> None:
        if self.grab is not None:
            self.grab.append(data)

    def end(self, name: str) -> None:
        tag = self._local(name)
        if tag in ("v", "f", "t"):
            self.grab = None
        elif tag == "c":
            value = self._value()
            self.cell = {}
            if value is None or (isinstance(value, str) and not value.strip()):
                return
            if self.col > MAX_COLUMNS:
                raise _TooBig("columns", 0, self.col)
            self.cells.setdefault(self.row, {})[self.col] = value

    def _value(self) -> Any:
        kind = self.cell.get("t", "n")
        raw = "".join(self.value) if self.value is not None else None
        if not raw and kind != "inlineStr":  # <v/> is no value either
            if self.formula is not None:
                return Bad("formula", "=" + "".join(self.formula)[:60])
            return None
        if kind == "s":
            return self.strings[int(raw or "")]
        if kind == "inlineStr":
            return "".join(self.inline)
        if kind in ("str", "d"):
            return dt.datetime.fromisoformat(raw or "") if kind == "d" else raw
        if kind == "b":
            return raw == "1"
        if kind == "e":
            return Bad("error", raw or "")
        number: int | float = int(raw) if raw and raw.lstrip("-").isdigit() else float(raw or 0)
        style = self.cell.get("s", "0")
        if style.isdigit() and int(style) in self.dates:
            from openpyxl.utils.datetime import from_excel

            try:
                return from_excel(number, self.epoch)
            except (OverflowError, ValueError):
                return Bad("error", "#VALUE!")
        return number

    def _dimension(self, text: str) -> None:
        """A declared size beyond the caps ends the read before any row is parsed."""
        last = text.rpartition(":")[2]
        try:
            rows, cols = _position(last)
        except ValueError:
            return
        if rows > MAX_ROWS or cols > MAX_COLUMNS:
            raise _TooBig("declared", rows, cols)


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
