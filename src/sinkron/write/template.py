"""The plans template: a workbook a village fills in, pre-filled from the regency's targets.

Each data sheet has a title (row 1), a grey example (row 2) and the header (row 3): rows
above the header are never read, so the example can stay. Dropdowns come from the targets
(indicator ids), a list of fund sources and the national nomenclature (activity codes),
held on a hidden `daftar` sheet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sinkron.load.xlsx_layout import ACTIVITIES, FUNDS, INDICATORS, VILLAGES, Column, Layout
from sinkron.model.targets import Targets
from sinkron.reference import Region, nomenclature, register
from sinkron.write.plans_xlsx import set_cell
from sinkron.write.sheets import (
    dropdown,
    example_row,
    header_row,
    lists_sheet,
    number_rule,
    styles,
    title_row,
)

HEADER = 3  # title, example, header
FUND_SOURCES = ("DD", "ADD", "PADes", "BHPR", "BKK", "BKP", "SiLPA", "Lain")
SHEET_TITLES = {
    "villages": "Desa (villages): satu baris per desa / one row per village",
    "funds": "Sumber dana (funds): pagu per sumber dana / money available per source",
    "indicators": "Indikator (indicators): baseline dan target desa / the village's baseline "
                  "and target",
    "activities": "Kegiatan (activities): satu baris per kegiatan / one row per activity",
}
EXAMPLE_NOTE = "  |  Baris 2 = contoh, tidak dibaca / row 2 is an example and is not read"


@dataclass
class Prefill:
    """The village a template is made for (--village), from the Kemendagri register."""

    code: str
    name: str
    district: str
    year: int


def prefill(targets: Targets, code: str, today: dt.date | None = None) -> Prefill | None:
    """The register's village and kecamatan for `code`; None when the regency lacks it."""
    regions = register(targets.regency.code)
    village = regions.get(code)
    if village is None or village.level != "village":
        return None
    district = regions.get(code[:8])
    year = (today or dt.date.today()).year + 1  # an RKP Desa is drawn up the year before
    year = min(max(year, targets.period.start), targets.period.end)
    return Prefill(code, village.name, district.name if district else "", year)


def _counts(targets: Targets) -> list[str]:
    return list(dict.fromkeys(i.weight for i in targets.indicators if i.weight != "population"))


def _example_village(targets: Targets) -> Region | None:
    return next((r for c, r in sorted(register(targets.regency.code).items())
                 if r.kind == "desa"), None)


def _examples(targets: Targets, counts: list[str]) -> dict[str, dict[str, Any]]:
    village = _example_village(targets)
    code = village.code if village else f"{targets.regency.code}.01.2001"
    regions = register(targets.regency.code)
    district = regions.get(code[:8])
    first = targets.indicators[0]
    year = targets.period.start
    activity = next((p for i in targets.indicators for p in i.activity_codes
                     if not p.endswith("*") and p in nomenclature()), "2.2.02")
    base = first.baseline
    return {
        "villages": {"code": code, "name": village.name if village else "Contoh",
                     "district": district.name if district else "", "population": 4120,
                     "document": "RKPDes", "year": year,
                     **{c: 100 for c in counts}},
        "funds": {"village": code, "fund": "DD", "amount": 850_000_000},
        "indicators": {"village": code, "id": first.id,
                       "baseline_year": base.year if base else year - 1,
                       "baseline_value": base.value if base else 10.5,
                       "baseline_source": base.source if base and base.source else "e-PPGBM",
                       "target_year": year,
                       "target_value": base.value if base else 10.0},
        "activities": {"village": code, "code": activity,
                       "name": nomenclature().get(activity, "Posyandu")[:60],
                       "supports": first.id, "budget": 45_000_000, "fund": "DD",
                       "output_volume": 12, "output_unit": "bulan",
                       "location": "Dusun Krajan"},
    }


