"""One worksheet's XML streamed into cells: values, errors, formulas without values, merges.

Written for speed (a regency workbook has hundreds of thousands of cells): element names are
looked up once, the common cell (a number or a shared string) takes few branches. Every
stored value is checked (load.cells): a value no spreadsheet program writes (a boolean
"yes", a number "1e400", a text index past the shared strings) is a Bad cell, never an
exception that would lose the whole sheet, and never a silently wrong value.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sinkron.load.cells import COLUMNS, DIGITS, SHOWN, Bad, column_number, number, position, whole
from sinkron.load.ooxml import Package, fast_parser

MAX_ROWS = 100_000  # a regency of 250 villages x 100 activities is 25,000 rows
MAX_COLUMNS = 500
MAX_MERGED = 50_000
MAX_CHARS = 10_000  # characters in one cell, as in a YAML value

Cells = dict[int, dict[int, Any]]  # row -> column -> value (1-based), only non-empty cells
NO_CELL: dict[str, str] = {}  # outside a cell (never written to)


class TooBig(Exception):
    """The sheet declares or holds more than sinkron reads: (kind, row, column)."""


class SheetReader:
    """expat handlers for one worksheet: cells with their values, merged ranges."""

    def __init__(self, package: Package, cells: Cells, budget: int) -> None:
        self.strings = package.strings
        self.dates = package.date_styles
        self.epoch = package.epoch
        self.cells = cells
        self.budget = budget  # XML elements the workbook may still hold
        self.merged: list[str] = []
        self.row = 0
        self.col = 0
        self.rows = 0  # row elements met
        self.cell: dict[str, str] = NO_CELL
        self.value: list[str] | None = None  # text of <v>
        self.formula: list[str] | None = None
        self.inline: list[str] | None = None  # text of <t> in an inline string
        self.grab: list[str] | None = None
        self.phonetic = 0  # inside <rPh>: a reading guide, not the cell's text
        self.names: dict[str, str] = {}  # "x:c" -> "c"
        self.parser: Any = fast_parser(self.start, self.end, self.text)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.budget -= 1
        if self.budget < 0:
            raise TooBig("elements", self.row, self.col)
        tag = self.names.get(name)
        if tag is None:
            tag = self.names[name] = name.rpartition(":")[2]
        if tag == "c":
            self.cell = attrs
            self.value = self.formula = self.inline = None
            ref_text = attrs.get("r")
            if ref_text is None:  # no reference: the next cell of the row
                self.col += 1
                return
            # position() inlined: this runs for every cell
            letters = ref_text.rstrip(DIGITS)
            digits = ref_text[len(letters):]
            col = COLUMNS.get(letters) or column_number(letters)
            if col and digits and len(digits) < 10 and digits[0] != "0":
                self.row, self.col = int(digits), col
            else:  # no usable reference ("A0", "!!"): the next cell of the row
                self.col += 1
        elif tag == "v":
            self.value = self.grab = []
        elif tag == "row":
            raw = attrs.get("r")
            self.row = int(raw) if raw is not None and whole(raw) and raw[0] != "0" \
                else self.row + 1
            self.col = 0
            self.rows += 1  # a sheet of 100,000 rows has no more row elements than that
            if self.row > MAX_ROWS or self.rows > MAX_ROWS:
                raise TooBig("rows", self.row, 1)
        elif tag == "t":
            if self.cell and not self.phonetic:
                if self.inline is None:
                    self.inline = []
                self.grab = self.inline
        elif tag == "f":
            self.formula = self.grab = []
        elif tag == "rPh":
            self.phonetic += 1
        elif tag == "dimension":
            self._dimension(attrs.get("ref", ""))
        elif tag == "mergeCell" and len(self.merged) < MAX_MERGED:
            self.merged.append(attrs.get("ref", ""))

    def text(self, data: str) -> None:
        if self.grab is not None:
            self.grab.append(data)

    def end(self, name: str) -> None:
        tag = self.names[name]
        if tag == "v" or tag == "t" or tag == "f":
            self.grab = None
        elif tag == "c":
            cell = self.cell
            self.cell = NO_CELL
            raw = self.value
            if raw is not None and len(raw) == 1 and self.inline is None:
                text = raw[0]
                kind = cell.get("t")
                # the commonest cells first: a plain number, a shared text
                if kind is None and "s" not in cell and text.isdigit() and text.isascii() \
                        and len(text) < 16:
                    value: Any = int(text)
                elif kind == "s" and text.isdigit() and text.isascii() and len(text) < 10 \
                        and int(text) < len(self.strings):
                    value = self._text(self.strings[int(text)])
                else:
                    value = self._value(cell)
            elif raw is None and self.inline is None and self.formula is None:
                return  # an empty (formatted) cell: the commonest in a flood
            else:
                value = self._value(cell)
            if value is None or (value.__class__ is str and not value.strip()):
                return
            if self.col > MAX_COLUMNS:
                raise TooBig("columns", self.row, self.col)
            row = self.cells.get(self.row)
            if row is None:
                row = self.cells[self.row] = {}
            row[self.col] = value
        elif tag == "rPh":
            self.phonetic -= 1

    def _value(self, cell: dict[str, str]) -> Any:
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            return self._text("".join(self.inline or ()))
        raw = "".join(self.value) if self.value is not None else ""
        if not raw:  # <v/> is no value either
            if self.formula is not None:
                return Bad("formula", "=" + "".join(self.formula)[:SHOWN])
            return None
        if kind == "s":
            return self._shared(raw)
        if kind == "n":
            value = int(raw) if raw.isdigit() and raw.isascii() and len(raw) < 16 \
                else number(raw)
            style = cell.get("s")
            if style is None or value.__class__ is Bad or not whole(style) \
                    or int(style) not in self.dates:
                return value
            return self._date(value)  # type: ignore[arg-type]
        if kind == "str":
            return self._text(raw)
        if kind == "b":
            return raw == "1" if raw in ("0", "1") else Bad("invalid", raw[:SHOWN], "boolean")
        if kind == "e":
            return Bad("error", raw[:SHOWN])
        if kind == "d":
            try:
                return dt.datetime.fromisoformat(raw)
            except ValueError:
                return Bad("invalid", raw[:SHOWN], "date")
        return Bad("invalid", f'{raw[:SHOWN]} (t="{kind[:20]}")', "value")

    def _shared(self, raw: str) -> Any:
        """The shared string a t="s" cell points at; a missing one is Bad, not another's."""
        if whole(raw) and int(raw) < len(self.strings):
            return self._text(self.strings[int(raw)])
        return Bad("invalid", raw[:SHOWN], "shared")

    def _text(self, text: str) -> str | Bad:
        return text if len(text) <= MAX_CHARS else Bad("long", str(len(text)))

    def _date(self, value: int | float) -> Any:
        from openpyxl.utils.datetime import from_excel

        try:
            return from_excel(value, self.epoch)
        except (OverflowError, ValueError):
            return Bad("error", "#VALUE!")

    def _dimension(self, text: str) -> None:
        """A declared size beyond the caps ends the read before any row is parsed."""
        last = position(text.rpartition(":")[2])
        if last is None:
            return
        rows, cols = last
        if rows > MAX_ROWS or cols > MAX_COLUMNS:
            raise TooBig("declared", rows, cols)


__all__ = ["MAX_CHARS", "MAX_COLUMNS", "MAX_MERGED", "MAX_ROWS", "Bad", "Cells", "SheetReader",
           "TooBig", "position"]
