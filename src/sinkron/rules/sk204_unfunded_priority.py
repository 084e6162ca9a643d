"""SK204 unfunded-priority: a priority indicator supported only by zero-budget activities."""

from __future__ import annotations

from collections.abc import Iterator

from sinkron.findings import Problem
from sinkron.i18n import Msg
from sinkron.model.build import Plan
from sinkron.rules.common import on_whole_plan
from sinkron.rules.context import Context
from sinkron.rules.registry import Example, rule

RULE = rule(
    "SK204", "unfunded-priority", "warning",
    Msg("a priority indicator supported only by activities with zero budget",
        "indikator prioritas yang hanya didukung kegiatan beranggaran nol"),
    Msg("An activity without money is a promise, not a plan: the priority counts as addressed "
        "on paper while nothing is spent on it.",
        "Kegiatan tanpa anggaran hanyalah janji, bukan rencana: indikator prioritas tampak "
        "ditangani di atas kertas, padahal tidak ada belanja untuknya."),
    bad=Example(plans=("indicators:\n  - id: stunting\n"
                       "    baseline: {year: 2024, value: 15.1, source: \"e-PPGBM 2024\"}\n"
                       "    target: {year: 2025, value: 13.0}\n"
                       "activities:\n  - code: \"2.2.02\"\n    name: Posyandu\n"
                       "    supports: [stunting]\n    budget: 0\n    fund: DD\n",),
                expect=(("SK204", "plan", 1),)),
    good=Example(plans=("activities:\n  - code: \"2.2.02\"\n    name: Posyandu\n"
                        "    supports: [stunting]\n    budget: 45_000_000\n    fund: DD\n",)),
)

MSG = Msg("the priority indicator {id} is supported only by activities with zero budget "
          "({activities}); give at least one of them a budget",
          "indikator prioritas {id} hanya didukung kegiatan beranggaran nol ({activities}); "
          "alokasikan anggaran untuk minimal satu di antaranya")


@RULE.on_plan
def check(plan: Plan, ctx: Context) -> Iterator[Problem]:
    if not plan.complete("activities"):
        return  # a left-out activity (SK002) may be the one that funds it
    funded: set[str] = set()
    unfunded: dict[str, list[str]] = {}
    for _, act, ids in ctx.linked(plan):
        for ident in ids:
            if act.budget > 0:
                funded.add(ident)
            else:
                unfunded.setdefault(ident, []).append(act.code)
    for ind in ctx.targets.indicators:
        if ind.priority and ind.id in unfunded and ind.id not in funded:
            yield on_whole_plan("SK204", MSG(id=ind.id, activities=", ".join(unfunded[ind.id])),
                                plan, indicator=ind.id)
