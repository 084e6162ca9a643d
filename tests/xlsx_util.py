"""Building test workbooks in code (no committed binaries) and poking at their XML."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from sinkron.load.yaml import load_yaml
from sinkron.rules.examples import BASE_PLAN, complete
from sinkron.write.plans_xlsx import plans_workbook

VILLAGE_HEADER = ["kode_desa", "nama_desa", "kecamatan", "jumlah_penduduk", "dokumen", "tahun",
                  "children_under_5", "live_births"]
VILLAGE_ROW = ["35.05.04.2014", "Plosorejo", "Kademangan", 4120, "RKPDes", 2025, 310, 58]
FUNDS = [["sumber_dana", "jumlah"], ["DD", 850_000_000], ["ADD", 400_000_000]]
INDICATORS = [["indikator", "tahun_baseline", "nilai_baseline", "sumber_data", "tahun_target",
               "nilai_target"],
              ["stunting", 2024, 15.1, "e-PPGBM Agustus 2024", 2025, 13.0]]
ACTIVITIES = [["kode_kegiatan", "nama_kegiatan", "mendukung", "pagu", "sumber_dana"],
              ["2.2.02", "Penyelenggaraan Posyandu", "stunting", 45_000_000, "DD"]]


def sheets_workbook(path: Path, sheets: dict[str, Sequence[Sequence[Any]]]) -> Path:
    """A workbook with one sheet per entry, rows written from A1 down."""
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(list(row))
    wb.save(path)
    return path


def base_sheets() -> dict[str, list[list[Any]]]:
    """The base plan of the rule examples as a one-village workbook (no village column)."""
    return {"desa": [VILLAGE_HEADER, VILLAGE_ROW], "sumber_dana": [list(r) for r in FUNDS],
            "indikator": [list(r) for r in INDICATORS],
            "kegiatan": [list(r) for r in ACTIVITIES]}


def yaml_to_workbook(fragments: Sequence[str], path: Path) -> Path:
    """Plan fragments (completed from the base plan) as one plans workbook."""
    plans = [load_yaml(complete(f, BASE_PLAN).encode(), "x").data for f in fragments]
    plans_workbook(plans).save(path)
    return path


def sheet_member(path: Path, title: str) -> str:
    """The zip member name of a sheet (openpyxl writes sheets in order: sheet1.xml, ...)."""
    with zipfile.ZipFile(path) as z:
        workbook = z.read("xl/workbook.xml").decode()
    titles = re.findall(r'<sheet [^>]*name="([^"]+)"', workbook)
    return f"xl/worksheets/sheet{titles.index(title) + 1}.xml"


def patch_member(path: Path, member: str, edit: Any) -> None:
    """Rewrite one zip member through `edit(text) -> text`."""
    with zipfile.ZipFile(path) as z:
        items = [(info, z.read(info.filename)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            if info.filename == member:
                data = edit(data.decode()).encode()
            z.writestr(info.filename, data)


def reading_codes() -> list[str]:
    """SK0xx and SK1xx: what the workbook reader is responsible for (the alignment rules
    have their own tests, and would only add noise to the reading tests' minimal plans)."""
    from sinkron.rules.registry import resolve

    return resolve("SK0") + resolve("SK1")

