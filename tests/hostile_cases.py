"""Hostile and broken YAML plan files, built in code (no committed binaries).

Each case is a file name, a function that makes its bytes, and what the real CLI must report
for it: the code, the position (computed from the bytes, so the expectation cannot drift
from the input) and a piece of the English message that says what to change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sinkron.load.yaml import MAX_BYTES
from sinkron.rules.examples import BASE_PLAN, complete

PLAN = complete("", BASE_PLAN)


def where(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """1-based line and column (in characters) of the nth occurrence of `needle`."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    before = text[:at]
    return before.count("\n") + 1, at - (before.rfind("\n") + 1) + 1


def plan_with(old: str, new: str) -> str:
    """The base plan with one piece replaced (the piece must be there)."""
    assert old in PLAN, old
    return PLAN.replace(old, new, 1)


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[], bytes]
    code: str
    at: Callable[[], tuple[int, int]]  # expected (line, column) of the finding
    says: str  # a piece of the English message


def _utf8(text: str) -> Callable[[], bytes]:
    return lambda: text.encode("utf-8")


def _fixed(line: int, column: int) -> Callable[[], tuple[int, int]]:
    return lambda: (line, column)


def _in(text: str, needle: str, nth: int = 0, shift: int = 0) -> Callable[[], tuple[int, int]]:
    def at() -> tuple[int, int]:
        line, col = where(text, needle, nth)
        return line, col + shift
    return at


LAUGHS = "lol: &lol \"lol\"\n" + "".join(
    f"l{n}: &l{n} [{', '.join([f'*l{n - 1}' if n > 1 else '*lol'] * 9)}]\n" for n in range(1, 10))
PY_TAGS = plan_with('code: "35.05.04.2014"',
                    'code: !!python/object/apply:os.system ["touch PWNED"]').replace(
    "name: Plosorejo", "name: !!python/name:os.system").replace(
    "district: Kademangan", 'district: !!python/object/new:subprocess.Popen [["touch", "PWNED"]]')
OTHER_TAGS = plan_with('code: "35.05.04.2014"', 'code: !!str "35.05.04.2014"').replace(
    "name: Plosorejo", "name: !custom Plosorejo").replace(
    "population: 4120", "population: !!int 4120").replace(
    "document: RKPDes", "document: !<tag:yaml.org,2002:str> RKPDes").replace(
    "fund: DD", "fund: ! DD")
DEEP_BLOCK = "".join("  " * n + f"k{n}:\n" for n in range(40)) + "  " * 40 + "x: 1\n"
DUPLICATE = plan_with("  district: Kademangan\n", "  district: Kademangan\n  name: Ploso\n")
TWO_DOCS = PLAN + "---\n" + PLAN
TABS = plan_with("  name: Plosorejo\n  district:", "\tname: Plosorejo\n\tdistrict:")
LONG_LINE = "village: {" + " " * 2_000_000 + "code: @x}\n"
HUGE_NAME = plan_with("name: Plosorejo", "name: " + "x" * 9_000_000)
SURROGATE = plan_with("name: Plosorejo", 'name: "Ploso\\ud800rejo"')
MERGE = "defaults: &common {fund: DD, budget: 1000}\n" + plan_with(
    '  - code: "2.2.02"\n', '  - <<: *common\n    code: "2.2.02"\n')
BINARY = plan_with("name: Plosorejo", "name: !!binary UGxvc29yZWpv")
TAG_DIRECTIVE = "%TAG !x! tag:evil.example,2024:\n---\n" + plan_with(
    "name: Plosorejo", "name: !x!obj Plosorejo")
