"""The CLI with workbooks: check shows file[sheet!cell]; validate tells plans from targets."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from sinkron.cli import app
from tests.conftest import write_case
from tests.xlsx_util import base_sheets, sheets_workbook

runner = CliRunner()


@pytest.fixture
def case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SINKRON_LANG", raising=False)
    write_case(tmp_path, ())
    sheets = base_sheets()
    sheets["kegiatan"].append(["2.2.03", "Penyuluhan", "stunting", "Rp 5.000.000,5", "DD"])
    sheets_workbook(tmp_path / "plans" / "desa.xlsx", sheets)
    return tmp_path


def test_check_text_shows_sheet_and_cell(case: Path) -> None:
    done = runner.invoke(app, ["check", "plans"])
    assert done.exit_code == 1
    assert "plans/desa.xlsx[kegiatan!D3]  SK002 error      'Rp 5.000.000,5' has a fraction" in (
        done.output)


def test_check_concise_and_json(case: Path) -> None:
    import json

    done = runner.invoke(app, ["check", "plans", "--format", "concise"])
    assert "plans/desa.xlsx[kegiatan!D3]: SK002 [error]" in done.output
    data = json.loads(runner.invoke(app, ["check", "plans", "--format", "json"]).output)
    f = data["findings"][0]
    assert (f["file"], f["sheet"], f["cell"], f["line"]) == ("plans/desa.xlsx", "kegiatan",
                                                              "D3", None)


def test_validate_tells_a_targets_workbook_from_a_plan(case: Path) -> None:
    runner.invoke(app, ["template", "--kind", "targets", "-o", "t.xlsx"])
    done = runner.invoke(app, ["validate", "t.xlsx", "plans/desa.xlsx", "--format", "concise"])
    assert done.exit_code == 1
    assert [line.split(":")[0] for line in done.output.splitlines()] == [
        "plans/desa.xlsx[kegiatan!D3]"]  # the targets workbook is clean
    wb = load_workbook("t.xlsx")
    wb["pengaturan"]["B5"] = "dua ribu"
    wb.save("t.xlsx")
    done = runner.invoke(app, ["validate", "t.xlsx", "--format", "concise"])
    assert done.exit_code == 1 and "t.xlsx[pengaturan!B5]: SK002" in done.output


def test_validate_a_workbook_of_neither_kind(case: Path) -> None:
    sheets_workbook(case / "other.xlsx", {"Rekap": [["a", "b"], [1, 2]]})
    done = runner.invoke(app, ["validate", "other.xlsx"])
    assert done.exit_code == 1 and "cannot tell whether this is a plan or targets" in done.output


def test_template_formats_and_dropdowns(case: Path) -> None:
    done = runner.invoke(app, ["template", "-o", "t.xlsx"])
    assert done.exit_code == 0 and "wrote t.xlsx: plans template for Kabupaten Blitar" in (
        done.output)
    wb = load_workbook("t.xlsx")
    act = wb["kegiatan"]
    headers = {c.value: c.column_letter for c in act[3]}
    assert act.column_dimensions[headers["pagu (budget)"]].number_format == "#,##0"
    assert act.column_dimensions[headers["kode_kegiatan (code)"]].number_format == "@"
    assert wb["indikator"].column_dimensions["D"].number_format == "0.00##"  # nilai_baseline
    covered = {str(r).split(":")[0] for dv in act.data_validations.dataValidation
               for r in dv.sqref.ranges}
    assert {headers[h] + "4" for h in ("kode_kegiatan (code)", "mendukung (supports)",
                                       "sumber_dana (fund)", "pagu (budget)")} <= covered
    assert next(c.value for c in wb["petunjuk"]["A"] if c.value).startswith(
        "Templat RKP Desa / village plan template - Kabupaten Blitar (35.05)")
