"""A fast path for the block YAML plans are written in, exact to the safe loader or silent.

Contract: ``fast_load(text, source)`` returns the data of ``text`` and fills ``source`` only
when the result is what the safe loader (libyaml's events through :class:`Builder`) gives for
the same text *without any problem*: the same dicts (same key order) and lists, ``Plain``
for plain scalars, ``str`` for quoted ones, None for the plain nulls, and libyaml's
line:column for every value and key. For anything else it returns None, leaves ``source``
alone, and the caller runs the safe loader, which writes the findings. It never raises.

Read here, a line at a time: block mappings and sequences (also a sequence at its key's
indent), ``- key: value`` items, plain scalars, one-line single- and double-quoted scalars
(with the escapes libyaml knows), one-line flow mappings and sequences of scalars, comments,
blank lines, CRLF. Everything else falls back: anchors, aliases, tags, directives, ``---``
and ``...``, block scalars, multi-line scalars and flows, nested flows, complex keys, ``<<``,
duplicate keys, tabs, a BOM or any character YAML treats specially, ``: `` in a plain value,
odd indentation, a root that is not a mapping, an empty document, lines over MAX_LINE
characters, documents near the builder's MAX_DEPTH or MAX_NODES. Common lines (`key: value`
in the current mapping, `- key: value` in the current list) are read inline with str
methods; every other line goes through the full checks. Differential tests
(tests/test_yaml_fast.py, tests/test_yaml_fast_fuzz.py) hold every result to the safe loader.
"""

from __future__ import annotations

import re
from typing import Any

from sinkron.load import yaml_builder
from sinkron.load.source import Path, SourceMap
from sinkron.load.yaml_builder import NULLS, Plain
from sinkron.load.yaml_fast_inline import (
    SIMPLE_MAP,
    SIMPLE_SEQ,
    Bail,
    scalar,
    simple_flow,
    split_line,
)

__all__ = ["fast_load"]

# a key line: indent, an optional "- ", a plain key, ": " or ":" at the end, then the rest
_KEY = re.compile(r"( *)(?:(-) +)?([^ \"'#&*!|>%@`{}\[\],?:-][^:#]*?|-[^ :#][^:#]*?)"
                  r" *:(?: +|$)(.*)")
MAX_LINE = 1000  # so that no key passes libyaml's 1024 characters for a simple key
# what only the safe loader reads right: tabs, a lone CR, control characters, NEL and the
# Unicode line separators (libyaml ends lines there), a BOM, non-characters
_ODD = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
                  "\U00010000-\U0010ffff]")
# what a key or a plain value may not start with in the inline case ("." for "...", "<" for "<<")
_BAD_KEY = frozenset(" \"'#&*!|>%@`{}[],?:-.<")
_BAD_VALUE = frozenset(" \"'#&*!|>%@`{}[],?:-")

Values = dict[Path, Any]


def fast_load(text: str, source: SourceMap, prescanned: bool = False) -> Any:
    """The data of `text` with `source` filled, or None when the safe loader must decide.

    `prescanned`: the caller has refused what YAML forbids and the line separators
    (load_yaml's prescan), so only tabs, carriage returns and a BOM are left to look for.
    """
    try:
        root, values, keys = _load(text, prescanned)
    except Exception:  # Bail, or anything unforeseen: the safe path is always right
        return None
    source.values, source.keys = values, keys
    return root


