"""SK401 fund shares and SK402 overspending, on hand-computed plans."""

from __future__ import annotations

from pathlib import Path

from sinkron.findings import Finding
from tests.conftest import run_case, write_case

POLICY = """\
policy:
  fund_shares:
    - id: pangan
      name: Ketahanan pangan
      fund: DD
      min_share: 0.20
      codes: ["4.2.*"]
    - id: blt
      fund: DD
      max_share: 0.15
      codes: ["5.3.*"]
      years: [2025]
    - id: later
      fund: DD
      min_share: 0.90
      codes: ["4.2.*"]
      years: [2026]
    - id: gizi
      fund: DD
      min_share: 0.50
      supports: [stunting]
"""


def plan(funds: str, activities: list[tuple[str, int, str]]) -> str:
    out = f"plan:\n  document: RKPDes\n  year: 2025\n  funds:\n{funds}activities:\n"
    for code, budget, fund in activities:
        out += (f"  - code: \"{code}\"\n    name: Kegiatan {code}\n    budget: {budget}\n"
                f"    fund: {fund}\n    waive: {{SK201: \"contoh\"}}\n")
    return out


def findings(tmp_path: Path, text: str, code: str, targets: str = POLICY) -> list[Finding]:
    write_case(tmp_path, (text,), targets)
    return [f for f in run_case(tmp_path).findings if f.code == code]


def test_share_is_matching_rupiah_from_the_fund_over_the_fund(tmp_path: Path) -> None:
    # DD 1,000,000,000: 4.2.01 150M from DD counts; 4.2.03 from ADD does not: 15% < 20%
    # 5.3.00 200M from DD: 20% > 15%; stunting (2.2.02 by code mapping) 600M: 60% >= 50%
    text = plan("    DD: 1_000_000_000\n    ADD: 400_000_000\n",
                [("4.2.01", 150_000_000, "DD"), ("4.2.03", 300_000_000, "ADD"),
                 ("5.3.00", 200_000_000, "DD"), ("2.2.02", 600_000_000, "DD")])
    got = findings(tmp_path, text, "SK401")
    assert [(f.location.line, f.location.column) for f in got] == [(5, 5), (5, 5)]
    below = next(f for f in got if "pangan" in f.message.en)
    assert "15%" in below.message.en and "20%" in below.message.en
    assert "Rp 150,000,000 of Rp 1,000,000,000" in below.message.en
    assert "Rp 50,000,000" in below.message.en  # the gap: 200M needed, 150M planned
    assert "Rp 50.000.000" in below.message.id and "15%" in below.message.id
    above = next(f for f in got if "blt" in f.message.en)
    assert "above the maximum 15%" in above.message.en and "Rp 50,000,000" in above.message.en
    assert all(f.village == "35.05.04.2014" and f.year == 2025 for f in got)


def test_a_plan_without_the_fund_or_with_zero_is_not_checked(tmp_path: Path) -> None:
    text = plan("    ADD: 400_000_000\n", [("2.2.02", 45_000_000, "ADD")])
    assert findings(tmp_path, text, "SK401") == []
    text = plan("    DD: 0\n    ADD: 400_000_000\n", [("2.2.02", 45_000_000, "ADD")])
    assert findings(tmp_path, text, "SK401") == []


def test_years_limit_the_plan_years(tmp_path: Path) -> None:
    # `later` (90% for 2026) would fail in 2025 but does not apply; `blt` applies in 2025 only
    text = plan("    DD: 1_000_000_000\n",
                [("4.2.01", 200_000_000, "DD"), ("2.2.02", 500_000_000, "DD")])
    assert findings(tmp_path, text, "SK401") == []
    text2 = text.replace("year: 2025", "year: 2026")
    messages = [f.message.en for f in findings(tmp_path, text2, "SK401")]
    assert len(messages) == 1 and messages[0].startswith("later:")


def test_overspending_is_per_source_at_its_funds_entry(tmp_path: Path) -> None:
    text = plan("    DD: 100_000_000\n    ADD: 400_000_000\n",
                [("2.2.02", 60_000_000, "DD"), ("2.2.03", 50_000_000, "DD"),
                 ("2.2.01", 390_000_000, "ADD")])
    got = findings(tmp_path, text, "SK402", targets="")
    assert [(f.location.line, f.location.column) for f in got] == [(5, 5)]  # DD only
    assert "Rp 110,000,000" in got[0].message.en and "Rp 10,000,000" in got[0].message.en
    text = plan("    DD: 100_000_000\n    ADD: 300_000_000\n",
                [("2.2.02", 110_000_000, "DD"), ("2.2.01", 390_000_000, "ADD")])
    got = findings(tmp_path, text, "SK402", targets="")
    assert [f.location.line for f in got] == [5, 6]


def test_unknown_fund_suggests_the_listed_one(tmp_path: Path) -> None:
    text = plan("    DD: 100_000_000\n", [("2.2.02", 10_000_000, "dd")])
    [f] = findings(tmp_path, text, "SK403", targets="")
    assert f.location.line == 10 and "did you mean 'DD'" in f.message.en
