"""SK104 year-outside-period: a plan year outside the targets period."""

from __future__ import annotations

from collections.abc import Iterator

from sinkron.findings import Problem
from sinkron.i18n import Msg
from sinkron.model.build import Plan
from sinkron.rules.common import on_plan
from sinkron.rules.context import Context
from sinkron.rules.registry import Example, rule

RULE = rule(
    "SK104", "year-outside-period", "error",
    Msg("a plan year outside the targets period", "tahun rencana di luar periode target"),
    Msg("The regency's targets say nothing about that year, so the plan cannot be checked "
        "against them and is left out of the projection.",
        "Target kabupaten tidak mengatur tahun itu, sehingga rencana tidak dapat dibandingkan "
        "dan tidak ikut dalam proyeksi."),
    bad=Example(plans=("plan:\n  document: RKPDes\n  year: 2024\n"
                       "  funds: {DD: 850_000_000, ADD: 400_000_000}\n",),
                expect=(("SK104", "plan", 3),)),
    good=Example(plans=("plan:\n  document: RKPDes\n  year: 2025\n"
                        "  funds: {DD: 850_000_000, ADD: 400_000_000}\n",)),
)

MSG = Msg("plan year {year} is outside the targets period {start}-{end}",
          "tahun rencana {year} di luar periode target {start}-{end}")


@RULE.on_plan
def check(plan: Plan, ctx: Context) -> Iterator[Problem]:
    period = ctx.targets.period
    if not period.start <= plan.year <= period.end:
        yield on_plan("SK104", MSG(year=plan.year, start=period.start, end=period.end), plan,
                      ("plan", "year"))
