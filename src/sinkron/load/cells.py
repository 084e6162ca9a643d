"""Cell references and stored numbers as a worksheet's XML writes them, checked strictly.

Python's own conversions are too kind for a file written by anyone: int() takes "²", "١٢"
and " 1 ", float() takes "nan", "inf" and "1_000", and int() refuses more than 4,300 digits
with an exception. Whatever is not what a spreadsheet program writes is a Bad value here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

SHOWN = 60  # characters of a bad value kept to name it
DIGITS = "0123456789"


@dataclass(frozen=True, slots=True)
class Bad:
    """A cell whose value cannot be used: an error (#DIV/0!), a formula never computed, a
    stored value no spreadsheet program writes ("invalid", `what` names the expected kind:
    number, boolean, date, text) or a text too long to be real ("long", `text` its size)."""

    kind: str  # "error" | "formula" | "invalid" | "long"
    text: str
    what: str = ""


@cache
def column_letter(col: int) -> str:
    out = ""
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


COLUMNS: dict[str, int] = {}  # "E" -> 5, filled as letters are met (at most XFD: 16,384)


def column_number(letters: str) -> int:
    """"E" -> 5; 0 when the letters are not a column name."""
    col = COLUMNS.get(letters)
    if col is not None:
        return col
    if not letters or len(letters) > 7 or not letters.isascii() or not letters.isalpha():
        return 0
    col = 0
    for ch in letters.upper():
        col = col * 26 + ord(ch) - 64
    if col <= 16_384:  # remember only real columns, so junk cannot grow the table
        COLUMNS[letters] = col
    return col


def position(ref_text: str) -> tuple[int, int] | None:
    """"E16" -> (16, 5); None for text that is no cell reference."""
    letters = ref_text.rstrip(DIGITS)
    digits = ref_text[len(letters):]
    col = COLUMNS.get(letters) or column_number(letters)
    if not col or not digits or len(digits) > 9 or digits[0] == "0":
        return None  # "A0" names no cell: placed by order rather than never read
    return int(digits), col


# xsd:double as spreadsheet programs write it; float() alone would also take "nan",
# "1_000", " 1 " and Arabic-Indic digits
NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,5})?")


def whole(raw: str) -> bool:
    """ASCII digits only, few enough for int() (which refuses over 4,300)."""
    return raw.isascii() and raw.isdigit() and len(raw) < 16


def number(raw: str) -> int | float | Bad:
    """The number a <v> holds: whole numbers as int; NaN, infinity and junk are Bad."""
    if whole(raw) or (raw[:1] == "-" and whole(raw[1:])):
        return int(raw)
    if NUMBER.fullmatch(raw):
        value = float(raw)
        if math.isfinite(value):
            return value
    return Bad("invalid", raw[:SHOWN], "number")
