"""Hostile and broken zips named .xlsx, built in code: bombs, lying headers, damage, files
that are no workbook. Part of the corpus of tests/xlsx_hostile_cases.py (see there)."""

from __future__ import annotations

import random
import struct
import zlib
from pathlib import Path

from sinkron.load.sniff import MAX_FILE_BYTES, MAX_MEMBERS, OLE2
from sinkron.load.zipread import MAX_INFLATED
from tests.xlsx_forge import (
    ACTIVITIES,
    MAIN,
    Case,
    Member,
    activities_xml,
    deflate,
    forge,
    package,
    random_bytes,
    sheet_of,
    with_part,
    zipped,
)

DAMAGED = "the workbook is damaged"
CANNOT = "cannot read the workbook"


def _spaced_activities(size: int) -> bytes:
    """The activities sheet padded with `size` spaces between two rows (still valid XML)."""
    return activities_xml().replace(b'<row r="2">', b" " * size + b'<row r="2">')


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
    text = random_bytes(27_000_000)
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
