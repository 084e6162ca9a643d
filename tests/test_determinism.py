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
from tests.xlsx_forge import package, zipped
from tests.xlsx_hostile_cases import CASES as BOOKS
from tests.xlsx_hostile_cases import village

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
    # and workbooks: a clean one of another village, one with broken cells, a broken zip
    (root / "plans" / "sub" / "desa.xlsx").write_bytes(zipped(package(village(
        "35.05.04.2003", "Pakisaji"))))
    for case in BOOKS:
        if case.name in ("bad_cell_values", "lying_local_header", "csv_renamed"):
            (root / "plans" / f"{case.name}.xlsx").write_bytes(case.make(root))
    return root


def _run(folder: Path, fmt: str, seed: str, paths: list[str]) -> Run:
    run = sinkron(folder, "check", *paths, "--targets", "targets.yaml", "--format", fmt,
                  environ=env(PYTHONHASHSEED=seed))
    assert_clean_exit(run, allowed=(1,))
    return run


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in (folder / "plans").rglob("*")
                  if p.is_file())


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


@pytest.mark.parametrize(("fmt", "report"), [("sarif", "r.xml"), ("gitlab", "r.xlsx")])
def test_ci_formats_and_report_files_are_byte_identical(fmt: str, report: str,
                                                         folder: Path) -> None:
    """SARIF and GitLab on stdout, JUnit and the workbook as -o files, twice: another hash
    seed and the files named in reverse order give the same bytes (the workbook is dated by
    its inputs, not by the time of writing)."""
    out = folder.parent / f"out-{fmt}"
    out.mkdir(exist_ok=True)
    first = sinkron(folder, "check", "plans", "--targets", "targets.yaml", "--format", fmt,
                    "-o", str(out / f"1-{report}"), environ=env(PYTHONHASHSEED="0"))
    again = sinkron(folder, "check", *reversed(_files(folder)), "--targets", "targets.yaml",
                    "--format", fmt, "-o", str(out / f"2-{report}"),
                    environ=env(PYTHONHASHSEED="4242"))
    for run in (first, again):
        assert_clean_exit(run, allowed=(1,))
    assert first.stdout == again.stdout and "SK103" in first.stdout
    one, two = (out / f"1-{report}").read_bytes(), (out / f"2-{report}").read_bytes()
    assert one == two and len(one) > 1000
    if report.endswith(".xlsx"):  # dated by the newest input file, not by the clock
        import datetime as dt
        import io

        import openpyxl

        newest = max(int((folder / p).stat().st_mtime) for p in ["targets.yaml", *_files(folder)])
        props = openpyxl.load_workbook(io.BytesIO(one)).properties
        assert props.created == props.modified == \
            dt.datetime.fromtimestamp(newest, dt.UTC).replace(tzinfo=None)


def test_report_date_is_source_date_epoch_when_set(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Reproducible builds: a CI checkout gives every file a new time, SOURCE_DATE_EPOCH wins."""
    import datetime as dt
    import os

    from sinkron.report.xlsx import report_stamp

    inputs = [tmp_path / "a.yaml", tmp_path / "b.xlsx"]
    for n, path in enumerate(inputs):
        path.write_text("x", "utf-8")
        os.utime(path, (1_700_000_000 + n, 1_700_000_000 + n))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert report_stamp([*inputs, tmp_path / "gone.yaml"]) == dt.datetime(2023, 11, 14, 22, 13, 21)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")
    assert report_stamp(inputs) == dt.datetime(2025, 1, 1)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")  # not a number: the inputs' time
    assert report_stamp(inputs) == dt.datetime(2023, 11, 14, 22, 13, 21)