TAG_FLOOD = "".join(f"%TAG !a{n}! tag:x{n}:\n" for n in range(300_000)) + "---\n" + PLAN
YAML_20 = "%YAML 2.0\n---\n" + PLAN
ALIAS_FLOOD = "a: &a x\nb: [" + "*a, " * 1_000_000 + "]\n"
NESTED_WIDE = "[" * 999 + "a," * 1_000_000
COMPLEX_KEY = "? [village, plan]\n: x\n"
MAP_KEY = "village:\n  ? {code: 1}\n  : x\n"
LATIN1 = plan_with("name: Plosorejo", "name: Plosoréjo")
WITH_NUL = plan_with("name: Plosorejo", "name: Ploso\x00rejo")
WITH_ESC = plan_with("name: Plosorejo", "name: Ploso\x1b[31mrejo")
WITH_DEL = plan_with("name: Plosorejo", "name: Ploso\x7frejo")
WITH_LS = plan_with("name: Plosorejo", "name: Ploso\u2028rejo")


def _bad_utf8(seq: bytes) -> Callable[[], bytes]:
    return lambda: PLAN.encode().replace(b"Plosorejo", b"Ploso" + seq + b"rejo", 1)


AFTER_PLOSO = _in(PLAN, "Plosorejo", shift=5)  # where a bad byte put after "Ploso" stands

