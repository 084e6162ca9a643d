"""Plain data and positions from libyaml's event stream, refusing what YAML makes dangerous.

Aliases are never expanded (no "billion laughs"); anchors, aliases and tags are SK002;
duplicate keys are SK002 naming both lines; depth, node count and the number of problems
are capped. The loop is the hot path of big plans, so it keeps to local names.
"""

from __future__ import annotations

from typing import Any

from yaml import events as ev

from sinkron.findings import Location, Problem
from sinkron.load.source import Path, SourceMap
from sinkron.load.yaml_messages import (
    M_ALIAS,
    M_ANCHOR,
    M_COMPLEX_KEY,
    M_DUPLICATE,
    M_MERGE,
    M_MULTIDOC,
    M_TAG,
    M_TOO_DEEP,
    M_TOO_LONG,
    M_TOO_MANY,
    M_TOO_MANY_PROBLEMS,
)

MAX_DEPTH = 32
# A 50,000-activity plan holds ~600,000 keys and values; past the cap the builder has spent
# ~3 s of CPU. (Counting events first with libyaml's raw_parse would be cheaper, but it
# parses the whole file, and libyaml costs flow depth x tokens: `[` * 999 + `a,` * 10**6
# takes 10 s. The builder stops at depth 33 instead.)
MAX_NODES = 750_000
MAX_PROBLEMS = 100
MAX_CHARS = 10_000  # per value or key: the longest a planner writes is a few hundred
SHOWN_CHARS = 60  # what is kept of a value that is too long, to name it in messages
NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class Plain(str):
    """A plain (unquoted) YAML scalar: may be read as a YAML number; quoted text may not."""

    __slots__ = ()


class Stop(Exception):
    """Reading ended on a fatal problem already recorded."""


class _Sentinel:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


NO_KEY: Any = _Sentinel("<no key>")
DUP: Any = _Sentinel("<duplicate>")
DUP_ROOT = "\0dup"


