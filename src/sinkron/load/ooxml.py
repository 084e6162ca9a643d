"""The parts of an .xlsx package sinkron needs: sheets, shared strings, date styles.

Parsed with expat directly (streamed, namespace-aware, any prefix; transitional and strict
OOXML alike). A document type declaration is refused outright: no real workbook has one,
and refusing it rules out entity expansion ("billion laughs") and external entities.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from xml.parsers import expat

CHUNK = 1 << 16


class Refused(Exception):
    """The XML declares a document type or entities."""


class Malformed(Exception):
    """A part the workbook needs is missing or broken."""


def parser(start: Callable[[str, dict[str, str]], None] | None = None,
           end: Callable[[str], None] | None = None,
           text: Callable[[str], None] | None = None) -> Any:
    """An expat parser reporting local names (namespaces dropped) that refuses DTDs."""
    p = expat.ParserCreate(namespace_separator=" ")

    def refuse(*_: object) -> Any:
        raise Refused

    p.StartDoctypeDeclHandler = refuse
    p.EntityDeclHandler = refuse
    p.ExternalEntityRefHandler = refuse
    p.buffer_text = True
    if start is not None:
        p.StartElementHandler = lambda name, attrs: start(
            name.rpartition(" ")[2], {k.rpartition(" ")[2]: v for k, v in attrs.items()})
    if end is not None:
        p.EndElementHandler = lambda name: end(name.rpartition(" ")[2])
    if text is not None:
        p.CharacterDataHandler = text
    return p


def fast_parser(start: Callable[[str, dict[str, str]], None], end: Callable[[str], None],
                text: Callable[[str], None]) -> Any:
    """Like parser() without namespace processing, for the large parts (sheets): handlers
    get names as written ("c" or "x:c") and strip a prefix themselves."""
    p = expat.ParserCreate()

    def refuse(*_: object) -> Any:
        raise Refused

    p.StartDoctypeDeclHandler = refuse
    p.EntityDeclHandler = refuse
    p.ExternalEntityRefHandler = refuse
    p.buffer_text = True
    p.StartElementHandler = start
    p.EndElementHandler = end
    p.CharacterDataHandler = text
    return p


def feed(archive: zipfile.ZipFile, member: str, p: Any) -> None:
    """Stream one zip member through a parser."""
    with archive.open(member) as fh:
        while chunk := fh.read(CHUNK):
            p.Parse(chunk, False)
        p.Parse(b"", True)


def _relations(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Id -> (type suffix, member name) from the part's .rels file."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    out: dict[str, tuple[str, str]] = {}
    if rels not in archive.NameToInfo:
        return out

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag == "Relationship" and "Id" in attrs:
            target = attrs.get("Target", "")
            member = target.lstrip("/") if target.startswith("/") else \
                posixpath.normpath(posixpath.join(folder, target))
            out[attrs["Id"]] = (attrs.get("Type", "").rpartition("/")[2], member)

    feed(archive, rels, parser(start))
    return out


@dataclass
class Package:
    """What the sheets need to be read: names, parts, strings, date styles, epoch."""

    sheets: list[tuple[str, str, bool]] = field(default_factory=list)  # title, member, hidden
    strings: list[str] = field(default_factory=list)
    date_styles: frozenset[int] = frozenset()
    epoch: dt.datetime = dt.datetime(1899, 12, 30)


def read_package(archive: zipfile.ZipFile) -> Package:
    """Parse the workbook part, its relations, shared strings and styles."""
    top = _relations(archive, "")
    workbook = next((m for kind, m in top.values() if kind == "officeDocument"),
                    "xl/workbook.xml")
    if workbook not in archive.NameToInfo:
        raise Malformed(workbook)
    rels = _relations(archive, workbook)
    pkg = Package()
    found: list[tuple[str, str, str]] = []

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag == "sheet":
            found.append((attrs.get("name", ""), attrs.get("id", ""),
                          attrs.get("state", "visible")))
        elif tag == "workbookPr" and attrs.get("date1904") in ("1", "true"):
            pkg.epoch = dt.datetime(1904, 1, 1)

    feed(archive, workbook, parser(start))
    for title, rid, state in found:
        kind, member = rels.get(rid, ("", ""))
        if kind == "worksheet" and member in archive.NameToInfo:
            pkg.sheets.append((title, member, state != "visible"))
    for kind, member in rels.values():
        if kind == "sharedStrings" and member in archive.NameToInfo:
            pkg.strings = _strings(archive, member)
        elif kind == "styles" and member in archive.NameToInfo:
            pkg.date_styles = _date_styles(archive, member)
    return pkg


def _strings(archive: zipfile.ZipFile, member: str) -> list[str]:
    """The shared strings: the text runs of each <si>, phonetic guides (<rPh>) left out."""
    out: list[str] = []
    parts: list[str] = []
    state = {"t": False, "rph": 0}

    def start(tag: str, _: dict[str, str]) -> None:
        if tag == "si":
            parts.clear()
        elif tag == "rPh":
            state["rph"] += 1
        elif tag == "t":
            state["t"] = not state["rph"]

    def end(tag: str) -> None:
        if tag == "si":
            out.append("".join(parts))
        elif tag == "rPh":
            state["rph"] -= 1
        elif tag == "t":
            state["t"] = False

    def text(data: str) -> None:
        if state["t"]:
            parts.append(data)

    feed(archive, member, parser(start, end, text))
    return out


def _date_styles(archive: zipfile.ZipFile, member: str) -> frozenset[int]:
    """Indexes of the cell styles whose number format shows a date or time."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

    formats: dict[int, str] = dict(BUILTIN_FORMATS)
    styles: list[int] = []
    where = {"xfs": False}

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag == "numFmt" and attrs.get("numFmtId", "").isdigit():
            formats[int(attrs["numFmtId"])] = attrs.get("formatCode", "")
        elif tag == "cellXfs":
            where["xfs"] = True
        elif tag == "xf" and where["xfs"]:
            raw = attrs.get("numFmtId", "0")
            styles.append(int(raw) if raw.isdigit() else 0)

    def end(tag: str) -> None:
        if tag == "cellXfs":
            where["xfs"] = False

    feed(archive, member, parser(start, end))
    return frozenset(n for n, fmt in enumerate(styles) if is_date_format(formats.get(fmt)))