CASES: tuple[Case, ...] = (
    Case("alias_bomb", _utf8(LAUGHS), "SK002", _in(LAUGHS, "&lol"), "anchors (&lol)"),
    Case("alias_flood", _utf8(ALIAS_FLOOD), "SK001", _in(ALIAS_FLOOD, "*a", 99),
         "more than 100 problems"),
    Case("python_tags", _utf8(PY_TAGS), "SK002", _in(PY_TAGS, "!!python/object/apply"),
         "python/object/apply:os.system"),
    Case("python_name_tag", _utf8(PY_TAGS), "SK002", _in(PY_TAGS, "!!python/name"),
         "python/name:os.system"),
    Case("python_new_tag", _utf8(PY_TAGS), "SK002", _in(PY_TAGS, "!!python/object/new"),
         "python/object/new:subprocess.Popen"),
    Case("other_tags", _utf8(OTHER_TAGS), "SK002", _in(OTHER_TAGS, "!custom"), "(!custom)"),
    Case("other_tags_str", _utf8(OTHER_TAGS), "SK002", _in(OTHER_TAGS, "!!str"),
         "tag:yaml.org,2002:str"),
    Case("other_tags_int", _utf8(OTHER_TAGS), "SK002", _in(OTHER_TAGS, "!!int"),
         "tag:yaml.org,2002:int"),
    Case("other_tags_verbatim", _utf8(OTHER_TAGS), "SK002", _in(OTHER_TAGS, "!<tag"),
         "remove the tag"),
    Case("other_tags_bang", _utf8(OTHER_TAGS), "SK002", _in(OTHER_TAGS, "! DD"), "tags (!)"),
    Case("binary", _utf8(BINARY), "SK002", _in(BINARY, "!!binary"), "2002:binary"),
    Case("merge_key", _utf8(MERGE), "SK002", _in(MERGE, "*common"), "merge keys (<<: *common)"),
    Case("tag_directive", _utf8(TAG_DIRECTIVE), "SK002", _in(TAG_DIRECTIVE, "!x!obj"),
         "tag:evil.example,2024:obj"),
    Case("tag_flood", _utf8(TAG_FLOOD), "SK001", _fixed(1, 1), "300000 YAML directive lines"),
    Case("yaml_2_0", _utf8(YAML_20), "SK001", _fixed(1, 1), "delete the lines that start"),
    Case("deep_flow", _utf8("village: " + "[" * 10_000), "SK001", _fixed(1, 1009),
         "nesting deeper than 32"),
    Case("deep_flow_map", _utf8("{a: " * 10_000), "SK001", _fixed(1, 129),
         "nesting deeper than 32"),
    Case("deep_block", _utf8(DEEP_BLOCK), "SK001", _fixed(33, 65), "nesting deeper than 32"),
    Case("deep_then_wide", _utf8(NESTED_WIDE), "SK001", _fixed(1, 33), "nesting deeper"),
    Case("huge_scalar", _utf8(HUGE_NAME), "SK002", _in(HUGE_NAME, "xxx"),
         "a value of 9000000 characters"),
    Case("over_size_cap", lambda: b"# " + b"x" * MAX_BYTES, "SK001", _fixed(1, 1),
         f"more than the {MAX_BYTES} bytes"),
    Case("duplicate_key", _utf8(DUPLICATE), "SK002", _in(DUPLICATE, "name:", 1),
         f"duplicate key 'name' (first at line {where(DUPLICATE, 'name:')[0]})"),
    Case("two_documents", _utf8(TWO_DOCS), "SK002", _in(TWO_DOCS, "---"),
         "a second YAML document"),
    Case("utf16_bom", lambda: PLAN.encode("utf-16"), "SK001", _fixed(1, 1), "(UTF-16"),
    Case("utf16le_no_bom", lambda: PLAN.encode("utf-16-le"), "SK001", _fixed(1, 1),
         "UTF-16 without a byte order mark"),
    Case("utf16be_no_bom", lambda: PLAN.encode("utf-16-be"), "SK001", _fixed(1, 1),
         "UTF-16 without a byte order mark"),
    Case("utf32_bom", lambda: PLAN.encode("utf-32"), "SK001", _fixed(1, 1), "UTF-32"),
    Case("latin1", lambda: LATIN1.encode("latin-1"), "SK001", _in(LATIN1, "é"),
         "byte 0xE9 here; it looks like Windows-1252 or Latin-1"),
    Case("nul", _utf8(WITH_NUL), "SK001", _in(WITH_NUL, "\x00"), "(U+0000)"),
    Case("escape_char", _utf8(WITH_ESC), "SK001", _in(WITH_ESC, "\x1b"), "(U+001B)"),
    Case("delete_char", _utf8(WITH_DEL), "SK001", _in(WITH_DEL, "\x7f"), "(U+007F)"),
    Case("line_separator", _utf8(WITH_LS), "SK001", _in(WITH_LS, "\u2028"), "(U+2028)"),
    Case("tabs", _utf8(TABS), "SK001", _in(TABS, "\tname"), "use spaces, not tabs"),
    Case("empty", lambda: b"", "SK002", _fixed(1, 1), "the file is empty"),
    Case("only_comment", lambda: b"# village: later\n", "SK002", _fixed(1, 1),
         "the file is empty"),
    Case("top_list", _utf8("- village\n- plan\n"), "SK002", _fixed(1, 1), "is a list"),
    Case("top_scalar", _utf8("just some text\n"), "SK002", _fixed(1, 1), "a single value"),
    Case("complex_key", _utf8(COMPLEX_KEY), "SK002", _fixed(1, 3), "a key must be plain text"),
    Case("mapping_key", _utf8(MAP_KEY), "SK002", _fixed(2, 5), "a key must be plain text"),
    Case("long_line", _utf8(LONG_LINE), "SK001", _in(LONG_LINE, "@x"),
         "put the value in quotes"),
    Case("surrogate_escape", _utf8(SURROGATE), "SK001", _in(SURROGATE, "\\ud800", shift=2),
         "write the character itself"),
    Case("utf8_overlong", _bad_utf8(b"\xc0\xaf"), "SK001", AFTER_PLOSO, "byte 0xC0"),
    Case("utf8_truncated", _bad_utf8(b"\xe2\x82"), "SK001", AFTER_PLOSO, "byte 0xE2"),
    Case("utf8_lone_continuation", _bad_utf8(b"\x80"), "SK001", AFTER_PLOSO,
         "byte 0x80"),
    Case("utf8_encoded_surrogate", _bad_utf8(b"\xed\xa0\x80"), "SK001", AFTER_PLOSO,
         "byte 0xED"),
    Case("utf8_beyond_unicode", _bad_utf8(b"\xf4\x90\x80\x80"), "SK001", AFTER_PLOSO,
         "byte 0xF4"),
)
