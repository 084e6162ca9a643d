"""What the CI formats share: places, file URIs, stable fingerprints, XML-safe text."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import PurePosixPath
from urllib.parse import quote

from sinkron.findings import Finding, Location

# what XML 1.0 cannot hold: most C0 controls, lone surrogates, U+FFFE and U+FFFF
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """Text an XML 1.0 document can hold: other characters are dropped."""
    return _NOT_XML.sub("", text)


def cell_of(loc: Location) -> str:
    """`sheet!cell` of a workbook location (or the sheet alone), else ''."""
    if loc.sheet is None:
        return ""
    return f"{loc.sheet}!{loc.cell}" if loc.cell else loc.sheet


def file_uri(file: str) -> tuple[str, bool]:
    """A file as a URI and whether it is relative to the checkout (the current folder)."""
    posix = file.replace("\\", "/")
    if PurePosixPath(posix).is_absolute() or re.match(r"[A-Za-z]:/", posix):
        path = posix if posix.startswith("/") else "/" + posix
        return "file://" + quote(path, safe="/:"), False
    return quote(posix, safe="/"), True


def _digest(parts: Iterable[object]) -> str:
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def identity(f: Finding) -> str:
    """A fingerprint that survives lines moving: code, file, what it is about, the message."""
    return _digest((f.code, f.location.file, cell_of(f.location), f.village, f.indicator,
                    f.activity, f.year, f.message.en))


def positioned(f: Finding) -> str:
    """A fingerprint of code, file, position and message (GitLab Code Quality)."""
    loc = f.location
    return _digest((f.code, loc.file, loc.line, loc.column, cell_of(loc), f.message.en))


def unique(findings: Iterable[Finding],
           fingerprint: Callable[[Finding], str]) -> Iterator[tuple[Finding, str]]:
    """Each finding with its fingerprint made unique in order: a repeat gets its occurrence
    number hashed in. Both fingerprints hash the file, so only findings of one file can share
    one; findings come grouped by file (it leads their order), so what was seen is forgotten
    at each new file and memory stays small however many findings there are."""
    seen: dict[str, int] = {}
    file = None
    for f in findings:
        if f.location.file != file:
            file = f.location.file
            seen.clear()
        fp = fingerprint(f)
        n = seen.get(fp, 0)
        seen[fp] = n + 1
        yield f, (fp if n == 0 else _digest((fp, n)))
