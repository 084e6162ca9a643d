"""`sinkron template`: a workbook filled in through its dropdowns passes the schema stage."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from sinkron.cli import app
from sinkron.load.source import SourceMap
from sinkron.load.xlsx import read_targets_workbook
from sinkron.pipeline import read_targets
from sinkron.rules.registry import code_names
from sinkron.write.atomic import write_atomic
from tests.conftest import run_case, write_case

runner = CliRunner()


def make(tmp: Path, *args: str) -> Path:
    write_case(tmp, ())
    out = tmp / "plans" / "desa.xlsx"
    done = runner.invoke(app, ["template", "--targets", str(tmp / "targets.yaml"), "-o",
                               str(out), *args])
    assert done.exit_code == 0, done.output
    return out


def choices(wb: Any, ws: Any, header: str) -> list[Any]:
    """The values a dropdown offers for the column whose header starts with `header`."""
    col = next(c.column_letter for c in ws[3] if str(c.value).startswith(header))
    for dv in ws.data_validations.dataValidation:
        if any(str(r).startswith(f"{col}4:") for r in dv.sqref.ranges):
            formula = dv.formula1.lstrip("=")
            if formula.startswith('"'):
                return formula.strip('"').split(",")
            found = re.fullmatch(r"'?(\w+)'?!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)", formula)
            assert found is not None, formula
            sheet, letter, first, last = found.groups()
            return [c.value for c in wb[sheet][letter][int(first) - 1: int(last)]
                    if c.value is not None]
    raise AssertionError(f"no dropdown on {header}")


def put(ws: Any, row: int, values: dict[str, Any]) -> None:
    headers = {str(c.value).split(" ")[0]: c.column for c in ws[3] if c.value}
    for key, value in values.items():
        ws.cell(row=row, column=headers[key], value=value)


def test_template_filled_through_dropdowns_passes_schema(tmp_path: Path) -> None:
    path = make(tmp_path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["petunjuk", "desa", "sumber_dana", "indikator", "kegiatan",
                             "daftar"]
    assert wb["daftar"].sheet_state == "hidden"
    desa, funds, ind, act = (wb[n] for n in ("desa", "sumber_dana", "indikator", "kegiatan"))
    assert {ws.freeze_panes for ws in (desa, funds, ind, act)} == {"A4"}
    codes = choices(wb, desa, "kode_desa")
    code = codes[codes.index("35.05.04.2014")]
    put(desa, 4, {"kode_desa": code, "nama_desa": "Plosorejo", "kecamatan": "Kademangan",
                  "jumlah_penduduk": 4120, "dokumen": choices(wb, desa, "dokumen")[0],
                  "tahun": 2025, "children_under_5": 310})
    ids = choices(wb, ind, "indikator")
    assert ids == ["stunting", "rls"]
    for n, fund in enumerate(choices(wb, funds, "sumber_dana")[:2], 4):
        put(funds, n, {"kode_desa": choices(wb, funds, "kode_desa")[0], "sumber_dana": fund,
                       "jumlah": 500_000_000})
    put(ind, 4, {"kode_desa": code, "indikator": ids[0], "tahun_baseline": 2024,
                 "nilai_baseline": 15.1, "sumber_data": "e-PPGBM", "tahun_target": 2025,
                 "nilai_target": 13})
    activity_codes = choices(wb, act, "kode_kegiatan")
    assert "2.2.02" in activity_codes and len(activity_codes) > 150
    put(act, 4, {"kode_desa": code, "kode_kegiatan": "2.2.02", "nama_kegiatan": "Posyandu",
                 "mendukung": choices(wb, act, "mendukung")[0], "pagu": 45_000_000,
                 "sumber_dana": choices(wb, act, "sumber_dana")[0]})
    wb.save(path)
    report = run_case(tmp_path)
    assert [(f.code, str(f.location)) for f in report.findings
            if f.code in ("SK001", "SK002")] == []
    assert (report.villages, report.activities) == (1, 1)


def test_empty_template_reads_no_example_row(tmp_path: Path) -> None:
    make(tmp_path)
    report = run_case(tmp_path)
    assert [(f.code, str(f.location)) for f in report.findings] == [
        ("SK002", "plans/desa.xlsx[desa!A3]")]
    assert "holds no village" in report.findings[0].message.en


def test_village_prefilled_from_register(tmp_path: Path) -> None:
    path = make(tmp_path, "--village", "35.05.04.2014")
    wb = load_workbook(path)
    row = [c.value for c in wb["desa"][4][:6]]
    assert row[:3] == ["35.05.04.2014", "Plosorejo", "Kademangan"]
    assert row[4] == "RKPDes" and 2025 <= row[5] <= 2045
    assert [c.value for c in wb["indikator"]["A"][3:]] == ["stunting", "rls"]
    assert not str(wb["kegiatan"]["A3"].value).startswith("kode_desa")  # one village: no column
    report = run_case(tmp_path)
    assert {(f.code, f.message.en.split(";")[0]) for f in report.findings} == {
        ("SK002", "missing required field 'population'"),
        ("SK002", "missing required field 'value'"),  # the pre-filled indicator rows
        ("SK002", "no row in sheet sumber_dana (funds) for this village")}


@pytest.mark.parametrize("args", [["--village", "35.05.04.2999"], ["-o", "x.csv"]])
def test_template_refuses_bad_input(tmp_path: Path, args: list[str]) -> None:
    write_case(tmp_path, ())
    out = ["-o", str(tmp_path / "t.xlsx")] if "-o" not in args else []
    done = runner.invoke(app, ["template", "--targets", str(tmp_path / "targets.yaml"),
                               *out, *args])
    assert done.exit_code == 2
    assert not (tmp_path / "t.xlsx").exists()


def test_targets_template_reads_back_as_the_same_targets(tmp_path: Path) -> None:
    write_case(tmp_path, (), targets="policy:\n  fund_shares:\n    - id: pangan\n"
               "      fund: DD\n      min_share: 0.2\n      codes: [\"4.2.*\"]\n"
               "      years: [2025, 2026]\n  severity: {SK105: info}\n  ignore: [SK107]\n")
    out = tmp_path / "targets.xlsx"
    done = runner.invoke(app, ["template", "--kind", "targets", "--targets",
                               str(tmp_path / "targets.yaml"), "-o", str(out)])
    assert done.exit_code == 0, done.output
    codes = code_names()
    original, _, _ = read_targets(tmp_path / "targets.yaml", codes)
    again, source, problems = read_targets_workbook(out, "targets.xlsx", codes)
    assert problems == [] and again is not None and original is not None
    assert again.model_dump() == original.model_dump()
    assert isinstance(source, SourceMap)
    assert str(source.value(("indicators", 1, "name"))) == "targets.xlsx[indikator!B4]"


def test_targets_workbook_errors_are_located(tmp_path: Path) -> None:
    write_case(tmp_path, ())
    out = tmp_path / "targets.xlsx"
    runner.invoke(app, ["template", "--kind", "targets", "--targets",
                        str(tmp_path / "targets.yaml"), "-o", str(out)])
    wb = load_workbook(out)
    wb["indikator"]["D3"] = "turun naik"
    wb["pengaturan"].append(["period.ende", 2045])
    wb["target"].append(["stuntin", 2030, 10])
    wb.save(out)
    targets, _, problems = read_targets_workbook(out, "targets.xlsx", code_names())
    assert targets is None
    got = {(str(p.location), p.message.en.split(";")[0]) for p in problems}
    assert ("targets.xlsx[indikator!D3]",
            "'turun naik' is not one of 'decrease', 'increase' or 'within'") in got
    assert ("targets.xlsx[pengaturan!A13]", "unknown setting 'period.ende'") in got
    assert ("targets.xlsx[target!A6]", "indicator 'stuntin' is not in sheet 'indikator'") in got


def test_atomic_write_keeps_the_old_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "t.xlsx"
    target.write_bytes(b"old")

    def broken(tmp: Path) -> None:
        tmp.write_bytes(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError):
        write_atomic(target, broken)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["t.xlsx"]
