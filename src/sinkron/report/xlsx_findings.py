"""The Findings sheet(s) of the workbook report, written row by row as openpyxl saves.

openpyxl keeps every cell of a workbook in memory until it saves: two million findings of 16
cells each would take gigabytes. Here the Findings sheet holds only its header until saving;
when openpyxl writes it, each finding becomes a row of real openpyxl cells that is written and
dropped at once. The writer is openpyxl's own, at the same moment of the save, so the bytes are
what a sheet of all those cells would give.

Excel holds 1,048,576 rows per sheet. Past that, findings go on in `Findings (2)`, `Findings
(3)`... right after the first, each with the same header, filter and colours: none is lost.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import Any

from openpyxl.formatting.rule import FormulaRule
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.dimensions import SheetDimension
from openpyxl.writer.excel import ExcelWriter

from sinkron.findings import Finding, Report
from sinkron.i18n import Lang
from sinkron.report import labels as L
from sinkron.report.labels import t
from sinkron.report.xlsx_cells import FILLS, GREY_TEXT, Sheet

EXCEL_ROWS = 1_048_576  # rows of a sheet in Excel (and LibreOffice)
PER_SHEET = EXCEL_ROWS - 1  # findings per sheet under its header


def finding_values(f: Finding, lang: Lang) -> list[object]:
    """The cells of one finding's row."""
    loc = f.location
    return [f.code, f.name, f.severity.value, f.message.get(lang),
            t(L.YES if f.waived else L.NO, lang), f.waive_reason if f.waived else None,
            loc.file, loc.line, loc.column, loc.sheet, loc.cell, f.village, f.indicator,
            f.activity, f.year, "; ".join(str(r) for r in f.related) or None]


class FindingRows:
    """The findings sheets of one workbook and the rows each will get when it is saved."""

    def __init__(self, report: Report, lang: Lang) -> None:
        self.report = report
        self.lang = lang
        self.sheets: dict[int, tuple[Sheet, int]] = {}  # id(worksheet): sheet, its findings
        self._findings: Iterator[Finding] | None = None

    def add_sheets(self, wb: Any, index: int) -> None:
        """Findings sheets from position `index` on: header, filter, frozen header, colours,
        widths that fit their rows (measured in a first pass over the findings)."""
        total = len(self.report.findings)
        counts = [min(PER_SHEET, total - start) for start in range(0, total, PER_SHEET)] or [0]
        cols = [t(c, self.lang) for c in L.COLS_FINDINGS]
        sheets = []
        for n, count in enumerate(counts):
            title = t(L.SHEET_FINDINGS, self.lang) + (f" ({n + 1})" if n else "")
            sheet = Sheet(wb.create_sheet(title, index + n))
            sheet.header(1, cols)
            self.sheets[id(sheet.ws)] = (sheet, count)
            sheets.append(sheet)
        for n, f in enumerate(self.report.findings):
            sheet = sheets[n // PER_SHEET]
            for col, value in enumerate(finding_values(f, self.lang), 1):
                sheet.measure_value(col, value)
        for sheet, count in self.sheets.values():
            _dress(sheet, count + 1, len(cols), self.lang)

    def rows(self, ws: Any) -> Iterator[tuple[int, list[Any]]]:
        """The header row, then one row per finding, each dropped once it is written."""
        sheet, count = self.sheets[id(ws)]
        yield 1, [ws._cells[key] for key in sorted(ws._cells)]
        if self._findings is None:  # the sheets are saved in order: they share one pass
            self._findings = iter(self.report.findings)
        for n, f in enumerate(islice(self._findings, count), 2):
            sheet.row(n, finding_values(f, self.lang))
            keys = [key for col in range(1, len(L.COLS_FINDINGS) + 1)
                    if (key := (n, col)) in ws._cells]
            yield n, [ws._cells[key] for key in keys]
            for key in keys:
                del ws._cells[key]


def _dress(sheet: Sheet, last: int, width: int, lang: Lang) -> None:
    """Filter, frozen header and severity colours over rows 1..`last`; column widths."""
    corner = f"{get_column_letter(width)}{last}"  # no cell made: rows come when saving
    sheet.ws.auto_filter.ref = f"A1:{corner}"
    sheet.ws.freeze_panes = "A2"
    if last > 1:
        # colours as rules, not per-cell fills: they follow sorting and edits, and a
        # workbook of many thousand findings stays quick to write
        rules = sheet.ws.conditional_formatting
        waived = t(L.YES, lang)
        rules.add(f"A2:{corner}", FormulaRule(formula=[f'$E2="{waived}"'], fill=FILLS["waived"],
                                              font=GREY_TEXT, stopIfTrue=True))
        for severity in ("error", "warning", "info"):
            rules.add(f"A2:{corner}", FormulaRule(formula=[f'$C2="{severity}"'],
                                                  fill=FILLS[severity]))
    sheet.fit(cap=60, fixed={4: min(max(sheet.widths.get(4, 10), 10), 100) + 2})


class _FindingsWriter(WorksheetWriter):  # type: ignore[misc]
    """openpyxl's sheet writer, given the sheet's rows as they are made."""

    def __init__(self, ws: Any, rows: FindingRows) -> None:
        self._source = rows
        self._last = rows.sheets[id(ws)][1] + 1
        super().__init__(ws)

    def write_dimensions(self) -> None:
        corner = get_column_letter(len(L.COLS_FINDINGS))
        self.xf.send(SheetDimension(f"A1:{corner}{self._last}").to_tree())

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        return self._source.rows(self.ws)


class ReportWriter(ExcelWriter):  # type: ignore[misc]
    """openpyxl's workbook writer; the findings sheets are written by _FindingsWriter."""

    def __init__(self, workbook: Any, archive: Any, rows: FindingRows) -> None:
        super().__init__(workbook, archive)
        self._rows = rows

    def write_worksheet(self, ws: Any) -> None:
        if id(ws) not in self._rows.sheets:
            super().write_worksheet(ws)
            return
        # as ExcelWriter.write_worksheet does for a sheet in memory
        from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing

        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer = _FindingsWriter(ws, self._rows)
        writer.write()
        ws._rels = writer._rels
        self._archive.write(writer.out, ws.path[1:])
        self.manifest.append(ws)
        writer.cleanup()
