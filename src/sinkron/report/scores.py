"""The numbers behind the workbook report: alignment scores, coverage states, budget rows.

Pure functions of a Report (its plan summaries, indicators and projection), so they are
tested without a workbook and the same numbers can reach any format.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sinkron.findings import IndicatorInfo, ProjectionRow, Report

TOLERANCE = 1e-9  # formats.md: "equal is not weaker", compared with this tolerance


class Cover(StrEnum):
    """How a village's plan stands toward one indicator."""

    funded = "funded"  # supported by an activity with budget
    unfunded = "unfunded"  # supported only by zero-budget activities
    missing = "missing"  # no activity supports it


def cover(summary: Any, indicator: str) -> Cover:
    """The coverage state of one plan x indicator (the same relation SK202/SK204 use)."""
    if summary.budget_by_indicator.get(indicator, 0) > 0:
        return Cover.funded
    return Cover.unfunded if indicator in summary.addressed else Cover.missing


def budget_share(summaries: Sequence[Any]) -> float | None:
    """Share of all budget on activities that support at least one indicator."""
    total = sum(s.budget_total for s in summaries)
    return sum(s.budget_linked for s in summaries) / total if total else None


def priority_pairs(report: Report) -> tuple[int, int]:
    """(addressed, all) village x priority-indicator pairs."""
    priority = [i.id for i in report.indicators if i.priority]
    done = sum(1 for s in report.summaries for i in priority if i in s.addressed)
    return done, len(priority) * len(report.summaries)


@dataclass(frozen=True)
class OnTrack:
    """Of the villages with a plan for a year, how many are on track for an indicator."""

    indicator: str
    year: int
    plans: int  # villages in the regency with a plan for that year
    with_value: int  # ... that give a target for the year or a baseline
    on_track: int  # ... whose value is not weaker than the regency milestone

    @property
    def share(self) -> float | None:
        return self.on_track / self.plans if self.plans else None


def weaker(value: float, row: ProjectionRow, direction: str) -> bool | None:
    """Whether a value is weaker than the milestone of a projection row (formats.md)."""
    if direction == "within":
        if row.band is None:
            return None if row.milestone is None else abs(value - row.milestone) > TOLERANCE
        return value < row.band[0] - TOLERANCE or value > row.band[1] + TOLERANCE
    if row.milestone is None:
        return None
    if direction == "increase":
        return value < row.milestone - TOLERANCE
    return value > row.milestone + TOLERANCE


def village_value(summary: Any, indicator: str, year: int) -> float | None:
    """The value that counts for a year: its target for that year, else its baseline."""
    values = summary.values.get(indicator)
    if values is None:
        return None
    if values.target is not None and values.target_year == year:
        return float(values.target)
    return None if values.baseline is None else float(values.baseline)


def on_track(report: Report) -> list[OnTrack]:
    """One line per projection row: villages on track toward that year's milestone."""
    direction = {i.id: i.direction for i in report.indicators}
    out: list[OnTrack] = []
    for row in report.projection:
        seen: set[str] = set()
        plans = with_value = good = 0
        for s in report.summaries:
            if s.year != row.year or not s.in_regency or s.code in seen:
                continue
            seen.add(s.code)
            plans += 1
            value = village_value(s, row.indicator, row.year)
            if value is None:
                continue
            with_value += 1
            if weaker(value, row, direction.get(row.indicator, "decrease")) is False:
                good += 1
        out.append(OnTrack(row.indicator, row.year, plans, with_value, good))
    return out


def indicator(report: Report, ident: str) -> IndicatorInfo | None:
    return next((i for i in report.indicators if i.id == ident), None)


def indicator_ids(report: Report) -> list[str]:
    """Indicators in targets order, then any a plan links to that targets lacks."""
    ids = [i.id for i in report.indicators]
    for s in report.summaries:
        ids += [i for i in sorted(s.budget_by_indicator) if i not in ids]
    return list(dict.fromkeys(ids))
