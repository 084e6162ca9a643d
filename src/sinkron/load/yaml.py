"""A safe YAML loader that keeps positions and refuses what YAML makes dangerous.

Bytes -> plain data (plain scalars as :class:`Plain`, quoted as ``str``, nulls None) and a
:class:`SourceMap`, built from libyaml's events (see :mod:`yaml_builder`). No YAML 1.1
implicit typing: the model's field type decides what a scalar means. Before parsing, cheap
scans refuse what would make the parser slow or its messages obscure (size, encoding,
control characters, directive floods); every parser failure is a finding with a location
and a message that says what to change, never a traceback.
"""

from __future__ import annotations

import gc
import os
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from sinkron.findings import Location, Problem
from sinkron.i18n import L, Msg
from sinkron.load.source import SourceMap
from sinkron.load.yaml_builder import MAX_DEPTH, MAX_NODES, Builder, Plain, Stop
from sinkron.load.yaml_fast import fast_load
from sinkron.load.yaml_messages import (
    DETAIL_BYTE,
    DETAIL_LATIN,
    DETAIL_NO_BOM,
    DETAIL_WIDE,
    FOUND_LIST,
    FOUND_TEXT,
    HINT_DIRECTIVE,
    HINT_OTHER,
    HINTS,
    M_CONTROL,
    M_DIRECTIVES,
    M_EMPTY,
    M_ENCODING,
    M_NOT_MAPPING,
    M_SEPARATOR,
    M_SYNTAX,
    M_TABS,
    M_TOO_BIG,
    M_TOO_DEEP,
)

try:  # the C parser is a hard requirement for speed, but never for correctness
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml.parser import Parser as _BaseParser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, _BaseParser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            _BaseParser.__init__(self)


__all__ = ["MAX_BYTES", "MAX_DEPTH", "MAX_NODES", "Loaded", "Plain", "load_yaml"]

MAX_BYTES = 10 * 1024 * 1024
# libyaml checks each %TAG directive against all earlier ones: quadratic, so few are allowed
MAX_DIRECTIVES = 10
# what YAML 1.2 forbids in a stream (libyaml refuses them with a bare "control characters")
_FORBIDDEN = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# libyaml ends a line at these (YAML 1.1), editors do not: every later line number would be
# off, and in a plain value they break the file with a baffling error
_SEPARATORS = re.compile("[\x85\u2028\u2029]")
_ASCII_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # what _FORBIDDEN finds in ASCII
_DIRECTIVE = re.compile(r"^%", re.MULTILINE)
_CP1252_UNDEFINED = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass
class Loaded:
    """Plain data, where each value stands, and what went wrong while reading."""

    data: Any
    source: SourceMap
    problems: list[Problem] = field(default_factory=list)

    @property
    def fatal(self) -> bool:
        """True when the file as a whole cannot be used (SK001, or a problem at the top)."""
        return self.data is None or any(p.code == "SK001" for p in self.problems)


def _at_offset(text: str, pos: int, file: str) -> Location:
    """Line and column of a character offset; a lone CR ends a line too, as in libyaml."""
    before = text[:pos]
    lines = before.count("\n") + before.count("\r") - before.count("\r\n")
    start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return Location(file, lines + 1, pos - start + 1)


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a byte order mark: every other byte of ASCII text is a NUL."""
    head = raw[:4096]
    return len(head) >= 2 and max(head[0::2].count(0), head[1::2].count(0)) * 4 >= len(head)


def _detail(text: Msg, **kw: object) -> L:
    got = text(**kw)
    return L(got.en, got.id)


def _decode(raw: bytes, file: str) -> tuple[str | None, Problem | None]:
    """UTF-8 (a BOM is allowed and dropped) or an SK001 that names the encoding problem."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw[:2] in (b"\xff\xfe", b"\xfe\xff") or raw[:4] == b"\x00\x00\xfe\xff":
        return None, Problem("SK001", M_ENCODING(detail=_detail(DETAIL_WIDE)),
                             Location(file, 1, 1))
    elif _looks_utf16(raw):
        return None, Problem("SK001", M_ENCODING(detail=_detail(DETAIL_NO_BOM)),
                             Location(file, 1, 1))
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        # one high byte among plain ones is how é or a Word quote looks in Windows-1252;
        # a broken multi-byte sequence (a continuation byte next) is damaged UTF-8 instead
        bad, after = raw[exc.start], raw[exc.start + 1 : exc.start + 2]
        lone = not after or not 0x80 <= after[0] <= 0xBF
        detail = DETAIL_LATIN if lone and bad not in _CP1252_UNDEFINED else DETAIL_BYTE
        text = M_ENCODING(detail=_detail(detail, byte=f"{raw[exc.start]:02X}"))
        return None, Problem("SK001", text, Location(file, line, col))


