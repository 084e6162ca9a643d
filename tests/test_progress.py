"""The progress bar: on a terminal while many files load; never in pipes, CI or --quiet."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from typer.testing import CliRunner

from sinkron.cli import app
from sinkron.pipeline import Options, check
from sinkron.progress import MIN_FILES, LoadProgress, wanted
from tests.conftest import write_case


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _terminal() -> tuple[Console, io.StringIO]:
    screen = io.StringIO()
    return Console(file=screen, force_terminal=True, width=100), screen


def test_wanted_only_on_a_terminal_and_not_quiet() -> None:
    assert wanted(False, _Terminal()) is True
    assert wanted(True, _Terminal()) is False
    assert wanted(False, io.StringIO()) is False  # a pipe, a file, CI logs


def test_bar_draws_while_many_plans_load(tmp_path: Path) -> None:
    write_case(tmp_path, [""] * MIN_FILES)
    console, screen = _terminal()
    with LoadProgress("id", True, console) as progress:
        report = check(Options([str(tmp_path / "plans")], tmp_path / "targets.yaml"), progress)
    assert report.files == MIN_FILES
    assert "Membaca rencana desa" in screen.getvalue()
    assert f"{MIN_FILES}/{MIN_FILES}" in screen.getvalue()


def test_no_bar_for_a_few_files_or_when_switched_off() -> None:
    for enabled, total in ((True, MIN_FILES - 1), (False, 500)):
        console, screen = _terminal()
        with LoadProgress("en", enabled, console) as progress:
            for done in range(1, total + 1):
                progress(done, total)
        assert screen.getvalue() == "", (enabled, total)


def test_quiet_and_no_progress_change_nothing_else(in_tmp: Path) -> None:
    write_case(in_tmp, [""])
    plain = CliRunner().invoke(app, ["check"])
    for flag in ("--quiet", "--no-progress"):
        result = CliRunner().invoke(app, ["check", flag])
        assert result.exit_code == plain.exit_code == 0
        assert result.stdout == plain.stdout and result.stderr == ""
