"""Pieces of the YAML fast path: quoted scalars, flow collections, the uncommon lines.

Each function either reads its piece exactly as libyaml does or raises :class:`Bail` (see
:mod:`sinkron.load.yaml_fast` for the contract).
"""

from __future__ import annotations

import re
from typing import Any

from sinkron.load import yaml_builder
from sinkron.load.source import Path
from sinkron.load.yaml_builder import NULLS, Plain

_DQ = re.compile(r'"((?:[^"\\]|\\.)*)"')
_SQ = re.compile(r"'((?:[^']|'')*)'")
_ESCAPE = re.compile(r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(.))")
# the single-character escapes libyaml knows (yaml_parser_scan_flow_scalar)
_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "n": "\n", "v": "\v", "f": "\f",
            "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85",
            "_": "\xa0", "L": "\u2028", "P": "\u2029"}
# a scalar inside a flow collection: quoted, or plain without any of , [ ] { } # : ' "
_TOKEN = (r"""("((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|"""
          r"""((?:[^ ,\[\]{}#:'"&*!|>%@`?-]|-[^ ,\[\]{}#:'"])[^,\[\]{}#:'"]*?))""")
_FLOW_KEY = re.compile(r" *" + _TOKEN + r" *: +")
_FLOW_ITEM = re.compile(r" *" + _TOKEN + r" *([,\]}])")
_FLOW_SHUT = re.compile(r" *([\]}])")


_ITEM = re.compile(r"-(?: +|$)")
_COLON = re.compile(r" *:(?: +|$)")
_BAD_START = frozenset("&*!|>%@`,]}?:")  # indicators a plain scalar may not start with


class Bail(Exception):
    """Outside the subset: the safe loader decides."""


def _unescape(text: str) -> str:
    """The escapes of a double-quoted scalar, as libyaml reads them."""
    out: list[str] = []
    pos = 0
    for m in _ESCAPE.finditer(text):
        out.append(text[pos:m.start()])
        pos = m.end()
        one = m.group(4)
        if one is not None:
            if one not in _ESCAPES:
                raise Bail
            out.append(_ESCAPES[one])
            continue
        code = int(m.group(1) or m.group(2) or m.group(3), 16)
        if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
            raise Bail  # libyaml refuses these
        out.append(chr(code))
    out.append(text[pos:])
    return "".join(out)


def quoted(v: str) -> tuple[str, int]:
    """The quoted scalar at the start of `v` (closed on this line) and where it ends."""
    if v[0] == '"':
        m = _DQ.match(v)
        if m is None:
            raise Bail
        text = m.group(1)
        return (_unescape(text) if "\\" in text else text), m.end()
    m = _SQ.match(v)
    if m is None:
        raise Bail
    return m.group(1).replace("''", "'"), m.end()


def _scalar(m: re.Match[str]) -> Any:
    """The value of a flow token: unescaped, undoubled, or Plain (None for the nulls)."""
    if m.group(2) is not None:
        text = m.group(2)
        return _unescape(text) if "\\" in text else text
    if m.group(3) is not None:
        return m.group(3).replace("''", "'")
    text = m.group(4)
    return None if text in NULLS else Plain(text)


def flow(v: str, col: int, ln: int, path: Path,
         values: dict[Path, Any], keys: dict[Path, Any]) -> tuple[Any, int]:
    """`{a: 1, b: "x"}` or `[a, b]` of scalars at column `col`; it and its end in `v`."""
    is_map = v[0] == "{"
    close = "}" if is_map else "]"
    out: Any = {} if is_map else []
    shut = _FLOW_SHUT.match(v, 1)
    at = 1
    while shut is None:
        sub: Path
        if is_map:
            k = _FLOW_KEY.match(v, at)
            if k is None:
                raise Bail
            key = k.group(4) if k.group(4) is not None else _scalar(k)  # keys: never None
            if key == "<<":
                raise Bail
            sub = (*path, key)
            if sub in keys:
                raise Bail
            keys[sub] = (ln, col + k.start(1) + 1)
            at = k.end()
        else:
            sub = (*path, len(out))
        m = _FLOW_ITEM.match(v, at)
        if m is None:
            raise Bail
        values[sub] = (ln, col + m.start(1) + 1)
        if is_map:
            out[key] = _scalar(m)
        else:
            out.append(_scalar(m))
        at = m.end()
        sep = m.group(5)
        if sep == ",":
            shut = _FLOW_SHUT.match(v, at)
        elif sep == close:
            return out, at
        else:
            raise Bail
    if shut.group(1) != close:
        raise Bail
    return out, shut.end()


