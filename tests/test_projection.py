"""SK303/SK307 and the projection table on hand-computed cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from sinkron.findings import Finding, Report
from tests.conftest import run_case, write_case


def village(code: str, name: str, children: int | None) -> str:
    counts = f"  counts: {{children_under_5: {children}}}\n" if children is not None else ""
    return (f"village:\n  code: \"{code}\"\n  name: {name}\n  district: Kademangan\n"
            f"  population: 3000\n{counts}")


def stunting(baseline: float | None, target: float | None, year: int = 2025) -> str:
    out = "indicators:\n  - id: stunting\n"
    if baseline is not None:
        out += f"    baseline: {{year: 2024, value: {baseline}, source: \"e-PPGBM\"}}\n"
    if target is not None:
        out += f"    target: {{year: {year}, value: {target}}}\n"
    return out


REGENCY3 = "regency: {code: \"35.05\", name: Kabupaten Blitar, villages: 3}\n"
PLOSOREJO = ("35.05.04.2014", "Plosorejo")
REJOWINANGUN = ("35.05.04.2013", "Rejowinangun")
SUMBERJO = ("35.05.04.2006", "Sumberjo")


def run(tmp_path: Path, plans: list[str], targets: str = REGENCY3) -> Report:
    write_case(tmp_path, plans, targets)
    return run_case(tmp_path)


def only(report: Report, code: str) -> list[Finding]:
    return [f for f in report.findings if f.code == code]


def test_three_villages_weighted_by_children_under_five(tmp_path: Path) -> None:
    # Plosorejo: target 17.5 x 310 children; Rejowinangun: no target, baseline 18.2 x 90;
    # Sumberjo: no children_under_5 count, so not reporting.
    # projected = (17.5*310 + 18.2*90) / 400 = 7063 / 400 = 17.6575 > milestone 16.64
    report = run(tmp_path, [village(*PLOSOREJO, 310) + stunting(19.0, 17.5),
                            village(*REJOWINANGUN, 90) + stunting(18.2, None),
                            village(*SUMBERJO, None) + stunting(16.0, 15.0)])
    row = next(r for r in report.projection if r.indicator == "stunting")
    assert row.year == 2025
    assert row.projected == pytest.approx(17.6575)
    assert row.milestone == pytest.approx(16.64) and row.band is None
    assert (row.villages, row.reporting, row.met) == (3, 2, False)
    assert row.coverage == pytest.approx(2 / 3)
    [miss] = only(report, "SK303")
    assert (miss.location.file, miss.location.line, miss.indicator, miss.year) == \
        ("targets.yaml", 4, "stunting", 2025)
    assert "17.66" in miss.message.en and "16.64" in miss.message.en
    assert "2 of 3 villages report" in miss.message.en
    assert "1 without a value or a children_under_5 count: Sumberjo" in miss.message.en
    assert "17,66" in miss.message.id and "16,64" in miss.message.id
    assert not only(report, "SK307")


def test_met_when_the_weighted_mean_reaches_the_milestone(tmp_path: Path) -> None:
    # (13*310 + 18.2*90) / 400 = 14.17: met although one village's value is weaker
    report = run(tmp_path, [village(*PLOSOREJO, 310) + stunting(19.0, 13.0),
                            village(*REJOWINANGUN, 90) + stunting(18.2, None)])
    row = next(r for r in report.projection if r.indicator == "stunting")
    assert row.projected == pytest.approx(14.17) and row.met is True
    assert not only(report, "SK303")


def test_first_plan_of_a_duplicate_counts_and_outsiders_do_not(tmp_path: Path) -> None:
    report = run(tmp_path, [village(*PLOSOREJO, 310) + stunting(19.0, 13.0),
                            village(*PLOSOREJO, 310) + stunting(19.0, 30.0),  # SK103: ignored
                            village("35.06.01.2001", "Elsewhere", 500) + stunting(19.0, 40.0)])
    row = next(r for r in report.projection if r.indicator == "stunting")
    assert (row.villages, row.reporting) == (1, 1)
    assert row.projected == pytest.approx(13.0)


def test_impossible_target_and_target_for_another_year_fall_back_to_baseline(
        tmp_path: Path) -> None:
    report = run(tmp_path, [village(*PLOSOREJO, 100) + stunting(15.0, 150.0),  # SK305
                            village(*REJOWINANGUN, 100) + stunting(16.0, 10.0, year=2026)])
    row = next(r for r in report.projection if r.indicator == "stunting")
    assert row.projected == pytest.approx(15.5)


def test_too_few_villages_gives_sk307_not_sk303(tmp_path: Path) -> None:
    targets = "regency: {code: \"35.05\", name: Kabupaten Blitar, villages: 248}\n"
    report = run(tmp_path, [village(*PLOSOREJO, 310) + stunting(19.0, 17.5)], targets)
    row = next(r for r in report.projection if r.indicator == "stunting")
    assert row.met is False and row.coverage == pytest.approx(1 / 248)
    assert not only(report, "SK303")
    info = [f for f in only(report, "SK307") if f.indicator == "stunting"]
    assert len(info) == 1 and "1 of the regency's 248 villages" in info[0].message.en
    assert "0.4%" in info[0].message.en and "0,4%" in info[0].message.id


def test_nobody_reporting_gives_a_row_with_nulls_and_no_finding(tmp_path: Path) -> None:
    report = run(tmp_path, [village(*PLOSOREJO, 310) + "indicators: []\n"])
    row = next(r for r in report.projection if r.indicator == "stunting")
    assert (row.projected, row.met, row.reporting) == (None, None, 0)
    assert not only(report, "SK303") and not only(report, "SK307")


BANDS = """\
indicators:
  - id: kemiskinan
    name: Tingkat kemiskinan
    unit: percent
    direction: decrease
    baseline: {year: 2024, value: 8.16}
    targets: {2045: {min: 0.6, max: 1.8}}
  - id: ipm
    name: Indeks
    unit: index
    direction: within
    targets: {2045: {min: 70, max: 80}}
  - id: off
    name: Not projected
    unit: percent
    direction: decrease
    project: false
    targets: {2045: 1}
"""


def test_band_rows_and_project_false(tmp_path: Path) -> None:
    plan = (village(*PLOSOREJO, 310) + "indicators:\n  - id: kemiskinan\n"
            "    baseline: {year: 2024, value: 8.0, source: BPS}\n"
            "    target: {year: 2025, value: 7.9}\n")
    report = run(tmp_path, [plan], REGENCY3 + BANDS)
    rows = {r.indicator: r for r in report.projection}
    assert set(rows) == {"kemiskinan", "ipm"}
    pov = rows["kemiskinan"]
    assert pov.band == (pytest.approx(7.8), pytest.approx(8.16 - 6.36 / 21))
    assert pov.milestone == pytest.approx(8.16 - 6.36 / 21)  # a band's max for decrease
    assert pov.projected == pytest.approx(7.9) and pov.met is False
    assert rows["ipm"].milestone is None and rows["ipm"].band == (70, 80)


def test_projection_table_does_not_depend_on_selected_codes(tmp_path: Path) -> None:
    write_case(tmp_path, [village(*PLOSOREJO, 310) + stunting(19.0, 17.5)], REGENCY3)
    report = run_case(tmp_path, select=["SK201"])
    assert [(r.indicator, r.met) for r in report.projection] == [("stunting", False),
                                                                  ("rls", None)]
    assert {f.code for f in report.findings} <= {"SK201"}
