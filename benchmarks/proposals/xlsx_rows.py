"""Rows of a workbook sheet straight from its XML, for a reader that must beat openpyxl.

    python -m benchmarks.proposals.xlsx_rows benchmarks/out/regency/plans.xlsx

openpyxl's read-only mode (floor (b)) makes a cell object per cell and converts each value;
a plans reader needs only (cell reference, cached value). This reads the sheet XML with
expat callbacks (a DOCTYPE is refused: no entity expansion, no external resources) and gives
each row as (row number, [(cell reference, value)]), values typed as openpyxl's
`values_only` gives them (numbers, shared and inline strings, booleans, errors as text); on
the generated workbooks every value equals openpyxl's. It is a measurement of
what is possible, not a reader: dates and formulas without cached values are the reader's
business (formats.md).
"""

from __future__ import annotations

import sys
import time
import zipfile
from typing import Any
from xml.parsers import expat

from defusedxml.ElementTree import parse

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def sheet_paths(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its XML part in the zip."""
    rels = parse(zf.open("xl/_rels/workbook.xml.rels")).getroot()
    target = {r.get("Id"): r.get("Target", "") for r in rels}
    book = parse(zf.open("xl/workbook.xml")).getroot()
    out = {}
    for s in book.iter(f"{NS}sheet"):
        t = target[s.get(REL)]
        out[s.get("name", "")] = t.lstrip("/") if t.startswith("/") else f"xl/{t}"
    return out


def shared_strings(zf: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in zf.namelist():
        return []
    return ["".join(t.text or "" for t in si.iter(f"{NS}t"))
            for si in parse(zf.open("xl/sharedStrings.xml")).getroot()]


def _number(text: str) -> int | float:
    n = float(text)
    return int(n) if n.is_integer() and "." not in text and "E" not in text.upper() else n


class _Refused(Exception):
    """A sheet that declares a DTD: no workbook needs one."""


def rows(zf: zipfile.ZipFile, part: str, strings: list[str]
         ) -> list[tuple[str, list[tuple[str | None, Any]]]]:
    """[(row number, [(cell reference, value)])] for every non-empty row of one sheet part.

    expat with callbacks on five element names; a DOCTYPE is refused (no entity tricks)."""
    out: list[tuple[str, list[tuple[str | None, Any]]]] = []
    cells: list[tuple[str | None, Any]] = []
    buf: list[str] = []
    cur: list[Any] = [None, "n"]
    parser = expat.ParserCreate()

    def start(name: str, attrs: dict[str, str]) -> None:
        if name == "c":
            cur[0], cur[1] = attrs.get("r"), attrs.get("t", "n")
            buf.clear()
        elif name == "v" or name == "t":
            parser.CharacterDataHandler = buf.append
        elif name == "row":
            cur[2:] = [attrs.get("r", "")]

    def end(name: str) -> None:
        if name == "v" or name == "t":
            parser.CharacterDataHandler = None
        elif name == "c":
            text = "".join(buf) if buf else None
            kind = cur[1]
            value: Any
            if text is None:
                value = None
            elif kind == "s":
                value = strings[int(text)]
            elif kind in ("inlineStr", "str", "e"):
                value = text
            elif kind == "b":
                value = text == "1"
            else:
                value = _number(text)
            cells.append((cur[0], value))
        elif name == "row":
            if cells:
                out.append((cur[2], list(cells)))
            cells.clear()

    def doctype(*_: Any) -> None:
        raise _Refused(part)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.StartDoctypeDeclHandler = doctype
    parser.buffer_text = True
    parser.ParseFile(zf.open(part))
    return out


def main() -> None:
    path = sys.argv[1]
    t = time.perf_counter()
    n = 0
    with zipfile.ZipFile(path) as zf:
        strings = shared_strings(zf)
        for part in sheet_paths(zf).values():
            n += len(rows(zf, part, strings))
    print(f"{n} rows in {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
