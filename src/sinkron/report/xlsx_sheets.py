"""The per-village sheets of the workbook report: coverage, budget, projection with charts."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from openpyxl.chart import BarChart, Reference, Series
from openpyxl.formatting.rule import CellIsRule
from openpyxl.utils import get_column_letter

from sinkron.findings import ProjectionRow, Report
from sinkron.i18n import Lang
from sinkron.report import labels as L
from sinkron.report import scores
from sinkron.report.labels import t
from sinkron.report.xlsx_cells import (
    BOLD,
    DECIMAL,
    FILLS,
    GREY_TEXT,
    PERCENT,
    RUPIAH,
    TITLE,
    WHOLE,
    Sheet,
)


def _village(s: Any) -> list[object]:
    return [s.code, s.name, s.district, s.year]


def coverage_sheet(sheet: Sheet, report: Report, lang: Lang) -> None:
    """Villages x indicators: funded, no budget, not addressed, in conditional colours."""
    ids = scores.indicator_ids(report)
    priority = {i.id for i in report.indicators if i.priority}
    heads = [t(L.PRIORITY_MARK, lang, id=i) if i in priority else i for i in ids]
    sheet.header(1, [t(c, lang) for c in L.COLS_VILLAGE] + heads)
    first = len(L.COLS_VILLAGE) + 1
    for n, s in enumerate(report.summaries):
        sheet.row(n + 2, _village(s) + [t(L.COVER[scores.cover(s, i).value], lang) for i in ids],
                  (None, None, None, "0"))
    last = len(report.summaries) + 1
    total_row = last + 1
    sheet.put(total_row, 1, t(L.COVERAGE_TOTAL, lang), font=BOLD)
    for k, ident in enumerate(ids):
        col = first + k
        sheet.put(total_row, col, sum(1 for s in report.summaries if ident in s.addressed), WHOLE,
                  font=BOLD)
        if last < 2:
            continue
        letter = get_column_letter(col)
        area = f"{letter}2:{letter}{last}"
        missing = FILLS["error"] if ident in priority else FILLS["grey"]
        for label, fill in (("funded", FILLS["good"]), ("unfunded", FILLS["warning"]),
                            ("missing", missing)):
            text = t(L.COVER[label], lang)
            sheet.ws.conditional_formatting.add(
                area, CellIsRule(operator="equal", formula=[f'"{text}"'], fill=fill))
    sheet.put(total_row + 2, 1, t(L.COVERAGE_NOTE, lang), font=GREY_TEXT, measure=False)
    sheet.ws.freeze_panes = sheet.ws.cell(row=2, column=first).coordinate
    sheet.fit(cap=40)


def budget_sheet(sheet: Sheet, report: Report, lang: Lang) -> None:
    """Rupiah per indicator per village (each rupiah once in the Linked column), fund shares."""
    ids = scores.indicator_ids(report)
    heads = [t(c, lang) for c in L.COLS_VILLAGE] + ids + [t(c, lang) for c in L.COLS_BUDGET_TAIL]
    sheet.header(1, heads)
    fmts = (None, None, None, "0") + (RUPIAH,) * (len(ids) + 3) + (PERCENT,)
    for n, s in enumerate(report.summaries):
        money = [s.budget_by_indicator.get(i, 0) for i in ids]
        share = s.budget_linked / s.budget_total if s.budget_total else None
        sheet.row(n + 2, _village(s) + money + [
            s.budget_linked, s.budget_total - s.budget_linked, s.budget_total, share], fmts)
    row = len(report.summaries) + 2
    summaries = report.summaries
    linked, total = sum(s.budget_linked for s in summaries), sum(s.budget_total for s in summaries)
    sheet.row(row, [t(L.TOTAL, lang), None, None, None]
              + [sum(s.budget_by_indicator.get(i, 0) for s in summaries) for i in ids]
              + [linked, total - linked, total, scores.budget_share(summaries)], fmts, font=BOLD)
    sheet.ws.auto_filter.ref = f"A1:{sheet.ws.cell(row=row - 1, column=len(heads)).coordinate}"
    sheet.ws.freeze_panes = "A2"
    sheet.put(row + 1, 1, t(L.BUDGET_NOTE, lang), font=GREY_TEXT, measure=False)
    _fund_shares(sheet, report, lang, row + 3)
    sheet.fit(cap=40)


def _fund_shares(sheet: Sheet, report: Report, lang: Lang, row: int) -> None:
    sheet.put(row, 1, t(L.H_FUND_SHARES, lang), font=TITLE, measure=False)
    sheet.header(row + 1, [t(c, lang) for c in L.COLS_FUND_SHARES])
    fmts = (None, None, "0", None, None, RUPIAH, RUPIAH, PERCENT, PERCENT, PERCENT, None, RUPIAH)
    row += 2
    start = row
    for s in report.summaries:
        for r in s.fund_shares:
            state, gap = "ok", 0.0
            if r.min_share is not None and r.share < r.min_share - 1e-9:
                state, gap = "below", r.min_share * r.available - r.amount
            elif r.max_share is not None and r.share > r.max_share + 1e-9:
                state, gap = "above", r.amount - r.max_share * r.available
            rule = f"{r.rule} ({r.name})" if r.name else r.rule
            sheet.row(row, [s.code, s.name, s.year, rule, r.fund, r.amount, r.available,
                            r.share, r.min_share, r.max_share, t(L.SHARE_RESULT[state], lang),
                            round(gap)], fmts, fill=None if state == "ok" else FILLS["error"])
            row += 1
    if row == start:
        sheet.put(row, 1, t(L.NO_FUND_SHARES, lang), font=GREY_TEXT, measure=False)


def _projection_values(r: ProjectionRow, lang: Lang) -> list[object]:
    gap = None if r.projected is None or r.milestone is None else r.projected - r.milestone
    met = None if r.met is None else t(L.YES if r.met else L.NO, lang)
    low, high = r.band if r.band else (None, None)
    return [r.indicator, r.year, r.milestone, low, high, r.projected, gap, r.villages,
            r.reporting, r.coverage, met]


def projection_sheet(sheet: Sheet, report: Report, lang: Lang) -> None:
    """The projection table, and per indicator a chart of milestone vs projection by year."""
    cols = [t(c, lang) for c in L.COLS_PROJECTION]
    sheet.header(1, cols)
    fmts = (None, "0") + (DECIMAL,) * 5 + (WHOLE, WHOLE, PERCENT, None)
    rows = sorted(report.projection, key=lambda r: (r.indicator, r.year))
    for n, r in enumerate(rows):
        fill = FILLS["error"] if r.met is False else None
        sheet.row(n + 2, _projection_values(r, lang), fmts, fill=fill)
    sheet.ws.freeze_panes = "A2"
    if rows:
        corner = sheet.ws.cell(row=len(rows) + 1, column=len(cols)).coordinate
        sheet.ws.auto_filter.ref = f"A1:{corner}"
    sheet.fit(cap=30)
    first = 2
    for n, (ident, group) in enumerate(groupby(rows, key=lambda r: r.indicator)):
        size = len(list(group))
        sheet.ws.add_chart(_chart(sheet.ws, ident, first, first + size - 1, lang),
                           f"{get_column_letter(len(cols) + 2)}{1 + 16 * n}")
        first += size


def _chart(ws: Any, ident: str, first: int, last: int, lang: Lang) -> BarChart:
    """Milestone (or, for a band, its two ends) and projection for each year of one indicator."""
    chart = BarChart()
    chart.type = "col"
    chart.title = t(L.CHART_TITLE, lang, id=ident)
    band_only = all(ws.cell(row=r, column=3).value is None for r in range(first, last + 1))
    names = {n + 1: t(c, lang) for n, c in enumerate(L.COLS_PROJECTION)}
    names[3], names[6] = t(L.SERIES_MILESTONE, lang), t(L.SERIES_PROJECTED, lang)
    for col in ((4, 5, 6) if band_only else (3, 6)):
        values = Reference(ws, min_col=col, min_row=first, max_row=last)
        chart.series.append(Series(values, title=names[col]))
    chart.set_categories(Reference(ws, min_col=2, min_row=first, max_row=last))
    chart.y_axis.title = ident
    chart.height, chart.width = 7.5, 15
    return chart