def plans_template(targets: Targets, village: Prefill | None = None) -> Any:
    """A new openpyxl Workbook: instructions, the four plan sheets, hidden lists."""
    from openpyxl import Workbook

    from sinkron.write.instructions import instructions

    wb = Workbook()
    instructions(wb.active, targets, village)
    counts = _counts(targets)
    codes = sorted(c for c in nomenclature() if c.count(".") == 2)
    regions = register(targets.regency.code)
    villages = sorted(c for c, r in regions.items() if r.level == "village")
    funds = list(dict.fromkeys([*FUND_SOURCES, *(s.fund for s in targets.policy.fund_shares)]))
    refs = lists_sheet(wb, {
        "indikator": [i.id for i in targets.indicators], "sumber_dana": funds,
        "kode_kegiatan": codes, "uraian_kegiatan": [nomenclature()[c] for c in codes],
        "kode_desa": villages, "nama_desa": [regions[c].name for c in villages],
        "kecamatan": [regions[c[:8]].name if c[:8] in regions else "" for c in villages]})
    examples = _examples(targets, counts)
    for layout in (VILLAGES, FUNDS, INDICATORS, ACTIVITIES):
        columns = [c for c in layout.columns if not (village and c.key == "village")]
        ws = wb.create_sheet(layout.aliases[0], index=len(wb.sheetnames) - 1)
        title_row(ws, SHEET_TITLES[layout.key] + EXAMPLE_NOTE)
        extra = counts if layout is VILLAGES else []
        all_columns = columns + [Column(c, kind="whole") for c in extra]
        example_row(ws, all_columns, 2, examples[layout.key])
        header_row(ws, columns, HEADER, extra)
        _rules(ws, layout, columns, targets, refs)
    if village is not None:
        _fill(wb, targets, village)
    return wb


def _rules(ws: Any, layout: Layout, columns: list[Column], targets: Targets,
           refs: dict[str, str]) -> None:
    first = HEADER + 1
    period = (targets.period.start, targets.period.end)
    desa = f"'{VILLAGES.aliases[0]}'!$A${first}:$A$5000"
    ids = "Indikator dari target kabupaten / an indicator id of the regency's targets"
    several = "Satu atau lebih id, pisahkan dengan ; / one or more ids, separated by ;"
    fund = "Sumber dana (boleh lainnya) / fund source (others allowed)"
    code = "Kode kegiatan Permendagri 20/2018 / activity code (bidang.sub_bidang.kegiatan)"
    rupiah = "Rupiah bulat, 0 atau lebih / whole rupiah, 0 or more"
    year = f"Tahun {period[0]}-{period[1]} / a year within the targets period"
    dropdown(ws, columns, "village", first, desa, strict=False,
             prompt="Kode desa dari lembar desa / a village code of the desa sheet")
    if layout is VILLAGES:
        dropdown(ws, columns, "code", first, refs["kode_desa"],
                 prompt="Kode wilayah Kemendagri / the village's Kemendagri code")
        dropdown(ws, columns, "document", first, '"RKPDes"')
        number_rule(ws, columns, "year", first, "whole", *period, prompt=year)
        number_rule(ws, columns, "population", first, "whole", 0)
    elif layout is FUNDS:
        dropdown(ws, columns, "fund", first, refs["sumber_dana"], strict=False, prompt=fund)
        number_rule(ws, columns, "amount", first, "whole", 0, prompt=rupiah)
    elif layout is INDICATORS:
        dropdown(ws, columns, "id", first, refs["indikator"], prompt=ids)
        for key in ("baseline_year", "target_year"):
            number_rule(ws, columns, key, first, "whole", 2000, 2100)
    else:
        dropdown(ws, columns, "code", first, refs["kode_kegiatan"], strict=False, prompt=code)
        dropdown(ws, columns, "supports", first, refs["indikator"], strict=False,
                 prompt=several)
        dropdown(ws, columns, "fund", first, refs["sumber_dana"], strict=False, prompt=fund)
        number_rule(ws, columns, "budget", first, "whole", 0, prompt=rupiah)


def _fill(wb: Any, targets: Targets, village: Prefill) -> None:
    """--village: the village row, and one indicator row per regency indicator."""
    ws = wb[VILLAGES.aliases[0]]
    values = {"code": village.code, "name": village.name, "district": village.district,
              "document": "RKPDes", "year": village.year}
    for n, column in enumerate(VILLAGES.columns, 1):
        if column.key in values:
            set_cell(ws, HEADER + 1, n, values[column.key])
    ws = wb[INDICATORS.aliases[0]]
    ordered = sorted(targets.indicators, key=lambda i: not i.priority)
    keys = [c.key for c in INDICATORS.columns if c.key != "village"]
    for r, indicator in enumerate(ordered, HEADER + 1):
        set_cell(ws, r, keys.index("id") + 1, indicator.id)
        set_cell(ws, r, keys.index("target_year") + 1, village.year)
    ws.cell(row=1, column=1).font = styles()["title"]
