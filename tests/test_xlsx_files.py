"""Files that are not (safe) workbooks: SK001 that says what the file really is, quickly."""

from __future__ import annotations

import re
import time
import zipfile
from pathlib import Path

import pytest

from sinkron.findings import Report
from sinkron.load import sniff, workbook
from tests.conftest import run_case, write_case
from tests.xlsx_util import base_sheets, patch_member, sheet_member, sheets_workbook


def run_file(tmp: Path, data: bytes | None = None) -> Report:
    write_case(tmp, ())
    if data is not None:
        (tmp / "plans" / "desa.xlsx").write_bytes(data)
    started = time.perf_counter()
    report = run_case(tmp)
    assert time.perf_counter() - started < 5, "a hostile file must end quickly"
    return report


def only_sk001(report: Report) -> str:
    assert [(f.code, f.location.file) for f in report.findings] == [("SK001", "plans/desa.xlsx")]
    return report.findings[0].message.en


def _zip(entries: dict[str, bytes]) -> bytes:
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize(("data", "says"), [
    (sniff.OLE2 + bytes(600), "old Excel 97-2003 file (.xls)"),
    (sniff.OLE2 + bytes(100) + sniff.ENCRYPTED + bytes(100), "protected with a password"),
    (b"kode_desa;nama_desa\n35.05.04.2014;Plosorejo\n", "CSV (plain text) file"),
    (b"<html><body><table><tr><td>1</td></tr></table></body></html>", "web page (HTML)"),
    (b'<?xml version="1.0"?><Workbook></Workbook>', "XML file"),
    (b"%PDF-1.7 ...", "PDF document"),
    (b"", "the file is empty"),
    (bytes(range(256)) * 4, "not an Excel workbook"),
    (_zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
           "content.xml": b"<x/>"}), "OpenDocument spreadsheet (.ods)"),
    (_zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<x/>"}), "Word document"),
    (_zip({"notes.txt": b"rapat"}), "zip archive that holds no Excel workbook"),
    (b"PK\x03\x04" + bytes(200), "the workbook is damaged"),
], ids=["xls", "encrypted", "csv", "html", "xml", "pdf", "empty", "binary", "ods", "docx",
        "zip", "corrupt"])
def test_not_a_workbook_says_what_it_is(tmp_path: Path, data: bytes, says: str) -> None:
    assert says in only_sk001(run_file(tmp_path, data))


def test_truncated_workbook_is_damaged(tmp_path: Path) -> None:
    book = sheets_workbook(tmp_path / "full.xlsx", base_sheets())
    data = book.read_bytes()
    assert "damaged" in only_sk001(run_file(tmp_path, data[: len(data) // 2]))


ENTITIES = "".join(f'<!ENTITY e{n} "{f"&e{n - 1};" * 10}">' for n in range(1, 10))
BOMB = (f'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY e0 "boom">{ENTITIES}]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e9;</t></is></c></row>'
        '</sheetData></worksheet>')


@pytest.mark.parametrize("member", ["kegiatan", "xl/workbook.xml", "xl/styles.xml"])
def test_xml_entity_bomb_is_refused_quickly(tmp_path: Path, member: str) -> None:
    write_case(tmp_path, ())
    book = sheets_workbook(tmp_path / "plans" / "desa.xlsx", base_sheets())
    name = member if "/" in member else sheet_member(book, member)
    patch_member(book, name, lambda _: BOMB)
    assert "declares entities" in only_sk001(run_file(tmp_path))


def test_prefixed_namespaces_are_read(tmp_path: Path) -> None:
    write_case(tmp_path, ())
    book = sheets_workbook(tmp_path / "plans" / "desa.xlsx", base_sheets())

    def prefixed(xml: str) -> str:
        xml = re.sub(r"<(/?)(\w+)", r"<\1x:\2", xml.split("?>", 1)[-1])
        return xml.replace("xmlns=", "xmlns:x=", 1)

    patch_member(book, sheet_member(book, "kegiatan"), prefixed)
    report = run_case(tmp_path)
    assert report.findings == [] and report.activities == 1


def test_zip_bomb_by_declared_size_is_refused_before_parsing(tmp_path: Path) -> None:
    data = bytearray(sheets_workbook(tmp_path / "b.xlsx", base_sheets()).read_bytes())
    at = data.index(b"PK\x01\x02")  # the first central directory entry
    data[at + 24: at + 28] = (0x7FFF_FFFF).to_bytes(4, "little")  # uncompressed size
    message = only_sk001(run_file(tmp_path, bytes(data)))
    assert "bytes uncompressed" in message


def test_too_many_zip_members(tmp_path: Path) -> None:
    data = _zip({f"xl/m{n}.xml": b"" for n in range(sniff.MAX_MEMBERS + 1)})
    assert "2001 parts" in only_sk001(run_file(tmp_path, data))


def test_impossible_declared_size_ends_quickly(tmp_path: Path) -> None:
    write_case(tmp_path, ())
    book = sheets_workbook(tmp_path / "plans" / "desa.xlsx", base_sheets())
    patch_member(book, sheet_member(book, "kegiatan"), lambda xml: re.sub(
        r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:XFD1048576"/>', xml))
    report = run_file(tmp_path)
    assert [(f.code, str(f.location)) for f in report.findings] == [
        ("SK001", "plans/desa.xlsx[kegiatan!A1]")]
    assert "declares 1048576 rows x 16384 columns" in report.findings[0].message.en


def test_data_far_below_is_refused(tmp_path: Path) -> None:
    write_case(tmp_path, ())
    book = sheets_workbook(tmp_path / "plans" / "desa.xlsx", base_sheets())
    far = workbook.MAX_ROWS + 1
    patch_member(book, sheet_member(book, "kegiatan"), lambda xml: re.sub(
        r'<dimension ref="[^"]*"\s*/>', "", xml).replace(
        "</sheetData>", f'<row r="{far}"><c r="A{far}"><v>1</v></c></row></sheetData>'))
    report = run_file(tmp_path)
    assert [f.code for f in report.findings] == ["SK001"]
    assert "has data beyond row 100000" in report.findings[0].message.en


def test_broken_targets_workbook_is_fatal(tmp_path: Path) -> None:
    from sinkron.pipeline import Options, check

    write_case(tmp_path, ("",))
    (tmp_path / "targets.xlsx").write_bytes(b"kode;nama\n")
    report = check(Options([str(tmp_path / "plans")], tmp_path / "targets.xlsx"))
    assert report.fatal and [f.code for f in report.findings] == ["SK001"]


def test_cells_without_references_are_placed_by_order(tmp_path: Path) -> None:
    write_case(tmp_path, ())
    book = sheets_workbook(tmp_path / "plans" / "desa.xlsx", base_sheets())
    patch_member(book, sheet_member(book, "kegiatan"), lambda xml: re.sub(
        r' r="[A-Z]*\d+"', "", xml))
    report = run_case(tmp_path)
    assert report.findings == [] and report.activities == 1
