"""SK402 fund-overspent: activities paid from a source spend more than the plan has of it."""

from __future__ import annotations

from collections.abc import Iterator

from sinkron.findings import Problem
from sinkron.i18n import Msg, rupiah
from sinkron.model.build import Plan
from sinkron.rules.common import written_key
from sinkron.rules.context import Context
from sinkron.rules.registry import Example, rule

_PLAN = ("plan:\n  document: RKPDes\n  year: 2025\n  funds:\n    DD: 850_000_000\n"
         "    ADD: {add}\nactivities:\n  - code: \"2.2.02\"\n    name: Posyandu\n"
         "    budget: 45_000_000\n    fund: ADD\n")

RULE = rule(
    "SK402", "fund-overspent", "error",
    Msg("the activities paid from a fund source spend more than the plan's `funds` give for it",
        "kegiatan yang dibiayai suatu sumber dana membelanjakan lebih dari pagu sumber dana itu "
        "di `funds`"),
    Msg("A village cannot spend money it does not have: the APBDes must balance per source.",
        "Desa tidak dapat membelanjakan uang yang tidak dimilikinya: APBDes harus seimbang per "
        "sumber dana."),
    bad=Example(plans=(_PLAN.format(add="40_000_000"),), expect=(("SK402", "plan", 6),)),
    good=Example(plans=(_PLAN.format(add="400_000_000"),)),
)

MSG = Msg("activities paid from {fund} spend {spent}, {over} more than the {available} "
          "available; cut activities or move them to another source",
          "kegiatan dari {fund} membelanjakan {spent}, {over} melebihi pagu {available}; "
          "kurangi kegiatan atau alihkan ke sumber dana lain")


@RULE.on_plan
def check(plan: Plan, ctx: Context) -> Iterator[Problem]:
    spent: dict[str, int] = {}
    for _, act in plan.iter_activities():
        spent[act.fund] = spent.get(act.fund, 0) + act.budget
    for fund, available in plan.header.funds.items():
        used = spent.get(fund, 0)
        if used > available:
            path = written_key(plan.source, ("plan", "funds"), fund)
            yield Problem("SK402", MSG(fund=fund, spent=rupiah(used), over=rupiah(used - available),
                                       available=rupiah(available)),
                          plan.source.key(path), path=path, village=plan.code, year=plan.year)
