"""SK3xx and SK2xx details the rule examples do not show: the targets side, anchors, policy."""

from __future__ import annotations

from pathlib import Path

from sinkron.findings import Finding
from tests.conftest import run_case, write_case

TARGETS = """\
indicators:
  - id: stunting
    name: Prevalensi stunting balita
    unit: percent
    direction: decrease
    baseline: {year: 2024, value: 17.8}
    targets: {2029: 19.0, 2045: 4.13}
  - id: rls
    name: Rata-rata lama sekolah
    unit: years
    direction: increase
    baseline: {year: 2024, value: 7.6}
    targets:
      2045: {min: 7.0, max: 12.0}
  - id: aki
    name: Angka kematian ibu
    unit: per_100k_live_births
    direction: decrease
    baseline: {year: 2024, value: -3}
    targets:
      2045: {min: 5, max: 1}
"""


def found(tmp_path: Path, plans: tuple[str, ...], targets: str, code: str) -> list[Finding]:
    write_case(tmp_path, plans, targets)
    return [f for f in run_case(tmp_path).findings if f.code == code]


def test_sk301_in_targets_points_at_the_value_that_counts(tmp_path: Path) -> None:
    got = found(tmp_path, ("",), TARGETS, "SK301")
    assert sorted((f.location.file, f.location.line, f.indicator, f.year) for f in got) == [
        ("targets.yaml", 7, "stunting", 2029),   # 19.0 above the baseline 17.8
        ("targets.yaml", 14, "rls", 2045),       # the band's min 7.0 below the baseline 7.6
    ]
    rls = next(f for f in got if f.indicator == "rls")
    assert rls.location.column == 19  # at the value of `min`
    assert "should increase" in rls.message.en and "seharusnya naik" in rls.message.id


def test_sk305_in_targets_negative_rate_and_inverted_band(tmp_path: Path) -> None:
    got = found(tmp_path, ("",), TARGETS, "SK305")
    assert sorted((f.location.line, f.year) for f in got) == [(19, None), (21, 2045)]
    band = next(f for f in got if f.year == 2045)
    assert "min above max" in band.message.en and "tukar" in band.message.id


def test_sk301_within_moves_further_outside_the_band(tmp_path: Path) -> None:
    targets = ("indicators:\n  - id: ipm\n    name: IPM\n    unit: index\n"
               "    direction: within\n    targets: {2045: {min: 70, max: 80}}\n")
    plan = ("indicators:\n  - id: ipm\n    baseline: {year: 2024, value: 65, source: BPS}\n"
            "    target: {year: 2025, value: 60}\n")
    assert [f.location.line for f in found(tmp_path, (plan,), targets, "SK301")] == [4]
    closer = plan.replace("value: 60", "value: 68")
    assert found(tmp_path, (closer,), targets, "SK301") == []


def test_sk304_without_an_entry_points_at_the_indicators_key(tmp_path: Path) -> None:
    plan = ("indicators:\n  - id: rls\n    baseline: {year: 2024, value: 7.9, source: BPS}\n"
            "    target: {year: 2025, value: 8.0}\n")
    [f] = found(tmp_path, (plan,), "", "SK304")
    assert (f.location.line, f.location.column, f.indicator) == (1, 1, "stunting")
    assert "missing from `indicators`" in f.message.en


def test_sk202_without_indicators_points_at_the_village_key(tmp_path: Path) -> None:
    plan = ("activities:\n  - code: \"1.1.01\"\n    name: Siltap\n    budget: 10\n"
            "    fund: DD\n")
    write_case(tmp_path, (plan,))
    text = (tmp_path / "plans" / "plan.yaml").read_text("utf-8")
    (tmp_path / "plans" / "plan.yaml").write_text(
        text[:text.index("indicators:")] + "", "utf-8")
    got = [f for f in run_case(tmp_path).findings if f.code == "SK202"]
    assert [(f.location.line, f.indicator) for f in got] == [(6, "stunting")]


def test_sk201_exempt_codes_come_from_policy(tmp_path: Path) -> None:
    plan = ("activities:\n  - code: \"2.2.02\"\n    name: Posyandu\n    budget: 10\n"
            "    fund: DD\n  - code: \"2.3.10\"\n    name: Jalan\n    budget: 10\n"
            "    fund: DD\n")
    assert [f.location.line for f in found(tmp_path, (plan,), "", "SK201")] == [6]
    policy = "policy:\n  exempt_codes: [\"2.3.*\"]\n"
    assert found(tmp_path, (plan,), policy, "SK201") == []


def test_sk305_negative_budget_and_fund(tmp_path: Path) -> None:
    plan = ("plan:\n  document: RKPDes\n  year: 2025\n  funds: {DD: -5, ADD: 400_000_000}\n"
            "activities:\n  - code: \"2.2.02\"\n    name: Posyandu\n    budget: -45_000_000\n"
            "    fund: ADD\n")
    got = found(tmp_path, (plan,), "", "SK305")
    assert sorted((f.location.line, f.location.column) for f in got) == [(4, 15), (8, 13)]
    budget = next(f for f in got if f.location.line == 8)
    assert "Rp -45,000,000" in budget.message.en and "Rp -45.000.000" in budget.message.id
