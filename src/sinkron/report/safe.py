"""Making plan text inert before it reaches a terminal or a log."""

from __future__ import annotations

import re

# C0/C1 controls (ESC starts ANSI sequences), DEL, bidi overrides and isolates, BOM
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def inert(text: str) -> str:
    """Control characters, ANSI escapes and bidi overrides shown as visible escapes."""
    text = text.replace("\n", "\\n").replace("\t", "\\t")
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
