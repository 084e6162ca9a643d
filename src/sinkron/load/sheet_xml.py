"""One worksheet's XML streamed into cells: values, errors, formulas without values, merges."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any

from sinkron.load.ooxml import Package, fast_parser

MAX_ROWS = 100_000  # a regency of 250 villages x 100 activities is 25,000 rows
MAX_COLUMNS = 500
MAX_MERGED = 50_000

Cells = dict[int, dict[int, Any]]  # row -> column -> value (1-based), only non-empty cells


@dataclass(frozen=True, slots=True)
class Bad:
    """A cell whose value cannot be used: an error (#DIV/0!) or a formula never computed."""

    kind: str  # "error" | "formula"
    text: str


class TooBig(Exception):
    """The sheet declares or holds more than sinkron reads: (kind, rows, columns)."""


@cache
def column_letter(col: int) -> str:
    out = ""
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def _position(ref_text: str) -> tuple[int, int]:
    """"E16" -> (16, 5)."""
    letters = ref_text.rstrip("0123456789")
    col = 0
    for ch in letters.upper():
        col = col * 26 + ord(ch) - 64
    return int(ref_text[len(letters):]), col


class SheetReader:
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
                raise TooBig("rows", self.row, 0)
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
                raise TooBig("columns", 0, self.col)
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
            raise TooBig("declared", rows, cols)
