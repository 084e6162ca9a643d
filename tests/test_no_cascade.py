"""An entry left out for SK002 does not make rules that judge absence fire (no cascades)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_case, write_case

POSYANDU = ("activities:\n  - code: \"2.2.02\"\n    name: Posyandu\n    supports: [stunting]\n"
            "    budget: {budget}\n    fund: DD\n")


def codes(tmp_path: Path, fragment: str) -> list[tuple[str, int | None]]:
    report = run_case(write_case(tmp_path, (fragment,)))
    return [(f.code, f.location.line) for f in report.findings]


def test_a_malformed_activity_does_not_make_its_indicator_unaddressed(tmp_path: Path) -> None:
    assert codes(tmp_path, POSYANDU.format(budget="empat puluh juta")) == [("SK002", 5)]
    # the same plan without the activity at all: the priority is not addressed
    assert [c for c, _ in codes(tmp_path, "activities: []\n")] == ["SK202"]


def test_a_malformed_indicator_entry_is_not_missing(tmp_path: Path) -> None:
    fragment = ("indicators:\n  - id: stunting\n    baseline: {year: 2024, value: 15.1, "
                "source: x}\n    target: {year: 2025, valeu: 13.0}\n")
    assert codes(tmp_path, fragment) == [("SK002", 4), ("SK002", 4)]
