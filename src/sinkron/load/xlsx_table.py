"""One sheet as a table: its header row, its columns by key, its data rows.

Also :class:`Doc`, the plain data a workbook becomes (the same shape the YAML loader
gives) with a SourceMap of (sheet, cell) positions, so that model.build validates workbooks
and YAML files alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sinkron.findings import Location, Problem
from sinkron.i18n import L, Msg, Text
from sinkron.load.sheet_xml import MAX_CHARS
from sinkron.load.source import Path, SourceMap
from sinkron.load.workbook import Bad, Sheet, column_letter, iter_rows, ref
from sinkron.load.xlsx_layout import IGNORED, Layout, normalise
from sinkron.model.errors import suggest

HEADER_ROWS = 10
CLOSE = 0.75  # how near an unknown header must be to a known one for "did you mean"
CellPos = tuple[str, str]  # (sheet title, "E16")

M_NO_HEADER = Msg("no header row in the first {rows} rows of sheet '{sheet}'; write the column "
                  "names ({columns}) in one row",
                  "tidak ada baris judul kolom pada {rows} baris pertama lembar '{sheet}'; "
                  "tulis nama kolom ({columns}) dalam satu baris")
M_UNKNOWN_COLUMN = Msg("unknown column '{header}' in sheet '{sheet}'{hint}",
                       "kolom '{header}' pada lembar '{sheet}' tidak dikenal{hint}")
M_HINT = Msg("; did you mean '{name}'?", "; mungkin maksudnya '{name}'?")
M_COLUMNS = Msg("; the columns are: {names}", "; kolom yang dikenal: {names}")
M_DUP_COLUMN = Msg("column '{header}' repeats column {first}; keep one of them",
                   "kolom '{header}' mengulang kolom {first}; sisakan satu saja")
M_MISSING_COLUMN = Msg("sheet '{sheet}' has no column {column}; add it to the header row",
                       "lembar '{sheet}' tidak memiliki kolom {column}; tambahkan pada baris "
                       "judul kolom")
M_HEADERLESS = Msg("column {column} of sheet '{sheet}' holds values but has no header; name the "
                   "column or delete the values",
                   "kolom {column} pada lembar '{sheet}' berisi nilai tetapi tanpa judul kolom; "
                   "beri judul atau hapus nilainya")
M_ERROR_CELL = Msg("the cell shows the error {error}; correct the formula or type the value",
                   "sel menampilkan galat {error}; perbaiki rumusnya atau ketik nilainya")
M_FORMULA = Msg("the formula {formula} has no saved value (the file was written by a program "
                "that does not calculate); open and save the file in a spreadsheet program",
                "rumus {formula} tidak memiliki nilai tersimpan (berkas dibuat program yang tidak "
                "menghitung rumus); buka lalu simpan berkas di program lembar kerja")

M_INVALID = Msg("the file stores '{value}' in this cell, which is not a valid {what}; the file is "
                "damaged or was not written by a spreadsheet program: type the value again",
                "berkas menyimpan '{value}' di sel ini, yang bukan {what} yang sah; berkas rusak "
                "atau tidak dibuat program lembar kerja: ketik ulang nilainya")
M_LONG = Msg("the cell holds {size} characters, more than the {limit} sinkron reads; shorten it",
             "sel berisi {size} karakter, melebihi batas {limit} karakter; persingkat isinya")
KINDS = {"number": L("number", "angka"), "boolean": L("TRUE/FALSE value", "nilai TRUE/FALSE"),
         "date": L("date", "tanggal"),
         "shared": L("reference to the workbook's texts", "rujukan ke teks buku kerja"),
         "value": L("cell value", "nilai sel")}


def bad_message(value: Bad) -> Text:
    """What to tell the planner about an unusable cell."""
    if value.kind == "error":
        return M_ERROR_CELL(error=value.text)
    if value.kind == "formula":
        return M_FORMULA(formula=value.text)
    if value.kind == "long":
        return M_LONG(size=value.text, limit=MAX_CHARS)
    return M_INVALID(value=value.text, what=KINDS.get(value.what, KINDS["value"]))


def clean(value: Any) -> Any:
    """A cell value as the models read it: whole-number floats are whole numbers."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, str):
        return value.strip()
    return value


@dataclass
class Table:
    file: str
    sheet: str
    header: int
    columns: dict[str, int]  # column key -> column number
    extras: dict[int, str] = field(default_factory=dict)  # other columns (villages: counts)
    rows: list[tuple[int, dict[int, Any]]] = field(default_factory=list)
    missing: set[str] = field(default_factory=set)  # required columns the sheet lacks

    def pos(self, row: int, key: str | int | None = None) -> CellPos:
        """(sheet, "E16") of a column key (or number) in a row; the row's first column."""
        col = key if isinstance(key, int) else self.columns.get(key or "")
        if col is None:
            col = min(self.columns.values(), default=1)
        return (self.sheet, ref(row, col))

    def at(self, row: int, key: str | int | None = None) -> Location:
        sheet, cell = self.pos(row, key)
        return Location(self.file, sheet=sheet, cell=cell)

    def raw(self, cells: dict[int, Any], key: str) -> Any:
        col = self.columns.get(key)
        return None if col is None else cells.get(col)


