"""The command line: exit codes 0/1/2, selection, and the pipeline's guarantees."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sinkron import __version__
from sinkron.cli import app
from sinkron.rules.registry import REGISTRY
from tests.conftest import write_case

runner = CliRunner()

DUP = ("activities:\n" + "  - code: \"2.2.02\"\n    name: Posyandu\n    supports: [stunting]\n"
       "    budget: 45_000_000\n    fund: DD\n") + ("  - code: \"2.2.02\"\n    name: Posyandu\n"
                                                   "    supports: [stunting]\n"
                                                   "    budget: 45_000_000\n    fund: DD\n")


def run(folder: Path, *args: str) -> tuple[int, str, str]:
    import os

    old = Path.cwd()
    os.chdir(folder)
    try:
        result = runner.invoke(app, list(args))
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def findings(stdout: str) -> list[tuple[str, str, int | None]]:
    return [(f["code"], f["file"], f["line"]) for f in json.loads(stdout)["findings"]]


def test_version() -> None:
    code, out, _ = run(Path.cwd(), "--version")
    assert (code, out.strip()) == (0, f"sinkron {__version__}")


def test_clean_plan_exits_0(tmp_path: Path) -> None:
    write_case(tmp_path, ("",))
    code, out, _ = run(tmp_path, "check", "plans/", "--format", "json")
    assert code == 0 and findings(out) == []


def test_fail_on_levels(tmp_path: Path) -> None:
    write_case(tmp_path, (DUP,))  # SK106 is a warning
    assert run(tmp_path, "check", "--format", "json")[0] == 0
    assert run(tmp_path, "check", "--fail-on", "warning", "--format", "json")[0] == 1
    assert run(tmp_path, "check", "--fail-on", "info", "--format", "json")[0] == 1
    assert run(tmp_path, "check", "--fail-on", "never", "--format", "json")[0] == 0
    assert run(tmp_path, "check", "--fail-on", "sometimes")[0] == 2


def test_broken_plan_is_a_finding_and_the_others_are_still_checked(tmp_path: Path) -> None:
    write_case(tmp_path, ("village: [\n", DUP))
    code, out, _ = run(tmp_path, "check", "--format", "json")
    assert code == 1
    # SK001 where parsing stopped: the unclosed list runs into the next key
    assert findings(out) == [("SK001", "plans/plan.yaml", 3), ("SK106", "plans/plan2.yaml", 7)]


def test_select_and_ignore_by_code_name_and_prefix(tmp_path: Path) -> None:
    write_case(tmp_path, ("village: [\n", DUP))
    for args in (["--ignore", "SK106"], ["--ignore", "duplicate-activity"], ["--ignore", "SK10"],
                 ["--select", "SK0"]):
        code, out, _ = run(tmp_path, "check", "--format", "json", *args)
        # SK001 is always reported: a plan that cannot be read is never silently skipped
        assert findings(out) == [("SK001", "plans/plan.yaml", 3)], args
    code, _, err = run(tmp_path, "check", "--select", "SK999")
    assert code == 2 and "unknown rule code or name: SK999" in err


def test_policy_severity_and_ignore(tmp_path: Path) -> None:
    policy = "policy:\n  severity: {SK106: error}\n"
    write_case(tmp_path, (DUP,), targets=policy)
    code, out, _ = run(tmp_path, "check", "--format", "json")
    assert code == 1 and json.loads(out)["findings"][0]["severity"] == "error"
    write_case(tmp_path, (DUP,), targets="policy:\n  ignore: [duplicate-activity]\n")
    code, out, _ = run(tmp_path, "check", "--format", "json")
    assert code == 0 and findings(out) == []


def test_waived_findings_are_reported_but_do_not_fail(tmp_path: Path) -> None:
    waived = DUP + "    waive: {SK106: \"dua kegiatan Posyandu, disepakati Musrenbangdes\"}\n"
    write_case(tmp_path, (waived,))
    code, out, _ = run(tmp_path, "check", "--fail-on", "info", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert [(f["code"], f["waived"]) for f in data["findings"]] == [("SK106", True)]
    assert data["summary"]["waived"] == 1 and data["summary"]["counts"]["warning"] == 0


def test_targets_problems_exit_2_and_are_printed(tmp_path: Path) -> None:
    write_case(tmp_path, ("",), targets="period: {start: 2025, ende: 2045}\n")
    code, out, _ = run(tmp_path, "check", "--format", "json")
    assert code == 2
    assert {f["code"] for f in json.loads(out)["findings"]} == {"SK002"}
    assert all(f["file"] == "targets.yaml" for f in json.loads(out)["findings"])


@pytest.mark.parametrize("setup, message", [
    ("no-targets", "no targets file"),
    ("no-plans", "no plan files"),
    ("missing-path", "no such file or folder"),
])
def test_fatal_problems_are_one_line_on_stderr(tmp_path: Path, setup: str, message: str) -> None:
    write_case(tmp_path, ("",))
    args = ["check"]
    if setup == "no-targets":
        (tmp_path / "targets.yaml").unlink()
    elif setup == "no-plans":
        (tmp_path / "plans" / "plan.yaml").unlink()
    else:
        args.append("nowhere/")
    code, _, err = run(tmp_path, *args)
    assert code == 2 and message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_a_crashing_rule_is_sk000_and_exit_2(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(plan: object, ctx: object) -> list[object]:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(REGISTRY["SK105"], "plan_check", boom)
    write_case(tmp_path, (DUP,))
    code, out, _ = run(tmp_path, "check", "--format", "json")
    got = json.loads(out)["findings"]
    assert code == 2
    assert [f["code"] for f in got] == ["SK106", "SK000"]  # the run went on
    assert "SK105 unknown-activity-code failed on 35.05.04.2014" in got[1]["message"]


def test_other_files_are_skipped_with_a_word(tmp_path: Path) -> None:
    write_case(tmp_path, ("",), files=(("notes.txt", "x"), ("old.xls", "x"), (".hidden", "x")))
    code, out, _ = run(tmp_path, "check", "--format", "json")
    assert code == 1
    assert findings(out) == [("SK004", "plans/notes.txt", None), ("SK001", "plans/old.xls", None)]


def test_concise_and_text_formats(tmp_path: Path) -> None:
    write_case(tmp_path, (DUP,))
    _, out, _ = run(tmp_path, "check", "--format", "concise")
    assert out.startswith("plans/plan.yaml:7:5: SK106 [warning] activity 2.2.02 'Posyandu'")
    _, out, _ = run(tmp_path, "check", "--lang", "id")
    assert "Plosorejo · 35.05.04.2014 · Kademangan" in out
    assert "tercantum dua kali" in out and "1 peringatan" in out


def test_validate(tmp_path: Path) -> None:
    typo = DUP.replace("name: Posyandu\n    supports", "nmae: Posyandu\n    supports", 1)
    write_case(tmp_path, (typo,))
    code, out, _ = run(tmp_path, "validate", "plans/plan.yaml", "targets.yaml", "--format", "json")
    assert code == 1
    got = json.loads(out)["findings"]
    assert {(f["code"], f["line"]) for f in got} == {("SK002", 2), ("SK002", 3)}
    (tmp_path / "other.yaml").write_text("name: x\n")
    code, out, _ = run(tmp_path, "validate", "other.yaml", "--format", "concise")
    assert code == 1 and "cannot tell whether this is a plan or targets" in out


def test_validate_with_targets_checks_indicator_ids(tmp_path: Path) -> None:
    write_case(tmp_path, (DUP.replace("[stunting]", "[stuntng]", 1),))
    code, out, _ = run(tmp_path, "validate", "plans/plan.yaml", "--targets", "targets.yaml",
                       "--format", "json")
    assert code == 1 and [f["code"] for f in json.loads(out)["findings"]] == ["SK101"]


def test_a_targets_file_among_the_plans_is_one_clear_finding(tmp_path: Path) -> None:
    write_case(tmp_path, ("",))
    (tmp_path / "plans" / "targets-2024.yaml").write_text(
        (tmp_path / "targets.yaml").read_text("utf-8"), "utf-8")
    code, out, _ = run(tmp_path, "check", "--format", "json")
    got = json.loads(out)["findings"]
    assert code == 1 and [(f["code"], f["file"], f["line"]) for f in got] == [
        ("SK002", "plans/targets-2024.yaml", 1)]
    assert "this is a targets file" in got[0]["message"]
