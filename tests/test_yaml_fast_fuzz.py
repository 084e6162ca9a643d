"""Fuzzing the YAML fast path: block YAML from a grammar, with near misses, against libyaml.

Property: the fast path gives None or exactly the safe loader's result (tests/test_yaml_fast.py
`agree`). The grammar writes what plans hold (mappings, lists, `- key:` items, lists at the
key's indent, flow collections, quoted text) and mixes in what is easy to get wrong: odd
indents, comments after values, `#` and `: ` inside values, quote doubling and escapes,
trailing spaces, CRLF, empty values, numbers YAML 1.1 reads oddly, unicode, long lines.
Budget: SINKRON_FUZZ_EXAMPLES (default 60, docs/fuzzing.md).
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from tests.test_yaml_fast import agree

EXAMPLES = int(os.environ.get("SINKRON_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

CLEAN_KEYS = ["code", "name", "budget", "fund", "a b", "a.b", "x_1", "2029", "SK201", "é", "日"]
ODD_KEYS = ["null", "~", "-x", "x-", "<<", '"q k"', "'s k'", "'it''s'", '"a:b"', "a:b",
            "a#b", "a #b", ".x", "...", "---", "k" * 300, "a ", "? x", "&a k", "*k", "!t k",
            "[k]", "{k}", "", '"', "%k", "@k", "a\tb", "1e3", "yes", "a[b", "a{b}", "a,b",
            'a"b', "a!", "\u3000a", "a::", "a: b"]
CLEAN_VALUES = ["Dusun Krajan", "45_000_000", "2025", "27.4", "-1", "1.1.02", "a/b (c)",
                '"1.1.02"', '"e-PPGBM Agustus 2024"', "'x'", "~", "null", "Kebon-agung",
                "{volume: 284, unit: orang}", "[a, b]", '["2.2.01", "2.4.*"]', "[]", "{}"]
ODD_VALUES = ["007", "1_000", "1e3", ".nan", "-.inf", "0x1F", "0o17", "+1", "True", "NULL",
              "Null", "a # c", "a#b", "a: b", "a:b", "x:", "http://x.y/z", "- x", "-", "--x",
              "'it''s'", "''''", "'a' b", '"a\\"b"', '"\\u00e9\\x41\\/\\\\"', '"\\ud800"',
              '"\\q"', '"\\N\\_\\L\\P\\e\\0"', '"a # b"', '"x" # c', '"x"#c', "'x'#c", "é ü",
              "日本語", "😀", "\u202ex", "&a x", "*a", "!t x", "|", ">-", "%x", "@x", "`x`",
              "? x", ", x", "] x", "{a: 1, b: [c]}", "{a: , b: 1}", "{a:1}", "{a: 1} x",
              "[a, , b]", "[a,b]", "[ a , b ]", "[a, ]", "{a: 1, a: 2}", "{'a': \"b\"}",
              "[a # c]", "{a: b: c}", "[~, null, '']", "x" * 1100, "a   ", "a  # c  ",
              "[a, b] # c", "{a: x}#c", "-0.5", "[-1, -x]", "{u: Rp 45.000.000}", "a\tb",
              "b]", "\u3000b", "b\u3000", "\xa0b", "b&", "b #", '"x"  ', "a,b", "a[b]"]


def mix(clean: list[str], odd: list[str], with_odd: bool) -> st.SearchStrategy[str]:
    """Mostly clean pieces, one in eight odd: most documents then hold few near misses,
    so that the fast path takes a good share of them and its exactness is tested."""
    if not with_odd:
        return st.sampled_from(clean)
    return st.integers(0, 7).flatmap(lambda n: st.sampled_from(odd if n == 0 else clean))


@st.composite
def documents(draw: st.DrawFn, odd: bool = True) -> str:
    """A block YAML document; with `odd`, near misses and noise mixed in."""
    keys, values = mix(CLEAN_KEYS, ODD_KEYS, odd), mix(CLEAN_VALUES, ODD_VALUES, odd)
    steps = st.sampled_from([2, 2, 2, 4, 1, 3] if odd else [2, 2, 4])
    lines: list[str] = []

    def mapping(indent: int, depth: int, first: str | None = None) -> None:
        used: set[str] = set()
        for n in range(draw(st.integers(1, 4))):
            key = draw(keys)
            if not odd and key in used:
                continue
            used.add(key)
            lead = first if n == 0 and first is not None else " " * indent
            kind = draw(st.sampled_from(["value"] * 5 + ["empty"] + (
                ["map", "seq", "indentless"] if depth < 5 else [])))
            if kind == "value":
                lines.append(f"{lead}{key}: {draw(values)}")
            elif kind == "empty":
                lines.append(f"{lead}{key}:" + draw(st.sampled_from(["", " ", " # c"])))
            else:
                lines.append(f"{lead}{key}:")
                if kind == "map":
                    mapping(indent + draw(steps), depth + 1)
                else:
                    sequence(indent + (0 if kind == "indentless" else draw(steps)), depth + 1)

    def sequence(indent: int, depth: int) -> None:
        for _ in range(draw(st.integers(1, 3))):
            lead = " " * indent + "-"
            kind = draw(st.sampled_from(["value", "value", "map", "map", "empty"] + (
                ["nested"] if depth < 5 else [])))
            if kind == "value":
                lines.append(f"{lead} {draw(values)}")
            elif kind == "map":
                space = draw(st.sampled_from([" ", " ", "  "] if odd else [" "]))
                mapping(indent + 1 + len(space), depth + 1, first=lead + space)
            elif kind == "empty":
                lines.append(lead)
            else:
                lines.append(lead)
                if draw(st.booleans()):
                    mapping(indent + draw(steps), depth + 1)
                else:
                    sequence(indent + draw(steps), depth + 1)

    mapping(draw(st.sampled_from([0, 0, 0, 2])) if odd else 0, 0)
    if odd:  # noise, line by line
        noisy: list[str] = []
        for line in lines:
            noise = draw(st.sampled_from(["none"] * 20 + ["comment", "comment", "trailing",
                                                         "blank", "comment line", "shift",
                                                         "marker"]))
            if noise == "comment":
                line += draw(st.sampled_from([" # note", "  # a: b", " #", "#x"]))
            elif noise == "trailing":
                line += " " * draw(st.integers(1, 3))
            elif noise == "blank":
                noisy.append(draw(st.sampled_from(["", "   "])))
            elif noise == "comment line":
                noisy.append(" " * draw(st.integers(0, 6)) + "# between")
            elif noise == "shift":
                line = " " + line if draw(st.booleans()) else line.removeprefix(" ")
            elif noise == "marker":
                noisy.append(draw(st.sampled_from(["---", "...", "%YAML 1.1", "? x", "*a"])))
            noisy.append(line)
        lines = noisy
    end = draw(st.sampled_from(["\n", "\n", "\r\n"] if odd else ["\n"]))
    return end.join(lines) + draw(st.sampled_from([end, ""]))


@FUZZ
@given(documents())
def test_fast_path_is_none_or_exact(text: str) -> None:
    agree(text)


@FUZZ
@given(documents(odd=False))
def test_fast_path_takes_clean_documents(text: str) -> None:
    assert agree(text), text


def test_whole_check_is_the_same_with_the_safe_path() -> None:
    """`sinkron check` on the example data: the same findings either way."""
    from sinkron.pipeline import Options, check

    def findings(mode: str | None) -> list[tuple[str, str, str]]:
        old = os.environ.pop("SINKRON_YAML", None)
        if mode:
            os.environ["SINKRON_YAML"] = mode
        try:
            cwd = Path.cwd()
            os.chdir(ROOT)
            try:
                report = check(Options(["plans"], Path("targets.yaml")))
            finally:
                os.chdir(cwd)
        finally:
            os.environ.pop("SINKRON_YAML", None)
            if old is not None:
                os.environ["SINKRON_YAML"] = old
        return [(f.code, str(f.location), f.message.en) for f in report.findings]

    fast, safe = findings(None), findings("safe")
    assert fast == safe and len(fast) > 10
