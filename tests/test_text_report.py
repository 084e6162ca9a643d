"""The text report's summary: coverage matrix, totals, projection table, counts by code."""

from __future__ import annotations

from sinkron.findings import Location, ProjectionRow, Report
from sinkron.report.matrix import MAX_ROWS
from sinkron.report.text import render
from sinkron.rules.context import PlanSummary, Standing

IDS = ("stunting", "kemiskinan", "aki", "rls")


def summary(n: int, gap: bool) -> PlanSummary:
    standing = {i: Standing(priority=i in ("stunting", "kemiskinan"), addressed=True,
                            target=True, on_track=not (gap and i == "stunting")) for i in IDS}
    return PlanSummary(f"plans/v{n:03}.yaml", Location(f"plans/v{n:03}.yaml", 1, 1),
                       f"35.05.04.{2000 + n}", f"Desa{n:03}", "Kademangan", 2025, 1000, {}, {},
                       {}, standing=standing)


def report(villages: int, gaps: set[int]) -> Report:
    r = Report("targets.yaml", files=villages, villages=villages)
    r.summaries = [summary(n, n in gaps) for n in range(villages)]
    r.projection = [
        ProjectionRow("stunting", 2025, 16.64, None, 17.6575, villages, 2, 2 / 248, False),
        ProjectionRow("kemiskinan", 2025, 7.857, (7.8, 7.857), None, villages, 0, 0.0, None),
    ]
    return r


def test_small_regency_shows_every_village() -> None:
    text = render(report(3, {1}), "en")
    assert all(f"Desa{n:03} (35.05.04.{2000 + n})" in text for n in range(3))
    assert "stunting*" in text and "kemiskinan*" in text and "aki*" not in text
    assert "A T x" in text and "A T ok" in text
    assert "A = an activity supports it" in text
    assert max(len(line) for line in text.splitlines()) <= 120


def test_many_villages_show_only_those_with_a_gap() -> None:
    gaps = set(range(0, 200, 4))  # 50 villages with a gap on a priority indicator
    text = render(report(200, gaps), "en")
    rows = [line for line in text.splitlines() if line.lstrip().startswith("Desa")]
    assert len(rows) == MAX_ROWS
    assert all(int(line.split()[0][4:]) % 4 == 0 for line in rows)
    assert f"{MAX_ROWS} of 200 villages shown" in text and "20 more villages" in text
    # the totals still count all 200
    assert "150/200" in text and "200/200" in text


def test_projection_table_in_indonesian() -> None:
    text = render(report(3, set()), "id")
    assert "16,64" in text and "17,66" in text and "1,02" in text  # milestone, projected, gap
    assert "7,8-7,86" in text and "TIDAK" in text and "0,8%" in text
    assert "Cakupan: desa x indikator" in text


def test_counts_by_code() -> None:
    from sinkron.findings import Finding, Severity
    from sinkron.i18n import Text

    r = report(3, set())
    r.findings = [Finding("SK201", "unlinked-activity", Severity.WARNING, Text("a", "a"),
                          Location("plans/v000.yaml", 3, 5), "35.05.04.2000")] * 2
    text = render(r, "en")
    line = next(ln for ln in text.splitlines() if ln.lstrip().startswith("SK201"))
    assert "unlinked-activity" in line and "warning" in line and line.rstrip().endswith("2")