def _prescan(text: str, file: str) -> Problem | None:
    """Characters YAML forbids and directive floods, found before the parser meets them."""
    # plain ASCII without control characters (most plans) needs neither full scan
    clean = text.isascii() and _ASCII_CONTROL.search(text) is None
    for pattern, message in ((_FORBIDDEN, M_CONTROL), (_SEPARATORS, M_SEPARATOR)):
        bad = None if clean else pattern.search(text)
        if bad is not None:
            count = len(pattern.findall(text))
            return Problem("SK001", message(count=count, char=f"U+{ord(bad.group()):04X}"),
                           _at_offset(text, bad.start(), file))
    if text.startswith("%") or "\n%" in text:
        count = len(_DIRECTIVE.findall(text))
        if count > MAX_DIRECTIVES:
            where = _DIRECTIVE.search(text)
            return Problem("SK001", M_DIRECTIVES(count=count),
                           _at_offset(text, where.start() if where else 0, file))
    return None


def _syntax(exc: yaml.MarkedYAMLError, text: str, file: str, fallback: Location) -> Problem:
    """A parser error as a finding at its mark, with a hint on what to change."""
    mark = exc.problem_mark or exc.context_mark
    loc = Location(file, mark.line + 1, mark.column + 1) if mark else fallback
    problem = str(exc.problem or exc.context or "cannot parse")
    lines = _LINE_BREAK.split(text, maxsplit=loc.line or 0)
    line = lines[loc.line - 1] if loc.line and loc.line <= len(lines) else ""  # past the end
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    if "\t" in indent or "tab character" in problem:
        return Problem("SK001", M_TABS(), loc)
    if "maximum nesting depth" in problem:
        return Problem("SK001", M_TOO_DEEP(limit=MAX_DEPTH), loc)
    start = exc.context_mark.line + 1 if exc.context_mark else loc.line
    hint: Msg = next((m for key, m in HINTS.items() if problem.startswith(key)), HINT_OTHER)
    if "directive" in problem or "incompatible YAML document" in problem:
        hint = HINT_DIRECTIVE
    text_hint = hint(start=start) if "{start}" in hint.en else hint()
    return Problem("SK001", M_SYNTAX(problem=problem, hint=L(text_hint.en, text_hint.id)), loc)


def load_yaml(raw: bytes, file: str) -> Loaded:
    """Parse one YAML document; never raises for bad input."""
    source = SourceMap(file)
    if len(raw) > MAX_BYTES:
        msg = M_TOO_BIG(size=len(raw), limit=MAX_BYTES)
        return Loaded(None, source, [Problem("SK001", msg, Location(file, 1, 1))])
    text, problem = _decode(raw, file)
    if text is not None and problem is None:
        problem = _prescan(text, file)
    if text is None or problem is not None:
        return Loaded(None, source, [problem] if problem else [])
    if os.environ.get("SINKRON_YAML") != "safe":  # the escape hatch (docs/performance.md)
        data = fast_load(text, source, prescanned=True)
        if data is not None:  # exactly what the builder below would give, without problems
            return Loaded(data, source)
    builder = Builder(file, source)
    collecting = gc.isenabled()
    gc.disable()  # the builder makes no cycles; a big plan otherwise spends half its time in gc
    try:
        builder.run(_Parser(text))
    except yaml.MarkedYAMLError as exc:
        builder.problems.append(_syntax(exc, text, file, builder.here()))
        builder.root = None
    except Stop:
        builder.root = None
    except (yaml.YAMLError, ValueError, KeyError, IndexError, TypeError, RecursionError,
            UnicodeError) as exc:  # ReaderError and what PyYAML lets slip
        reason = (getattr(exc, "reason", None) or type(exc).__name__ + (f": {exc}" if str(exc)
                                                                       else ""))[:200]
        builder.problems.append(Problem("SK001", M_SYNTAX(
            problem=reason, hint=L(HINT_OTHER().en, HINT_OTHER().id)), builder.here()))
        builder.root = None
    finally:
        if collecting:
            gc.enable()
    data = builder.root
    if data is None and not builder.problems:
        builder.problems.append(Problem("SK002", M_EMPTY(), Location(file, 1, 1), path=()))
    elif data is not None and not isinstance(data, dict):
        found = FOUND_LIST() if isinstance(data, list) else FOUND_TEXT()
        builder.problems.append(Problem("SK002", M_NOT_MAPPING(found=L(found.en, found.id)),
                                        Location(file, 1, 1), path=()))
        data = None
    return Loaded(data, source, builder.problems)
