"""Hostile and broken workbooks through the real CLI: never a traceback, never a hang, nothing
lost, nothing read from outside the workbook.

Every case runs in a subprocess (`python -m sinkron check ... --format json`) limited to
3 GiB of memory and 5 s of CPU (tests/cli_run.py). The cheap cases share one run, one file
each in plans/; the floods, which spend most of a workbook's reading budget, run alone
(the costliest, 500,000 numbers in cells, takes 3-3.5 s of CPU on the 2-core development
machine, start-up included).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from sinkron.rules.examples import BASE_PLAN, BASE_TARGETS, complete
from tests.cli_run import Run, assert_clean_exit, check_json, env, sinkron
from tests.xlsx_forge import package, zipped
from tests.xlsx_hostile_cases import CASES, SECRET, Case

HEAVY = ("strings_flood", "element_flood", "row_flood", "cell_flood", "same_part_four_times")
CHEAP = tuple(c for c in CASES if c.name not in HEAVY)
TARGETS = complete("", BASE_TARGETS)


def _folder(root: Path, cases: tuple[Case, ...]) -> Path:
    (root / "plans").mkdir(parents=True, exist_ok=True)
    (root / "targets.yaml").write_text(TARGETS, "utf-8")
    for case in cases:
        (root / "plans" / f"{case.name}.xlsx").write_bytes(case.make(root))
    return root


def _findings(run: Run, file: str) -> list[dict[str, Any]]:
    return [f for f in run.json()["findings"] if f["file"] == file]


def _located(f: dict[str, Any]) -> str | None:
    return f"{f['sheet']}!{f['cell']}" if f["sheet"] is not None else None


@pytest.fixture(scope="module")
def together(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Run]:
    """All cheap cases, a named pipe and a link to /dev/zero in one plans folder, one run."""
    root = _folder(tmp_path_factory.mktemp("hostile_xlsx"), CHEAP)
    os.mkfifo(root / "plans" / "pipe.xlsx")  # opening it for reading would block forever
    (root / "plans" / "zero.xlsx").symlink_to("/dev/zero")  # reading it would fill memory
    return root, check_json(root)


def test_hostile_workbooks_end_cleanly(together: tuple[Path, Run]) -> None:
    _, run = together
    assert_clean_exit(run, allowed=(1,))
    report = run.json()
    assert report["summary"]["files"] == len(CHEAP) + 2
    assert not [f for f in report["findings"] if f["code"] == "SK000"]
    for f in report["findings"]:
        if f["file"].endswith(".xlsx"):  # a workbook finding never carries a line number
            assert f["line"] is None and (f["sheet"] is None) == (f["cell"] is None), f
    # every row of the workbooks that can be read is counted (a stored dimension that is too
    # small drops nothing); the broken budgets leave their activities out, each reported
    assert report["summary"]["activities"] == sum(c.activities for c in CHEAP)
    print(f"\n{len(CHEAP)} hostile workbooks: {run.cpu:.2f}s CPU, {run.wall:.2f}s wall")


@pytest.mark.parametrize("case", CHEAP, ids=lambda c: c.name)
def test_hostile_workbook_gives_located_finding(case: Case, together: tuple[Path, Run]) -> None:
    _, run = together
    found = _findings(run, f"plans/{case.name}.xlsx")
    reading = [f for f in found if f["code"][:3] in ("SK0", "SK1")]
    if not case.expect:
        assert reading == [], reading[:5]
        return
    for code, where, says in case.expect:
        matching = [f for f in found if f["code"] == code and _located(f) == where
                    and says in f["message"]]
        assert matching, (code, where, says,
                          [(f["code"], _located(f), f["message"][:120]) for f in found[:8]])
        assert matching[0]["severity"] == "error"  # alone, the workbook would exit 1
    # nothing beyond what the case expects from the reader, and nothing twice
    assert len(reading) == len(case.expect), [(f["code"], _located(f)) for f in reading]


def test_pipes_and_devices_are_not_opened(together: tuple[Path, Run]) -> None:
    _, run = together
    for name in ("pipe", "zero"):
        found = _findings(run, f"plans/{name}.xlsx")
        assert [(f["code"], _located(f)) for f in found] == [("SK001", None)], found
        assert "not an ordinary file" in found[0]["message"]


def test_no_external_entity_is_ever_read(together: tuple[Path, Run]) -> None:
    root, run = together
    text = sinkron(root, "check", "plans", "--targets", "targets.yaml", "--format", "text")
    assert_clean_exit(text, allowed=(1,))
    passwd = Path("/etc/passwd").read_text("utf-8", "replace").splitlines()[:1]
    for out in (run.stdout, run.stderr, text.stdout, text.stderr):
        assert SECRET not in out
        assert not any(line and line in out for line in passwd)
    assert (root / "secret.txt").read_text("utf-8").startswith(SECRET)  # it was there to read


@pytest.mark.parametrize("name", HEAVY)
def test_flood_ends_within_the_budget(name: str, tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == name)
    run = check_json(_folder(tmp_path, (case,)))
    assert_clean_exit(run, allowed=(1,))
    found = _findings(run, f"plans/{name}.xlsx")
    assert len(found) == len(case.expect), [(f["code"], _located(f)) for f in found]
    for code, where, says in case.expect:  # where None: the cell reached depends on the flood
        assert any(f["code"] == code and says in f["message"]
                   and (where is None or _located(f) == where) for f in found), found
    print(f"\n{name}: {run.cpu:.2f}s CPU, {run.wall:.2f}s wall")


@pytest.mark.parametrize("name", ["bomb_workbook", "truncated", "csv_renamed", "xxe_strings"])
def test_hostile_targets_workbook_exit_2(name: str, tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == name)
    root = tmp_path
    (root / "plans").mkdir()
    (root / "plans" / "plan.yaml").write_text(complete("", BASE_PLAN), "utf-8")
    (root / "targets.xlsx").write_bytes(case.make(root))
    run = check_json(root, targets="targets.xlsx")
    assert_clean_exit(run, allowed=(2,))
    found = _findings(run, "targets.xlsx")  # the report is still printed, naming the cause
    assert [f["code"] for f in found] == ["SK001"], found
    assert case.expect[0][2] in found[0]["message"] and SECRET not in run.stdout


def test_validate_command_on_the_hostile_workbooks(together: tuple[Path, Run]) -> None:
    root, _ = together
    files = [f"plans/{c.name}.xlsx" for c in CHEAP] + ["plans/pipe.xlsx", "plans/zero.xlsx"]
    run = sinkron(root, "validate", *files, "--format", "json")
    assert_clean_exit(run, allowed=(1,))
    found = {f["file"] for f in run.json()["findings"] if f["code"] in ("SK001", "SK002")}
    assert found == {f for f in files if not f.startswith(("plans/dimension", "plans/rich"))}
    odd = [f["message"] for f in run.json()["findings"] if f["file"] in files[-2:]]
    assert len(odd) == 2 and all("not an ordinary file" in m for m in odd), odd


def test_debug_off_still_no_traceback(tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == "bad_cell_values")
    root = _folder(tmp_path, (case,))
    (root / "plans" / "ok.xlsx").write_bytes(zipped(package()))
    run = sinkron(root, "check", "plans", "--targets", "targets.yaml", "--format", "concise",
                  environ=env(debug=False))
    assert_clean_exit(run, allowed=(1,))
    assert "plans/bad_cell_values.xlsx[kegiatan!D3]: SK002" in run.stdout
