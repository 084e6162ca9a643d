"""The same inputs give byte-identical reports: across runs, hash seeds and argument order.

cli.md: findings are sorted by file, position, code, then village, indicator, activity and
year; folders are walked in sorted order. So the order in which files are named on the
command line must not change the report either.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sinkron.rules.examples import BASE_PLAN, BASE_TARGETS, complete
from tests.cli_run import Run, assert_clean_exit, env, sinkron
from tests.hostile_cases import CASES, PLAN

OTHER_VILLAGE = PLAN.replace("2014", "2015")  # Darungan in the register: an SK107
MESSY = complete("""\
activities:
  - code: "2.2.02"
    name: Posyandu
    supports: [stunting, stuntng]
    budget: "Rp 45.000.000"
    fund: DD
  - code: "2.2.02"
    name: Posyandu
    supports: [stunting]
    budget: 45_000_000
    fund: DD
  - code: "9.9.01"
    name: Lain-lain
    budget: -1
    fund: ADD
""", BASE_PLAN).replace("2014", "2016")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("determinism")
    (root / "plans" / "sub").mkdir(parents=True)
    (root / "targets.yaml").write_text(complete("", BASE_TARGETS), "utf-8")
    files = {"a.yaml": PLAN, "b_same_village.yaml": PLAN, "c.yaml": OTHER_VILLAGE,
             "sub/messy.yaml": MESSY}
    for name, text in files.items():
        (root / "plans" / name).write_text(text, "utf-8")
    for case in CASES[:8]:  # a few broken files: their findings must sort the same way
        (root / "plans" / f"{case.name}.yaml").write_bytes(case.make())
    return root


def _run(folder: Path, fmt: str, seed: str, paths: list[str]) -> Run:
    run = sinkron(folder, "check", *paths, "--targets", "targets.yaml", "--format", fmt,
                  environ=env(PYTHONHASHSEED=seed))
    assert_clean_exit(run, allowed=(1,))
    return run


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in (folder / "plans").rglob("*.yaml"))


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_same_bytes_across_seeds_and_argument_order(fmt: str, folder: Path) -> None:
    first = _run(folder, fmt, "0", ["plans"])
    again = _run(folder, fmt, "4242", ["plans"])
    reversed_files = _run(folder, fmt, "17", list(reversed(_files(folder))))
    assert first.stdout == again.stdout
    assert first.stdout == reversed_files.stdout
    # the report is not trivially empty: duplicates, a misnamed village, schema errors
    for code in ("SK002", "SK103", "SK106", "SK107"):
        assert code in first.stdout
