"""The regency projection: do the village values, weighted, reach the regency milestone?

One row per indicator with `project: true` and per plan year inside the period (rules.md,
SK303). Taking part: plans whose year is that year and whose village is in the regency; of
two plans for one village and year, the first in path order. A village's value is its target
for that year, else its baseline; impossible values (SK305) do not count. Its weight is the
village count the indicator names (default population). A village without a value, without
that count, or whose count is 0 (nothing to weigh) is not reporting.

Coverage = reporting villages / the regency's villages (never fewer than the villages taking
part, so a stale `regency.villages` cannot push coverage above 100%).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sinkron.findings import ProjectionRow
from sinkron.model.targets import Indicator
from sinkron.rules.context import Context, PlanSummary
from sinkron.rules.milestones import TOLERANCE, Milestone, milestone, weaker
from sinkron.rules.units import impossible


@dataclass(frozen=True)
class Projection:
    """A projection row with what SK303/SK307 messages need besides it."""

    indicator: Indicator
    mark: Milestone
    row: ProjectionRow
    silent: tuple[str, ...]  # names of villages taking part that do not report
    regency_villages: int
    needed: float  # policy.projection_min_share

    @property
    def enough(self) -> bool:
        """True when coverage reaches policy.projection_min_share (SK303 may be raised)."""
        return self.row.coverage >= self.needed - TOLERANCE


def taking_part(summaries: Sequence[PlanSummary], ctx: Context) -> dict[int, list[PlanSummary]]:
    """Plan year (inside the period) -> the plans that take part, first per village."""
    period = ctx.targets.period
    out: dict[int, list[PlanSummary]] = {}
    seen: set[tuple[str, int]] = set()
    for s in summaries:
        if not period.start <= s.year <= period.end:
            continue
        plans = out.setdefault(s.year, [])
        if not s.in_regency or (s.code, s.year) in seen:
            continue
        seen.add((s.code, s.year))
        plans.append(s)
    return dict(sorted(out.items()))


def village_value(s: PlanSummary, ind: Indicator, year: int) -> float | None:
    """The value a village contributes: its target for `year`, else its baseline."""
    v = s.values.get(ind.id)
    if v is None:
        return None
    if v.target is not None and v.target_year == year and not impossible(v.target, ind.unit):
        return v.target
    if v.baseline is not None and not impossible(v.baseline, ind.unit):
        return v.baseline
    return None


def project_one(ind: Indicator, year: int, plans: Sequence[PlanSummary],
                ctx: Context) -> Projection:
    """The projection of one indicator for one year."""
    total = weights = 0.0
    reporting = 0
    silent: list[str] = []
    for s in plans:
        value, weight = village_value(s, ind, year), s.weight(ind.weight)
        if value is None or not weight:
            silent.append(s.name)
            continue
        reporting += 1
        total += value * weight
        weights += weight
    mark = milestone(ind, year)
    projected = total / weights if reporting else None
    villages = max(ctx.regency_villages, len(plans), 1)
    row = ProjectionRow(
        indicator=ind.id, year=year, milestone=mark.counts(ind.direction),
        band=(mark.low, mark.high) if mark.band else None, projected=projected,
        villages=len(plans), reporting=reporting, coverage=reporting / villages,
        met=None if projected is None else not weaker(projected, mark, ind.direction))
    return Projection(ind, mark, row, tuple(silent), villages,
                      ctx.targets.policy.projection_min_share)


def project(summaries: Sequence[PlanSummary], ctx: Context) -> list[Projection]:
    """Every row of the projection table, by indicator (targets order) then year."""
    years = taking_part(summaries, ctx)
    return [project_one(ind, year, plans, ctx)
            for ind in ctx.targets.indicators if ind.project
            for year, plans in years.items()]
