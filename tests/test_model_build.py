"""From loaded data to models: SK002/SK003 at the right place, no cascades."""

from __future__ import annotations

from sinkron.load.yaml import load_yaml
from sinkron.model.build import build_plan, build_targets
from sinkron.rules.examples import BASE_PLAN, BASE_TARGETS, complete
from sinkron.rules.registry import code_names


def plan_problems(fragment: str) -> tuple[object, list[tuple[str, str, str]]]:
    loaded = load_yaml(complete(fragment, BASE_PLAN).encode(), "p.yaml")
    plan, problems = build_plan(loaded.data, loaded.source, code_names(), loaded.problems)
    every = loaded.problems + problems
    return plan, [(p.code, str(p.location), p.message.en) for p in every]


ACT = ("activities:\n  - code: \"2.2.02\"\n    name: Posyandu\n    budget: 45_000_000\n"
       "    fund: DD\n")


def test_unknown_key_at_the_key_with_did_you_mean() -> None:
    plan, got = plan_problems(ACT.replace("    name:", "    nmae:"))
    assert sorted(got) == [("SK002", "p.yaml:2:5", "missing required field 'name'"),
                           ("SK002", "p.yaml:3:5", "unknown key 'nmae'; did you mean 'name'?")]
    assert plan is not None and plan.activities == []  # the bad activity is left out


def test_missing_key_points_at_the_mapping() -> None:
    _, got = plan_problems(ACT.replace("    fund: DD\n", ""))
    assert got == [("SK002", "p.yaml:2:5", "missing required field 'fund'")]


def test_one_bad_activity_does_not_spoil_the_others() -> None:
    two = ACT + ACT.split("\n", 1)[1].replace("45_000_000", "12.5")
    plan, got = plan_problems(two)
    assert [c for c, _, _ in got] == ["SK002"]
    assert plan is not None and len(plan.activities) == 1


def test_bad_header_takes_the_plan_out() -> None:
    plan, got = plan_problems("plan:\n  document: RKPDes\n  year: 20255\n  funds: {DD: 1}\n")
    assert plan is None
    assert got == [("SK002", "p.yaml:3:9", "year 20255 is outside 2000..2100")]


def test_duplicate_key_spoils_only_its_activity() -> None:
    plan, got = plan_problems(ACT.replace("    fund: DD\n", "    fund: DD\n    fund: ADD\n"))
    assert got[0][:2] == ("SK002", "p.yaml:6:5") and "first at line 5" in got[0][2]
    assert plan is not None and plan.activities == []


def test_text_numbers_are_sk003_with_the_value_read() -> None:
    plan, got = plan_problems(ACT.replace("45_000_000", "\"Rp 45.000.000\""))
    assert got == [("SK003", "p.yaml:4:13",
                    "'Rp 45.000.000' is a number written as text; read as 45,000,000")]
    assert plan is not None and plan.activities[0].model.budget == 45_000_000


def test_activity_codes_are_normalised() -> None:
    plan, got = plan_problems(ACT.replace("\"2.2.02\"", "02.02.02."))
    assert got == [] and plan is not None and plan.activities[0].model.code == "2.2.02"


def test_waiver_needs_a_reason_and_a_known_code() -> None:
    _, got = plan_problems(ACT + "    waive: {SK106: \"\"}\n")
    assert got == [("SK002", "p.yaml:6:20",
                    "the waiver of SK106 needs a reason (who agreed, when)")]
    _, got = plan_problems(ACT + "    waive: {SK1066: \"rapat 12 Nov\"}\n")
    assert got[0][0] == "SK002" and "did you mean 'SK106'" in got[0][2]
    _, got = plan_problems(ACT + "    waive: {SK001: \"rapat 12 Nov\"}\n")
    assert got == [("SK002", "p.yaml:6:13", "SK001 cannot be waived")]


def test_waiver_by_name_is_stored_by_code() -> None:
    plan, got = plan_problems(ACT + "    waive: {duplicate-activity: \"rapat 12 Nov\"}\n")
    assert got == [] and plan is not None
    assert plan.activities[0].model.waive == {"SK106": "rapat 12 Nov"}


def test_document_spellings() -> None:
    plan, got = plan_problems("plan:\n  document: RKP Desa\n  year: 2025\n  funds: {DD: 1}\n")
    assert got == [] and plan is not None and plan.header.document == "RKPDes"


def targets_problems(fragment: str) -> list[tuple[str, str, str]]:
    loaded = load_yaml(complete(fragment, BASE_TARGETS).encode(), "t.yaml")
    _, problems = build_targets(loaded.data, loaded.source, code_names())
    return [(p.code, str(p.location), p.message.en) for p in problems]


def test_targets_unknown_policy_codes_and_ids() -> None:
    got = targets_problems("policy:\n  ignore: [SK1066]\n  severity: {SK105: error}\n"
                           "  fund_shares:\n    - {id: x, fund: DD, min_share: 0.2, "
                           "supports: [stuntng]}\n")
    assert [(c, loc) for c, loc, _ in got] == [("SK002", "t.yaml:5:52"), ("SK002", "t.yaml:2:12")]
    assert "did you mean 'stunting'" in got[0][2]


def test_targets_bands_and_directions() -> None:
    got = targets_problems("indicators:\n  - id: kemiskinan\n    name: P0\n    unit: percent\n"
                           "    direction: turun\n    targets: {2045: {min: 0.6, max: 1.8}}\n")
    assert got == []
    got = targets_problems("indicators:\n  - id: k\n    name: P0\n    unit: percent\n"
                           "    direction: down\n    targets: {2045: {min: 0.6, mx: 1.8}}\n")
    assert [loc for _, loc, _ in got] == ["t.yaml:5:16", "t.yaml:6:21", "t.yaml:6:32"]


def test_items_are_checked_even_when_the_header_fails() -> None:
    plan, got = plan_problems("village:\n  code: \"35.05.04.2014\"\n  name: Plosorejo\n"
                              "  district: Kademangan\n  population: 4.210\n"
                              + ACT.replace("45_000_000", "1,5 juta"))
    assert plan is None
    assert [(c, loc) for c, loc, _ in got] == [("SK002", "p.yaml:5:15"), ("SK002", "p.yaml:9:13")]
    assert "write thousands without dots" in got[0][2]