def find_table(sheet: Sheet, layout: Layout, file: str,
               extras: bool = False) -> tuple[Table | None, list[Problem]]:
    """The header row (the first of the first 10 rows with two known headers) and the rows."""
    lookup = layout.lookup()
    problems: list[Problem] = []
    header = next((row for row in range(1, HEADER_ROWS + 1)
                   if sum(1 for v in sheet.cells.get(row, {}).values()
                          if not isinstance(v, Bad) and normalise(v) in lookup) >= 2), None)
    if header is None:
        names = ", ".join(c.label for c in layout.columns if c.required)
        return None, [Problem("SK002", M_NO_HEADER(rows=HEADER_ROWS, sheet=sheet.title,
                                                   columns=names),
                              Location(file, sheet=sheet.title, cell="A1"))]
    table = Table(file, sheet.title, header, {})
    named: set[int] = set()
    for col, value in sorted(sheet.cells[header].items()):
        if isinstance(value, Bad):
            continue
        text = str(clean(value))
        norm = normalise(text)
        named.add(col)
        where = Location(file, sheet=sheet.title, cell=ref(header, col))
        if norm in lookup:
            key = lookup[norm]
            if key in table.columns:
                first = ref(header, table.columns[key])
                problems.append(Problem("SK002", M_DUP_COLUMN(header=text, first=first), where))
            else:
                table.columns[key] = col
            continue
        if not norm or norm in IGNORED:
            continue
        near = suggest(norm, lookup)
        if near is not None and _close(norm, near):
            label = layout.column(lookup[near]).label
            tail = M_HINT(name=label)
            problems.append(Problem("SK002", M_UNKNOWN_COLUMN(
                header=text, sheet=sheet.title, hint=L(tail.en, tail.id)), where))
        elif extras:
            table.extras[col] = text
        else:
            names = ", ".join(c.label for c in layout.columns)
            tail = M_COLUMNS(names=names)
            problems.append(Problem("SK002", M_UNKNOWN_COLUMN(
                header=text, sheet=sheet.title, hint=L(tail.en, tail.id)), where))
    headerless: set[int] = set()
    known = set(table.columns.values()) | set(table.extras)
    for row, cells in iter_rows(sheet.cells, header + 1):
        for col in cells:
            if col not in named and col not in headerless:
                headerless.add(col)
                problems.append(Problem("SK002", M_HEADERLESS(
                    column=column_letter(col), sheet=sheet.title),
                    Location(file, sheet=sheet.title, cell=ref(row, col))))
        if any(col in known for col in cells):
            table.rows.append((row, cells))
    for column in layout.columns:
        if column.required and column.key not in table.columns and column.key != "village":
            table.missing.add(column.key)
            problems.append(Problem("SK002", M_MISSING_COLUMN(sheet=sheet.title,
                                                              column=column.label),
                                    table.at(header)))
    return table, problems


def _close(word: str, near: str) -> bool:
    import difflib

    return word == near or difflib.SequenceMatcher(None, word, near).ratio() >= CLOSE


def count_name(header: str) -> str:
    """A count column's name: "Jumlah KK" -> "jumlah_kk" (parentheses dropped)."""
    return re.sub(r"\s+", "_", re.sub(r"\([^)]*\)", "", header).strip().lower())


@dataclass
class Doc:
    """Plain data assembled from cells, with positions, blanks and cell problems."""

    file: str
    data: dict[str, Any] = field(default_factory=dict)
    source: SourceMap = field(init=False)
    blanks: dict[Path, CellPos] = field(default_factory=dict)  # empty cells of existing columns
    silenced: set[Path] = field(default_factory=set)  # reported once elsewhere
    cell_problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.source = SourceMap(self.file)

    def put(self, target: dict[Any, Any], key: Any, path: Path, table: Table, row: int,
            column: str, cells: dict[int, Any]) -> bool:
        """Copy one cell into `target[key]`; False when it is empty (or unusable)."""
        if column in table.missing:
            self.silenced.add(path)
            return False
        if column not in table.columns:
            return False
        pos = table.pos(row, column)
        value = table.raw(cells, column)
        if value is None:
            self.blanks[path] = pos
            return False
        self.source.values[path] = pos
        if isinstance(value, Bad):
            self.bad(value, path, pos)
            return False
        target[key] = clean(value)
        return True

    def bad(self, value: Bad, path: Path, pos: CellPos) -> None:
        """An error cell, an uncomputed formula, a broken or overlong value: SK002 at the cell;
        the value is unusable."""
        msg = bad_message(value)
        self.silenced.add(path)
        self.cell_problems.append(Problem("SK002", msg, Location(self.file, sheet=pos[0],
                                                                 cell=pos[1]), path=path))

    def settle(self, problems: list[Problem]) -> list[Problem]:
        """Build problems after the cell's own: silenced dropped, missing ones at the blank."""
        out: list[Problem] = []
        for p in problems:
            if p.path is not None and p.path in self.silenced and p.code == "SK002":
                continue
            if p.path is not None and p.path in self.blanks:  # absent: about its absence
                sheet, cell = self.blanks[p.path]
                p = Problem(p.code, p.message, Location(self.file, sheet=sheet, cell=cell),
                            path=p.path, related=p.related)
            out.append(p)
        return out
