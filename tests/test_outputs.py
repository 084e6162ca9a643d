"""What reaches the terminal and the JSON report from hostile plan text; inputs stay untouched."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from sinkron.report.safe import inert
from sinkron.report.text import render
from sinkron.rules.examples import BASE_PLAN, BASE_TARGETS, complete
from tests.cli_run import assert_clean_exit, check_json, sinkron
from tests.conftest import run_case
from tests.hostile_cases import CASES

# written with YAML escapes: ESC + an ANSI colour, rich markup, a bidi override, a newline
EVIL = r"\e[31mRED [bold]x[/bold] \u202e evil\nline2"
EVIL_ACTIVITY = f"""\
  - code: "2.2.02"
    name: "{EVIL}"
    supports: [stunting]
    budget: 45_000_000
    fund: DD
"""
EVIL_PLAN = complete(f"""\
village:
  code: "35.05.04.2014"
  name: "{EVIL}"
  district: Kademangan
  population: 4120
  counts: {{children_under_5: 310, live_births: 58}}
activities:
{EVIL_ACTIVITY}{EVIL_ACTIVITY}  - code: "9.9.01"
    name: Kegiatan lain
    budget: 1000
    fund: DD
    waive: {{SK105: "{EVIL}"}}
""", BASE_PLAN)
SHOWN = "\\u001b[31mRED [bold]x[/bold] \\u202e evil\\nline2"  # how it must be printed


def _evil_folder(root: Path) -> Path:
    (root / "plans").mkdir()
    (root / "targets.yaml").write_text(complete("", BASE_TARGETS), "utf-8")
    (root / "plans" / "evil.yaml").write_text(EVIL_PLAN, "utf-8")
    return root


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_plan_text_is_printed_inert(fmt: str, tmp_path: Path) -> None:
    run = sinkron(_evil_folder(tmp_path), "check", "plans", "--targets", "targets.yaml",
                  "--format", fmt)
    assert_clean_exit(run)
    out = run.stdout
    for raw in ("\x1b", "\u202e", "\nline2"):
        assert raw not in out, (raw, out)
    # the village name (SK107), the activity name (SK106) and, in text, the waiver reason
    assert out.count(SHOWN) >= (4 if fmt == "text" else 2), out
    assert "[bold]x[/bold]" in out  # rich markup shown as written, never applied


def test_colour_output_keeps_plan_text_inert(tmp_path: Path) -> None:
    report = run_case(_evil_folder(tmp_path))
    out = render(report, "en", color=True)
    assert "\x1b[" in out  # colour is on: rich's own styling codes are there
    assert "\x1b[31mRED" not in out and "\u202e" not in out and "\nline2" not in out
    assert SHOWN in out


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x9b", "\r", "\u061c",
                                  "\u200b", "\u200e", "\u202a", "\u202e", "\u2066", "\u2069",
                                  "\u2028", "\ufeff", "\ufffa", "\U000e0041"])
def test_inert_escapes_every_unsafe_character(char: str) -> None:
    shown = inert(f"a{char}b")
    assert char not in shown and shown.startswith("a\\") and shown.endswith("b")


def test_inert_leaves_ordinary_text_alone() -> None:
    text = "Desa Plosorejo – Kec. Kademangan (Rp 45.000.000, 4,13%) é 日本 😀 [bold]"
    assert inert(text) == text


NOT_A_NUMBER = complete("""\
indicators:
  - id: stunting
    baseline: {year: 2024, value: .nan, source: "NaN"}
    target: {year: 2025, value: "Infinity"}
  - id: rls
    baseline: {year: 2024, value: -.inf}
    target: {year: 2025, value: 1e400}
activities:
  - code: "2.2.02"
    name: Posyandu
    supports: [stunting]
    budget: .inf
    fund: DD
    output: {volume: "NaN", unit: bulan}
