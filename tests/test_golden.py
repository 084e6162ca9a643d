"""The shipped example, end to end, against golden reports.

A deliberate change of messages or rules shows up here as a diff to review; regenerate with
`SINKRON_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py` and read the diff before
committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sinkron.pipeline import Options, check
from sinkron.report.concise import render as concise
from sinkron.report.json import render as render_json
from tests.conftest import ROOT

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def example_report() -> object:
    old = Path.cwd()
    os.chdir(ROOT)
    try:
        return check(Options(["plans"], Path("targets.yaml")))
    finally:
        os.chdir(old)


@pytest.mark.parametrize("name, lang, render", [
    ("example.json", "en", render_json), ("example.id.txt", "id", concise),
])
def test_example_matches_golden(example_report: object, name: str, lang: str,
                                render: object) -> None:
    got = render(example_report, lang)  # type: ignore[operator]
    path = GOLDEN / name
    if os.environ.get("SINKRON_UPDATE_GOLDEN") == "1":
        path.write_text(got, "utf-8")
    assert got == path.read_text("utf-8"), f"{name} differs: see the module docstring"


def test_example_tells_its_story(example_report: object) -> None:
    """What a planner should see in the example, independent of wording."""
    from sinkron.findings import Report

    assert isinstance(example_report, Report)
    codes = {f.code for f in example_report.findings}
    for family in ("SK1", "SK2", "SK3", "SK4", "SK5"):
        assert any(c.startswith(family) for c in codes), family
    stunting = next(r for r in example_report.projection
                    if r.indicator == "stunting" and r.year == 2025)
    assert stunting.met is False and stunting.milestone == pytest.approx(16.64)
    assert [f.code for f in example_report.findings if f.waived] == ["SK201"]
    assert not any(f.code in ("SK000", "SK001", "SK002") for f in example_report.findings)
