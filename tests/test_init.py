"""`sinkron init`: the starting point it writes works at once, in either language."""

from __future__ import annotations

import fnmatch
import os
import tomllib
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from sinkron.cli import app
from sinkron.commands.init import FILES, contents, render
from sinkron.pipeline import Options, check, exit_code
from sinkron.reference import register
from tests.cli_contract import check_parses, commands_in
from tests.conftest import ROOT

runner = CliRunner()


def _init(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["init", *args])
    return result.exit_code, result.stdout, result.stderr


def test_init_then_check_works_in_an_empty_folder(in_tmp: Path) -> None:
    code, out, _ = _init("regency", "--lang", "en")
    assert code == 0, out
    folder = in_tmp / "regency"
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()) == \
        sorted(FILES)
    os.chdir(folder)
    report = check(Options(["plans"], Path("targets.yaml")))
    shown = [(f.code, str(f.location), f.message.en) for f in report.findings]
    assert exit_code(report, "error") in (0, 1), shown
    assert not report.fatal
    assert (report.files, report.villages) == (2, 2)
    # the example is well-formed and refers to real things: nothing to read or resolve
    assert [s for s in shown if s[0][:3] in ("SK0", "SK1")
            and not any(f.waived for f in report.findings if f.code == s[0])] == []
    # its one waiver is used, so the report shows it as waived with its reason
    waived = [(f.code, f.activity) for f in report.findings if f.waived]
    assert waived == [("SK105", "4.2.06")]
    result = runner.invoke(app, ["check", "--lang", "en"])
    assert result.exit_code in (0, 1), result.stdout + result.stderr
    assert "2 files, 2 villages" in result.stdout


def test_example_villages_are_real_blitar_villages() -> None:
    blitar = register("35.05")
    for name, text in contents("en").items():
        if name.startswith("plans/"):
            village = yaml.safe_load(text)["village"]
            region = blitar[village["code"]]
            assert region.level == "village" and region.name == village["name"]
            assert blitar[village["code"][:8]].name == village["district"]


def test_refuses_to_overwrite_without_force(in_tmp: Path) -> None:
    (in_tmp / "targets.yaml").write_text("mine\n", "utf-8")
    (in_tmp / "plans").mkdir()
    (in_tmp / "plans" / "serang.yaml").write_text("mine\n", "utf-8")
    code, _, err = _init(".")
    assert code == 2
    assert err.count("\n") == 1 and "targets.yaml" in err and "plans/serang.yaml" in err
    assert "--force" in err
    assert (in_tmp / "targets.yaml").read_text("utf-8") == "mine\n"
    assert not (in_tmp / "plans" / "plosorejo.yaml").exists()  # nothing half-written
    code, _, _ = _init(".", "--force", "--lang", "en")
    assert code == 0
    assert (in_tmp / "targets.yaml").read_text("utf-8").startswith("# Targets of")


def test_refusal_speaks_indonesian(in_tmp: Path) -> None:
    (in_tmp / "targets.yaml").write_text("mine\n", "utf-8")
    code, _, err = _init(".", "--lang", "id")
    assert code == 2 and "tidak ditimpa" in err


def test_a_file_is_not_a_folder(in_tmp: Path) -> None:
    (in_tmp / "taken").write_text("x", "utf-8")
    code, _, err = _init("taken")
    assert code == 2 and "taken" in err


@pytest.mark.parametrize("lang", ["en", "id"])
def test_comments_follow_the_language_and_data_does_not(lang: str) -> None:
    files = contents(lang)  # type: ignore[arg-type]
    other = contents("id" if lang == "en" else "en")
    for name, text in files.items():
        assert "#[" not in text and "@@" not in text, name
        if name.endswith((".yaml", ".yml")) and not name.startswith("."):
            assert yaml.safe_load(text) == yaml.safe_load(other[name]), name
    template = "#[en] Stunting: lower is better.\n#[id] Stunting: makin rendah makin baik.\n"
    kept = render(template, lang, {})  # type: ignore[arg-type]
    assert kept == ("# Stunting: lower is better.\n" if lang == "en"
                    else "# Stunting: makin rendah makin baik.\n")


def _workflow() -> dict[str, object]:
    # BaseLoader: YAML 1.1 would read the key `on` as True
    data: dict[str, object] = yaml.load(contents("en")[".github/workflows/sinkron.yml"],
                                        Loader=yaml.BaseLoader)
    return data


def test_workflow_checks_every_push_and_pull_request_and_uploads_sarif() -> None:
    flow = _workflow()
    assert set(flow["on"]) == {"push", "pull_request"}  # type: ignore[call-overload]
    assert flow["permissions"] == {"contents": "read", "security-events": "write"}
    (job,) = flow["jobs"].values()  # type: ignore[attr-defined]
    steps = job["steps"]
    uses = [s.get("uses", "").split("@")[0] for s in steps]
    assert uses[:2] == ["actions/checkout", "actions/setup-python"]
    runs = [s["run"] for s in steps if "run" in s]
    assert any(r.startswith("python -m pip install") and '"sinkron==' in r for r in runs)
    (check_run,) = [r for r in runs if r.startswith("sinkron check")]
    words = check_run.split()
    assert words[words.index("--format") + 1] == "github"  # annotations + step summary
    sarif = words[words.index("-o") + 1]
    (upload,) = [s for s in steps if s.get("uses", "").startswith(
        "github/codeql-action/upload-sarif@")]
    assert upload["with"]["sarif_file"] == sarif
    # the upload runs after a failed check (exit 1) but not when no report was written
    assert "always()" in upload["if"] and f"hashFiles('{sarif}')" in upload["if"]
    assert job["env"]["SINKRON_LANG"] == "en"


def test_pre_commit_config_uses_the_sinkron_hook() -> None:
    config = yaml.safe_load(contents("id", hook_repo="/srv/mirror/sinkron")[
        ".pre-commit-config.yaml"])
    (repo,) = config["repos"]
    assert repo["repo"] == "/srv/mirror/sinkron" and repo["rev"].startswith("v1.")
    (hook,) = repo["hooks"]
    assert hook == {"id": "sinkron", "args": ["plans/", "--lang", "id"]}
    check_parses("sinkron check " + " ".join(hook["args"]))


def test_every_command_in_the_written_files_parses() -> None:
    found = [c for text in contents("en").values() for c in commands_in(text)]
    assert "sinkron check plans/ --format github -o sinkron.sarif" in found
    assert "sinkron schema targets" in found
    for command in found:
        check_parses(command)


def test_templates_are_packaged() -> None:
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"][
        "package-data"]["sinkron"]
    package = ROOT / "src" / "sinkron"
    data = [p.relative_to(package).as_posix() for p in (package / "data").rglob("*")
            if p.is_file()]
    assert "data/init/plans/serang.yaml" in data
    # setuptools' `*` stays inside one folder, as fnmatch with a slash check does
    unpacked = [f for f in data if not any(fnmatch.fnmatch(f, g) and f.count("/") == g.count("/")
                                           for g in globs)]
    assert unpacked == [], "add these to [tool.setuptools.package-data] in pyproject.toml"
