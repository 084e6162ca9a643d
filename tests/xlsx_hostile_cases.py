"""Hostile and broken workbooks, built in code (no committed binaries).

Each case is a file name, a function that makes its bytes (given the test folder, so an
external entity can point at a file the test wrote), and what the real CLI must report: for
each expected finding its code, its cell (`kegiatan!D2`; None for the file as a whole) and a
piece of the English message that says what to change. A case that expects nothing must be
read cleanly, every activity row of it counted.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

from sinkron.load.ooxml import MAX_STRINGS
from sinkron.load.sheet_xml import MAX_CHARS
from sinkron.load.zipread import MAX_ELEMENTS
from tests.xlsx_forge import (
    ACTIVITIES,
    MAIN,
    XML,
    Case,
    activities_xml,
    column,
    package,
    random_bytes,
    replaced,
    village,
    with_part,
    zipped,
)
from tests.xlsx_hostile_zips import ZIP_CASES

SECRET = "SINKRON-SECRET-7f3a9c"  # the content of a local file an entity points at
__all__ = ["CASES", "SECRET", "Case", "village"]


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
DTD_CASES = (
    Case("bomb_sheet", replaced(ACTIVITIES, lambda _: _laughs("worksheet", "<sheetData/>")),
         (("SK001", "kegiatan!A1", ENTITIES),)),
    Case("bomb_strings", replaced("xl/sharedStrings.xml", lambda _: _laughs(
        "sst", "<si><t>&e9;</t></si>")), (("SK001", None, ENTITIES),)),
    Case("bomb_workbook", replaced("xl/workbook.xml", lambda _: _laughs("workbook")),
         (("SK001", None, ENTITIES),)),
    Case("bomb_styles", replaced("xl/styles.xml", lambda _: _laughs("styleSheet")),
         (("SK001", None, ENTITIES),)),
    Case("bomb_content_types", replaced("[Content_Types].xml", lambda _: _laughs("Types")),
         (("SK001", None, ENTITIES),)),
    Case("bomb_rels", replaced("_rels/.rels", lambda _: _laughs("Relationships")),
         (("SK001", None, ENTITIES),)),
    Case("bomb_workbook_rels", replaced("xl/_rels/workbook.xml.rels",
                                        lambda _: _laughs("Relationships")),
         (("SK001", None, ENTITIES),)),
    Case("xxe_sheet_passwd", replaced(ACTIVITIES, lambda _: _external(
        "worksheet", CELL_X, "file:///etc/passwd")), (("SK001", "kegiatan!A1", ENTITIES),)),
    Case("xxe_sheet_secret", replaced(ACTIVITIES, lambda root: _external(
        "worksheet", CELL_X, secret_file(root))), (("SK001", "kegiatan!A1", ENTITIES),)),
    Case("xxe_strings", replaced("xl/sharedStrings.xml", lambda root: _external(
        "sst", "<si><t>&x;</t></si>", secret_file(root))), (("SK001", None, ENTITIES),)),
    Case("xxe_workbook", replaced("xl/workbook.xml", lambda root: _external(
        "workbook", '<sheets><sheet name="&x;" sheetId="1" r:id="rId1"/></sheets>',
        secret_file(root))), (("SK001", None, ENTITIES),)),
    Case("xxe_content_types", replaced("[Content_Types].xml", lambda root: _external(
        "Types", '<Default Extension="&x;" ContentType="application/xml"/>', secret_file(root))),
        (("SK001", None, ENTITIES),)),
    Case("xxe_parameter", replaced("xl/styles.xml", lambda root: (
        f'{XML}<!DOCTYPE s [<!ENTITY % p SYSTEM "{secret_file(root)}"> %p;]><s/>')),
        (("SK001", None, ENTITIES),)),
    Case("xxe_rels", replaced("xl/_rels/workbook.xml.rels", lambda root: _external(
        "Relationships", '<Relationship Id="rId1" Target="&x;"/>', secret_file(root))),
        (("SK001", None, ENTITIES),)),
    Case("undefined_entity", replaced(ACTIVITIES, lambda _: (
        f'{XML}<worksheet xmlns="{MAIN}">{CELL_X}</worksheet>')),
        (("SK001", "kegiatan!A1", "undefined entity"),)),
)


def _sheet_with(rows: Callable[[], str], dimension: str = "A1:E2",
                sheets: dict[str, list[list[object]]] | None = None) -> Callable[[Path], bytes]:
    """The activities sheet with its header row and `rows()` as the data rows."""
    def text(_: Path) -> str:
        header = activities_xml().split(b'<row r="2">')[0].decode()
        header = header.replace('ref="A1:E2"', f'ref="{dimension}"')
        return f"{header}{rows()}</sheetData></worksheet>"
    return replaced(ACTIVITIES, text, sheets)


def _strings_flood(count: int, varied: bool) -> Callable[[Path], bytes]:
    def make(_: Path) -> bytes:
        parts = package()
        old = parts["xl/sharedStrings.xml"]
        items = "".join(f"<si><t>{n}</t></si>" for n in range(count)).encode() if varied \
            else b"<si><t>a</t></si>" * count
        parts["xl/sharedStrings.xml"] = old.replace(b"</sst>", items + b"</sst>")
        return zipped(parts, {"xl/sharedStrings.xml": {"level": 1 if varied else 6}})
    return make


def _random_text(size: int) -> str:
    return random_bytes(size).decode()


def _element_flood(_: Path) -> bytes:
    """Formatted empty cells in one row, more than the workbook's element budget; their
    styles vary so the part packs like a real sheet (a repeated one would be a zip bomb):
    a block of 64 KB repeated is beyond deflate's 32 KB window, so it packs like random."""
    rng = random.Random(5)
    block = b"".join(b'<c s="%d"/>' % rng.randrange(100) for _ in range(6_000))
    cells = block * (MAX_ELEMENTS // 6_000 + 1)
    sheet = activities_xml().replace(b'<row r="2">', b'<row r="2">' + cells)
    return zipped(with_part(package(), ACTIVITIES, sheet), {ACTIVITIES: {"level": 1}})


def _row_flood(_: Path) -> bytes:
    """Row elements of one number each, scattered over the first 100,000 rows: more row
    elements than a sheet of 100,000 rows can hold."""
    rng = random.Random(6)
    block = b"".join(b'<row><c r="A%d"><v>%d</v></c></row>' % (rng.randrange(3, 99_999), n)
                     for n in range(3_000))
    rows = block * (MAX_ELEMENTS // 9_000 + 1)
    sheet = activities_xml().replace(b"</sheetData>", rows + b"</sheetData>")
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
    sheet = activities_xml().replace(b"</sheetData>", rows + b"</sheetData>")
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
    junk = random_bytes(20_000_000)
    parts[ACTIVITIES] = parts[ACTIVITIES].replace(b'<c r="A2"', b'<c x="' + junk + b'" r="A2"')
    return zipped(parts, {ACTIVITIES: {"level": 1}})


READ_CASES = (
    BAD_VALUES,
    Case("huge_attribute", _huge_attribute,
         (("SK001", "kegiatan!A2", "one XML item (a tag with its attributes, or a comment)"),)),
    Case("huge_comment", replaced("xl/sharedStrings.xml", lambda _: (
        package()["xl/sharedStrings.xml"].replace(b"<si>", b"<!--" + random_bytes(
            5_000_000) + b"--><si>", 1))),
         (("SK001", None, "one XML item (a tag with its attributes, or a comment)"),)),
    Case("dimension_too_small", _sheet_with(lambda: "".join(
        _activity_row(r, f'<c r="D{r}"><v>{r * 1000}</v></c>') for r in range(2, 52)), "A1:A1",
        village("35.05.04.2002", "Maron")), (), activities=50),
    Case("rich_and_inline_text", _rich_and_inline, (), activities=38),
)
CASES = DTD_CASES + ZIP_CASES + SIZE_CASES + READ_CASES