def _load(text: str, prescanned: bool) -> tuple[dict[str, Any], Values, Values]:
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if prescanned:
        if "\t" in text or "\r" in text or "\ufeff" in text:
            raise Bail
    elif not text.replace("\n", "").isprintable() and _ODD.search(text) is not None:
        raise Bail  # printable text holds none of the odd characters
    lines = text.split("\n")
    if max(map(len, lines)) > MAX_LINE:
        raise Bail
    # whole-text facts that spare the common case a test per line
    comments, trailing = " #" in text, " \n" in text or text.endswith(" ")
    values: Values = {}
    keys: Values = {}
    # the builder's caps, read now (tests lower them); a margin keeps well inside them
    max_depth, max_nodes = yaml_builder.MAX_DEPTH - 2, yaml_builder.MAX_NODES
    nulls, plain, bad_key, bad_value = NULLS, Plain, _BAD_KEY, _BAD_VALUE
    simple_map, simple_seq = SIMPLE_MAP.fullmatch, SIMPLE_SEQ.fullmatch
    # a frame: [indent, container, path, is a mapping]; t_* are the innermost one's
    stack: list[list[Any]] = []
    t_ind, t_map = -1, False
    t_cont: Any = None
    t_path: Path = ()
    new: Any
    path: Path
    key: str | None
    root: dict[str, Any] | None = None
    # a value still to come: (indent, container, key or None for an item, path, null mark)
    pending: tuple[int, Any, str | None, Path, tuple[int, int]] | None = None
    for ln, line in enumerate(lines, 1):
        s = line.lstrip(" ")
        if not s or s[0] == "#":
            continue
        ind = len(line) - len(s)
        if pending is None:
            while t_ind > ind:  # leave the collections this line is not part of
                stack.pop()
                if not stack:
                    raise Bail
                t_ind, t_cont, t_path, t_map = stack[-1]
            # the common cases inline: one more `key: value` of this mapping, or one more
            # `- key: value` item of this list; anything else goes the long way below
            if ind == t_ind:
                if t_map:
                    kcol = ind
                    key, sep, v = s.partition(": ")
                elif s[:2] == "- ":
                    kcol = ind + 2
                    key, sep, v = s[2:].partition(": ")
                else:
                    sep = ""
                if sep and v and key and key[0] not in bad_key and key[-1] != " " \
                        and "#" not in key:
                    c = v[0]
                    if c not in bad_value:
                        ok = ": " not in v
                    elif c == '"':
                        ok = v.find('"', 1) == len(v) - 1 and "\\" not in v
                    else:
                        ok = (simple_map(v) if c == "{" else simple_seq(v) if c == "[" else
                              None) is not None
                    if ok:
                        if not t_map:  # a new item of the list: a mapping
                            if len(stack) >= max_depth:
                                raise Bail
                            t_path = (*t_path, len(t_cont))
                            values[t_path] = (ln, kcol + 1)
                            t_cont.append(new := {})
                            t_ind, t_cont, t_map = kcol, new, True
                            stack.append([kcol, new, t_path, True])
                        path = (*t_path, key)
                        if path in keys:
                            raise Bail
                        keys[path] = (ln, kcol + 1)
                        vcol = kcol + len(key) + 2
                        values[path] = (ln, vcol + 1)
                        if c not in bad_value:
                            if comments and " #" in v:
                                v = v[:v.index(" #")].rstrip(" ")
                            elif trailing and v[-1] == " ":
                                v = v.rstrip(" ")
                            if v[-1] == ":":
                                raise Bail  # libyaml: "mapping values are not allowed here"
                            t_cont[key] = None if v in nulls else plain(v)
                        elif c == '"':
                            t_cont[key] = v[1:-1]
                        elif len(stack) >= max_depth:
                            raise Bail
                        else:
                            t_cont[key] = simple_flow(v, vcol, ln, path, values, keys)
                        continue
        # the long way: any line, with the full set of checks
        if ind == 0 and s.startswith(("---", "...")):
            raise Bail  # document markers
        m = _KEY.match(line)
        if m is not None:
            _, dash_s, key, v = m.groups()
            dash, kcol, vcol, kend = dash_s is not None, m.start(3), m.start(4), m.end(3)
        else:
            ind, dash, key, kcol, kend, v, vcol = split_line(line, ind, s)
        if pending is not None:
            p_ind, p_cont, p_key, p_path, p_null = pending
            pending = None
            if ind > p_ind or (ind == p_ind and dash and p_key is not None):
                # a block collection starts on this line: a sequence at its "-", else a
                # mapping at its first key
                if (key is None and not dash) or len(stack) >= max_depth:
                    raise Bail  # a scalar on the next line: the safe path
                new = [] if dash else {}
                values[p_path] = (ln, ind + 1)
                stack.append([ind, new, p_path, not dash])
                t_ind, t_cont, t_path, t_map = ind, new, p_path, not dash
            else:
                new = None
                values[p_path] = p_null
            if p_key is None:
                p_cont.append(new)
            else:
                p_cont[p_key] = new
        elif root is None:
            if dash or key is None:
                raise Bail  # the safe path says what the root should be
            root = t_cont = {}
            t_ind, t_map = ind, True
            values[()] = (ln, kcol + 1)
            stack.append([ind, root, (), True])
        # leave the collections this line is not part of
        while t_ind > ind or (t_ind == ind and not t_map and not dash):
            stack.pop()
            if not stack:
                raise Bail
            t_ind, t_cont, t_path, t_map = stack[-1]
        if t_ind != ind or t_map == dash:
            raise Bail  # indentation libyaml would refuse, or "- " among keys
        if dash:
            path = (*t_path, len(t_cont))
            if key is None:
                if not v or v[0] == "#":
                    pending = (ind, t_cont, None, path, (ln, ind + 2))
                else:
                    values[path] = (ln, vcol + 1)
                    t_cont.append(scalar(v, vcol, ln, path, len(stack), values, keys))
                continue
            if len(stack) >= max_depth:
                raise Bail
            new = {}
            values[path] = (ln, kcol + 1)
            t_cont.append(new)
            stack.append([kcol, new, path, True])
            t_ind, t_cont, t_path, t_map = kcol, new, path, True
        if key is None or key == "<<":
            raise Bail
        path = (*t_path, key)
        if path in keys:
            raise Bail
        keys[path] = (ln, kcol + 1)
        if not v or v[0] == "#":
            pending = (t_ind, t_cont, key, path, (ln, line.index(":", kend) + 2))
            continue
        values[path] = (ln, vcol + 1)
        t_cont[key] = scalar(v, vcol, ln, path, len(stack), values, keys)
    if pending is not None:
        p_ind, p_cont, p_key, p_path, p_null = pending
        values[p_path] = p_null
        if p_key is None:
            p_cont.append(None)
        else:
            p_cont[p_key] = None
    if root is None or len(values) + len(keys) >= max_nodes:
        raise Bail
    return root, values, keys
