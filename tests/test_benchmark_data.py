"""The benchmark generator makes plans sinkron reads cleanly, the same every time."""

from __future__ import annotations

from pathlib import Path

from benchmarks.generate import generate
from benchmarks.plans import plan_for, synthetic, villages
from benchmarks.render import HEADERS, to_yaml

from sinkron.reference import register
from tests.conftest import run_case


def test_generated_plans_load_without_reading_findings(tmp_path: Path) -> None:
    """Real Blitar villages: no SK001/SK002, every activity passes the schema."""
    generate("regency", tmp_path, xlsx=True, count=3)
    report = run_case(tmp_path)
    assert report.files == 3 and report.villages == 3
    assert not [f for f in report.findings if f.code in ("SK001", "SK002")]
    expected = sum(len(plan_for(v).activities) for v in villages(3))
    assert report.activities == expected and expected >= 3 * 85


def test_generated_budgets_fit_the_funds() -> None:
    for v in villages(5):
        plan = plan_for(v)
        spent: dict[str, int] = {}
        for a in plan.activities:
            spent[a.fund] = spent.get(a.fund, 0) + a.budget
            assert a.budget > 0
        assert all(spent[f] <= plan.funds[f] for f in spent)
        food = sum(a.budget for a in plan.activities if a.code.startswith("4.2.")
                   and a.fund == "DD")
        assert food >= 0.2 * plan.funds["DD"]  # the shipped targets' fund-share rule
        pairs = [(a.code, a.name, a.fund) for a in plan.activities]
        assert len(pairs) == len(set(pairs))  # no SK106 by construction


def test_generation_is_deterministic() -> None:
    v = villages(1)[0]
    assert to_yaml(plan_for(v)) == to_yaml(plan_for(v))
    assert to_yaml(plan_for(v)) != to_yaml(plan_for(v, seed=1))


def test_synthetic_villages_are_new_codes_in_known_districts() -> None:
    base = villages(248)
    extra = synthetic(base, 30)
    known = register("35.05")
    assert len({v.code for v in extra}) == 30
    assert all(v.code not in known and v.code.rsplit(".", 1)[0] in known for v in extra)


def test_workbook_has_the_plans_layout(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    generate("regency", tmp_path, xlsx=True, count=2)
    wb = load_workbook(tmp_path / "plans.xlsx", read_only=True)
    assert wb.sheetnames == list(HEADERS)
    for name, headers in HEADERS.items():
        assert next(wb[name].iter_rows(values_only=True)) == headers
    acts = list(wb["activities"].iter_rows(values_only=True))[1:]
    assert len(acts) == sum(len(plan_for(v).activities) for v in villages(2))
    wb.close()
