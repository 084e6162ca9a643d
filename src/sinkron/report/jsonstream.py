"""JSON written piece by piece, byte for byte what json.dumps(indent=2, ensure_ascii=False) writes.

json.dumps with an indent runs the pure-Python encoder and builds the whole text: for two
million findings that is gigabytes and minutes. Here the small envelope of a report goes
through json.dumps with a marker where a long list belongs; the list is then written item by
item, and each item is encoded by the C encoder: a flat object (no non-empty object or list
inside) in one call, with the newline and indent folded into the item separator.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import Any, TextIO

INDENT = "  "
BATCH = 512  # items joined before one write: fewer calls, little memory
_CONTAINERS = (dict, list, tuple)


@cache
def _encoder(level: int, allow_nan: bool) -> Callable[[Any], str]:
    """The C encoder writing the members of a flat object `level` deep, made once: each
    JSONEncoder.encode would build it again (the cost of a small object)."""
    encoder = json.JSONEncoder(ensure_ascii=False, allow_nan=allow_nan,
                               separators=(",\n" + INDENT * level, ": "))
    if c_make_encoder is None:  # pragma: no cover - CPython has it
        return encoder.encode
    # as JSONEncoder.iterencode makes it; no cycle check: reports hold plain trees
    make = c_make_encoder(None, encoder.default, encode_basestring, None, ": ",
                          ",\n" + INDENT * level, False, False, allow_nan)

    def encode(obj: Any) -> str:
        if isinstance(obj, str):
            return str(encode_basestring(obj))
        return "".join(make(obj, 0))

    return encode


def _flat(values: Iterable[object]) -> bool:
    """Whether no value is a non-empty object or list (an empty one prints alike at any
    depth, so the C encoder may write it)."""
    for value in values:  # noqa: SIM110 - a plain loop: this runs for every finding
        if isinstance(value, _CONTAINERS) and value:
            return False
    return True


def _key(key: object) -> str:
    """An object key as json.dumps writes it (it turns numbers, booleans and null to text)."""
    if isinstance(key, str):
        return str(encode_basestring(key))
    if key is True or key is False or key is None:
        return f'"{json.dumps(key)}"'
    if isinstance(key, int | float):
        return f'"{json.dumps(key)}"'
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def dumps(obj: Any, level: int = 0, allow_nan: bool = True) -> str:
    """`obj` as json.dumps(obj, indent=2, ensure_ascii=False) writes it, `level` deep."""
    inner = "\n" + INDENT * (level + 1)
    close = "\n" + INDENT * level
    if isinstance(obj, dict) and obj:
        if _flat(obj.values()):  # the C encoder turns keys to text as json.dumps does
            text = _encoder(level + 1, allow_nan)(obj)
            return "{" + inner + text[1:-1] + close + "}"
        members = (_key(k) + ": " + dumps(v, level + 1, allow_nan) for k, v in obj.items())
        return "{" + inner + ("," + inner).join(members) + close + "}"
    if isinstance(obj, list | tuple) and obj:
        items = (dumps(v, level + 1, allow_nan) for v in obj)
        return "[" + inner + ("," + inner).join(items) + close + "]"
    return _encoder(level, allow_nan)(obj)


def marker(name: str) -> str:
    """A placeholder value for a streamed list: no real text holds a NUL (JSON escapes it)."""
    return f"\x00stream:{name}"


def write_document(out: TextIO, envelope: Mapping[str, Any],
                   streams: Mapping[str, Iterable[Any]], allow_nan: bool = True) -> None:
    """Write `envelope` with each `marker(name)` in it replaced by the list `streams[name]`."""
    text = json.dumps(envelope, ensure_ascii=False, indent=2, allow_nan=allow_nan)
    for name, items in streams.items():
        placeholder = json.dumps(marker(name))
        head, text = text.split(placeholder, 1)
        out.write(head)
        line = head[head.rfind("\n") + 1:]
        level = (len(line) - len(line.lstrip(" "))) // len(INDENT)
        write_list(out, items, level, allow_nan)
    out.write(text)


def write_list(out: TextIO, items: Iterable[Any], level: int, allow_nan: bool = True) -> None:
    """A JSON list whose brackets sit `level` deep, written a batch of items at a time."""
    inner = "\n" + INDENT * (level + 1)
    batch: list[str] = []
    empty = True
    for item in items:
        batch.append(dumps(item, level + 1, allow_nan))
        if len(batch) >= BATCH:
            out.write(("[" if empty else ",") + inner + ("," + inner).join(batch))
            empty = False
            batch = []
    if batch:
        out.write(("[" if empty else ",") + inner + ("," + inner).join(batch))
        empty = False
    out.write("[]" if empty else "\n" + INDENT * level + "]")
