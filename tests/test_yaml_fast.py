"""The YAML fast path against the safe loader: the same data, types and positions, or None.

Whenever `fast_load` gives a result it must equal what the safe loader (libyaml events ->
Builder) gives for the same text, with no problems: dict key order, `Plain`/`str`/None,
every value and key position. Every YAML file of the repository, the rule examples, the
benchmark generator's plans and the hostile corpus go through both; test_yaml_fast_fuzz.py
fuzzes a grammar of block YAML with near misses.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from benchmarks.plans import plan_for, villages
from benchmarks.render import to_yaml

from sinkron.load.source import SourceMap
from sinkron.load.yaml import Loaded, _prescan, load_yaml
from sinkron.load.yaml_builder import MAX_DEPTH
from sinkron.load.yaml_fast import fast_load
from sinkron.rules.examples import BASE_PLAN, BASE_TARGETS, complete
from sinkron.rules.registry import catalogue
from sinkron.write.plan_yaml import plan_yaml
from tests.conftest import ROOT
from tests.hostile_cases import CASES


def identical(a: Any, b: Any) -> bool:
    """Equal with the same types all the way down (Plain is not str) and the same key order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return [(type(k), k) for k in a] == [(type(k), k) for k in b] and \
            all(identical(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(identical(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def safe_load(text: str) -> Loaded:
    """The safe loader's result for `text`, whatever SINKRON_YAML says."""
    old = os.environ.get("SINKRON_YAML")
    os.environ["SINKRON_YAML"] = "safe"
    try:
        return load_yaml(text.encode("utf-8", "surrogatepass"), "f.yaml")
    finally:
        if old is None:
            del os.environ["SINKRON_YAML"]
        else:
            os.environ["SINKRON_YAML"] = old


def agree(text: str) -> bool:
    """Assert the fast path is None or the safe result exactly; True when it gave a result."""
    source = SourceMap("f.yaml")
    got = fast_load(text, source)
    if _prescan(text, "f.yaml") is None:  # as load_yaml calls it: the same answer
        again = SourceMap("f.yaml")
        assert identical(fast_load(text, again, prescanned=True), got), text
        assert (again.values, again.keys) == (source.values, source.keys)
    if got is None:
        assert source.values == {} and source.keys == {}  # nothing left behind
        return False
    safe = safe_load(text)
    assert safe.problems == [], (text, safe.problems)
    assert identical(got, safe.data), (text, got, safe.data)
    assert source.values == safe.source.values, text
    assert source.keys == safe.source.keys, text
    return True


def repo_yaml() -> list[Path]:
    skip = {".git", "node_modules", ".venv", "golden"}
    return sorted(p for p in ROOT.rglob("*.y*ml")
                  if p.suffix in (".yaml", ".yml") and not skip & set(p.parts))


@pytest.mark.parametrize("path", repo_yaml(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_yaml_file_of_the_repository(path: Path) -> None:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return  # never reaches the fast path
    took = agree(text)
    # plans and targets are what the fast path is for: it must take them
    if "plans" in path.parts or path.name == "targets.yaml":
        assert took, path


def test_plans_the_tools_write_take_the_fast_path() -> None:
    """Rule examples, the benchmark generator and `sinkron convert` output."""
    texts = [complete("", BASE_PLAN), complete("", BASE_TARGETS)]
    texts += [to_yaml(plan_for(v)) for v in villages(6)]
    for path in sorted((ROOT / "plans").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        texts.append(plan_yaml(data, ["converted", "", "from a workbook"]))
    for text in texts:
        assert agree(text), text[:300]
    examples = [(code, ex) for code, r in catalogue().items() for ex in (r.bad, r.good)]
    taken = 0
    for _code, ex in examples:
        for fragment in ex.plans:
            taken += agree(complete(fragment, BASE_PLAN))
        if ex.targets:
            taken += agree(complete(ex.targets, BASE_TARGETS))
    assert taken >= len(examples)  # most examples are ordinary plans


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_hostile_files_always_go_the_safe_way(case: Any) -> None:
    try:
        text = case.make().decode("utf-8")
    except UnicodeDecodeError:
        return
    assert fast_load(text.removeprefix("\ufeff"), SourceMap("f.yaml")) is None


TAKEN = [
    "a:\nb: 1\n", "a:\n  x: 1\n", "a:\n- 1\n-\n- x: 1\n  y:\n", "a:\n\n  # hi\n  x: 1\n",
    "a: {x: 1, y: q}\n", "a: [p, q]\nb: []\nc: {}\n",
    "a: [a, ]\n", "a: 'it''s'\n", 'a: "\\u00e9\\x41\\/\\t"\n', "a:    \n", "a: # c\nb: 1",
    "# c\n\na: 1", "  a: 1\n  b: 2\n", "a  :\nb:  # x\n", "a: b:, c\n", "x: 1\na:: b\na:b: c\n",
    "a: -1\nb: [-1, -x]\n", "a: 1\r\nb:\r\n  - x\r\n", "a: x # c\n", "a: x#c\n",
    "a:\n  - b:\n    - 1\n  - c\n", "-x: 1\n", '"k": 1\n',
    "a: ~\nb: null\nc: Null\nd: NULL\ne: nul\n", "a: \"\"\nb: ''\n", "é: 日本\n😀: [😀, b]\n",
    "a:\n-   # c\n- x\n", "a: {b: \"x, y\", c: 'q'}\n", "a: 007\nb: 1_000\nc: .nan\nd: 0x1F\n",
]
SAFE_ONLY = [
    "a: &x 1\n", "a: *x\n", "a: !t 1\n", "a: !!str 1\n", "---\na: 1\n", "a: 1\n...\n",
    "%YAML 1.1\n---\na: 1\n", "a: |\n  x\n", "a: >\n  x\n", "a: b\n  c\n", 'a: "b\n  c"\n',
    "a:\tb\n", "a: 1\na: 2\n", "? a\n: b\n", "<<: {a: 1}\n", "\ufeffa: 1\n", "- a\n", "a\n",
    "", "# only\n", "a: b: c\n", "a: [b, [c]]\n", "a: {b: {c: 1}}\n", "a: [b,\n  c]\n",
    "a: 1\r2\n", "a: x\x85y\n", "a: x\u2028y\n", "a: " + "x" * 1200 + "\n", "a: @x\n",
    "a: `x`\n", "a:\n  b\n", "a: 1\n - b\n", "a:\n    b: 1\n  c: 2\n", "a: - b\n",
    'a: "\\ud800"\n', 'a: "\\q"\n', "a: 'x' y\n", "a: [a, , b]\n", "a: {b}\n", "a: {b:1}\n",
    "".join("  " * n + f"k{n}:\n" for n in range(MAX_DEPTH + 2)) + "  " * 40 + "x: 1\n",
]


@pytest.mark.parametrize("text", TAKEN)
def test_the_subset_is_taken_and_exact(text: str) -> None:
    assert agree(text)


@pytest.mark.parametrize("text", SAFE_ONLY)
def test_everything_else_goes_the_safe_way(text: str) -> None:
    assert fast_load(text, SourceMap("f.yaml")) is None


def test_escape_hatch_forces_the_safe_path(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr("sinkron.load.yaml.fast_load", lambda t, s, **kw: calls.append(t))
    monkeypatch.setenv("SINKRON_YAML", "safe")
    assert load_yaml(b"a: 1\n", "f.yaml").data == {"a": "1"} and calls == []
    monkeypatch.delenv("SINKRON_YAML")
    load_yaml(b"a: 1\n", "f.yaml")
    assert calls == ["a: 1\n"]