class Builder:
    """Builds dicts, lists, Plain/str and None from events, recording where each value is."""

    def __init__(self, file: str, source: SourceMap) -> None:
        self.file = file
        self.values = source.values
        self.keys = source.keys
        self.problems: list[Problem] = []
        self.root: Any = None
        self.last = (1, 1)
        self.event: Any = None

    def here(self) -> Location:
        return Location(self.file, *self.last)

    def problem(self, code: str, message: Any, path: Path | None,
                related: tuple[Location, ...] = ()) -> None:
        """Record a problem at the current event; too many of them end the reading."""
        self.problems.append(Problem(code, message, self.here(), path=path, related=related))
        if len(self.problems) > MAX_PROBLEMS:
            self.fatal(M_TOO_MANY_PROBLEMS(limit=MAX_PROBLEMS))

    def fatal(self, message: Any) -> None:
        self.problems.append(Problem("SK001", message, self.here()))
        raise Stop

    def run(self, parser: Any) -> None:
        """Consume the whole event stream (raises Stop, or the parser's own errors)."""
        try:
            self._run(parser)
        except Stop:
            raise
        except Exception:
            if self.event is not None:  # the parser failed: the last event read is the best
                self._at(self.event)   # position left for a finding
            raise

    def _run(self, parser: Any) -> None:
        values, keys, nulls = self.values, self.keys, NULLS
        get = parser.get_event
        scalar_t, alias_t = ev.ScalarEvent, ev.AliasEvent
        map_t, seq_t = ev.MappingStartEvent, ev.SequenceStartEvent
        end_ts = (ev.MappingEndEvent, ev.SequenceEndEvent)
        # a frame: [container, its path, pending key (maps: NO_KEY, DUP or the key; lists:
        # None)]; `top` is the innermost one
        stack: list[list[Any]] = []
        top: list[Any] | None = None
        nodes = documents = 0
        event = None
        try:
            while True:
                event = get()
                kind = type(event)
                if kind in end_ts:
                    stack.pop()
                    top = stack[-1] if stack else None
                    continue
                if kind is not scalar_t and kind is not map_t and kind is not seq_t \
                        and kind is not alias_t:
                    if kind is ev.DocumentStartEvent:
                        documents += 1
                        if documents > 1:
                            self._at(event)
                            self.problems.append(Problem("SK002", M_MULTIDOC(), self.here(),
                                                         path=()))
                            raise Stop
                    elif kind is ev.StreamEndEvent:
                        return
                    continue
                nodes += 1
                if nodes > MAX_NODES:
                    self._at(event)
                    self.fatal(M_TOO_MANY(limit=MAX_NODES))
                mark = event.start_mark
                pos = (mark.line + 1, mark.column + 1)
                key = top[2] if top is not None else None
                if top is None:
                    path: Path = ()
                elif key is None:  # an item of a list
                    path = top[1] + (len(top[0]),)
                elif key is NO_KEY:  # a mapping waits for a key: this node is one
                    if kind is scalar_t and event.anchor is None and event.tag is None \
                            and len(event.value) <= MAX_CHARS:
                        path = top[1] + (event.value,)
                        if path not in keys:  # the common case, kept short
                            keys[path] = pos
                            top[2] = event.value
                            continue
                    self.last = pos
                    top[2] = self._key(event, top, pos)
                    continue
                elif key is DUP:  # kept out of the data; unique, so no false duplicates
                    path = (DUP_ROOT, nodes)
                else:
                    path = top[1] + (key,)
                if kind is scalar_t:
                    value: Any = event.value
                    if len(value) > MAX_CHARS:
                        self.last = pos
                        value = self._too_long(value, path)
                    if event.anchor is not None or event.tag is not None:
                        self.last = pos
                        self._refused(event, path)
                    elif event.style == "":
                        value = None if value in nulls else Plain(value)
                elif kind is alias_t:
                    self.last = pos
                    merge = M_MERGE if key == "<<" else M_ALIAS
                    self.problem("SK002", merge(name=event.anchor), path)
                    value = None
                else:
                    if event.anchor is not None or (event.tag is not None
                                                    and not event.implicit):
                        self.last = pos
                        self._refused(event, path)
                    if len(stack) >= MAX_DEPTH:
                        self.last = pos
                        self.fatal(M_TOO_DEEP(limit=MAX_DEPTH))
                    value = {} if kind is map_t else []
                values[path] = pos
                if top is None:
                    self.root = value
                elif key is None:
                    top[0].append(value)
                else:
                    if key is not DUP:
                        top[0][key] = value
                    top[2] = NO_KEY
                if kind is map_t:
                    top = [value, path, NO_KEY]
                    stack.append(top)
                elif kind is seq_t:
                    top = [value, path, None]
                    stack.append(top)
        finally:
            self.event = event

    def _key(self, event: Any, frame: list[Any], pos: tuple[int, int]) -> Any:
        """A mapping key: text, once per mapping. Returns what the frame waits for next."""
        if type(event) is not ev.ScalarEvent:
            self.problems.append(Problem("SK002", M_COMPLEX_KEY(), self.here(), path=frame[1]))
            raise Stop
        key = str(event.value)
        if len(key) > MAX_CHARS:
            key = self._too_long(key, frame[1] + (key[:SHOWN_CHARS] + "…",))
        path = frame[1] + (key,)
        if event.anchor is not None or event.tag is not None:
            self._refused(event, path)
        first = self.keys.get(path)
        if first is not None:
            self.problem("SK002", M_DUPLICATE(key=key, first=first[0]), path,
                         (Location(self.file, *first),))
            return DUP
        self.keys[path] = pos
        return key

    def _too_long(self, value: str, path: Path) -> str:
        """SK002 for a value too long to be real; its start is kept to name it."""
        self.problem("SK002", M_TOO_LONG(size=len(value), limit=MAX_CHARS), path)
        return value[:SHOWN_CHARS] + "…"

    def _at(self, event: Any) -> None:
        self.last = (event.start_mark.line + 1, event.start_mark.column + 1)

    def _refused(self, event: Any, path: Path) -> None:
        """SK002 for an anchor or an explicit tag on a node."""
        if event.anchor is not None:
            self.problem("SK002", M_ANCHOR(name=event.anchor), path)
        tag = event.tag
        if tag is not None and not (type(event) is not ev.ScalarEvent and event.implicit):
            self.problem("SK002", M_TAG(tag=tag), path)
