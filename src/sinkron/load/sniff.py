"""What a file named .xlsx really is, checked before any parser sees it.

A workbook is a zip archive: its member count and declared uncompressed sizes are checked
here (zip bomb guard; Python's zipfile never returns more than a member's declared size).
Everything that is not an .xlsx becomes one SK001 naming what the file is, so the planner
knows how to save it.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from sinkron.findings import Location, Problem
from sinkron.i18n import Msg

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_MEMBERS = 2_000
MAX_UNCOMPRESSED = 100 * 1024 * 1024  # all members together, as their headers declare

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
M_OTHER_OFFICE = Msg("this is a {kind} document, not an Excel workbook",
                     "ini dokumen {kind}, bukan buku kerja Excel")
M_ZIP = Msg("this is a zip archive that holds no Excel workbook; give the .xlsx file itself",
            "ini arsip zip yang tidak berisi buku kerja Excel; berikan berkas .xlsx-nya langsung")
M_DAMAGED = Msg("the workbook is damaged ({error}); open it in a spreadsheet program and save "
                "it again",
                "buku kerja rusak ({error}); buka di program lembar kerja lalu simpan ulang")
M_BOMB = Msg("the workbook declares {what}, more than sinkron reads ({limit}); it is not a "
             "normal workbook",
             "buku kerja menyatakan {what}, melebihi batas sinkron ({limit}); bukan buku kerja "
             "yang wajar")
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
M_TEXT = Msg("this is a text file, not a workbook", "ini berkas teks, bukan buku kerja")
M_UNKNOWN = Msg("this is not an Excel workbook (its content is not a zip archive); save it as "
                "Excel Workbook (.xlsx)",
                "ini bukan buku kerja Excel (isinya bukan arsip zip); simpan sebagai Excel "
                "Workbook (.xlsx)")
M_READ = Msg("cannot read the file: {error}", "berkas tidak dapat dibaca: {error}")


def sniff(path: Path, file: str) -> Problem | None:
    """None when `path` looks like a real .xlsx; else one SK001 that says what it is."""
    where = Location(file)
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8192)
    except OSError as exc:
        return Problem("SK001", M_READ(error=exc.strerror or str(exc)), where)
    if size == 0:
        return Problem("SK001", M_EMPTY(), where)
    if size > MAX_FILE_BYTES:
        return Problem("SK001", M_TOO_BIG(size=size, limit=MAX_FILE_BYTES), where)
    if head.startswith(OLE2):
        encrypted = ENCRYPTED in path.read_bytes()  # an encrypted .xlsx is an OLE2 container
        return Problem("SK001", M_ENCRYPTED() if encrypted else M_XLS(), where)
    if head.startswith(b"PK"):
        return _zip(path, where)
    return Problem("SK001", _text_kind(head)(), where)


def _zip(path: Path, where: Location) -> Problem | None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                return Problem("SK001", M_BOMB(what=f"{len(members)} parts",
                                               limit=MAX_MEMBERS), where)
            total = sum(m.file_size for m in members)
            if total > MAX_UNCOMPRESSED:
                return Problem("SK001", M_BOMB(what=f"{total} bytes uncompressed",
                                               limit=f"{MAX_UNCOMPRESSED} bytes"), where)
            names = {m.filename for m in members}
            if "mimetype" in names:
                kind = archive.read("mimetype")[:200]
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
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        return Problem("SK001", M_DAMAGED(error=str(exc)[:120] or type(exc).__name__), where)
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
