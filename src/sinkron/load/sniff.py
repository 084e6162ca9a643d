"""What a file named .xlsx really is, checked before any parser sees it.

A workbook is a zip archive: its end record is read first (a directory of a million parts is
refused before zipfile builds it), then its member count, declared sizes and packing ratios
(zip bomb guard; the parts are counted again while they are inflated, load.ooxml.feed).
Everything that is not an .xlsx becomes one SK001 naming what the file is, so the planner
knows how to save it.
"""

from __future__ import annotations

import os
import zipfile
from typing import BinaryIO

from sinkron.findings import Location, Problem
from sinkron.i18n import Msg
from sinkron.load.zipread import MAX_INFLATED, MAX_RATIO, RATIO_FROM, Counted, open_zip

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_MEMBERS = 2_000
MAX_UNCOMPRESSED = MAX_INFLATED  # all members together, as their headers declare
MAX_DIRECTORY = 1024 * 1024  # bytes of the zip's list of parts: 2,000 parts need 200,000

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED = "EncryptedPackage".encode("utf-16-le")

M_EMPTY = Msg("the file is empty (0 bytes); it is not a workbook",
              "berkas kosong (0 bita); bukan buku kerja")
M_TOO_BIG = Msg("the file is {size} bytes, more than the {limit} bytes sinkron reads; "
                "split the workbook",
                "berkas berukuran {size} bita, melebihi batas {limit} bita; pecah buku kerjanya")
M_XLS = Msg("this is an old Excel 97-2003 file (.xls), not .xlsx; open it and save it as "
            "Excel Workbook (.xlsx)",
            "ini berkas Excel 97-2003 lama (.xls), bukan .xlsx; buka lalu simpan sebagai "
            "Excel Workbook (.xlsx)")
M_ENCRYPTED = Msg("the workbook is protected with a password; save a copy without the password",
                  "buku kerja dilindungi kata sandi; simpan salinan tanpa kata sandi")
M_ODS = Msg("this is an OpenDocument spreadsheet (.ods), not .xlsx; save it as Excel "
            "Workbook (.xlsx)",
            "ini lembar kerja OpenDocument (.ods), bukan .xlsx; simpan sebagai Excel "
            "Workbook (.xlsx)")
M_OTHER_OFFICE = Msg("this is a {kind} document, not an Excel workbook; put the plan in the "
                     "sinkron template (`sinkron template`)",
                     "ini dokumen {kind}, bukan buku kerja Excel; isikan rencana ke templat "
                     "sinkron (`sinkron template`)")
M_ZIP = Msg("this is a zip archive that holds no Excel workbook; give the .xlsx file itself",
            "ini arsip zip yang tidak berisi buku kerja Excel; berikan berkas .xlsx-nya langsung")
M_DAMAGED = Msg("the workbook is damaged ({error}); open it in a spreadsheet program and save "
                "it again",
                "buku kerja rusak ({error}); buka di program lembar kerja lalu simpan ulang")
M_BOMB = Msg("the workbook declares {what}, more than sinkron reads ({limit}); it is not a "
             "normal workbook: save it again from a spreadsheet program, or split it",
             "buku kerja menyatakan {what}, melebihi batas sinkron ({limit}); bukan buku kerja "
             "yang wajar: simpan ulang dari program lembar kerja, atau pecah buku kerjanya")
M_CSV = Msg("this is a CSV (plain text) file renamed .xlsx; open it in a spreadsheet program "
            "and save it as Excel Workbook (.xlsx)",
            "ini berkas CSV (teks biasa) yang diberi nama .xlsx; buka di program lembar kerja "
            "lalu simpan sebagai Excel Workbook (.xlsx)")
M_HTML = Msg("this is a web page (HTML) renamed .xlsx, as some systems export 'Excel'; open "
             "it in a spreadsheet program and save it as Excel Workbook (.xlsx)",
             "ini halaman web (HTML) yang diberi nama .xlsx, seperti ekspor 'Excel' beberapa "
             "aplikasi; buka di program lembar kerja lalu simpan sebagai Excel Workbook (.xlsx)")
M_XML = Msg("this is an XML file (perhaps Excel 2003 XML), not .xlsx; save it as Excel "
            "Workbook (.xlsx)",
            "ini berkas XML (mungkin Excel 2003 XML), bukan .xlsx; simpan sebagai Excel "
            "Workbook (.xlsx)")
M_PDF = Msg("this is a PDF document, not a workbook; sinkron needs the .xlsx file",
            "ini dokumen PDF, bukan buku kerja; sinkron memerlukan berkas .xlsx")
M_TEXT = Msg("this is a text file, not a workbook; give the plan as .yaml, or save it as "
             "Excel Workbook (.xlsx) from a spreadsheet program",
             "ini berkas teks, bukan buku kerja; berikan rencana sebagai .yaml, atau simpan "
             "sebagai Excel Workbook (.xlsx) dari program lembar kerja")
M_UNKNOWN = Msg("this is not an Excel workbook (its content is not a zip archive); save it as "
                "Excel Workbook (.xlsx)",
                "ini bukan buku kerja Excel (isinya bukan arsip zip); simpan sebagai Excel "
                "Workbook (.xlsx)")
M_READ = Msg("cannot read the file: {error}", "berkas tidak dapat dibaca: {error}")


Opened = tuple[zipfile.ZipFile, Counted]


