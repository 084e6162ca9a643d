"""The same plan gives the same findings from YAML and from a workbook (locations aside),
and `sinkron convert` there and back keeps them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sinkron.cli import app
from sinkron.findings import Report
from sinkron.load.yaml import load_yaml
from sinkron.rules.examples import BASE_PLAN, complete
from sinkron.rules.registry import Example, catalogue
from sinkron.write.plans_xlsx import unplaced
from tests.conftest import run_case, write_case
from tests.xlsx_util import yaml_to_workbook

runner = CliRunner()


WHERE = re.compile(r"\S+\.(xlsx\[[^\]]*\]|yaml:\d+:\d+)")


def what(report: Report) -> list[tuple[str, str, str | None, int | None]]:
    """Findings without locations (some messages name another location: SK103, SK106)."""
    return sorted((f.code, WHERE.sub("<there>", f.message.en), f.village, f.year)
                  for f in report.findings)


def convertible(fragment: str) -> bool:
    loaded = load_yaml(complete(fragment, BASE_PLAN).encode(), "x")
    return not loaded.problems and not unplaced(loaded.data)


EXTRA = [
    Example(plans=("activities:\n  - code: \"02.02.02.\"\n    name: Posyandu\n"
                   "    supports: [stunting, stuntng]\n    budget: \"45.000.000,00\"\n"
                   "    fund: DD\n  - code: \"2.2\"\n    name: x\n    budget: 1.5\n"
                   "    fund: DD\n",)),
    Example(plans=("village:\n  code: \"35.05.04.2014\"\n  name: Plosorejo\n"
                   "  district: Kademangan\n  population: \"4.120\"\n"
                   "  waive: {SK107: \"nama lama\"}\n",)),
    Example(plans=("indicators:\n  - id: stunting\n    baseline: {year: 2024, value: \"19,5\"}\n"
                   "    target: {year: 2031, value: 13}\n  - id: rls\n",)),
    Example(plans=("", "")),
]
CASES = [(f"{r.code}-{kind}", ex) for r in catalogue().values()
         for kind, ex in (("bad", r.bad), ("good", r.good))
         if ex.plans and not ex.files and all(convertible(p) for p in ex.plans)]
CASES += [(f"extra{n}", ex) for n, ex in enumerate(EXTRA)]


@pytest.mark.parametrize("example", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_yaml_and_workbook_give_the_same_findings(tmp_path: Path, example: Example) -> None:
    yaml_dir, book_dir = tmp_path / "yaml", tmp_path / "book"
    for d in (yaml_dir, book_dir):
        d.mkdir()
        write_case(d, example.plans or ("",), example.targets, example.files)
    for plan in sorted((book_dir / "plans").glob("*.yaml")):
        yaml_to_workbook([plan.read_text("utf-8")], plan.with_suffix(".xlsx"))
        plan.unlink()
    from_yaml, from_book = run_case(yaml_dir), run_case(book_dir)
    assert what(from_book) == what(from_yaml)
    assert all(f.location.sheet and f.location.cell for f in from_book.findings
               if f.location.file.endswith(".xlsx"))


def test_enough_examples_take_part() -> None:
    assert len(CASES) >= 15


def test_convert_there_and_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_case(tmp_path, EXTRA[0].plans + (
        "village: {code: \"35.05.04.2004\", name: Kebonsari, district: Kademangan, "
        "population: 3000}\nplan:\n  document: RKP Desa\n  year: 2025\n"
        "  funds: {DD: 850_000_000, PADes: 12_500}\n",))
    first = what(run_case(tmp_path))
    done = runner.invoke(app, ["convert", "plans", "-o", "all.xlsx"])
    assert done.exit_code == 0, done.output
    shutil.rmtree(tmp_path / "plans")
    (tmp_path / "plans").mkdir()
    shutil.copy(tmp_path / "all.xlsx", tmp_path / "plans" / "all.xlsx")
    assert what(run_case(tmp_path)) == first
    (tmp_path / "plans" / "all.xlsx").unlink()
    done = runner.invoke(app, ["convert", "all.xlsx", "-o", "plans"])
    assert done.exit_code == 0, done.output
    names = sorted(p.name for p in (tmp_path / "plans").iterdir())
    assert names == ["35-05-04-2004-kebonsari.yaml", "35-05-04-2014-plosorejo.yaml"]
    assert what(run_case(tmp_path)) == first


def test_converted_yaml_reads_well(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_case(tmp_path, ("",))
    runner.invoke(app, ["convert", "plans/plan.yaml", "-o", "one.xlsx"])
    done = runner.invoke(app, ["convert", "one.xlsx", "-o", "out"])
    assert done.exit_code == 0, done.output
    text = (tmp_path / "out" / "35-05-04-2014-plosorejo.yaml").read_text("utf-8")
    assert text.splitlines()[:2] == [
        "# RKP Desa Plosorejo (35.05.04.2014), 2025",
        "# Converted by sinkron from one.xlsx [desa!A2]; check it with `sinkron check`."]
    body = text.split("\n", 2)[2]
    assert body == complete("", BASE_PLAN).replace(
        "  counts: {children_under_5: 310, live_births: 58}\n",
        "  counts:\n    children_under_5: 310\n    live_births: 58\n").replace(
        "  funds: {DD: 850_000_000, ADD: 400_000_000}\n",
        "  funds:\n    DD: 850_000_000\n    ADD: 400_000_000\n").replace(
        "13.0}", "13}").replace("8.0}", "8}").replace(
        '"e-PPGBM Agustus 2024"', "e-PPGBM Agustus 2024").replace(
        '"Profil Desa 2024"', "Profil Desa 2024")
    again = runner.invoke(app, ["convert", "one.xlsx", "-o", "out"])  # sinkron's own: rewritten
    assert again.exit_code == 0


def test_convert_never_overwrites_a_hand_written_file(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_case(tmp_path, ("",))
    runner.invoke(app, ["convert", "plans", "-o", "one.xlsx"])
    (tmp_path / "out").mkdir()
    mine = tmp_path / "out" / "35-05-04-2014-plosorejo.yaml"
    mine.write_text("# my notes\n", "utf-8")
    done = runner.invoke(app, ["convert", "one.xlsx", "-o", "out"])
    assert done.exit_code == 2 and "not written by sinkron" in done.output
    assert mine.read_text("utf-8") == "# my notes\n"


def test_convert_says_what_it_leaves_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_case(tmp_path, ("activities:\n  - code: \"2.2.02\"\n    name: x\n    budget: 1\n"
                          "    fund: DD\n    catatan: usulan dusun\n",))
    done = runner.invoke(app, ["convert", "plans", "-o", "one.xlsx"])
    assert done.exit_code == 1
    assert "the workbook has no column for 'activities[0].catatan'; left out" in done.output


def test_convert_keeps_one_plan_per_village(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_case(tmp_path, ("", "plan:\n  document: RKPDes\n  year: 2026\n  funds: {DD: 1}\n"))
    done = runner.invoke(app, ["convert", "plans", "-o", "one.xlsx"])
    assert done.exit_code == 1
    assert "plans/plan2.yaml: SK002 village 35.05.04.2014 is already in the workbook" in (
        done.output)


def test_yaml_writer_keeps_text_text() -> None:
    from sinkron.write.plan_yaml import plan_yaml

    data = {"village": {"code": "35.05.04.2014", "name": "no", "district": "2025",
                        "population": 4120, "counts": {"kk": 1_100}},
            "plan": {"document": "RKPDes", "year": 2025, "funds": {"DD": 850_000_000}},
            "indicators": [{"id": "stunting", "baseline": {"year": 2024, "value": 15.1,
                                                           "source": "SSGI, survei: 2024"}}],
            "activities": [{"code": "2.2.02", "name": "=SUM(A1)", "budget": "Rp 45.000.000",
                            "fund": "DD", "supports": ["stunting", "1"]}]}
    from sinkron.write.plans_xlsx import cell_value

    def read(value: object) -> object:
        if isinstance(value, dict):
            return {k: read(v) for k, v in value.items()}
        if isinstance(value, list):
            return [read(v) for v in value]
        return cell_value(value)  # a plain YAML number is a number; quoted text stays text

    text = plan_yaml(data, ["header"])
    loaded = load_yaml(text.encode(), "x")
    assert loaded.problems == [] and read(loaded.data) == data
    assert "population: 4120" in text and "DD: 850_000_000" in text
    assert 'name: "no"' in text and 'budget: "Rp 45.000.000"' in text
    assert 'source: "SSGI, survei: 2024"' in text
    assert type(loaded.data["village"]["district"]) is str  # quoted: text, not a number
