"""SK302 target-below-milestone: a village target weaker than the regency milestone."""

from __future__ import annotations

from collections.abc import Iterator

from sinkron.findings import Problem
from sinkron.i18n import Msg, num
from sinkron.model.build import Plan
from sinkron.rules.common import on_plan
from sinkron.rules.context import Context
from sinkron.rules.milestones import goal, shown, weaker
from sinkron.rules.registry import Example, rule
from sinkron.rules.units import impossible

RULE = rule(
    "SK302", "target-below-milestone", "warning",
    Msg("a village target weaker than the regency milestone for the target's year",
        "target desa yang lebih lemah dari tonggak capaian kabupaten pada tahun target"),
    Msg("The regency reaches its milestone only if villages aim at least as high; a weaker "
        "village target has to be made up by other villages.",
        "Kabupaten hanya mencapai tonggak capaiannya bila desa menargetkan setidaknya setara; "
        "target desa yang lebih lemah harus ditutup oleh desa lain."),
    bad=Example(plans=("indicators:\n  - id: stunting\n"
                       "    baseline: {year: 2024, value: 19.5, source: \"e-PPGBM 2024\"}\n"
                       "    target: {year: 2025, value: 17.0}\n",),
                expect=(("SK302", "plan", 4),)),
    good=Example(plans=("indicators:\n  - id: stunting\n"
                        "    baseline: {year: 2024, value: 19.5, source: \"e-PPGBM 2024\"}\n"
                        "    target: {year: 2025, value: 16.5}\n",)),
)

MSG = Msg("the village target {target} for {id} in {year} is weaker than the regency "
          "milestone {milestone} (aim for {goal})",
          "target desa {target} untuk {id} tahun {year} lebih lemah dari tonggak capaian "
          "kabupaten {milestone} (targetkan {goal})")


@RULE.on_plan
def check(plan: Plan, ctx: Context) -> Iterator[Problem]:
    for item in plan.indicators:
        e = item.model
        ind = ctx.targets.indicator(e.id)
        if ind is None or e.target is None or impossible(e.target.value, ind.unit):
            continue
        mark = ctx.milestone(ind, e.target.year)
        if weaker(e.target.value, mark, ind.direction):
            yield on_plan("SK302", MSG(target=num(e.target.value, 6), id=e.id, year=e.target.year,
                                       milestone=shown(mark), goal=goal(mark, ind.direction)),
                          plan, item.path + ("target", "value"), indicator=e.id)
