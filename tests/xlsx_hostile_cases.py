"""Hostile and broken workbooks, built in code (no committed binaries).

Each case is a file name, a function that makes its bytes (given the test folder, so an
external entity can point at a file the test wrote), and what the real CLI must report: for
each expected finding its code, its cell (`kegiatan!D2`; None for the file as a whole) and a
piece of the English message that says what to change. A case that expects nothing must be
read cleanly, every activity row of it counted.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sinkron.load.ooxml import MAX_STRINGS
from sinkron.load.sheet_xml import MAX_CHARS
from sinkron.load.sniff import MAX_FILE_BYTES, MAX_MEMBERS, OLE2
from sinkron.load.zipread import MAX_ELEMENTS, MAX_INFLATED
from tests.xlsx_forge import (
    MAIN,
    XML,
    Member,
    column,
    deflate,
    forge,
    package,
    sheet_of,
    with_part,
    zipped,
)
from tests.xlsx_util import base_sheets

SECRET = "SINKRON-SECRET-7f3a9c"  # the content of a local file an entity points at
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


def _replace(part: str, text: Callable[[Path], str | bytes],
             sheets: dict[str, list[list[object]]] | None = None) -> Callable[[Path], bytes]:
    return lambda root: zipped(with_part(package(sheets), part, text(root)))


def _laughs(root_tag: str, inside: str = "&e9;") -> str:
    entities = "".join(f'<!ENTITY e{n} "{f"&e{n - 1};" * 10}">' for n in range(1, 10))
    return (f'{XML}<!DOCTYPE {root_tag} [<!ENTITY e0 "lol">{entities}]>'
            f'<{root_tag} xmlns="{MAIN}">{inside}</{root_tag}>')


def _external(root_tag: str, inside: str, target: str) -> str:
    return (f'{XML}<!DOCTYPE {root_tag} [<!ENTITY x SYSTEM "{target}">]>'
            f'<{root_tag} xmlns="{MAIN}">{inside}</{root_tag}>')


def secret_file(root: Path) -> str:
    path = root / "secret.txt"
    path.write_text(SECRET + "\n", "utf-8")
    return path.as_uri()


CELL_X = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData>'
ENTITIES = "the workbook's XML declares entities"
DAMAGED = "the workbook is damaged"
CANNOT = "cannot read the workbook"
DTD_CASES = (
    Case("bomb_sheet", _replace(ACTIVITIES, lambda _: _laughs("worksheet", "<sheetData/>")),
         (("SK001", "kegiatan!A1", ENTITIES),)),
    Case("bomb_strings", _replace("xl/sharedStrings.xml", lambda _: _laughs(
        "sst", "<si><t>&e9;</t></si>")), (("SK001", None, ENTITIES),)),
    Case("bomb_workbook", _replace("xl/workbook.xml", lambda _: _laughs("workbook")),
         (("SK001", None, ENTITIES),)),
    Case("bomb_styles", _replace("xl/styles.xml", lambda _: _laughs("styleSheet")),
         (("SK001", None, ENTITIES),)),
    Case("bomb_content_types", _replace("[Content_Types].xml", lambda _: _laughs("Types")),
         (("SK001", None, ENTITIES),)),
    Case("bomb_rels", _replace("_rels/.rels", lambda _: _laughs("Relationships")),
         (("SK001", None, ENTITIES),)),
    Case("bomb_workbook_rels", _replace("xl/_rels/workbook.xml.rels",
                                        lambda _: _laughs("Relationships")),
         (("SK001", None, ENTITIES),)),
    Case("xxe_sheet_passwd", _replace(ACTIVITIES, lambda _: _external(
        "worksheet", CELL_X, "file:///etc/passwd")), (("SK001", "kegiatan!A1", ENTITIES),)),
    Case("xxe_sheet_secret", _replace(ACTIVITIES, lambda root: _external(
        "worksheet", CELL_X, secret_file(root))), (("SK001", "kegiatan!A1", ENTITIES),)),
    Case("xxe_strings", _replace("xl/sharedStrings.xml", lambda root: _external(
        "sst", "<si><t>&x;</t></si>", secret_file(root))), (("SK001", None, ENTITIES),)),
    Case("xxe_workbook", _replace("xl/workbook.xml", lambda root: _external(
        "workbook", '<sheets><sheet name="&x;" sheetId="1" r:id="rId1"/></sheets>',
        secret_file(root))), (("SK001", None, ENTITIES),)),
    Case("xxe_content_types", _replace("[Content_Types].xml", lambda root: _external(
        "Types", '<Default Extension="&x;" ContentType="application/xml"/>', secret_file(root))),
        (("SK001", None, ENTITIES),)),
    Case("xxe_parameter", _replace("xl/styles.xml", lambda root: (
        f'{XML}<!DOCTYPE s [<!ENTITY % p SYSTEM "{secret_file(root)}"> %p;]><s/>')),
        (("SK001", None, ENTITIES),)),
    Case("xxe_rels", _replace("xl/_rels/workbook.xml.rels", lambda root: _external(
        "Relationships", '<Relationship Id="rId1" Target="&x;"/>', secret_file(root))),
        (("SK001", None, ENTITIES),)),
    Case("undefined_entity", _replace(ACTIVITIES, lambda _: (
        f'{XML}<worksheet xmlns="{MAIN}">{CELL_X}</worksheet>')),
        (("SK001", "kegiatan!A1", "undefined entity"),)),
)


def _activities_xml() -> bytes:
    return package()[ACTIVITIES]


def _spaced_activities(size: int) -> bytes:
    """The activities sheet padded with `size` spaces between two rows (still valid XML)."""
    return _activities_xml().replace(b'<row r="2">', b" " * size + b'<row r="2">')


def _inflates_past_declared(_: Path) -> bytes:
    content = _spaced_activities(50_000_000)
    lie = {"size": 2_000, "payload": deflate(content), "crc": zlib.crc32(content)}
    return zipped(package(), {ACTIVITIES: lie})


def _ratio_while_inflating(_: Path) -> bytes:
    """Headers declare 60 MB from 1 MB (a ratio of 60, which passes); the data is 60 KB."""
    content = _spaced_activities(60_000_000)
    payload = deflate(content) + b"\0" * 1  # the stream ends long before the declared size
    members = [Member(n, d) for n, d in package().items() if n != ACTIVITIES]
    members.append(Member(ACTIVITIES, content, payload=payload + b"\0" * (1_000_000 - len(
        payload)), size=len(content)))
    return forge(members)


def _declared_total(_: Path) -> bytes:
    return zipped(package(), {ACTIVITIES: {"size": 150_000_000}})


def _honest_bomb(_: Path) -> bytes:
    return zipped(with_part(package(), ACTIVITIES, _spaced_activities(60_000_000)))


def _million_entries(_: Path) -> bytes:
    """One real part and a central directory of a million entries; the end record claims 5."""
    import struct

    one = forge([Member("a", b"")])  # entries of 47 bytes: a million fit in the 50 MB cap
    at = one.index(b"PK\x01\x02")
    end = one.index(b"PK\x05\x06")
    entry = one[at:end]
    directory = entry * 1_000_000
    record = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 5, 5, len(directory), at, 0)
    return one[:at] + directory + record


def _many_members(_: Path) -> bytes:
    return forge([Member(f"xl/m{n}.xml", b"") for n in range(MAX_MEMBERS + 1)])


def _nested(_: Path) -> bytes:
    return forge([Member("rencana/desa.xlsx", zipped(package()))])


def _lying_local(_: Path) -> bytes:
    return zipped(package(), {ACTIVITIES: {"local_size": 99}})


def _bad_crc(_: Path) -> bytes:
    return zipped(package(), {ACTIVITIES: {"crc": 12345}})


def _truncated(_: Path) -> bytes:
    data = zipped(package())
    return data[: len(data) // 2]


def _garbage(_: Path) -> bytes:
    return random.Random(7).randbytes(20_000)


def _zero_parts(_: Path) -> bytes:
    return zipped({name: b"" for name in package()})


def _missing_sheet_part(_: Path) -> bytes:
    parts = package()
    del parts[ACTIVITIES]
    return zipped(parts)


def _same_part_four_times(_: Path) -> bytes:
    """The four layout sheets' relations point at one 27 MB part: each read is within the
    declared sizes, the four together unpack past the workbook's 100 MB (counted while
    inflating). The padding is random text in comments of under 1 MB, which packs like a
    real sheet."""
    parts = package()
    text = _random_bytes(27_000_000)
    padding = b"".join(b"<!--" + text[n:n + 999_000] + b"-->"
                       for n in range(0, len(text), 999_000))
    top = f'<worksheet xmlns="{MAIN}">'.encode()
    parts[ACTIVITIES] = parts[ACTIVITIES].replace(top, top + padding)
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    for title in ("desa", "sumber_dana", "indikator"):
        rels = rels.replace(sheet_of(title).removeprefix("xl/"), ACTIVITIES.removeprefix("xl/"))
    parts["xl/_rels/workbook.xml.rels"] = rels.encode()
    return zipped(parts, {ACTIVITIES: {"level": 1}})


def _ods(_: Path) -> bytes:
    return forge([Member("mimetype", b"application/vnd.oasis.opendocument.spreadsheet",
                         stored=True), Member("content.xml", b"<office:document-content/>")])


ZIP_CASES = (
    Case("inflates_past_declared", _inflates_past_declared,
         (("SK001", "kegiatan!A1", "Bad CRC-32"),)),
    Case("ratio_while_inflating", _ratio_while_inflating,
         (("SK001", "kegiatan!E1", "unpacks to more than 200 times its packed size"),)),
    Case("declared_total", _declared_total, (("SK001", None, "bytes uncompressed"),)),
    Case("honest_bomb", _honest_bomb, (("SK001", None, "packed into"),)),
    Case("million_entries", _million_entries, (("SK001", None, "-byte list of parts"),)),
    Case("same_part_four_times", _same_part_four_times, (
        ("SK002", "desa!A1", "no header row"), ("SK002", "sumber_dana!A1", "no header row"),
        ("SK002", "indikator!A1", "no header row"),
        ("SK001", "kegiatan!A1", f"the workbook unpacks to more than {MAX_INFLATED} bytes"))),
    Case("over_size_cap", lambda _: b"PK\x03\x04" + bytes(MAX_FILE_BYTES),
         (("SK001", None, f"more than the {MAX_FILE_BYTES} bytes sinkron reads"),)),
    Case("many_members", _many_members, (("SK001", None, f"{MAX_MEMBERS + 1} parts"),)),
    Case("nested_zip", _nested, (("SK001", None, "zip archive that holds no Excel"),)),
    Case("zip_as_sheet", lambda _: zipped(with_part(package(), ACTIVITIES, zipped(package()))),
         (("SK001", "kegiatan!A1", CANNOT),)),
    Case("lying_local_header", _lying_local,
         (("SK001", "kegiatan!A1", "disagree about its size"),)),
    Case("crc_mismatch", _bad_crc, (("SK001", "kegiatan!A1", "Bad CRC-32"),)),
    Case("truncated", _truncated, (("SK001", None, DAMAGED),)),
    Case("garbage", _garbage, (("SK001", None, "not an Excel workbook"),)),
    Case("garbage_after_zip_magic", lambda _: b"PK\x03\x04" + _garbage(_),
         (("SK001", None, DAMAGED),)),
    Case("empty_file", lambda _: b"", (("SK001", None, "the file is empty"),)),
    Case("zero_byte_parts", _zero_parts, (("SK001", None, CANNOT),)),
    Case("zero_byte_sheet", lambda _: zipped(with_part(package(), ACTIVITIES, b"")),
         (("SK001", "kegiatan!A1", CANNOT),)),
    Case("missing_sheet_part", _missing_sheet_part, (("SK001", None, "no part"),)),
    Case("xls_renamed", lambda _: OLE2 + bytes(2000), (("SK001", None, "(.xls)"),)),
    Case("ods_renamed", _ods, (("SK001", None, "OpenDocument spreadsheet (.ods)"),)),
    Case("csv_renamed", lambda _: b"kode_desa;nama_desa\n35.05.04.2014;Plosorejo\n",
         (("SK001", None, "CSV (plain text) file"),)),
    Case("html_renamed", lambda _: b"<html><body><table><tr><td>1</td></tr></table></body>"
         b"</html>", (("SK001", None, "web page (HTML)"),)),
    Case("pdf_renamed", lambda _: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
         (("SK001", None, "PDF document"),)),
)


def _sheet_with(rows: Callable[[], str], dimension: str = "A1:E2",
                sheets: dict[str, list[list[object]]] | None = None) -> Callable[[Path], bytes]:
    """The activities sheet with its header row and `rows()` as the data rows."""
    def text(_: Path) -> str:
        header = _activities_xml().split(b'<row r="2">')[0].decode()
        header = header.replace('ref="A1:E2"', f'ref="{dimension}"')
        return f"{header}{rows()}</sheetData></worksheet>"
    return _replace(ACTIVITIES, text, sheets)


def _strings_flood(count: int, varied: bool) -> Callable[[Path], bytes]:
    def make(_: Path) -> bytes:
        parts = package()
        old = parts["xl/sharedStrings.xml"]
        items = "".join(f"<si><t>{n}</t></si>" for n in range(count)).encode() if varied \
            else b"<si><t>a</t></si>" * count
        parts["xl/sharedStrings.xml"] = old.replace(b"</sst>", items + b"</sst>")
        return zipped(parts, {"xl/sharedStrings.xml": {"level": 1 if varied else 6}})
    return make


LETTERS = bytes(range(256)).maketrans(bytes(range(256)), b"abcdefghijklmnopqrstuvwxyz " * 9
                                      + b"abcdefghijklm")


def _random_bytes(size: int) -> bytes:
    """Lower-case letters and spaces: they pack like text (about 1.6 to 1), not like a bomb."""
    return random.Random(11).randbytes(size).translate(LETTERS)


def _random_text(size: int) -> str:
    return _random_bytes(size).decode()


def _element_flood(_: Path) -> bytes:
    """Formatted empty cells in one row, more than the workbook's element budget; their
    styles vary so the part packs like a real sheet (a repeated one would be a zip bomb):
    a block of 64 KB repeated is beyond deflate's 32 KB window, so it packs like random."""
    rng = random.Random(5)
    block = b"".join(b'<c s="%d"/>' % rng.randrange(100) for _ in range(6_000))
    cells = block * (MAX_ELEMENTS // 6_000 + 1)
    sheet = _activities_xml().replace(b'<row r="2">', b'<row r="2">' + cells)
    return zipped(with_part(package(), ACTIVITIES, sheet), {ACTIVITIES: {"level": 1}})


def _row_flood(_: Path) -> bytes:
    """Row elements of one number each, scattered over the first 100,000 rows: more row
    elements than a sheet of 100,000 rows can hold."""
    rng = random.Random(6)
    block = b"".join(b'<row><c r="A%d"><v>%d</v></c></row>' % (rng.randrange(3, 99_999), n)
                     for n in range(3_000))
    rows = block * (MAX_ELEMENTS // 9_000 + 1)
    sheet = _activities_xml().replace(b"</sheetData>", rows + b"</sheetData>")
    return zipped(with_part(package(), ACTIVITIES, sheet), {ACTIVITIES: {"level": 1}})


def _cell_flood(_: Path) -> bytes:
    """Rows of 20 numbers each, under every row and column limit, more cells than the
    workbook's element budget: the costliest elements to read (every one a value to keep)."""
    rng = random.Random(8)
    values = [rng.randrange(10**6) for _ in range(20_011)]
    letters = [column(c) for c in range(1, 21)]
    rows = "".join(
        f'<row r="{r}">' + "".join(f'<c r="{letters[c]}{r}"><v>{values[(r * 20 + c) % 20_011]}'
                                   "</v></c>" for c in range(20)) + "</row>"
        for r in range(3, MAX_ELEMENTS // 41 + 1_000)).encode()
    sheet = _activities_xml().replace(b"</sheetData>", rows + b"</sheetData>")
    return zipped(with_part(package(), ACTIVITIES, sheet), {ACTIVITIES: {"level": 1}})


LONG = 10 * 1024 * 1024
FAR_CORNER = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
SIZE_CASES = (
    Case("sparse_far_corner", _sheet_with(
        lambda: FAR_CORNER, "A1:XFD1048576"),
        (("SK001", "kegiatan!A1", "declares 1048576 rows x 16384 columns"),)),
    Case("far_corner_undeclared", _sheet_with(lambda: FAR_CORNER, "A1:E1"),
        (("SK001", "kegiatan!A1048576", "has data beyond row 100000"),)),
    Case("row_of_16k_cells", _sheet_with(lambda: '<row r="2">' + "".join(
        f'<c r="{column(k)}2"><v>{k}</v></c>' for k in range(1, 16_385)) + "</row>"),
        (("SK001", "kegiatan!SG2", "has data beyond column SF"),)),
    Case("strings_flood_repetitive", _strings_flood(3_000_000, varied=False),
         (("SK001", None, "packed into"),)),
    Case("strings_flood", _strings_flood(MAX_STRINGS + 10, varied=True),
         (("SK001", None, f"more than {MAX_STRINGS} shared texts"),)),
    Case("element_flood", _element_flood,
         (("SK001", "kegiatan!A1", f"more than {MAX_ELEMENTS} cells, rows and other XML"),)),
    Case("row_flood", _row_flood, (("SK001", None, "has data beyond row 100000"),)),
    Case("cell_flood", _cell_flood, (("SK001", None, f"more than {MAX_ELEMENTS} cells"),)),
    Case("cell_of_10_mb", _sheet_with(lambda: (
        '<row r="2"><c r="A2" t="inlineStr"><is><t>2.2.02</t></is></c>'
        f'<c r="B2" t="inlineStr"><is><t>{_random_text(LONG)}</t></is></c>'
        '<c r="C2" t="inlineStr"><is><t>stunting</t></is></c><c r="D2"><v>1000</v></c>'
        '<c r="E2" t="inlineStr"><is><t>DD</t></is></c></row>'), "A1:E2",
        village("35.05.04.2004", "Kebonsari")),
        (("SK002", "kegiatan!B2", f"holds {LONG} characters, more than the {MAX_CHARS}"),)),
)


def _activity_row(row: int, budget_cell: str, name: str = "Posyandu") -> str:
    return (f'<row r="{row}"><c r="A{row}" t="inlineStr"><is><t>2.2.02</t></is></c>'
            f'<c r="B{row}" t="inlineStr"><is><t>{name} {row}</t></is></c>'
            f'<c r="C{row}" t="inlineStr"><is><t>stunting</t></is></c>{budget_cell}'
            f'<c r="E{row}" t="inlineStr"><is><t>DD</t></is></c></row>')


# the budget (pagu, column D) of one activity per row, each broken its own way
BAD_BUDGETS: tuple[tuple[str, str], ...] = (
    ('<c r="D{r}" t="e"><v>#DIV/0!</v></c>', "shows the error #DIV/0!"),
    ('<c r="D{r}" t="b"><v>yes</v></c>', "stores 'yes' in this cell, which is not a valid "
     "TRUE/FALSE value"),
    ('<c r="D{r}" t="n"><v>NaN</v></c>', "stores 'NaN' in this cell, which is not a valid number"),
    ('<c r="D{r}"><v>INF</v></c>', "stores 'INF'"),
    ('<c r="D{r}"><v>-Infinity</v></c>', "stores '-Infinity'"),
    ('<c r="D{r}"><v>1e400</v></c>', "stores '1e400'"),
    ('<c r="D{r}"><v>12abc</v></c>', "stores '12abc'"),
    ('<c r="D{r}"><v>1_000</v></c>', "stores '1_000'"),
    ('<c r="D{r}" t="s"><v>999999</v></c>', "stores '999999' in this cell, which is not a valid "
     "reference to the workbook's texts"),
    ('<c r="D{r}" t="s"><v>-1</v></c>', "stores '-1'"),
    ('<c r="D{r}" t="d"><v>2025-13-45</v></c>', "which is not a valid date"),
    ('<c r="D{r}" t="zz"><v>1</v></c>', "which is not a valid cell value"),
    ('<c r="D{r}"><f>SUM(D1:D3)</f></c>', "the formula =SUM(D1:D3) has no saved value"),
    ('<c r="D{r}" t="str"><f>A1&amp;B1</f></c>', "the formula =A1&B1 has no saved value"),
    ('<c r="D{r}" t="s"></c>', "missing required field 'budget'"),  # no <v>: an empty cell
    ('<c r="D{r}" t="d"><v>2025-01-01T00:00:00</v></c>', "'2025-01-01 00:00:00' is not a number"),
    ('<c r="D{r}" t="b"><v>1</v></c>', "'True' is not a number"),
)
BAD_VALUES = Case(
    "bad_cell_values",
    _sheet_with(lambda: "".join(_activity_row(n + 2, cell.format(r=n + 2))
                                for n, (cell, _) in enumerate(BAD_BUDGETS)), "A1:E2",
                village("35.05.04.2001", "Panggungduwet")),
    tuple(("SK002", f"kegiatan!D{n + 2}", says) for n, (_, says) in enumerate(BAD_BUDGETS)))


def _rich_and_inline(_: Path) -> bytes:
    """Inline strings and rich text runs with a phonetic guide: read as the text shown."""
    parts = package(village("35.05.04.2003", "Pakisaji"))
    sst = parts["xl/sharedStrings.xml"].decode()
    sst = sst.replace('<si><t xml:space="preserve">Penyelenggaraan Posyandu</t></si>',
                      '<si><r><rPr><b/></rPr><t xml:space="preserve">Penyelenggaraan </t></r>'
                      '<r><t>Posyandu</t></r><rPh sb="0" eb="1"><t>ぽ</t></rPh></si>')
    parts["xl/sharedStrings.xml"] = sst.encode()
    rows = "".join(_activity_row(r, f'<c r="D{r}"><v>1000000</v></c>', "Kegiatan")
                   for r in range(3, 40))
    sheet = parts[ACTIVITIES].decode().replace("</sheetData>", rows + "</sheetData>")
    parts[ACTIVITIES] = sheet.encode()
    return zipped(parts)


def _huge_attribute(_: Path) -> bytes:
    """A 20 MB attribute value: one XML token, refused (expat before 2.6 rescans a token on
    each piece it is fed, and is slow on huge ones), as is a huge comment."""
    parts = package(village("35.05.04.2005", "Bendosari"))
    junk = _random_bytes(20_000_000)
    parts[ACTIVITIES] = parts[ACTIVITIES].replace(b'<c r="A2"', b'<c x="' + junk + b'" r="A2"')
    return zipped(parts, {ACTIVITIES: {"level": 1}})


READ_CASES = (
    BAD_VALUES,
    Case("huge_attribute", _huge_attribute,
         (("SK001", "kegiatan!A2", "one XML item (a tag with its attributes, or a comment)"),)),
    Case("huge_comment", _replace("xl/sharedStrings.xml", lambda _: (
        package()["xl/sharedStrings.xml"].replace(b"<si>", b"<!--" + _random_bytes(
            5_000_000) + b"--><si>", 1))),
         (("SK001", None, "one XML item (a tag with its attributes, or a comment)"),)),
    Case("dimension_too_small", _sheet_with(lambda: "".join(
        _activity_row(r, f'<c r="D{r}"><v>{r * 1000}</v></c>') for r in range(2, 52)), "A1:A1",
        village("35.05.04.2002", "Maron")), (), activities=50),
    Case("rich_and_inline_text", _rich_and_inline, (), activities=38),
)
CASES = DTD_CASES + ZIP_CASES + SIZE_CASES + READ_CASES
