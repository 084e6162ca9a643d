"""What the pipeline hands the reports: indicators, files read, fund shares per plan."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from sinkron.report.xlsx import render
from tests.conftest import run_case, write_case

ACTIVITIES = """\
activities:
  - code: "2.2.02"
    name: Posyandu dan air bersih
    supports: [stunting, rls]
    budget: 45_000_000
    fund: DD
  - code: "4.2.01"
    name: Lumbung pangan
    budget: 100_000_000
    fund: DD
  - code: "4.2.02"
    name: Bibit ternak
    budget: 60_000_000
    fund: ADD
"""
POLICY = """\
policy:
  projection_min_share: 0.5
  fund_shares:
    - {id: pangan, name: Ketahanan pangan, fund: DD, min_share: 0.2, codes: ["4.2.*"]}
    - {id: later, fund: DD, max_share: 0.1, codes: ["4.2.*"], years: [2030]}
    - {id: pads, fund: PADes, min_share: 0.5, codes: ["4.2.*"]}
"""


def test_pipeline_fills_what_reports_read(tmp_path: Path) -> None:
    write_case(tmp_path, (ACTIVITIES, ""), POLICY, files=(("notes.txt", "x"),))
    report = run_case(tmp_path)
    assert [i.id for i in report.indicators] == ["stunting", "rls"]
    assert report.indicators[0].priority and report.indicators[0].direction == "decrease"
    assert report.files_read == ["plans/plan.yaml", "plans/plan2.yaml"]
    first = report.summaries[0]
    # only the rule for a fund the plan has, in a year it applies to; DD only, ADD left out
    assert [(r.rule, r.amount, r.available) for r in first.fund_shares] == [
        ("pangan", 100_000_000, 850_000_000)]
    assert not first.fund_shares[0].met
    assert first.fund_shares[0].share == 100 / 850


def test_budget_sheet_from_a_real_run(tmp_path: Path) -> None:
    write_case(tmp_path, (ACTIVITIES,), POLICY)
    report = run_case(tmp_path)
    ws = openpyxl.load_workbook(io.BytesIO(render(report, "en")))["Budget"]
    heads = [c.value for c in ws[1]]
    row = dict(zip(heads, (c.value for c in ws[2]), strict=True))
    # the activity serving both indicators counts under each, and once in the linked total
    assert row["stunting"] == row["rls"] == 45_000_000
    assert row["Linked (each rupiah once)"] == 45_000_000
    assert row["Total budget"] == 205_000_000
    shares = next(r for r in ws.iter_rows(values_only=True) if r[3] == "pangan (Ketahanan pangan)")
    assert shares[5:7] == (100_000_000, 850_000_000) and shares[8:10] == (0.2, None)
    assert shares[7] == pytest.approx(100 / 850)
    assert shares[10] == "below minimum" and shares[11] == 70_000_000
