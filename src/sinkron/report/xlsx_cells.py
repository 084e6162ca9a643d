"""Writing cells of the workbook report safely: text stays text, widths fit the content."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from sinkron.report.safe import replace_unsafe

RUPIAH = '"Rp" #,##0'
PERCENT = "0.0%"
DECIMAL = "#,##0.00"
WHOLE = "#,##0"
MAX_CELL = 32767  # the most characters a cell holds
FORMULA_START = ("=", "+", "-", "@")  # what a spreadsheet would read as a formula

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
GREY_TEXT = Font(color="808080")


def solid(rgb: str) -> PatternFill:
    """A solid fill; both colours set, as conditional formats read the background one."""
    return PatternFill("solid", start_color=rgb, end_color=rgb)


HEADER_FILL = solid("D9D9D9")
FILLS = {"error": solid("FFC7CE"), "warning": solid("FFEB9C"), "info": solid("DDEBF7"),
         "waived": solid("F2F2F2"), "good": solid("C6EFCE"), "grey": solid("EDEDED")}


def cell_text(text: str) -> str:
    """Text a workbook can hold: unholdable characters become U+FFFD, long text is cut."""
    # U+FFFE and U+FFFF are no XML characters: openpyxl would write a file Excel must repair
    text = replace_unsafe(text).replace("\ufffe", "\ufffd").replace("\uffff", "\ufffd")
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - 1] + "…"


def _number(value: float | int) -> float | int | None:
    return value if isinstance(value, int) or math.isfinite(value) else None


class Sheet:
    """A worksheet that writes values safely and remembers how wide each column must be."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.widths: dict[int, int] = {}

    def put(self, row: int, col: int, value: object, fmt: str | None = None,
            font: Font | None = None, fill: PatternFill | None = None,
            measure: bool = True) -> Any:
        """Write one cell; text is always text, never a formula."""
        if value is None and fmt is None and font is None and fill is None:
            return None  # an empty cell need not exist
        cell = self.ws.cell(row=row, column=col)
        if isinstance(value, bool):
            cell.value = value
        elif isinstance(value, int | float):
            cell.value = _number(value)
        elif value is not None:
            text = cell_text(str(value))
            cell.value = text
            cell.data_type = "s"  # openpyxl would store text starting with '=' as a formula
            if text.startswith(FORMULA_START):
                cell.quotePrefix = True  # and Excel would re-read it as one on editing
        if fmt:
            cell.number_format = fmt
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        if measure:
            self._measure(col, cell.value, fmt)
        return cell

    def measure_value(self, col: int, value: object) -> None:
        """Widen column `col` for `value` as `put` would store it, without making a cell."""
        if isinstance(value, bool) or value is None:
            self._measure(col, value, None)
        elif isinstance(value, int | float):
            self._measure(col, _number(value), None)
        else:
            self._measure(col, cell_text(str(value)), None)

    def _measure(self, col: int, value: object, fmt: str | None) -> None:
        if value is None:
            return
        if isinstance(value, float | int) and not isinstance(value, bool):
            size = len(f"{value:,.2f}") + (3 if fmt == RUPIAH else 0)
        else:
            size = max(len(line) for line in str(value).split("\n"))
        self.widths[col] = max(self.widths.get(col, 0), size)

    def header(self, row: int, labels: Sequence[str], col: int = 1) -> None:
        """A bold, shaded header row; it wraps, so only its longest word sets the width."""
        for n, label in enumerate(labels):
            cell = self.put(row, col + n, label, font=BOLD, fill=HEADER_FILL, measure=False)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            self._measure(col + n, max(label.split() or [""], key=len), None)

    def row(self, row: int, values: Sequence[object], fmts: Sequence[str | None] = (),
            fill: PatternFill | None = None, font: Font | None = None) -> None:
        for n, value in enumerate(values):
            fmt = fmts[n] if n < len(fmts) else None
            self.put(row, n + 1, value, fmt, font=font, fill=fill)

    def fit(self, cap: int = 60, floor: int = 6, fixed: dict[int, int] | None = None) -> None:
        """Column widths that fit the longest value, between `floor` and `cap` characters."""
        for col, size in self.widths.items():
            width = (fixed or {}).get(col, min(max(size, floor), cap) + 2)
            self.ws.column_dimensions[get_column_letter(col)].width = width
