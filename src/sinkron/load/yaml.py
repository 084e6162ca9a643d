"""A safe YAML loader that keeps positions and refuses what YAML makes dangerous.

It reads libyaml's event stream (PyYAML's C parser) and builds plain data itself, so:
- aliases are never expanded (no "billion laughs"); anchors, aliases and tags are SK002;
- duplicate keys are SK002 naming both lines (never "last one wins");
- no YAML 1.1 implicit typing: plain scalars reach the models as :class:`Plain` strings,
  quoted ones as ``str``, and the field's type decides what they mean;
- file size, nesting depth and node count are capped, and every parser failure
  (including the ValueError/KeyError/RecursionError PyYAML raises on some inputs) is a
  finding with a location, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events as ev

from sinkron.findings import Location, Problem
from sinkron.i18n import Msg
from sinkron.load.source import Path, SourceMap

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


MAX_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 32
MAX_NODES = 500_000
NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class Plain(str):
    """A plain (unquoted) YAML scalar: may be read as a YAML number; quoted text may not."""

    __slots__ = ()


M_SYNTAX = Msg("YAML syntax error: {problem}; fix the file at this position",
               "Kesalahan sintaks YAML: {problem}; perbaiki berkas pada posisi ini")
M_TOO_BIG = Msg("file is {size} bytes, more than the {limit} bytes sinkron reads; "
                "split it into one plan per village",
                "berkas berukuran {size} bita, melebihi batas {limit} bita; "
                "pecah menjadi satu rencana per desa")
M_TOO_DEEP = Msg("nesting deeper than {limit} levels; a plan needs at most 4",
                 "tingkat bersarang lebih dari {limit}; rencana desa cukup 4 tingkat")
M_TOO_MANY = Msg("more than {limit} values in one file; split it into one plan per village",
                 "lebih dari {limit} nilai dalam satu berkas; pecah menjadi satu rencana per desa")
M_ENCODING = Msg("the file is not UTF-8 ({detail}); save it as UTF-8 text",
                 "berkas bukan UTF-8 ({detail}); simpan ulang sebagai teks UTF-8")
M_ALIAS = Msg("aliases (*{name}) are not allowed; write the value out in full",
              "alias (*{name}) tidak diperbolehkan; tulis nilainya secara lengkap")
M_ANCHOR = Msg("anchors (&{name}) are not allowed; write each value out in full",
               "anchor (&{name}) tidak diperbolehkan; tulis setiap nilai secara lengkap")
M_TAG = Msg("tags ({tag}) are not allowed; remove the tag",
            "tag ({tag}) tidak diperbolehkan; hapus tag tersebut")
M_DUPLICATE = Msg("duplicate key '{key}' (first at line {first}); keep one of them",
                  "kunci '{key}' ganda (pertama di baris {first}); sisakan satu saja")
M_MULTIDOC = Msg("a second YAML document ('---'); keep one plan per file",
                 "dokumen YAML kedua ('---'); satu berkas berisi satu rencana saja")
M_COMPLEX_KEY = Msg("a key must be plain text, not a list or mapping",
                    "kunci harus berupa teks biasa, bukan daftar atau pemetaan")
M_EMPTY = Msg("the file is empty", "berkas kosong")
M_NOT_MAPPING = Msg("the file must hold a mapping of keys (village:, plan:, ...) at the top",
                    "bagian teratas berkas harus berupa pemetaan kunci (village:, plan:, ...)")


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


def _decode(raw: bytes, file: str) -> tuple[str | None, Problem | None]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw[:2] in (b"\xff\xfe", b"\xfe\xff") or raw[:4] in (b"\x00\x00\xfe\xff",):
        return None, Problem("SK001", M_ENCODING(detail="UTF-16/UTF-32"), Location(file, 1, 1))
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        detail = f"byte 0x{raw[exc.start]:02X}"
        return None, Problem("SK001", M_ENCODING(detail=detail), Location(file, line, col))


def load_yaml(raw: bytes, file: str) -> Loaded:
    """Parse one YAML document; never raises for bad input."""
    source = SourceMap(file)
    if len(raw) > MAX_BYTES:
        msg = M_TOO_BIG(size=len(raw), limit=MAX_BYTES)
        return Loaded(None, source, [Problem("SK001", msg, Location(file, 1, 1))])
    text, problem = _decode(raw, file)
    if text is None:
        return Loaded(None, source, [problem] if problem else [])
    builder = _Builder(file, source)
    try:
        builder.run(_Parser(text))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loc = Location(file, mark.line + 1, mark.column + 1) if mark else builder.here()
        problem_text = str(exc.problem or exc.context or "cannot parse")
        builder.problems.append(Problem("SK001", M_SYNTAX(problem=problem_text), loc))
        builder.root = None
    except yaml.YAMLError as exc:  # ReaderError (control characters) and friends
        pos = getattr(exc, "position", None)
        loc = _offset_location(text, pos, file) if isinstance(pos, int) else builder.here()
        reason = getattr(exc, "reason", None) or str(exc).splitlines()[0]
        builder.problems.append(Problem("SK001", M_SYNTAX(problem=reason), loc))
        builder.root = None
    except _Stop:
        builder.root = None
    except (ValueError, KeyError, IndexError, TypeError, RecursionError, UnicodeError) as exc:
        reason = type(exc).__name__ + (f": {exc}" if str(exc) else "")
        builder.problems.append(Problem("SK001", M_SYNTAX(problem=reason[:200]), builder.here()))
        builder.root = None
    data = builder.root
    if data is None and not builder.problems:
        builder.problems.append(Problem("SK002", M_EMPTY(), Location(file, 1, 1), path=()))
    elif data is not None and not isinstance(data, dict):
        builder.problems.append(Problem("SK002", M_NOT_MAPPING(), Location(file, 1, 1), path=()))
        data = None
    return Loaded(data, source, builder.problems)


def _offset_location(text: str, pos: int, file: str) -> Location:
    before = text[:pos]
    return Location(file, before.count("\n") + 1, pos - (before.rfind("\n") + 1) + 1)


class _Stop(Exception):
    """Reading ended on a fatal problem already recorded."""


class _Builder:
    def __init__(self, file: str, source: SourceMap) -> None:
        self.file = file
        self.values = source.values
        self.keys = source.keys
        self.problems: list[Problem] = []
        self.root: Any = None
        self.last = (1, 1)
        self.nodes = 0

    def here(self) -> Location:
        return Location(self.file, *self.last)

    def fatal(self, msg_problem: Problem) -> None:
        self.problems.append(msg_problem)
        raise _Stop

    def run(self, parser: Any) -> None:
        # stack frames: [container, path, pending key, key line]
        stack: list[list[Any]] = []
        documents = 0
        get = parser.get_event
        Scalar, MapStart, SeqStart = ev.ScalarEvent, ev.MappingStartEvent, ev.SequenceStartEvent
        MapEnd, SeqEnd, Alias = ev.MappingEndEvent, ev.SequenceEndEvent, ev.AliasEvent
        while True:
            event = get()
            kind = type(event)
            mark = event.start_mark
            pos = (mark.line + 1, mark.column + 1)
            self.last = pos
            if kind is Scalar or kind is MapStart or kind is SeqStart or kind is Alias:
                self.nodes += 1
                if self.nodes > MAX_NODES:
                    self.fatal(Problem("SK001", M_TOO_MANY(limit=MAX_NODES), self.here()))
                # where does this node go?
                if stack and type(stack[-1][0]) is dict and stack[-1][2] is _NO_KEY:
                    frame = stack[-1]
                    if kind is not Scalar:
                        self.problems.append(Problem("SK002", M_COMPLEX_KEY(), self.here(),
                                                     path=frame[1]))
                        raise _Stop
                    key = str(event.value)
                    self._check_node(event, frame[1] + (key,))
                    first = self.keys.get(frame[1] + (key,))
                    if key in frame[0] or first is not None:
                        line = first[0] if first else "?"
                        self.problems.append(Problem(
                            "SK002", M_DUPLICATE(key=key, first=line), self.here(),
                            path=frame[1] + (key,),
                            related=(Location(self.file, *first),) if first else ()))
                        frame[2] = _DUP
                    else:
                        self.keys[frame[1] + (key,)] = pos
                        frame[2] = key
                    continue
                if not stack:
                    path: Path = ()
                elif type(stack[-1][0]) is dict:
                    key = stack[-1][2]
                    path = stack[-1][1] + (key,) if key is not _DUP else ("\0dup",)
                else:
                    path = stack[-1][1] + (len(stack[-1][0]),)
                if kind is Scalar:
                    self._check_node(event, path)
                    v = event.value
                    plain = event.style == "" and event.tag is None
                    value: Any = (None if v in NULLS else Plain(v)) if plain else str(v)
                elif kind is Alias:
                    self.problems.append(Problem("SK002", M_ALIAS(name=event.anchor), self.here(),
                                                 path=path))
                    value = None
                else:
                    self._check_node(event, path)
                    if len(stack) >= MAX_DEPTH:
                        self.fatal(Problem("SK001", M_TOO_DEEP(limit=MAX_DEPTH), self.here()))
                    value = {} if kind is MapStart else []
                self.values[path] = pos
                self._attach(stack, value)
                if kind is MapStart:
                    stack.append([value, path, _NO_KEY])
                elif kind is SeqStart:
                    stack.append([value, path, None])
            elif kind is MapEnd or kind is SeqEnd:
                stack.pop()
            elif kind is ev.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self.fatal(Problem("SK002", M_MULTIDOC(), self.here(), path=()))
            elif kind is ev.StreamEndEvent:
                return

    def _attach(self, stack: list[list[Any]], value: Any) -> None:
        if not stack:
            self.root = value
            return
        frame = stack[-1]
        container = frame[0]
        if type(container) is dict:
            if frame[2] is not _DUP:
                container[frame[2]] = value
            frame[2] = _NO_KEY
        else:
            container.append(value)

    def _check_node(self, event: Any, path: Path) -> None:
        if event.anchor is not None:
            self.problems.append(Problem("SK002", M_ANCHOR(name=event.anchor), self.here(),
                                         path=path))
        tag = getattr(event, "tag", None)
        if tag is not None and not (type(event) is not ev.ScalarEvent and event.implicit):
            self.problems.append(Problem("SK002", M_TAG(tag=tag), self.here(), path=path))


class _Sentinel:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


_NO_KEY: Any = _Sentinel("<no key>")
_DUP: Any = _Sentinel("<duplicate>")
