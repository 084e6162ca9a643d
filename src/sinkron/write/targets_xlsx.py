"""Targets -> a targets workbook (template --kind targets), readable by load.xlsx_targets."""

from __future__ import annotations

from typing import Any

from sinkron.load.xlsx_layout import (
    T_FUND_SHARES,
    T_INDICATORS,
    T_SETTINGS,
    T_TARGETS,
    Layout,
)
from sinkron.model.targets import Band, Targets
from sinkron.reference import nomenclature
from sinkron.write.instructions import targets_instructions
from sinkron.write.plans_xlsx import FORMATS, cell_value, set_cell
from sinkron.write.sheets import dropdown, header_row, lists_sheet, title_row

HEADER = 2
UNITS = ("percent", "per_100k_live_births", "years", "index", "count", "rupiah")


def _join(values: list[Any] | None) -> str | None:
    return "; ".join(str(v) for v in values) if values else None


def _rows(targets: Targets) -> dict[str, list[dict[str, Any]]]:
    indicators, points = [], []
    for ind in targets.indicators:
        base = ind.baseline
        indicators.append({
            "id": ind.id, "name": ind.name, "unit": ind.unit, "direction": ind.direction,
            "weight": ind.weight, "priority": "ya" if ind.priority else "tidak",
            "project": "ya" if ind.project else "tidak",
            "baseline_year": base.year if base else None,
            "baseline_value": base.value if base else None,
            "baseline_source": base.source if base else None,
            "activity_codes": _join(list(ind.activity_codes))})
        for year, value in sorted(ind.targets.items()):
            if isinstance(value, Band):
                points.append({"indicator": ind.id, "year": year, "min": value.min,
                               "max": value.max})
            else:
                points.append({"indicator": ind.id, "year": year, "value": value})
    policy = targets.policy
    shares = [{"id": s.id, "name": s.name, "fund": s.fund, "min_share": s.min_share,
               "max_share": s.max_share, "codes": _join(list(s.codes)),
               "supports": _join(list(s.supports)), "years": _join(s.years)}
              for s in policy.fund_shares]
    settings: list[tuple[str, Any]] = [
        ("regency.code", targets.regency.code), ("regency.name", targets.regency.name),
        ("regency.villages", targets.regency.villages), ("document", targets.document),
        ("period.start", targets.period.start), ("period.end", targets.period.end),
        ("policy.exempt_codes", _join(list(policy.exempt_codes))),
        ("policy.baseline_max_age", policy.baseline_max_age),
        ("policy.projection_min_share", policy.projection_min_share),
        ("policy.ignore", _join(list(policy.ignore))),
        *((f"policy.severity.{code}", sev) for code, sev in sorted(policy.severity.items()))]
    return {"indicators": indicators, "targets": points, "fund_shares": shares,
            "settings": [{"key": k, "value": v} for k, v in settings]}


def _sheet(wb: Any, layout: Layout, rows: list[dict[str, Any]], title: str) -> Any:
    ws = wb.create_sheet(layout.aliases[0], index=len(wb.sheetnames) - 1)
    title_row(ws, title)
    header_row(ws, layout.columns, HEADER)
    for r, row in enumerate(rows, HEADER + 1):
        for n, column in enumerate(layout.columns, 1):
            value = cell_value(row.get(column.key))
            if value is not None:
                cell = set_cell(ws, r, n, value)
                cell.number_format = FORMATS.get(column.kind, "General")
    return ws


def targets_workbook(targets: Targets) -> Any:
    """A new openpyxl Workbook holding `targets`, with dropdowns for the closed choices."""
    from openpyxl import Workbook

    wb = Workbook()
    targets_instructions(wb.active, targets)
    rows = _rows(targets)
    codes = sorted(c for c in nomenclature() if c.count(".") == 2)
    refs = lists_sheet(wb, {"satuan": list(UNITS), "kode_kegiatan": codes,
                            "indikator": [i.id for i in targets.indicators]})
    cols = list(T_INDICATORS.columns)
    ws = _sheet(wb, T_INDICATORS, rows["indicators"],
                "Indikator kabupaten / regency indicators")
    dropdown(ws, cols, "direction", HEADER + 1, '"decrease,increase,within"')
    dropdown(ws, cols, "unit", HEADER + 1, refs["satuan"], strict=False)
    for key in ("priority", "project"):
        dropdown(ws, cols, key, HEADER + 1, '"ya,tidak"')
    ws = _sheet(wb, T_TARGETS, rows["targets"],
                "Target per tahun: nilai, atau min dan max / yearly targets: a value or a band")
    dropdown(ws, list(T_TARGETS.columns), "indicator", HEADER + 1, refs["indikator"])
    _sheet(wb, T_FUND_SHARES, rows["fund_shares"],
           "Porsi sumber dana (boleh kosong) / fund-share rules (optional)")
    _sheet(wb, T_SETTINGS, rows["settings"], "Pengaturan / settings")
    return wb
