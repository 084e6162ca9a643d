"""Report files: written atomically, in the same run as stdout, with clear exit-2 failures."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import openpyxl
import pytest
from typer.testing import CliRunner, Result

from sinkron import report
from sinkron.cli import app
from sinkron.report.write import ReportError, guard_inputs, write_atomic, write_bytes
from tests.conftest import write_case

runner = CliRunner()
BROKEN_PLAN = "activities:\n  - code: \"2.3.10\"\n    name: Jalan\n    budget: 1\n    fund: DD\n" \
    "    nmae: x\n"


def test_a_writer_that_fails_half_way_leaves_the_old_report(tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"the previous report")

    def half(fh: BinaryIO) -> None:
        fh.write(b"half of a new rep")
        raise RuntimeError("the reporter crashed")

    with pytest.raises(RuntimeError):
        write_atomic(target, half)
    assert target.read_bytes() == b"the previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.xlsx"]  # no temp file left


def test_a_full_disk_is_a_report_error_and_the_old_report_stays(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("{}", "utf-8")

    def full(fh: BinaryIO) -> None:
        fh.write(b"{")
        raise OSError(28, "No space left on device")

    with pytest.raises(ReportError, match="No space left on device"):
        write_atomic(target, full)
    assert target.read_text("utf-8") == "{}"
    assert len(list(tmp_path.iterdir())) == 1


def test_write_replaces_and_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "r.sarif"
    target.write_text("old", "utf-8")
    target.chmod(0o640)
    write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640
    fresh = tmp_path / "fresh.xml"
    write_bytes(fresh, b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask


def test_missing_folder_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ReportError) as err:
        write_bytes(tmp_path / "nope" / "r.json", b"{}")
    assert "cannot write the report" in str(err.value) and "\n" not in str(err.value)
    assert "tidak dapat ditulis" in err.value.text.id


def test_guard_refuses_inputs_and_workbooks_in_plan_folders(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    plan = tmp_path / "plans" / "desa.xlsx"
    with pytest.raises(ReportError, match="overwrite an input"):
        guard_inputs(plan, [plan], [])
    with pytest.raises(ReportError, match="read as a plan"):
        guard_inputs(tmp_path / "plans" / "laporan.xlsx", [], [str(tmp_path / "plans")])
    guard_inputs(tmp_path / "plans" / "report.json", [plan], [str(tmp_path / "plans")])


def _check(folder: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    old = Path.cwd()
    os.chdir(folder)
    try:
        return runner.invoke(app, ["check", "plans", "--targets", "targets.yaml", *args],
                             env=env)
    finally:
        os.chdir(old)


def test_output_and_format_in_one_run(tmp_path: Path) -> None:
    write_case(tmp_path, (BROKEN_PLAN,))
    result = _check(tmp_path, "--format", "sarif", "-o", "laporan.xlsx", "--lang", "id")
    assert result.exit_code == 1, result.output
    sarif = json.loads(result.stdout)
    codes = [r["ruleId"] for r in sarif["runs"][0]["results"]]
    assert "SK002" in codes
    wb = openpyxl.load_workbook(tmp_path / "laporan.xlsx")
    assert wb.sheetnames[:2] == ["Ringkasan", "Temuan"]
    assert [c.value for c in wb["Temuan"]["A"][1:]] == codes
    assert wb["Cakupan"].max_row >= 1 and wb["Anggaran"]["A1"].value == "Kode desa"


@pytest.mark.parametrize(("name", "valid"), [
    ("r.json", lambda b: json.loads(b)["summary"]["files"] == 1),
    ("r.sarif", lambda b: json.loads(b)["version"] == "2.1.0"),
    ("r.xml", lambda b: ET.fromstring(b).tag == "testsuites"),
])
def test_format_follows_the_suffix(tmp_path: Path, name: str,
                                   valid: Callable[[bytes], bool]) -> None:
    write_case(tmp_path, ("",))
    result = _check(tmp_path, "--format", "concise", "-o", name)
    assert result.exit_code == 0, result.output
    assert valid((tmp_path / name).read_bytes())


def test_unknown_suffix_is_exit_2_with_one_line(tmp_path: Path) -> None:
    write_case(tmp_path, ("",))
    result = _check(tmp_path, "-o", "report.pdf")
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0
    assert ".xlsx, .json, .sarif or .xml" in result.stderr
    assert result.stdout == ""


def test_unwritable_report_is_exit_2_with_one_line(tmp_path: Path) -> None:
    write_case(tmp_path, ("",))
    result = _check(tmp_path, "-o", "missing/report.xlsx")
    assert result.exit_code == 2
    assert result.stderr.startswith("sinkron: cannot write the report")
    assert result.stderr.strip().count("\n") == 0
    assert "Traceback" not in result.output


def test_github_format_writes_the_step_summary(tmp_path: Path) -> None:
    write_case(tmp_path, (BROKEN_PLAN,))
    summary = tmp_path / "step.md"
    result = _check(tmp_path, "--format", "github",
                    env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    assert result.stdout.startswith("::error file=plans/plan.yaml,line=")
    assert "SK002" in summary.read_text("utf-8")


@pytest.mark.parametrize("name", ["r.xlsx", "r.json", "r.sarif", "r.xml"])
def test_a_disk_full_through_the_cli_leaves_the_old_report(tmp_path: Path, name: str,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The new report is written in full, then the disk refuses it: the old one stays."""
    write_case(tmp_path, (BROKEN_PLAN,))
    (tmp_path / name).write_bytes(b"the previous report")

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = _check(tmp_path, "--format", "json", "-o", name)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("sinkron: cannot write the report")
    assert "No space left on device" in result.stderr and result.stderr.count("\n") == 1
    assert json.loads(result.stdout)["summary"]["files"] == 1  # stdout was written first
    assert (tmp_path / name).read_bytes() == b"the previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["plans", "targets.yaml", name])


@pytest.mark.parametrize("name", ["r.xlsx", "r.json", "r.sarif", "r.xml"])
def test_a_renderer_that_crashes_leaves_the_old_report(tmp_path: Path, name: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    write_case(tmp_path, (BROKEN_PLAN,))
    (tmp_path / name).write_bytes(b"the previous report")
    real = report.write_file

    def half(kind: str, *args: object, **kw: object) -> None:
        real(kind, *args, **kw)  # type: ignore[arg-type]  # the whole report is streamed out
        raise RuntimeError(f"the {kind} reporter crashed")

    monkeypatch.setattr(report, "write_file", half)
    result = _check(tmp_path, "--format", "concise", "-o", name)
    assert isinstance(result.exception, RuntimeError)
    assert (tmp_path / name).read_bytes() == b"the previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["plans", "targets.yaml", name])


@pytest.mark.parametrize("name", ["r.xlsx", "r.json", "r.sarif", "r.xml"])
def test_a_report_replaces_the_old_one_whole(tmp_path: Path, name: str) -> None:
    write_case(tmp_path, ("",))
    old = tmp_path / name
    old.write_bytes(b"x" * 1_000_000)  # longer than the new report: no tail may remain
    before = old.stat().st_ino
    result = _check(tmp_path, "--format", "concise", "-o", name)
    assert result.exit_code == 0, result.output
    data = old.read_bytes()
    assert b"xxxx" not in data and len(data) < 1_000_000
    assert old.stat().st_ino != before  # a new file renamed over the old, not rewritten
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["plans", "targets.yaml", name])
