"""The pre-commit hook (.pre-commit-hooks.yaml), as declared and as pre-commit runs it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from sinkron import __version__
from sinkron.cli import app
from tests.cli_contract import check_parses
from tests.conftest import ROOT

HOOKS = ROOT / ".pre-commit-hooks.yaml"


def _hook() -> dict[str, object]:
    (hook,) = yaml.safe_load(HOOKS.read_text("utf-8"))
    assert isinstance(hook, dict)
    return hook


def test_hook_declaration_is_as_cli_md_says() -> None:
    hook = _hook()
    assert hook["id"] == "sinkron"
    assert hook["entry"] == "sinkron check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False  # SK103 and SK303 need every plan
    assert hook["args"] == ["plans/"]
    check_parses(f"{hook['entry']} {' '.join(hook['args'])}")  # type: ignore[arg-type]


@pytest.mark.parametrize(("name", "triggers"), [
    ("plans/plosorejo.yaml", True), ("targets.yml", True), ("plans/kecamatan.xlsx", True),
    ("notes.txt", False), ("plans/plosorejo.yaml.bak", False), ("plans/old.xls", False)])
def test_hook_is_triggered_by_yaml_and_workbooks(name: str, triggers: bool) -> None:
    assert bool(re.search(str(_hook()["files"]), name)) is triggers


def _pre_commit() -> str | None:
    beside = Path(sys.executable).parent / "pre-commit"
    return str(beside) if beside.exists() else shutil.which("pre-commit")


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=sinkron test", "-c", "user.email=test@example.org",
                    "-c", "commit.gpgsign=false", *args], cwd=folder, check=True,
                   capture_output=True)


def _hook_repository(folder: Path) -> Path:
    """This project as a git repository tagged v<version>, as users' pre-commit clones it."""
    folder.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy(ROOT / name, folder / name)
    shutil.copytree(ROOT / "src", folder / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    _git(folder, "init", "-q")
    _git(folder, "add", ".")
    _git(folder, "commit", "-qm", "sinkron")
    _git(folder, "tag", f"v{__version__}")
    return folder


def _run(pre_commit: str, project: Path, home: Path, *args: str) -> tuple[int, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SINKRON_", "PRE_COMMIT"))}
    env |= {"PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    done = subprocess.run([pre_commit, "run", *args], cwd=project, env=env, text=True,
                          capture_output=True, timeout=600)
    return done.returncode, done.stdout + done.stderr


def test_pre_commit_runs_the_hook_on_an_init_folder(tmp_path: Path) -> None:
    """End to end: `sinkron init`'s config, this repository's hook, pre-commit's own install.

    pre-commit builds a virtualenv and pip-installs the hook repository into it (about 25 s
    here with a warm pip cache); that needs the package index for sinkron's dependencies.
    """
    pre_commit = _pre_commit()
    if pre_commit is None:
        pytest.skip("pre-commit is not installed (pip install pre-commit)")
    hooks = _hook_repository(tmp_path / "hook")
    project = tmp_path / "regency"
    result = CliRunner().invoke(app, ["init", str(project), "--hook-repo", str(hooks)])
    assert result.exit_code == 0, result.stdout
    _git(project, "init", "-q")
    _git(project, "add", ".")
    _git(project, "commit", "-qm", "plans")

    started = time.monotonic()
    code, out = _run(pre_commit, project, tmp_path / "home", "--all-files")
    seconds = time.monotonic() - started
    if code not in (0, 1) or ("- hook id: sinkron" not in out and "Passed" not in out):
        if "Installing environment" in out and "sinkron (village plans" not in out:
            pytest.skip(f"pre-commit could not install the hook environment (no network?): "
                        f"{out.strip().splitlines()[-1]}")
        pytest.fail(f"pre-commit exit {code}:\n{out}")
    assert code == 0, out  # the example of `sinkron init` passes its own hook
    assert re.search(r"sinkron \(village plans vs regency targets\)\.+Passed", out), out
    print(f"pre-commit install and first run: {seconds:.1f} s")

    plan = project / "plans" / "serang.yaml"
    plan.write_text(plan.read_text("utf-8").replace("  population: 5230",
                                                    "  populasi: 5230"), "utf-8")
    _git(project, "add", ".")
    code, out = _run(pre_commit, project, tmp_path / "home", "--all-files")
    assert code == 1 and "Failed" in out and "SK002" in out, out
    assert "unknown key 'populasi'" in out, out  # the config's args give --lang en

    (project / "notes.txt").write_text("notulen musrenbangdes\n", "utf-8")
    _git(project, "add", "notes.txt")
    code, out = _run(pre_commit, project, tmp_path / "home", "--files", "notes.txt")
    assert code == 0 and "Skipped" in out, out  # not a plan: the hook does not run
