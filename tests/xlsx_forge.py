"""Forging workbooks byte by byte for the hostile tests (no committed binaries).

`package()` writes a plans workbook as its XML parts (shared strings, styles, relations),
so each part can be replaced or mutated; `forge()` packs parts into a zip whose headers say
whatever a test wants them to say (sizes, checksums, local headers that disagree with the
central directory), which zipfile's writer cannot do.
"""

from __future__ import annotations

import random
import struct
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from tests.xlsx_util import base_sheets

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
Parts = dict[str, bytes]


def column(n: int) -> str:
    out = ""
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def sheet_xml(rows: Sequence[Sequence[Any]], strings: dict[str, int], dimension: str | None = None,
              extra_rows: str = "") -> str:
    """A worksheet: text through the shared strings, numbers as <v>."""
    out = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row, start=1):
            ref = f"{column(c)}{r}"
            if value is None:
                continue
            if isinstance(value, str):
                index = strings.setdefault(value, len(strings))
                cells.append(f'<c r="{ref}" t="s"><v>{index}</v></c>')
            else:
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
        out.append(f'<row r="{r}">{"".join(cells)}</row>')
    width = max((len(r) for r in rows), default=1)
    dim = dimension or f"A1:{column(width)}{max(len(rows), 1)}"
    return (f'{XML}<worksheet xmlns="{MAIN}"><dimension ref="{dim}"/>'
            f'<sheetData>{"".join(out)}{extra_rows}</sheetData></worksheet>')


def strings_xml(strings: dict[str, int]) -> str:
    items = "".join(f"<si><t xml:space=\"preserve\">{escape(s)}</t></si>"
                    for s, _ in sorted(strings.items(), key=lambda kv: kv[1]))
    return (f'{XML}<sst xmlns="{MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">'
            f"{items}</sst>")


STYLES = (f'{XML}<styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="164" '
          'formatCode="yyyy-mm-dd"/></numFmts><cellXfs count="2"><xf numFmtId="0"/>'
          '<xf numFmtId="164"/></cellXfs></styleSheet>')


def package(sheets: dict[str, list[list[Any]]] | None = None) -> Parts:
    """A plans workbook (the rule examples' base plan unless `sheets`) as its XML parts."""
    sheets = sheets if sheets is not None else base_sheets()
    strings: dict[str, int] = {}
    parts: Parts = {}
    entries, rels, types = [], [], []
    for n, (title, rows) in enumerate(sheets.items(), start=1):
        parts[f"xl/worksheets/sheet{n}.xml"] = sheet_xml(rows, strings).encode()
        entries.append(f'<sheet name={quoteattr(title)} sheetId="{n}" r:id="rId{n}"/>')
        rels.append(f'<Relationship Id="rId{n}" Type="{REL}/worksheet" '
                    f'Target="worksheets/sheet{n}.xml"/>')
        types.append(f'<Override PartName="/xl/worksheets/sheet{n}.xml" '
                     f'ContentType="{SHEET_TYPE}"/>')
    rels.append(f'<Relationship Id="rIdS" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>')
    rels.append(f'<Relationship Id="rIdY" Type="{REL}/styles" Target="styles.xml"/>')
    parts["xl/sharedStrings.xml"] = strings_xml(strings).encode()
    parts["xl/styles.xml"] = STYLES.encode()
    parts["xl/workbook.xml"] = (f'{XML}<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
                                f'{"".join(entries)}</sheets></workbook>').encode()
    parts["xl/_rels/workbook.xml.rels"] = (f'{XML}<Relationships xmlns="{PKG_REL}">'
                                           f'{"".join(rels)}</Relationships>').encode()
    parts["_rels/.rels"] = (f'{XML}<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" '
                            f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
                            "</Relationships>").encode()
    parts["[Content_Types].xml"] = (
        f'{XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'{"".join(types)}</Types>').encode()
    return parts


def sheet_of(title: str) -> str:
    """The part name of a base sheet."""
    return f"xl/worksheets/sheet{list(base_sheets()).index(title) + 1}.xml"


@dataclass
class Member:
    """One zip part: its content and, when a test wants them to lie, its header fields."""

    name: str
    content: bytes
    payload: bytes | None = None  # the bytes stored (default: deflated content)
    stored: bool = False
    size: int | None = None  # declared uncompressed size (default: the content's)
    crc: int | None = None
    local_size: int | None = None  # the local header's own values (default: the same)
    local_crc: int | None = None
    flags: int = 0
    level: int = 6  # 1 packs large varied parts several times faster


def deflate(data: bytes, level: int = 6) -> bytes:
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def forge(members: Sequence[Member], comment: bytes = b"") -> bytes:
    """A zip archive written field by field."""
    out = bytearray()
    central = bytearray()
    for m in members:
        payload = m.payload if m.payload is not None else \
            (m.content if m.stored else deflate(m.content, m.level))
        size = m.size if m.size is not None else len(m.content)
        crc = m.crc if m.crc is not None else zlib.crc32(m.content)
        name = m.name.encode()
        method = 0 if m.stored else 8
        offset = len(out)
        out += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, m.flags, method, 0, 0x21,
                           m.local_crc if m.local_crc is not None else crc, len(payload),
                           m.local_size if m.local_size is not None else size, len(name), 0)
        out += name + payload
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, m.flags, method, 0, 0x21,
                               crc, len(payload), size, len(name), 0, 0, 0, 0, 0, offset)
        central += name
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members),
                      len(central), len(out), len(comment))
    return bytes(out + central + end + comment)


def zipped(parts: Parts, lies: dict[str, dict[str, Any]] | None = None) -> bytes:
    """The parts as a zip; `lies` maps a part name to the Member fields to override."""
    return forge([Member(name, data, **(lies or {}).get(name, {}))
                  for name, data in parts.items()])


def with_part(parts: Parts, name: str, data: bytes | str) -> Parts:
    out = dict(parts)
    out[name] = data.encode() if isinstance(data, str) else data
    return out


# -- what the hostile corpora share (tests/xlsx_hostile_cases.py, tests/xlsx_hostile_zips.py)

ACTIVITIES = sheet_of("kegiatan")
Expect = tuple[str, str | None, str]  # code, "sheet!cell" or None, piece of the message


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], bytes]
    expect: tuple[Expect, ...]
    activities: int = 0  # a case read cleanly: its activity rows


def village(code: str, name: str) -> dict[str, list[list[object]]]:
    """The base plan's sheets for another village of the register (cases read cleanly must
    not be the same village, or they are SK103 of each other)."""
    sheets = base_sheets()
    sheets["desa"][1] = [code, name, *sheets["desa"][1][2:]]
    return sheets


def replaced(part: str, text: Callable[[Path], str | bytes],
             sheets: dict[str, list[list[object]]] | None = None) -> Callable[[Path], bytes]:
    return lambda root: zipped(with_part(package(sheets), part, text(root)))


def activities_xml() -> bytes:
    return package()[ACTIVITIES]


LETTERS = bytes(range(256)).maketrans(bytes(range(256)), b"abcdefghijklmnopqrstuvwxyz " * 9
                                      + b"abcdefghijklm")


def random_bytes(size: int) -> bytes:
    """Lower-case letters and spaces: they pack like text (about 1.6 to 1), not like a bomb."""
    return random.Random(11).randbytes(size).translate(LETTERS)
