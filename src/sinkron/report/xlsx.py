"""The workbook report (`-o report.xlsx`): summary, findings, coverage, budget, projection."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook

from sinkron import __version__
from sinkron.findings import Report
from sinkron.i18n import Lang
from sinkron.report import labels as L
from sinkron.report import scores
from sinkron.report.labels import t
from sinkron.report.xlsx_cells import (
    BOLD,
    GREY_TEXT,
    PERCENT,
    RUPIAH,
    TITLE,
    WHOLE,
    Sheet,
)
from sinkron.report.xlsx_findings import FindingRows, ReportWriter
from sinkron.report.xlsx_sheets import budget_sheet, coverage_sheet, projection_sheet

EPOCH = dt.datetime(1980, 1, 1)  # the earliest date a zip can hold
LOWEST = 315_532_800  # 1980-01-01 in seconds
HIGHEST = 4_354_819_199  # 2107-12-31, the latest


def summary_sheet(sheet: Sheet, report: Report, lang: Lang) -> None:
    """Totals, the three alignment scores, and villages on track per indicator."""
    sheet.put(1, 1, t(L.TITLE, lang), font=TITLE, measure=False)
    summaries = report.summaries
    counts = report.counts()
    values: dict[str, object] = {
        "targets": report.targets, "version": __version__, "files": report.files,
        "villages": report.villages, "activities": report.activities, **counts,
        "waived": report.waived,
        "budget_total": sum(s.budget_total for s in summaries),
        "budget_linked": sum(s.budget_linked for s in summaries)}
    row = 3
    for key, label in L.TOTALS:
        fmt = RUPIAH if key.startswith("budget") else None if key in ("targets", "version") \
            else WHOLE
        sheet.put(row, 1, t(label, lang), font=BOLD)
        sheet.put(row, 2, values[key], fmt)
        row += 1
    row += 1
    sheet.put(row, 1, t(L.H_SCORES, lang), font=TITLE, measure=False)
    done, total = scores.priority_pairs(report)
    sheet.put(row + 1, 1, t(L.SCORE_BUDGET, lang), font=BOLD)
    sheet.put(row + 1, 2, scores.budget_share(summaries), PERCENT)
    sheet.put(row + 2, 1, t(L.SCORE_PAIRS, lang, done=done, total=total), font=BOLD)
    sheet.put(row + 2, 2, done / total if total else None, PERCENT)
    row += 4
    sheet.put(row, 1, t(L.H_ON_TRACK, lang), font=TITLE, measure=False)
    sheet.header(row + 1, [t(c, lang) for c in L.COLS_ON_TRACK])
    tracks = scores.on_track(report)
    for n, line in enumerate(tracks):
        sheet.row(row + 2 + n, [line.indicator, line.year, line.plans, line.with_value,
                                line.on_track, line.share],
                  (None, "0", WHOLE, WHOLE, WHOLE, PERCENT))
    if not tracks:
        sheet.put(row + 2, 1, t(L.NO_PROJECTION, lang), font=GREY_TEXT, measure=False)
    sheet.fit(cap=80)


def workbook(report: Report, lang: Lang,
             stamp: dt.datetime = EPOCH) -> tuple[Workbook, FindingRows]:
    """The report as an openpyxl Workbook, dated `stamp` (not the time of writing), and the
    findings rows its Findings sheet gets when it is saved."""
    wb = Workbook()
    wb.properties.creator = f"sinkron {__version__}"
    wb.properties.title = t(L.TITLE, lang)
    wb.properties.created = wb.properties.modified = stamp
    ws = wb.active
    ws.title = t(L.SHEET_SUMMARY, lang)
    summary_sheet(Sheet(ws), report, lang)
    rows = FindingRows(report, lang)
    rows.add_sheets(wb, 1)  # made before the other sheets, so styles keep their numbers
    coverage_sheet(Sheet(wb.create_sheet(t(L.SHEET_COVERAGE, lang))), report, lang)
    budget_sheet(Sheet(wb.create_sheet(t(L.SHEET_BUDGET, lang))), report, lang)
    projection_sheet(Sheet(wb.create_sheet(t(L.SHEET_PROJECTION, lang))), report, lang)
    return wb, rows


def render(report: Report, lang: Lang, stamp: dt.datetime = EPOCH) -> bytes:
    """The workbook report as .xlsx bytes: the same report and stamp give the same bytes."""
    out = io.BytesIO()
    write(report, lang, out, stamp)
    return out.getvalue()


def write(report: Report, lang: Lang, out: BinaryIO, stamp: dt.datetime = EPOCH) -> None:
    """The workbook report into `out`; openpyxl's zip goes through a temporary file, not
    memory, before it is restamped into `out`."""
    with tempfile.TemporaryFile(prefix="sinkron-xlsx-") as raw:
        # not Workbook.save, which dates the file "modified now" whatever the properties say
        wb, rows = workbook(report, lang, stamp)
        ReportWriter(wb, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True),
                     rows).save()
        raw.seek(0)
        _restamp(raw, out, stamp)


def _restamp(raw: BinaryIO, out: BinaryIO, stamp: dt.datetime) -> None:
    """The same zip with every part dated `stamp`: openpyxl dates them at the time of
    writing (and by a temporary file's permissions), so two runs would differ in bytes."""
    when = max(stamp, EPOCH).timetuple()[:6]
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            part = zipfile.ZipInfo(info.filename, date_time=when)
            part.compress_type = zipfile.ZIP_DEFLATED
            part.external_attr = 0o644 << 16
            with src.open(info) as data, dst.open(part, "w") as target:
                shutil.copyfileobj(data, target, 1 << 20)


def report_stamp(inputs: Iterable[str | Path]) -> dt.datetime:
    """The date a report carries: SOURCE_DATE_EPOCH when set (reproducible builds), else the
    newest modification time of its input files, in UTC to the second."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "")
    if raw.isascii() and raw.isdigit() and len(raw) < 12:
        seconds = int(raw)
    else:
        times = []
        for path in inputs:
            with contextlib.suppress(OSError, ValueError):
                times.append(int(Path(path).stat().st_mtime))
        seconds = max(times, default=0)
    seconds = min(max(seconds, LOWEST), HIGHEST)  # what a zip's date can hold
    return dt.datetime.fromtimestamp(seconds, dt.UTC).replace(tzinfo=None)