def sniff(fh: BinaryIO, file: str) -> tuple[Opened | None, Problem | None]:
    """The open zip archive (and its counted file) when `fh` looks like a real .xlsx; else
    one SK001 that says what the file is."""
    where = Location(file)
    try:
        size = os.fstat(fh.fileno()).st_size
        fh.seek(0)
        head = fh.read(8192)
        if size == 0:
            return None, Problem("SK001", M_EMPTY(), where)
        if head.startswith(OLE2):
            fh.seek(0)
            encrypted = ENCRYPTED in fh.read(MAX_FILE_BYTES)  # an encrypted .xlsx is OLE2
            return None, Problem("SK001", M_ENCRYPTED() if encrypted else M_XLS(), where)
    except OSError as exc:
        return None, Problem("SK001", M_READ(error=exc.strerror or str(exc)), where)
    if head.startswith(b"PK"):
        return _zip(fh, where)
    return None, Problem("SK001", _text_kind(head)(), where)


def _directory(fh: BinaryIO) -> tuple[int, int] | None:
    """(entries, bytes) of the zip's central directory as its end record states them, read
    before zipfile builds an object for every entry (a million entries take 10 s and 500 MB);
    None when there is no end record (zipfile then says what is wrong)."""
    end_record = getattr(zipfile, "_EndRecData", None)
    if end_record is None:  # a Python without it: zipfile's own limits remain
        return None
    record = end_record(fh)
    if not record:
        return None
    return int(record[4]), int(record[5])  # _ECD_ENTRIES_TOTAL, _ECD_SIZE


def _zip(fh: BinaryIO, where: Location) -> tuple[Opened | None, Problem | None]:
    opened: Opened | None = None
    try:
        directory = _directory(fh)
        if directory is not None:
            entries, size = directory
            if entries > MAX_MEMBERS or size > MAX_DIRECTORY:
                what = f"{entries} parts" if entries > MAX_MEMBERS else \
                    f"a {size}-byte list of parts"
                limit = MAX_MEMBERS if entries > MAX_MEMBERS else f"{MAX_DIRECTORY} bytes"
                return None, Problem("SK001", M_BOMB(what=what, limit=limit), where)
        opened = open_zip(fh)
        problem = _contents(opened[0], where)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
            RuntimeError, NotImplementedError) as exc:
        problem = Problem("SK001", M_DAMAGED(error=str(exc)[:120] or type(exc).__name__), where)
    if problem is not None:
        if opened is not None:
            opened[0].close()
        return None, problem
    return opened, None


def _contents(archive: zipfile.ZipFile, where: Location) -> Problem | None:
    """SK001 when the members say the archive is no workbook, or a dangerous one."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        return Problem("SK001", M_BOMB(what=f"{len(members)} parts", limit=MAX_MEMBERS), where)
    total = sum(m.file_size for m in members)
    if total > MAX_UNCOMPRESSED:
        return Problem("SK001", M_BOMB(what=f"{total} bytes uncompressed",
                                       limit=f"{MAX_UNCOMPRESSED} bytes"), where)
    for m in members:
        if m.file_size > RATIO_FROM and m.file_size > m.compress_size * MAX_RATIO:
            return Problem("SK001", M_BOMB(
                what=f"part {m.filename[:80]} of {m.file_size} bytes packed into "
                     f"{m.compress_size}", limit=f"{MAX_RATIO} to 1"), where)
    names = {m.filename for m in members}
    if "mimetype" in names:
        with archive.open("mimetype") as fh:
            kind = fh.read(200)
        if b"spreadsheet" in kind:
            return Problem("SK001", M_ODS(), where)
        return Problem("SK001", M_OTHER_OFFICE(kind="OpenDocument"), where)
    if "[Content_Types].xml" in names and not any(n.startswith("xl/") for n in names):
        if any(n.startswith("word/") for n in names):
            return Problem("SK001", M_OTHER_OFFICE(kind="Word"), where)
        if any(n.startswith("ppt/") for n in names):
            return Problem("SK001", M_OTHER_OFFICE(kind="PowerPoint"), where)
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        return Problem("SK001", M_ZIP(), where)
    if any(m.flag_bits & 0x1 for m in members):
        return Problem("SK001", M_ENCRYPTED(), where)
    return None


def _text_kind(head: bytes) -> Msg:
    """Name a non-zip file from its first bytes."""
    if head.startswith(b"%PDF"):
        return M_PDF
    body = head
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if body.startswith(bom):
            body = body[len(bom):]
    text = _decode(body)
    if text is None:
        return M_UNKNOWN
    start = text.lstrip().lower()
    if start.startswith("<"):
        if "<html" in start or "<table" in start or "<!doctype html" in start:
            return M_HTML
        return M_XML
    first = start.splitlines()[0] if start else ""
    if any(sep in first for sep in (",", ";", "\t")):
        return M_CSV
    return M_TEXT


def _decode(raw: bytes) -> str | None:
    """Text when the bytes look like text (UTF-8, UTF-16, or a single-byte code page)."""
    if b"\x00" in raw:
        try:
            return raw.decode("utf-16-le" if raw[1:2] == b"\x00" else "utf-16-be")
        except UnicodeDecodeError:
            return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(raw) - 4:  # a multi-byte character cut at 8 KB is still text
            text = raw.decode("latin-1")
        else:
            text = raw[: exc.start].decode("utf-8")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t")
    return text if controls <= len(text) // 100 else None
