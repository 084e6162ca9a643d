"""SK502 stale-baseline: a village baseline older than policy.baseline_max_age years."""

from __future__ import annotations

from collections.abc import Iterator

from sinkron.findings import Problem
from sinkron.i18n import Msg
from sinkron.model.build import Plan
from sinkron.rules.common import on_plan
from sinkron.rules.context import Context
from sinkron.rules.registry import Example, rule

_ENTRY = ("indicators:\n  - id: stunting\n"
          "    baseline: {{year: {year}, value: 15.1, source: \"e-PPGBM\"}}\n"
          "    target: {{year: 2025, value: 13.0}}\n")

RULE = rule(
    "SK502", "stale-baseline", "warning",
    Msg("a village baseline whose year is more than `policy.baseline_max_age` years before the "
        "plan year",
        "baseline desa yang tahunnya lebih dari `policy.baseline_max_age` tahun sebelum tahun "
        "rencana"),
    Msg("A target set against an old baseline may already be reached, or already out of "
        "reach; update the baseline from the latest survey or register.",
        "Target yang disusun dari baseline lama bisa jadi sudah tercapai, atau justru sudah "
        "tidak realistis; perbarui baseline dari survei atau register terbaru."),
    bad=Example(plans=(_ENTRY.format(year=2020),), expect=(("SK502", "plan", 3),)),
    good=Example(plans=(_ENTRY.format(year=2022),)),
)

MSG = Msg("the baseline of {id} is from {year}, {age} years before the plan year {plan_year} "
          "(at most {max_age} allowed); use a newer figure",
          "baseline {id} berasal dari tahun {year}, {age} tahun sebelum tahun rencana "
          "{plan_year} (paling lama {max_age} tahun); gunakan data yang lebih baru")


@RULE.on_plan
def check(plan: Plan, ctx: Context) -> Iterator[Problem]:
    max_age = ctx.targets.policy.baseline_max_age
    for item in plan.indicators:
        e = item.model
        if e.id not in ctx.indicator_ids or e.baseline is None:
            continue
        age = plan.year - e.baseline.year
        if age > max_age:
            yield on_plan("SK502", MSG(id=e.id, year=e.baseline.year, age=age,
                                       plan_year=plan.year, max_age=max_age),
                          plan, item.path + ("baseline", "year"), indicator=e.id)
