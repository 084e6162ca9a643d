"""SK403 unknown-fund: an activity paid from a source the plan's `funds` do not list."""

from __future__ import annotations

from collections.abc import Iterator

from sinkron.findings import Problem
from sinkron.i18n import Msg
from sinkron.model.build import Plan
from sinkron.model.errors import hint
from sinkron.rules.common import on_activity
from sinkron.rules.context import Context
from sinkron.rules.registry import Example, rule

_ACT = ("activities:\n  - code: \"2.2.02\"\n    name: Posyandu\n    supports: [stunting]\n"
        "    budget: 45_000_000\n    fund: {fund}\n")

RULE = rule(
    "SK403", "unknown-fund", "error",
    Msg("an activity names a fund source that the plan's `funds` do not list",
        "kegiatan menyebut sumber dana yang tidak tercantum di `funds` rencana"),
    Msg("Spending from a source the plan does not have cannot be checked against any ceiling "
        "and is usually a typing slip (Dana Desa written out instead of DD).",
        "Belanja dari sumber dana yang tidak ada di rencana tidak dapat dibandingkan dengan "
        "pagu mana pun dan biasanya salah ketik (Dana Desa ditulis lengkap, bukan DD)."),
    bad=Example(plans=(_ACT.format(fund="Dana Desa"),), expect=(("SK403", "plan", 6),)),
    good=Example(plans=(_ACT.format(fund="DD"),)),
)

MSG = Msg("fund '{fund}' is not among the plan's funds ({funds}){hint}",
          "sumber dana '{fund}' tidak ada di `funds` rencana ({funds}){hint}")


@RULE.on_plan
def check(plan: Plan, ctx: Context) -> Iterator[Problem]:
    funds = list(plan.header.funds)
    for path, act in plan.iter_activities():
        if act.fund not in plan.header.funds:
            yield on_activity("SK403", MSG(fund=act.fund, funds=", ".join(funds) or "-",
                                           hint=hint(act.fund, funds)),
                              plan, path, act, ("fund",))
