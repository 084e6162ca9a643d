"""Fuzzing: the loader on any bytes, the whole pipeline on mutated plans.

The budget is small for CI (60 examples per test); before a release run a long one:
`SINKRON_FUZZ_EXAMPLES=5000 python -m pytest tests/test_fuzz.py` (docs/fuzzing.md).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sinkron.findings import Report
from sinkron.load.yaml import load_yaml
from sinkron.load.yaml_builder import MAX_PROBLEMS
from sinkron.pipeline import exit_code
from sinkron.report import Format, reporter
from sinkron.rules.examples import BASE_PLAN, complete
from tests.conftest import run_case, write_case

EXAMPLES = int(os.environ.get("SINKRON_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

PLAN_TEXT = complete("", BASE_PLAN)
PLAN_DATA: dict[str, Any] = yaml.safe_load(PLAN_TEXT)

# pieces of YAML syntax, so random text reaches deep into the parser rather than failing
# on its first character
TOKENS = ["-", " ", "  ", "\n", ": ", ":", "[", "]", "{", "}", ", ", "&a ", "*a", "! ",
          "!!str ", "!x!y ", "? ", "'", '"', "#", "%YAML 1.1\n", "%TAG !x! tag:x:\n", "---\n",
          "...\n", "|\n", ">-\n", "\t", "village", "plan", "code", "1", "2025", "-1e400",
          "\\", "\\u202e", "\\ud800", "é", "\u202e", "\u0301", "\x00", "\x1b[31m", "\ufeff",
          "\u2028", "\r", "<<: ", "~", "null", ".nan", "0x1F", "1_000", "Rp 45.000.000"]
yaml_like = st.lists(st.sampled_from(TOKENS), max_size=60).map("".join)
# odd text: bidi controls, combining marks, escapes, markup, huge and local numbers
ODD = ["\u202eevil\u202c", "a\u0301\u0302\u0303", "\x1b[31mRED", "[bold]x[/bold]", "line\nbreak",
       "NaN", "inf", "-inf", ".nan", "1e400", "-1", "-45000000", "9" * 400, "4,13",
       "Rp 45.000.000", "45.000.000,50", "", " ", "0", "2.2", "35.05", "\ufeff", "\u200b"]
junk: st.SearchStrategy[Any] = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.integers(-(10**400), 10**400),
              st.floats(), st.text(max_size=20), st.sampled_from(ODD)),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12)


def _assert_loaded_sanely(raw: bytes) -> None:
    got = load_yaml(raw, "plan.yaml")  # must not raise
    assert got.data is None or isinstance(got.data, dict)
    assert len(got.problems) <= MAX_PROBLEMS + 2
    for p in got.problems:
        assert p.code in ("SK001", "SK002"), p
        assert p.location.file == "plan.yaml"
        assert p.location.line is not None and p.location.line >= 1, p
        assert p.location.column is not None and p.location.column >= 1, p
        assert p.message.en and p.message.id


@FUZZ
@given(st.binary(max_size=400))
def test_loader_survives_any_bytes(raw: bytes) -> None:
    _assert_loaded_sanely(raw)


@FUZZ
@given(yaml_like)
def test_loader_survives_yaml_like_text(text: str) -> None:
    _assert_loaded_sanely(text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.data())
def test_loader_survives_byte_mutations(data: st.DataObject) -> None:
    raw = bytearray(PLAN_TEXT.encode())
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(raw)))
        action = data.draw(st.sampled_from(["flip", "insert", "delete"]))
        if action == "insert":
            raw[at:at] = data.draw(st.binary(min_size=1, max_size=4) | st.sampled_from(
                [t.encode("utf-8", "surrogatepass") for t in TOKENS]))
        elif action == "delete":
            del raw[at:at + data.draw(st.integers(1, 8))]
        elif at < len(raw):
            raw[at] = data.draw(st.integers(0, 255))
    _assert_loaded_sanely(bytes(raw))


def _mutate(node: Any, draw: Callable[[st.SearchStrategy[Any]], Any], depth: int = 0) -> Any:
    """One random change somewhere in `node`: delete, replace, wrap or add."""
    children = list(node) if isinstance(node, dict) else list(range(len(node))) \
        if isinstance(node, list) else []
    if children and (depth == 0 or draw(st.booleans())):
        key = draw(st.sampled_from(children))
        action = draw(st.sampled_from(["descend", "descend", "delete", "replace", "wrap"]))
        if action == "descend":
            node[key] = _mutate(node[key], draw, depth + 1)
        elif action == "delete":
            del node[key]
        elif action == "replace":
            node[key] = draw(junk)
        else:
            node[key] = draw(st.sampled_from([[node[key]], {"x": node[key]}]))
        return node
    if isinstance(node, dict):
        node[draw(st.text(max_size=10) | st.sampled_from(["waive", "supports", "<<"]))] = \
            draw(junk)
        return node
    return draw(junk)


def _check(text: str) -> Report:
    """Write the plan beside the base targets and run the real pipeline on it."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_case(Path(tmp), ())
        (folder / "plans" / "plan.yaml").write_text(text, "utf-8")
        report = run_case(folder)
    for f in report.findings:
        assert f.code != "SK000", f
        assert f.location.file == "plans/plan.yaml" or f.location.file == "targets.yaml", f
        assert f.location.line is not None and f.location.line >= 1, f
        assert f.location.column is not None and f.location.column >= 1, f
    assert exit_code(report, "error") in (0, 1)
    for fmt in Format:  # every reporter copes with whatever the plan held
        out = reporter(fmt)(report, "id")
        if fmt is Format.json:
            json.loads(out, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
    return report


@FUZZ
@given(st.data())
def test_pipeline_survives_mutated_plans(data: st.DataObject) -> None:
    plan = json.loads(json.dumps(PLAN_DATA))  # a deep copy
    for _ in range(data.draw(st.integers(1, 4))):
        plan = _mutate(plan, data.draw)
    text = yaml.safe_dump(plan, allow_unicode=data.draw(st.booleans()), sort_keys=False)
    _check(text)


@FUZZ
@given(st.lists(st.sampled_from(ODD), min_size=1, max_size=3).map(" ".join))
def test_odd_text_in_every_text_field(odd: str) -> None:
    plan = json.loads(json.dumps(PLAN_DATA))
    plan["village"]["name"] = plan["village"]["district"] = odd
    plan["activities"][0]["name"] = plan["plan"]["document"] = odd
    plan["indicators"][0]["baseline"]["source"] = odd
    _check(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False))
