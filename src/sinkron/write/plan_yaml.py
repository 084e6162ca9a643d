"""Plain plan data -> a YAML plan file: commented header, stable key order, money with `_`.

Text stays text: a string that YAML would read as a number, a null or a boolean is quoted,
so a plan converted to YAML gives the same findings as the workbook it came from.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from typing import Any

from sinkron.model.values import is_text_number

ORDER: dict[str, tuple[str, ...]] = {
    "": ("village", "plan", "indicators", "activities"),
    "village": ("code", "name", "district", "population", "counts", "waive"),
    "plan": ("document", "year", "funds"),
    "indicators": ("id", "baseline", "target"),
    "baseline": ("year", "value", "source"),
    "target": ("year", "value"),
    "activities": ("code", "name", "supports", "budget", "fund", "output", "location", "waive"),
    "output": ("volume", "unit"),
}
MONEY = frozenset({"budget", "funds"})  # values written 45_000_000
QUOTED = frozenset({"code"})  # codes are always quoted, as in the documentation
FLOW = frozenset({"baseline", "target", "output"})  # short mappings on one line
_SAFE = re.compile(r"[A-Za-z][A-Za-z0-9 _.()/'+-]*")  # no ",": values also sit in {...}
_WORDS = {"true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf"}
_YAML_NUMBER = re.compile(r"[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|"
                          r"[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")


def quote(text: str) -> str:
    """A double-quoted YAML scalar (JSON escapes, plus escapes for non-printable characters)."""
    out = json.dumps(text, ensure_ascii=False)
    return "".join(ch if ch.isprintable() or ch in "\t" else f"\\u{ord(ch):04x}" for ch in out)


def text(value: str, force_quote: bool = False) -> str:
    plain = (not force_quote and _SAFE.fullmatch(value) is not None and value == value.strip()
             and value.lower() not in _WORDS and not _YAML_NUMBER.fullmatch(value)
             and not is_text_number(value))  # "Rp 45.000.000" is shown quoted, as text
    return value if plain else quote(value)


def scalar(value: Any, key: str = "", money: bool = False) -> str:
    """One value as a YAML scalar (rupiah amounts grouped with underscores)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"{value:_}" if (money or key in MONEY) and abs(value) >= 10_000 else str(value)
    if isinstance(value, float):
        return repr(value) if value == value and abs(value) != float("inf") else quote(str(value))
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return quote(value.isoformat())
    if isinstance(value, list):
        return "[" + ", ".join(scalar(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{text(str(k))}: {scalar(v, key)}" for k, v in value.items()) + "}"
    return text(str(value), force_quote=key in QUOTED)


def _ordered(data: Mapping[str, Any], shape: str) -> list[tuple[Any, Any]]:
    order = ORDER.get(shape, ())
    known = [(k, data[k]) for k in order if k in data]
    return known + [(k, v) for k, v in data.items() if k not in order]


def _mapping(data: Mapping[str, Any], shape: str, indent: str, lines: list[str],
             money: bool = False) -> None:
    for key, value in _ordered(data, shape):
        name = text(str(key))
        if value is None:
            continue
        if isinstance(value, Mapping) and key not in FLOW and value:
            lines.append(f"{indent}{name}:")
            _mapping(value, str(key) if str(key) in ORDER else "", indent + "  ", lines,
                     money=key in MONEY)
        elif isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
            lines.append(f"{indent}{name}:")
            for item in value:
                sub: list[str] = []
                _mapping(item, str(key), indent + "    ", sub)
                if sub:
                    sub[0] = indent + "  - " + sub[0][len(indent) + 4:]
                    lines.extend(sub)
                else:
                    lines.append(indent + "  - {}")
        else:
            lines.append(f"{indent}{name}: {scalar(value, str(key), money)}")


def plan_yaml(data: Mapping[str, Any], header: list[str]) -> str:
    """The YAML text of one plan, after `header` comment lines."""
    lines = [f"# {line}" if line else "#" for line in header]
    _mapping(data, "", "", lines)
    return "\n".join(lines) + "\n"
