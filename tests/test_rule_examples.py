"""Every rule's documented examples are its test cases: the bad one gives exactly the
expected findings of that code, at the expected lines; the good one gives none."""

from __future__ import annotations

from pathlib import Path

import pytest

from sinkron.rules.registry import Rule, catalogue
from tests.conftest import run_case, write_case

RULES = list(catalogue().values())


def _tag(file: str) -> str:
    name = Path(file).name
    if name == "targets.yaml":
        return "targets"
    if name.startswith("plan") and name.endswith(".yaml"):
        return name.removesuffix(".yaml")
    return name


def _found(rule: Rule, tmp_path: Path, bad: bool) -> set[tuple[str, str, int]]:
    example = rule.bad if bad else rule.good
    write_case(tmp_path, example.plans or ("",), example.targets, example.files)
    report = run_case(tmp_path)
    return {(f.code, _tag(f.location.file), f.location.line or 0)
            for f in report.findings if f.code == rule.code}


@pytest.mark.parametrize("rule", [r for r in RULES if r.bad.expect], ids=lambda r: r.code)
def test_bad_example_gives_expected_findings(rule: Rule, tmp_path: Path) -> None:
    assert _found(rule, tmp_path, bad=True) == set(rule.bad.expect)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_good_example_gives_none(rule: Rule, tmp_path: Path) -> None:
    assert _found(rule, tmp_path, bad=False) == set()


def test_base_plan_and_targets_are_clean(tmp_path: Path) -> None:
    write_case(tmp_path, ("",))
    report = run_case(tmp_path)
    assert [(f.code, str(f.location)) for f in report.findings] == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_documented(rule: Rule) -> None:
    assert rule.summary.en and rule.summary.id
    assert rule.why.en and rule.why.id
    assert rule.code == rule.code.upper() and rule.name == rule.name.lower()
    # a rule that can be triggered by a plan must show how
    if rule.code not in ("SK000",):
        assert rule.bad.expect, f"{rule.code} has no failing example"
