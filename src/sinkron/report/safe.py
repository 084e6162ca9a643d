"""Making plan text inert before it reaches a terminal or a log.

Plan files are written by many hands (and by pull requests in CI), so their text may hold
what a terminal obeys or hides: ANSI escape sequences, control characters, bidi overrides
that reorder what is shown ("Trojan Source"), invisible characters that make two different
names look alike. Each is shown as a visible `\\uXXXX` escape; newlines and tabs as `\\n` and
`\\t`. Rich markup needs no escaping here: reporters print plan text as rich `Text`, which
never parses markup.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(
    "["
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 and C1 controls (ESC starts ANSI sequences), DEL
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks, embeddings, overrides, isolates
    "\u200b\u2060-\u2064\u206a-\u206f\ufeff"  # zero-width and invisible format characters
    "\u2028\u2029"  # line and paragraph separators: some terminals break lines on them
    "\ufff9-\ufffb"  # interlinear annotations
    "\U000e0000-\U000e007f"  # tag characters: invisible text
    "\ud800-\udfff"  # lone surrogates: no encoding can write them
    "]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def inert(text: str) -> str:
    """Control characters, ANSI escapes, bidi overrides and invisible characters shown as
    visible escapes; the rest of the text unchanged."""
    text = text.replace("\n", "\\n").replace("\t", "\\t")
    return _UNSAFE.sub(_escape, text)


def replace_unsafe(text: str, replacement: str = "\ufffd") -> str:
    """Control characters (but newline and tab), bidi overrides and lone surrogates replaced.

    For formats that hold text rather than print it (a workbook): what it cannot store, or
    what could make a cell read differently from what it holds, becomes `replacement`.
    """
    return _UNSAFE.sub(replacement, text)
