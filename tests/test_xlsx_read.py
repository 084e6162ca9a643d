"""Reading plans workbooks: layout, aliases, header rows, villages, values, locations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sinkron.findings import Report
from tests.conftest import run_case, write_case
from tests.xlsx_util import VILLAGE_HEADER, VILLAGE_ROW, base_sheets, reading_codes, sheets_workbook


def run_book(tmp: Path, sheets: dict[str, Any], name: str = "desa.xlsx") -> Report:
    write_case(tmp, ())
    sheets_workbook(tmp / "plans" / name, sheets)
    return run_case(tmp, select=reading_codes())


def found(report: Report) -> list[tuple[str, str]]:
    return [(f.code, str(f.location)) for f in report.findings]


def test_base_plan_workbook_is_clean_and_counted(tmp_path: Path) -> None:
    report = run_book(tmp_path, base_sheets())
    assert found(report) == []
    assert (report.files, report.villages, report.activities) == (1, 1, 1)
    assert report.summaries[0].counts == {"children_under_5": 310, "live_births": 58}


def test_titles_above_header_aliases_and_sheet_names_in_any_case(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["DESA"] = [["RKP Desa Plosorejo 2025"], [], ["Kode Desa", "Nama_Desa", "KECAMATAN",
                      "Jumlah-Penduduk", "Dokumen", "Tahun (anggaran)", "children under 5",
                      "live_births"], VILLAGE_ROW]
    del sheets["desa"]
    sheets["Kegiatan"] = [["Daftar kegiatan"], ["code", "name", "supports", "Pagu (Rp)", "fund"],
                          ["2.2.02", "Posyandu", "stunting", 45_000_000.0, "DD"], [],
                          [None, None, None, None, None],
                          ["2.2.01", "Polindes", "stunting; rls", 5_000_000, "ADD"]]
    del sheets["kegiatan"]
    report = run_book(tmp_path, sheets)
    assert found(report) == []
    assert report.activities == 2


def test_finding_points_at_sheet_and_cell(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["kegiatan"].append(["2.2.03", "Penyuluhan", "stuntng, rls", "Rp 5.000.000", "DD"])
    report = run_book(tmp_path, sheets)
    assert ("SK101", "plans/desa.xlsx[kegiatan!C3]") in found(report)
    sk003 = next(f for f in report.findings if f.code == "SK003")
    assert str(sk003.location) == "plans/desa.xlsx[kegiatan!D3]"
    assert sk003.message.en == "'Rp 5.000.000' is a number written as text; read as 5,000,000"
    assert sk003.village == "35.05.04.2014" and sk003.year == 2025


def test_missing_value_points_at_the_empty_cell(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["kegiatan"].append(["2.2.03", None, "stunting", 5_000_000, "DD"])
    assert found(run_book(tmp_path, sheets)) == [("SK002", "plans/desa.xlsx[kegiatan!B3]")]


def test_village_without_population_takes_no_part(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["desa"][1] = [*VILLAGE_ROW[:3], None, *VILLAGE_ROW[4:]]
    report = run_book(tmp_path, sheets)
    assert found(report) == [("SK002", "plans/desa.xlsx[desa!D2]")]
    assert report.findings[0].message.en == "missing required field 'population'"
    assert report.findings[0].village == "35.05.04.2014"
    assert report.villages == 0


def test_unknown_and_near_headers(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["desa"] = [[*VILLAGE_HEADER, "Populasi", "Jumlah KK"], [*VILLAGE_ROW, 4000, 1100]]
    sheets["kegiatan"] = [[*sheets["kegiatan"][0], "prioritas"], [*sheets["kegiatan"][1], "ya"]]
    report = run_book(tmp_path, sheets)
    messages = {(f.code, str(f.location)): f.message.en for f in report.findings}
    assert "did you mean 'jumlah_penduduk (population)'" in messages[
        ("SK002", "plans/desa.xlsx[desa!I1]")]
    assert messages[("SK002", "plans/desa.xlsx[kegiatan!F1]")].startswith(
        "unknown column 'prioritas' in sheet 'kegiatan'")
    assert report.summaries[0].counts["jumlah_kk"] == 1100


def test_row_number_and_remarks_columns_are_read_past(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["kegiatan"] = [["No.", *sheets["kegiatan"][0], "Keterangan"],
                          [1, *sheets["kegiatan"][1], "usulan dusun"]]
    assert found(run_book(tmp_path, sheets)) == []


def test_values_without_header_are_not_lost_silently(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["kegiatan"][1] = [*sheets["kegiatan"][1], None, "lupa judul"]
    assert ("SK002", "plans/desa.xlsx[kegiatan!G2]") in found(run_book(tmp_path, sheets))


def test_many_villages_need_the_village_column(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["desa"].append(["35.05.04.2004", "Kebonsari", "Kademangan", 3000, "RKPDes", 2025,
                           200, 40])
    report = run_book(tmp_path, sheets)
    no_column = [f for f in report.findings if "needs a column kode_desa" in f.message.en]
    assert {f.location.sheet for f in no_column} == {"sumber_dana", "indikator", "kegiatan"}


def test_rows_go_to_their_village(tmp_path: Path) -> None:
    other = ["35.05.04.2004", "Kebonsari", "Kademangan", 3000, "RKPDes", 2025, 200, 40]
    sheets = {
        "desa": [VILLAGE_HEADER, VILLAGE_ROW, other],
        "sumber_dana": [["kode_desa", "sumber_dana", "jumlah"],
                        ["35.05.04.2014", "DD", 850_000_000], ["35.05.04.2004", "DD", 700_000_000],
                        ["35.05.04.2099", "DD", 1]],
        "kegiatan": [["kode_desa", "kode_kegiatan", "nama_kegiatan", "pagu", "sumber_dana"],
                     ["35.05.04.2004", "2.2.02", "Posyandu", 10_000_000, "DD"],
                     ["35.05.04.2004", "2.2.01", "Polindes", 10_000_000, "DD"],
                     [None, "2.2.01", "Polindes", 10_000_000, "DD"]],
    }
    report = run_book(tmp_path, sheets)
    by_code = {s.code: s for s in report.summaries}
    assert by_code["35.05.04.2004"].budget_total == 20_000_000
    assert by_code["35.05.04.2014"].budget_total == 0
    msgs = {str(f.location): f.message.en for f in report.findings if f.code == "SK002"}
    assert msgs["plans/desa.xlsx[sumber_dana!A4]"].startswith(
        "village '35.05.04.2099' is not in sheet 'desa' (1 rows name it)")
    assert "which village?" in msgs["plans/desa.xlsx[kegiatan!A4]"]


def test_waivers_from_cells(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["kegiatan"] = [[*sheets["kegiatan"][0], "kode_pengecualian", "alasan_pengecualian"],
                          [*sheets["kegiatan"][1], "SK104; SK107", "Musrenbangdes 2024-11-12"],
                          ["2.2.01", "Polindes", "stunting", 1, "DD", "SK106", None],
                          [*sheets["kegiatan"][1], None, "tanpa kode"]]
    report = run_book(tmp_path, sheets)
    got = {(f.code, str(f.location), f.message.en) for f in report.findings}
    assert ("SK005", "plans/desa.xlsx[kegiatan!G2]",
            "the waiver of SK107 is not used: no SK107 finding here; remove it") in got
    assert ("SK002", "plans/desa.xlsx[kegiatan!G3]",
            "the waiver of SK106 needs a reason (who agreed, when)") in got
    assert any(loc == "plans/desa.xlsx[kegiatan!G4]" and "without a code" in msg
               for _, loc, msg in got)


def test_same_village_twice_is_sk103_on_both_rows(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["desa"].append(list(VILLAGE_ROW))
    sheets["kegiatan"] = [["kode_desa", *sheets["kegiatan"][0]],
                          ["35.05.04.2014", *sheets["kegiatan"][1]]]
    sheets["sumber_dana"] = [["kode_desa", *r] if i == 0 else ["35.05.04.2014", *r]
                             for i, r in enumerate(sheets["sumber_dana"])]
    sheets["indikator"] = [["kode_desa", *r] if i == 0 else ["35.05.04.2014", *r]
                           for i, r in enumerate(sheets["indikator"])]
    report = run_book(tmp_path, sheets)
    dup = sorted((str(f.location), [str(r) for r in f.related]) for f in report.findings
                 if f.code == "SK103")
    assert dup == [("plans/desa.xlsx[desa!A2]", ["plans/desa.xlsx[desa!A3]"]),
                   ("plans/desa.xlsx[desa!A3]", ["plans/desa.xlsx[desa!A2]"])]


def test_village_in_workbook_and_yaml_is_sk103(tmp_path: Path) -> None:
    write_case(tmp_path, ("",))
    sheets_workbook(tmp_path / "plans" / "desa.xlsx", base_sheets())
    report = run_case(tmp_path, select=reading_codes())
    dup = {str(f.location): [str(r) for r in f.related] for f in report.findings
           if f.code == "SK103"}
    assert dup == {"plans/desa.xlsx[desa!A2]": ["plans/plan.yaml:1:1"],
                   "plans/plan.yaml:1:1": ["plans/desa.xlsx[desa!A2]"]}


def test_two_sheets_read_as_one(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["Kegiatan (lama)"] = sheets["kegiatan"]
    report = run_book(tmp_path, sheets)
    assert any(f.code == "SK002" and "are both read as kegiatan (activities)" in f.message.en
               for f in report.findings)


def test_misnamed_sheet_gets_did_you_mean(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["kegiatn"] = sheets.pop("kegiatan")
    report = run_book(tmp_path, sheets)
    assert [(f.code, str(f.location), f.message.en) for f in report.findings] == [
        ("SK002", "plans/desa.xlsx[kegiatn!A1]",
         "sheet 'kegiatn' is not read; did you mean 'kegiatan (activities)'?")]


def test_no_villages_sheet(tmp_path: Path) -> None:
    sheets = base_sheets()
    del sheets["desa"]
    report = run_book(tmp_path, sheets)
    assert [f.code for f in report.findings] == ["SK002"]
    assert "no desa (villages) sheet" in report.findings[0].message.en
