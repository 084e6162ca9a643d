"""Fuzzing the workbook reader: random damage to a valid plans workbook, through the pipeline.

The workbook is forged as XML parts (tests/xlsx_forge.py), then damaged: bytes flipped in the
zip, elements deleted, attribute values replaced, cell text and cell types made random, odd
Unicode put in. Whatever the damage, no exception escapes the reader or the pipeline, and
every finding names the workbook (and, when it is about a cell, its sheet and cell).

Small budget for CI (40 examples per test); before a release:
`SINKRON_FUZZ_EXAMPLES=2000 python -m pytest tests/test_fuzz_xlsx.py` (docs/fuzzing.md).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sinkron.findings import Report
from sinkron.pipeline import exit_code
from sinkron.report import Format, render_file, reporter
from tests.conftest import run_case, write_case
from tests.xlsx_forge import Member, Parts, forge, package, sheet_of, zipped

EXAMPLES = int(os.environ.get("SINKRON_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FILE = "plans/desa.xlsx"
BASE = package()
PART_NAMES = sorted(BASE)
# odd text: bidi controls, combining marks, XML-special characters, local numbers, formulas
ODD = ["\u202eevil", "a\u0301\u0302", "\x1b[31m", "&amp;", "&lt;x&gt;", "&#0;", "&#x1F600;",
       "]]>", "<![CDATA[x]]>", "NaN", "-INF", "1e400", "١٢٣", "²", "45.000.000", "=SUM(A1)",
       "@x", "", " ", "\ufeff", "\U000e0041", "99999999999999999999", "-0", "1_0", "0x1F"]
text = st.one_of(st.sampled_from(ODD), st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="<&\x00"), max_size=12))
CELL_TYPES = ["n", "s", "b", "e", "str", "inlineStr", "d", "zz", ""]


def _assert_sane(report: Report) -> None:
    """No crash finding; every finding named and placed; every reporter copes."""
    for f in report.findings:
        assert f.code != "SK000", f
        assert f.location.file in (FILE, "targets.yaml"), f
        if f.location.file == FILE:
            assert f.location.line is None, f
            assert (f.location.sheet is None) == (f.location.cell is None), f
            if f.code != "SK001" and f.location.sheet is None:  # about the workbook as a whole
                assert "sheet" in f.message.en or "lembar" in f.message.id, f
    assert exit_code(report, "error") in (0, 1)
    for fmt in (Format.json, Format.sarif, Format.junit, Format.concise):
        out = reporter(fmt)(report, "id")
        if fmt is Format.json:
            json.loads(out, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
    assert render_file("xlsx", report, "en")[:2] == b"PK"


def _check(data: bytes) -> Report:
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_case(Path(tmp), ())
        (folder / "plans" / "desa.xlsx").write_bytes(data)
        report = run_case(folder)
    _assert_sane(report)
    return report


@FUZZ
@given(st.data())
def test_reader_survives_flipped_bytes(data: st.DataObject) -> None:
    stored = data.draw(st.booleans())  # stored parts: flips land in the XML itself
    raw = bytearray(forge([Member(n, d, stored=stored) for n, d in BASE.items()]))
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(raw) - 1))
        raw[at] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        at = data.draw(st.integers(0, len(raw) - 1))
        del raw[at:at + data.draw(st.integers(1, 64))]
    _check(bytes(raw))


def _spans(xml: str, pattern: str) -> list[re.Match[str]]:
    return list(re.finditer(pattern, xml))


def _mutate(xml: str, draw: Callable[[st.SearchStrategy[Any]], Any]) -> str:
    """One random change to an XML part."""
    action = draw(st.sampled_from(["delete", "attribute", "text", "type", "insert", "cut"]))
    if action == "delete":  # an element, empty or with its content
        found = _spans(xml, r"<(\w+)(?:\s[^>]*)?/>|<(\w+)(?:\s[^>]*)?>[^<]*</\2>")
    elif action == "attribute":
        found = _spans(xml, r'(?<=\s)[\w:]+="[^"]*"')
    elif action == "text":
        found = _spans(xml, r"(?<=>)[^<]+(?=<)")
    elif action == "type":
        found = _spans(xml, r'<c(?=[\s>/])')
    elif action == "insert":
        found = _spans(xml, r"<(?=\w)")
    else:
        found = []
    if not found:
        return xml[: draw(st.integers(0, len(xml)))]  # a part cut short
    m = draw(st.sampled_from(found))
    if action == "delete":
        new = ""
    elif action == "attribute":
        name = m.group().split("=")[0]
        new = f'{name}="{_attr(draw(text))}"'
    elif action == "text":
        new = _xml_text(draw(text))
    elif action == "type":
        new = f'<c t="{draw(st.sampled_from(CELL_TYPES))}"'
    else:
        new = draw(st.sampled_from(['<x:v xmlns:x="urn:x">9</x:v>', "<v>1</v>", "<row/>",
                                    '<c r="A1"><v>1</v></c>', '<mergeCell ref="A1:A99999"/>',
                                    '<dimension ref="A1:ZZZ9"/>', "<f>1+</f>", "<is/>",
                                    "<si><t>x</t></si>", "<rPh><t>y</t></rPh>"])) + "<"
    return xml[: m.start()] + new + xml[m.end():]


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _xml_text(value: str) -> str:
    return value if value.startswith("&") else value.replace("<", "&lt;")


@FUZZ
@given(st.data())
def test_reader_survives_mutated_parts(data: st.DataObject) -> None:
    parts: Parts = dict(BASE)
    for _ in range(data.draw(st.integers(1, 4))):
        name = data.draw(st.sampled_from(PART_NAMES))
        if data.draw(st.integers(0, 9)) == 0:
            parts.pop(name, None)  # a part missing altogether
            continue
        xml = parts.get(name, b"").decode("utf-8", "replace")
        parts[name] = _mutate(xml, data.draw).encode("utf-8", "surrogatepass")
    _check(zipped(parts))


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(["A", "B", "C", "D", "E", "F", "ZZ"]),
                          st.sampled_from(CELL_TYPES), text, st.booleans()),
                min_size=1, max_size=12))
def test_reader_survives_random_cells(cells: list[tuple[str, str, str, bool]]) -> None:
    """Activity rows of random cells: any type with any stored text, inline or in <v>."""
    rows = []
    for n, (col, kind, value, inline) in enumerate(cells, start=2):
        body = f"<is><t>{_xml_text(value)}</t></is>" if inline else \
            f"<v>{_xml_text(value)}</v>"
        typed = f' t="{kind}"' if kind else ""
        rows.append(f'<row r="{n}"><c r="{col}{n}"{typed}>{body}</c></row>')
    sheet = sheet_of("kegiatan")
    xml = BASE[sheet].decode()
    xml = re.sub(r'<row r="2">.*?</row>', "", xml).replace("</sheetData>",
                                                           "".join(rows) + "</sheetData>")
    report = _check(zipped({**BASE, sheet: xml.encode("utf-8", "surrogatepass")}))
    assert report.files == 1
