"""Making plan text inert before it reaches a terminal or a log."""

from __future__ import annotations

import re

# C0/C1 controls (ESC starts ANSI sequences), DEL, bidi overrides and isolates, BOM, and
# lone surrogates (no encoding can write them)
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff"
                     "\ud800-\udfff]")


def inert(text: str) -> str:
    """Control characters, ANSI escapes and bidi overrides shown as visible escapes."""
    text = text.replace("\n", "\\n").replace("\t", "\\t")
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def replace_unsafe(text: str, replacement: str = "\ufffd") -> str:
    """Control characters (but newline and tab), bidi overrides and lone surrogates replaced.

    For formats that hold text rather than print it (a workbook): what it cannot store, or
    what could make a cell read differently from what it holds, becomes `replacement`.
    """
    return _UNSAFE.sub(replacement, text)
