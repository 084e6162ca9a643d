"""--jobs N gives byte-identical reports to --jobs 1 (results merged in path order)."""

from __future__ import annotations

from pathlib import Path

import pytest

import sinkron.workers
from sinkron.findings import Report
from sinkron.report import Format, reporter
from sinkron.rules.registry import Rule, catalogue
from tests.conftest import run_case, write_case

BROKEN = (
    ("broken.yaml", "village: [unclosed\n"),
    ("alias.yaml", "village: &v\n  code: x\nplan: *v\n"),
    ("dup.yaml", "village:\n  code: a\n  code: b\n"),
    ("notes.txt", "not a plan"),
)


def _outputs(report: Report) -> list[str]:
    return [reporter(fmt)(report, lang) for fmt in Format for lang in ("en", "id")]


def _both(folder: Path) -> tuple[list[str], list[str]]:
    one = run_case(folder, jobs=1)
    two = run_case(folder, jobs=2)
    return _outputs(one), _outputs(two)


@pytest.fixture
def always_parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pool even for a handful of files, so small cases exercise the workers."""
    monkeypatch.setattr(sinkron.workers, "MIN_FILES", 0)


def test_many_plans_with_problems_same_report(tmp_path: Path, always_parallel: None) -> None:
    plans = [""] * 3 + [  # three identical plans: SK103 across files
        'village:\n  code: "35.05.04.2099"\n  name: X\n  district: Kademangan\n'
        '  population: 10\n'] + [
        "activities:\n" + "".join(f'  - code: "2.2.{k:02d}"\n    name: A{k}\n    budget: {k}\n'
                                  "    fund: DD\n" for k in range(1, 8))] * 12
    write_case(tmp_path, plans, files=BROKEN)
    one, two = _both(tmp_path)
    assert one == two
    assert '"files": 19' in one[4]  # the JSON of --jobs 1: every plan file was read


@pytest.mark.parametrize("rule", list(catalogue().values()), ids=lambda r: r.code)
def test_rule_examples_same_report(rule: Rule, tmp_path: Path, always_parallel: None) -> None:
    example = rule.bad
    write_case(tmp_path, example.plans or ("",), example.targets, example.files)
    one, two = _both(tmp_path)
    assert one == two


def test_cli_rejects_zero_jobs(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from sinkron.cli import app

    write_case(tmp_path, ("",))
    got = CliRunner().invoke(app, ["check", str(tmp_path / "plans"), "--targets",
                                   str(tmp_path / "targets.yaml"), "--jobs", "0"])
    assert got.exit_code == 2 and "--jobs must be 1 or more" in got.output