# a flow collection of the commonest shape: ", " and ": " exactly, keys plain, values plain
# or double-quoted without escapes, and no , : # [ ] { } ' " inside a scalar, so that
# str.split finds every piece (and its column)
_PLAIN = (r"""(?:[^ ,\[\]{}#:'"&*!|>%@`?-]|-(?=[^ ,\[\]{}#:'"]))"""
          r"""(?:[^,\[\]{}#:'"]*[^ ,\[\]{}#:'"])?""")
_KEY = r"""[^ ,\[\]{}#:'"&*!|>%@`?<-](?:[^,\[\]{}#:'"]*[^ ,\[\]{}#:'"])?"""
_VALUE = rf"""(?:{_PLAIN}|"[^"\\,:]*")"""
SIMPLE_MAP = re.compile(rf"\{{(?:{_KEY}: {_VALUE}, )*{_KEY}: {_VALUE}\}}")
SIMPLE_SEQ = re.compile(rf"\[(?:{_VALUE}, )*{_VALUE}\]")


def simple_flow(v: str, col: int, ln: int, path: Path,
                values: dict[Path, Any], keys: dict[Path, Any]) -> Any:
    """A flow collection that SIMPLE_MAP or SIMPLE_SEQ matched whole, read with str.split."""
    nulls, plain = NULLS, Plain
    at = col + 2  # 1-based column of the first piece
    if v[0] == "{":
        out: Any = {}
        for part in v[1:-1].split(", "):
            key, _, value = part.partition(": ")
            sub = (*path, key)
            if sub in keys or key == "<<":
                raise Bail
            keys[sub] = (ln, at)
            values[sub] = (ln, at + len(key) + 2)
            out[key] = value[1:-1] if value[0] == '"' else \
                None if value in nulls else plain(value)
            at += len(part) + 2
        return out
    out = []
    for part in v[1:-1].split(", "):
        values[(*path, len(out))] = (ln, at)
        out.append(part[1:-1] if part[0] == '"' else None if part in nulls else plain(part))
        at += len(part) + 2
    return out


def split_line(line: str, ind: int, rest: str) -> tuple[int, bool, str | None, int, int, str, int]:
    """A line the key pattern did not take (`rest` from column `ind`): `- item`, quoted key.

    Gives (indent, dash, key, key column, key end, rest, rest column).
    """
    dash = _ITEM.match(rest)
    if dash is not None:
        rest = rest[dash.end():]
    col = len(line) - len(rest)
    if rest[:1] in ("'", '"'):
        key, end = quoted(rest)
        colon = _COLON.match(rest, end)
        if colon is not None:
            if key == "<<" or not key:
                raise Bail
            return ind, dash is not None, key, col, col + end, rest[colon.end():], \
                col + colon.end()
    if dash is None:  # a scalar on a line of its own, `? key`, `&anchor`, `--- `...
        raise Bail
    return ind, True, None, col, col, rest, col


def scalar(v: str, col: int, ln: int, path: Path, depth: int, values: dict[Path, Any],
           keys: dict[Path, Any]) -> Any:
    """The value written at `col`: a plain, quoted or flow scalar, then at most a comment."""
    c = v[0]
    if c in "\"'{[":
        if c in "\"'":
            value, end = quoted(v)
        elif depth >= yaml_builder.MAX_DEPTH - 2:
            raise Bail
        else:
            value, end = flow(v, col, ln, path, values, keys)
        tail = v[end:]
        # `"x"#c` is a comment to libyaml too, but stay with what is common
        if tail.strip(" ") and not (tail[0] == " " and tail.lstrip(" ")[0] == "#"):
            raise Bail
        return value
    if c in _BAD_START or (c == "-" and (len(v) == 1 or v[1] == " ")):
        raise Bail
    cut = v.find(" #")
    if cut >= 0:
        v = v[:cut]
    v = v.rstrip(" ")
    if ": " in v or v[-1] == ":":
        raise Bail  # libyaml: "mapping values are not allowed here"
    return None if v in NULLS else Plain(v)
