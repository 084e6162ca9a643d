"""Reading the parts of a zip archive under a budget, whatever its headers declare.

A zip's headers are written by whoever made the file, so each limit is enforced again while
a part is inflated: bytes unpacked from the whole workbook, the ratio of bytes unpacked to
bytes actually read from the file (counted underneath zipfile, not taken from a header), and
the part's declared size. A part whose local header disagrees with the central directory is
refused: one of the two lies, and a reader that trusts the other sees other data.
"""

from __future__ import annotations

import struct
import zipfile
from dataclasses import dataclass, field
from typing import IO, Any, BinaryIO, cast

READ = 1 << 16  # inflated at once
CHUNK = 1 << 20  # parsed at once
MAX_TOKEN = 1 << 20  # bytes of one XML token (a tag with its attributes, a comment)
MAX_INFLATED = 100 * 1024 * 1024  # bytes unpacked from one workbook, all parts together
MAX_RATIO = 200  # unpacked / packed size of a part; real sheets reach 20, zip bombs 1,000
RATIO_FROM = 1024 * 1024  # parts smaller than this may have any ratio
MAX_ELEMENTS = 1_000_000  # XML elements read from one workbook (a regency: 520,000-700,000)
LOCAL = struct.Struct("<4s5H3L2H")  # a local file header, before its name
UNKNOWN_SIZE = 0xFFFF_FFFF  # zip64: the real size is in an extra field


class Exhausted(Exception):
    """The workbook costs more than sinkron spends on one: (what, limit, part)."""


class Lying(Exception):
    """A part's local header disagrees with the central directory: (part, field)."""


class Counted:
    """A binary file that counts the bytes read from it (what zipfile really inflates)."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh = fh
        self.count = 0

    def read(self, n: int = -1) -> bytes:
        data = self.fh.read(n)
        self.count += len(data)
        return data

    def seek(self, offset: int, whence: int = 0) -> int:
        return self.fh.seek(offset, whence)

    def tell(self) -> int:
        return self.fh.tell()

    def seekable(self) -> bool:
        return True


@dataclass
class Budget:
    """What one workbook may still cost."""

    inflated: int = MAX_INFLATED
    elements: int = MAX_ELEMENTS
    source: Counted | None = field(default=None, repr=False)

    def spend(self, elements: int) -> None:
        """Count elements parsed outside the sheet reader (which counts its own)."""
        self.elements -= elements
        if self.elements < 0:
            raise Exhausted("elements", MAX_ELEMENTS, "")


def open_zip(fh: BinaryIO) -> tuple[zipfile.ZipFile, Counted]:
    """A ZipFile over `fh` whose reads are counted."""
    source = Counted(fh)
    return zipfile.ZipFile(cast(IO[bytes], source)), source


def _check_local(source: Counted, info: zipfile.ZipInfo) -> None:
    """The local header must state the central directory's sizes and checksum."""
    source.seek(info.header_offset)
    raw = source.read(LOCAL.size)
    if len(raw) < LOCAL.size:
        raise Lying(info.filename, "header")
    fields = LOCAL.unpack(raw)
    flags, crc, packed, size = fields[2], fields[6], fields[7], fields[8]
    if flags & 0x8:  # sizes and checksum follow the data (streamed writers): nothing to compare
        return
    for name, local, central in (("CRC", crc, info.CRC), ("size", size, info.file_size),
                                 ("packed size", packed, info.compress_size)):
        if local != central and local != UNKNOWN_SIZE:
            raise Lying(info.filename, name)


def feed(archive: zipfile.ZipFile, member: str, p: Any, budget: Budget) -> None:
    """Stream one zip member through a parser, counting what it inflates to.

    Inflated in small reads, so that the bytes read from the file are counted closely (a
    read of 1 MB would take in a lying part's whole packed size at once); parsed in 1 MB
    pieces, see _parse."""
    info = archive.getinfo(member)
    source = budget.source
    if source is not None:
        _check_local(source, info)
    inflated = 0
    waiting: list[bytes] = []
    with archive.open(info) as fh:
        start = source.count if source is not None else 0
        while chunk := fh.read(READ):
            inflated += len(chunk)
            budget.inflated -= len(chunk)
            if budget.inflated < 0:
                raise Exhausted("bytes", MAX_INFLATED, member)
            packed = source.count - start if source is not None else info.compress_size
            if inflated > info.file_size or (inflated > RATIO_FROM
                                             and inflated > max(packed, 1) * MAX_RATIO):
                raise Exhausted("ratio", MAX_RATIO, member)
            waiting.append(chunk)
            if len(waiting) * READ >= CHUNK:
                _parse(p, b"".join(waiting), inflated, member)
                waiting.clear()
        _parse(p, b"".join(waiting), inflated, member)
        p.Parse(b"", True)


def _parse(p: Any, data: bytes, fed: int, member: str) -> None:
    """Feed expat one piece. Expat before 2.6 rescans a token that spans calls from its start
    on every call (CVE-2023-52425), and is slow on a huge token even in one call: a 55 MB
    comment took a minute in 64 KB pieces, 2.5 s at once. No program writes a tag or a
    comment of a megabyte (cell text is no single token: expat hands it over in pieces)."""
    p.Parse(data, False)
    if fed - p.CurrentByteIndex > MAX_TOKEN:
        raise Exhausted("token", MAX_TOKEN, member)
