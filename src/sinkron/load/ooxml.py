"""The parts of an .xlsx package sinkron needs: sheets, shared strings, date styles.

Parsed with expat directly (streamed, namespace-aware, any prefix; transitional and strict
OOXML alike). A document type declaration is refused outright: no real workbook has one,
and refusing it rules out entity expansion ("billion laughs") and external entities.

What one workbook may cost is counted while it is read (load.zipread.Budget): bytes
inflated and XML elements. A zip bomb or an element flood ends with Exhausted, never a hang.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from xml.parsers import expat

from sinkron.load.zipread import MAX_ELEMENTS, Budget, Exhausted, feed

MAX_STRINGS = 400_000  # shared strings (a regency has 50,000); each is 2 elements or more
MAX_SHEETS = 1_000
MAX_TITLE = 100
MAX_FORMAT = 255  # characters in a number format, as Excel allows


class Refused(Exception):
    """The XML declares a document type or entities."""


class Malformed(Exception):
    """A part the workbook needs is missing or broken."""


def _refusing(p: Any) -> Any:
    def refuse(*_: object) -> Any:
        raise Refused

    p.StartDoctypeDeclHandler = refuse
    p.EntityDeclHandler = refuse
    p.ExternalEntityRefHandler = refuse
    p.buffer_text = True
    return p


def parser(budget: Budget, start: Callable[[str, dict[str, str]], None] | None = None,
           end: Callable[[str], None] | None = None,
           text: Callable[[str], None] | None = None) -> Any:
    """An expat parser reporting local names (namespaces dropped) that refuses DTDs and
    counts its elements against `budget`."""
    p = _refusing(expat.ParserCreate(namespace_separator=" "))

    def counted(name: str, attrs: dict[str, str]) -> None:
        budget.spend(1)
        if start is not None:
            start(name.rpartition(" ")[2], {k.rpartition(" ")[2]: v for k, v in attrs.items()})

    p.StartElementHandler = counted
    if end is not None:
        p.EndElementHandler = lambda name: end(name.rpartition(" ")[2])
    if text is not None:
        p.CharacterDataHandler = text
    return p


def fast_parser(start: Callable[[str, dict[str, str]], None], end: Callable[[str], None],
                text: Callable[[str], None]) -> Any:
    """Like parser() without namespace processing or counting, for the large parts: handlers
    get names as written ("c" or "x:c"), strip a prefix and count elements themselves."""
    p = _refusing(expat.ParserCreate())
    p.StartElementHandler = start
    p.EndElementHandler = end
    p.CharacterDataHandler = text
    return p


def _relations(archive: zipfile.ZipFile, part: str, budget: Budget) -> dict[str, tuple[str, str]]:
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

    feed(archive, rels, parser(budget, start), budget)
    return out


@dataclass
class Package:
    """What the sheets need to be read: names, parts, strings, date styles, epoch."""

    sheets: list[tuple[str, str, bool]] = field(default_factory=list)  # title, member, hidden
    strings: list[str] = field(default_factory=list)
    date_styles: frozenset[int] = frozenset()
    epoch: dt.datetime = dt.datetime(1899, 12, 30)
    budget: Budget = field(default_factory=Budget)


def read_package(archive: zipfile.ZipFile, budget: Budget) -> Package:
    """Parse the workbook part, its relations, shared strings and styles."""
    pkg = Package(budget=budget)
    if "[Content_Types].xml" in archive.NameToInfo:  # not needed, but no part may hold a DTD
        feed(archive, "[Content_Types].xml", parser(budget), budget)
    top = _relations(archive, "", budget)
    workbook = next((m for kind, m in top.values() if kind == "officeDocument"),
                    "xl/workbook.xml")
    if workbook not in archive.NameToInfo:
        raise Malformed(workbook)
    rels = _relations(archive, workbook, budget)
    found: list[tuple[str, str, str]] = []

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag == "sheet":
            if len(found) >= MAX_SHEETS:
                raise Exhausted("sheets", MAX_SHEETS, workbook)
            # Excel allows 31 characters; a longer title is cut so matching stays cheap
            found.append((attrs.get("name", "")[:MAX_TITLE], attrs.get("id", ""),
                          attrs.get("state", "visible")))
        elif tag == "workbookPr" and attrs.get("date1904") in ("1", "true"):
            pkg.epoch = dt.datetime(1904, 1, 1)

    feed(archive, workbook, parser(budget, start), budget)
    for title, rid, state in found:
        kind, member = rels.get(rid, ("", ""))
        if not kind or (kind == "worksheet" and member not in archive.NameToInfo):
            raise Malformed(member or f"{rid[:40]} (sheet '{title[:40]}')")
        if kind == "worksheet":  # chart and dialog sheets hold no table
            pkg.sheets.append((title, member, state != "visible"))
    for kind, member in rels.values():
        if kind == "sharedStrings" and member in archive.NameToInfo:
            pkg.strings = _strings(archive, member, budget)
        elif kind == "styles" and member in archive.NameToInfo:
            pkg.date_styles = _date_styles(archive, member, budget)
    return pkg


def _strings(archive: zipfile.ZipFile, member: str, budget: Budget) -> list[str]:
    """The shared strings: the text runs of each <si>, phonetic guides (<rPh>) left out.
    Handlers as lean as the sheet reader's: a workbook may hold a million strings."""
    out: list[str] = []
    parts: list[str] = []
    names: dict[str, str] = {}
    state = [False, 0, budget.elements]  # inside <t>, <rPh> depth, elements left

    def start(name: str, _: dict[str, str]) -> None:
        tag = names.get(name)
        if tag is None:
            tag = names[name] = name.rpartition(":")[2]
        state[2] -= 1
        if tag == "t":
            state[0] = not state[1]
        elif tag == "si":
            parts.clear()
            if state[2] < 0:
                raise Exhausted("elements", MAX_ELEMENTS, member)
        elif tag == "rPh":
            state[1] += 1

    def end(name: str) -> None:
        tag = names[name]
        if tag == "t":
            state[0] = False
        elif tag == "si":
            out.append("".join(parts))
            if len(out) > MAX_STRINGS:
                raise Exhausted("strings", MAX_STRINGS, member)
        elif tag == "rPh":
            state[1] -= 1

    def text(data: str) -> None:
        if state[0]:
            parts.append(data)

    feed(archive, member, fast_parser(start, end, text), budget)
    budget.elements = int(state[2])
    if budget.elements < 0:
        raise Exhausted("elements", MAX_ELEMENTS, member)
    return out


def _index(raw: str) -> int | None:
    """A style or format number; None for anything else (int() takes "²" and 4,000 digits)."""
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 10 else None


def _date_styles(archive: zipfile.ZipFile, member: str, budget: Budget) -> frozenset[int]:
    """Indexes of the cell styles whose number format shows a date or time."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

    formats: dict[int, str] = dict(BUILTIN_FORMATS)
    styles: list[int] = []
    where = {"xfs": False}

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag == "numFmt" and (number := _index(attrs.get("numFmtId", ""))) is not None:
            formats[number] = attrs.get("formatCode", "")
        elif tag == "cellXfs":
            where["xfs"] = True
        elif tag == "xf" and where["xfs"]:
            styles.append(_index(attrs.get("numFmtId", "0")) or 0)

    def end(tag: str) -> None:
        if tag == "cellXfs":
            where["xfs"] = False

    feed(archive, member, parser(budget, start, end), budget)
    # Excel allows 255 characters in a format; openpyxl's test is quadratic in the length
    dates = {n for n, code in formats.items() if len(code) <= MAX_FORMAT and is_date_format(code)}
    return frozenset(n for n, fmt in enumerate(styles) if fmt in dates)