""", BASE_PLAN)


def test_json_never_holds_nan_or_infinity(tmp_path: Path) -> None:
    root = _evil_folder(tmp_path)
    (root / "plans" / "nan.yaml").write_text(NOT_A_NUMBER.replace("2014", "2015"), "utf-8")
    run = check_json(root)
    assert_clean_exit(run)

    def refuse(constant: str) -> None:
        raise AssertionError(f"JSON holds {constant}")

    report = json.loads(run.stdout, parse_constant=refuse)
    lines = {f["line"] for f in report["findings"] if f["file"] == "plans/nan.yaml"
             and f["code"] == "SK002"}
    assert {3, 4, 6, 7, 12, 14} <= lines  # each impossible number is its own finding


def _fingerprint(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_input_files_are_never_modified(tmp_path: Path) -> None:
    root = _evil_folder(tmp_path)
    for case in CASES[:12]:
        (root / "plans" / f"{case.name}.yaml").write_bytes(case.make())
    (root / "plans" / "notes.txt").write_text("not a plan", "utf-8")
    before = _fingerprint(root)
    for fmt in ("json", "text", "concise"):
        assert_clean_exit(sinkron(root, "check", "plans", "--targets", "targets.yaml",
                                  "--format", fmt))
    assert_clean_exit(sinkron(root, "validate", "plans/evil.yaml", "targets.yaml"))
    assert _fingerprint(root) == before  # same files, same bytes, nothing added


def test_hostile_file_name_is_inert_in_concise(tmp_path: Path) -> None:
    root = _evil_folder(tmp_path)
    (root / "plans" / "evil\x1b[2J.yaml").write_text("a: [\n", "utf-8")
    run = sinkron(root, "check", "plans", "--targets", "targets.yaml", "--format", "concise")
    assert_clean_exit(run)
    assert "\x1b" not in run.stdout


def test_hostile_file_name_is_inert_in_text(tmp_path: Path) -> None:
    root = _evil_folder(tmp_path)
    (root / "plans" / "evil\x1b[2J.yaml").write_text("a: [\n", "utf-8")
    run = sinkron(root, "check", "plans", "--targets", "targets.yaml", "--format", "text")
    assert_clean_exit(run)
    assert "\x1b" not in run.stdout and "plans/evil\\u001b[2J.yaml:2:1" in run.stdout


FORMULAS = ["=cmd|' /C calc'!A0", "@SUM(1)", "+1", "-1", '=HYPERLINK("http://x","y")',
            "-2+3", "=1+1"]


def _injection_plan() -> str:
    activities = "".join(f"""\
  - code: "2.2.02"
    name: {json.dumps(name)}
    supports: [stuntng]
    budget: 1000
    fund: DD
    waive: {{SK101: {json.dumps(name)}}}
""" for name in FORMULAS)
    return complete(f"""\
village:
  code: "35.05.04.2014"
  name: {json.dumps(FORMULAS[0])}
  district: "@SUM(1)\\a\\x1b[31m\\u202e\\uffff"
  population: 4120
  counts: {{children_under_5: 310, live_births: 58}}
activities:
{activities}""", BASE_PLAN)


def test_xlsx_report_holds_no_live_formula(tmp_path: Path) -> None:
    """Names a spreadsheet would run as formulas are text cells in the report workbook; the
    file a finding names may itself start with '=' (run from inside the plans folder)."""
    import io
    import zipfile

    import openpyxl

    (tmp_path / "plans").mkdir()
    (tmp_path / "targets.yaml").write_text(complete("", BASE_TARGETS), "utf-8")
    (tmp_path / "plans" / "=1+1.yaml").write_text(_injection_plan(), "utf-8")
    run = sinkron(tmp_path / "plans", "check", ".", "--targets", "../targets.yaml",
                  "--format", "concise", "-o", "../report.xlsx")
    assert_clean_exit(run, allowed=(0,))  # warnings and notes only
    raw = (tmp_path / "report.xlsx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert not re.search(rb"<f[ >]", z.read(name)), name
    book = openpyxl.load_workbook(io.BytesIO(raw))
    seen: set[str] = set()
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")):
                    assert cell.quotePrefix, (ws.title, cell.coordinate, cell.value)
                    seen.add(cell.value)
    # the village and file names, the waiver reasons, the district as written (controls, a
    # bidi override and U+FFFF, which no XML holds, replaced visibly by U+FFFD)
    district = "@SUM(1)\ufffd\ufffd[31m\ufffd\ufffd"
    assert {FORMULAS[0], "=1+1.yaml", "+1", "-1", district} <= seen, seen


def test_input_workbooks_are_never_modified(tmp_path: Path) -> None:
    from tests.xlsx_forge import package, zipped
    from tests.xlsx_hostile_cases import CASES as BOOKS
    from tests.xlsx_hostile_cases import village

    (tmp_path / "in").mkdir()
    root = _evil_folder(tmp_path / "in")
    (root / "plans" / "desa.xlsx").write_bytes(zipped(package(village("35.05.04.2001",
                                                                      "Panggungduwet"))))
    for case in BOOKS:
        if case.name in ("bad_cell_values", "bomb_sheet", "truncated", "lying_local_header",
                         "xxe_strings", "dimension_too_small"):
            (root / "plans" / f"{case.name}.xlsx").write_bytes(case.make(root))
    out = tmp_path / "out"
    out.mkdir()
    before = _fingerprint(root)
    for args in (("--format", "text", "-o", str(out / "r.xlsx")),
                 ("--format", "sarif", "-o", str(out / "r.json"))):
        assert_clean_exit(sinkron(root, "check", "plans", "--targets", "targets.yaml", *args))
    workbooks = sorted(p.relative_to(root).as_posix() for p in root.glob("plans/*.xlsx"))
    assert_clean_exit(sinkron(root, "validate", *workbooks, "--targets", "targets.yaml"))
    assert _fingerprint(root) == before  # same files, same bytes, nothing added
    assert (out / "r.xlsx").read_bytes()[:2] == b"PK"
