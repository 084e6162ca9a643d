"""SK306 target-year-outside-plan: a village target for another year than the plan's."""

from __future__ import annotations

from collections.abc import Iterator

from sinkron.findings import Problem
from sinkron.i18n import Msg
from sinkron.model.build import Plan
from sinkron.rules.common import on_plan
from sinkron.rules.context import Context
from sinkron.rules.registry import Example, rule

RULE = rule(
    "SK306", "target-year-outside-plan", "error",
    Msg("a village target whose year is not the plan year",
        "target desa yang tahunnya bukan tahun rencana"),
    Msg("A yearly plan (RKP Desa) sets targets for its own year; a target for another year "
        "cannot be compared with the milestone and is left out of the projection.",
        "RKP Desa menetapkan target untuk tahunnya sendiri; target untuk tahun lain tidak "
        "dapat dibandingkan dengan tonggak capaian dan tidak dihitung dalam proyeksi."),
    bad=Example(plans=("indicators:\n  - id: stunting\n"
                       "    baseline: {year: 2024, value: 15.1, source: \"e-PPGBM 2024\"}\n"
                       "    target: {year: 2026, value: 13.0}\n",),
                expect=(("SK306", "plan", 4),)),
    good=Example(plans=("indicators:\n  - id: stunting\n"
                        "    baseline: {year: 2024, value: 15.1, source: \"e-PPGBM 2024\"}\n"
                        "    target: {year: 2025, value: 13.0}\n",)),
)

MSG = Msg("the target of {id} is for {year}, but this is the plan for {plan_year}; give the "
          "target for {plan_year}",
          "target {id} untuk tahun {year}, padahal ini rencana tahun {plan_year}; isi target "
          "untuk tahun {plan_year}")


@RULE.on_plan
def check(plan: Plan, ctx: Context) -> Iterator[Problem]:
    for item in plan.indicators:
        e = item.model
        if e.target is not None and e.target.year != plan.year:
            yield on_plan("SK306", MSG(id=e.id, year=e.target.year, plan_year=plan.year), plan,
                          item.path + ("target", "year"), indicator=e.id)
