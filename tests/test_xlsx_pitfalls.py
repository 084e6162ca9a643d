"""Workbook pitfalls: wrong dimensions, formulas, merged cells, hidden sheets, dates, errors."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from sinkron.report.text import render
from tests.conftest import ROOT, run_case, write_case
from tests.test_xlsx_read import found, run_book
from tests.xlsx_util import (
    VILLAGE_ROW,
    base_sheets,
    patch_member,
    reading_codes,
    sheet_member,
    sheets_workbook,
)


def test_wrong_stored_dimension_loses_nothing(tmp_path: Path) -> None:
    write_case(tmp_path, ())
    sheets = base_sheets()
    sheets["kegiatan"] += [["2.2.01", f"Polindes {n}", "stunting", 1_000_000, "DD", None, "x"]
                           for n in range(5)]
    sheets["kegiatan"][0] += ["volume", "satuan"]
    book = sheets_workbook(tmp_path / "plans" / "desa.xlsx", sheets)
    patch_member(book, sheet_member(book, "kegiatan"), lambda xml: re.sub(
        r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:B2"/>', xml))
    # what openpyxl's read-only rows give for this sheet: the declared 2 rows x 2 columns
    ws = load_workbook(book, read_only=True)["kegiatan"]
    assert len(list(ws.iter_rows(values_only=True))) == 2
    report = run_case(tmp_path, select=reading_codes())
    assert report.activities == 6
    assert found(report) == []  # output_unit 'x' without volume is fine; nothing is cut off


def test_formula_without_cached_value(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["kegiatan"][1][3] = "=20000000+25000000"  # openpyxl saves no cached value
    report = run_book(tmp_path, sheets)
    assert len(report.findings) == 1
    f = report.findings[0]
    assert (f.code, str(f.location)) == ("SK002", "plans/desa.xlsx[kegiatan!D2]")
    assert "open and save the file in a spreadsheet program" in f.message.en
    assert "=20000000+25000000" in f.message.en
    assert report.activities == 0  # the activity is left out, not read with a budget of 0


def test_formula_with_cached_value_reads_the_value(tmp_path: Path) -> None:
    write_case(tmp_path, ())
    book = sheets_workbook(tmp_path / "plans" / "desa.xlsx", base_sheets())
    patch_member(book, sheet_member(book, "kegiatan"), lambda xml: re.sub(
        r'<c r="D2"([^>]*)><v>45000000</v></c>',
        r'<c r="D2"\1><f>SUM(1,2)</f><v>45000000</v></c>', xml))
    assert load_workbook(book)["kegiatan"]["D2"].value == "=SUM(1,2)"
    report = run_case(tmp_path, select=reading_codes())
    assert found(report) == [] and report.activities == 1


def test_error_cell_is_named(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["kegiatan"][1][3] = "#DIV/0!"  # openpyxl stores known error codes as error cells
    report = run_book(tmp_path, sheets)
    assert [(f.code, str(f.location)) for f in report.findings] == [
        ("SK002", "plans/desa.xlsx[kegiatan!D2]")]
    assert report.findings[0].message.en.startswith("the cell shows the error #DIV/0!")
    assert report.findings[0].message.id.startswith("sel menampilkan galat #DIV/0!")


def test_merged_village_and_fund_cells_fill_down(tmp_path: Path) -> None:
    write_case(tmp_path, ())
    other = ["35.05.04.2004", "Kebonsari", "Kademangan", 3000, "RKPDes", 2025, 200, 40]
    sheets = base_sheets()
    sheets["desa"].append(other)
    sheets["sumber_dana"] = [["kode_desa", "sumber_dana", "jumlah"],
                             ["35.05.04.2014", "DD", 850_000_000], [None, "ADD", 400_000_000],
                             ["35.05.04.2004", "DD", 500_000_000]]
    sheets["indikator"] = [["kode_desa", *sheets["indikator"][0]],
                           ["35.05.04.2014", *sheets["indikator"][1]],
                           ["35.05.04.2004", *sheets["indikator"][1]]]
    sheets["kegiatan"] = [["kode_desa", "kode_kegiatan", "nama_kegiatan", "mendukung", "pagu",
                           "sumber_dana"],
                          ["35.05.04.2004", "2.2.02", "Posyandu", "stunting", 1_000_000, "DD"],
                          [None, "2.2.01", "Polindes", "stunting", 2_000_000, None],
                          [None, "2.2.03", "Penyuluhan", "stunting", 3_000_000, None]]
    path = sheets_workbook(tmp_path / "plans" / "desa.xlsx", sheets)
    wb = load_workbook(path)
    wb["kegiatan"].merge_cells("A2:A4")
    wb["kegiatan"].merge_cells("F2:F4")
    wb["sumber_dana"].merge_cells("A2:A3")
    wb.save(path)
    report = run_case(tmp_path, select=reading_codes())
    assert found(report) == []
    totals = {s.code: s.budget_total for s in report.summaries}
    assert totals == {"35.05.04.2014": 0, "35.05.04.2004": 6_000_000}


def test_hidden_sheet_is_read_and_a_note_says_so(tmp_path: Path) -> None:
    write_case(tmp_path, ())
    path = sheets_workbook(tmp_path / "plans" / "desa.xlsx", base_sheets())
    wb = load_workbook(path)
    wb["indikator"].sheet_state = "hidden"
    wb.save(path)
    report = run_case(tmp_path, select=reading_codes())
    assert found(report) == [] and report.summaries[0].values  # the indicators were read
    assert [(str(n.location), n.message.en) for n in report.notes] == [
        ("plans/desa.xlsx[indikator!A1]", "sheet 'indikator' is hidden; sinkron read it like "
         "the others")]
    assert "catatan: plans/desa.xlsx[indikator!A1]: lembar 'indikator' tersembunyi" in render(
        report, "id")


def test_date_where_a_year_is_expected(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["desa"][1] = [*VILLAGE_ROW[:5], dt.datetime(2025, 1, 1), *VILLAGE_ROW[6:]]
    report = run_book(tmp_path, sheets)
    assert [(f.code, str(f.location)) for f in report.findings] == [
        ("SK002", "plans/desa.xlsx[desa!F2]")]
    assert report.findings[0].message.en.startswith("a date (2025-01-01 00:00:00) where a year")


def test_whole_number_floats_are_whole_numbers(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["desa"][1] = [*VILLAGE_ROW[:3], 4120.0, "RKPDes", 2025.0, 310.0, 58.0]
    sheets["kegiatan"][1][3] = 45_000_000.0
    assert found(run_book(tmp_path, sheets)) == []
    sheets["kegiatan"][1][3] = 45_000_000.5
    report = run_book(tmp_path, sheets)
    assert [f.message.en for f in report.findings] == [
        "'45000000.5' has a fraction of a rupiah; write whole rupiah"]


def test_openpyxl_is_imported_only_for_workbooks() -> None:
    code = ("import sys, sinkron.cli, sinkron.pipeline, sinkron.load.xlsx;"
            "assert 'openpyxl' not in sys.modules, 'openpyxl imported eagerly'")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, env={"PYTHONPATH": str(ROOT / "src")}, timeout=60)
    assert done.returncode == 0, done.stderr
