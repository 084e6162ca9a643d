"""SK106 duplicate-activity: the same activity (code, name and fund) twice in one plan."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from sinkron.findings import Problem
from sinkron.i18n import Msg
from sinkron.load.source import Path
from sinkron.model.build import Plan
from sinkron.rules.common import on_activity
from sinkron.rules.context import Context
from sinkron.rules.registry import Example, rule

_ACT = ("  - code: \"2.2.02\"\n    name: Penyelenggaraan Posyandu\n    supports: [stunting]\n"
        "    budget: 45_000_000\n    fund: {fund}\n")

RULE = rule(
    "SK106", "duplicate-activity", "warning",
    Msg("the same activity (code, name and fund) twice in one plan",
        "kegiatan yang sama (kode, nama dan sumber dana) tercantum dua kali dalam satu rencana"),
    Msg("A repeated row counts its budget twice; one activity split across funds is normal.",
        "Baris ganda menghitung anggaran dua kali; satu kegiatan yang dibiayai beberapa sumber "
        "dana itu wajar."),
    bad=Example(plans=("activities:\n" + _ACT.format(fund="DD") + _ACT.format(fund="DD"),),
                expect=(("SK106", "plan", 7),)),
    good=Example(plans=("activities:\n" + _ACT.format(fund="DD") + _ACT.format(fund="ADD"),)),
)

MSG = Msg("activity {code} '{name}' paid from {fund} is listed twice (first at {first}); "
          "merge the rows",
          "kegiatan {code} '{name}' dari {fund} tercantum dua kali (pertama di {first}); "
          "gabungkan barisnya")


@RULE.on_plan
def check(plan: Plan, ctx: Context) -> Iterator[Problem]:
    # only an activity whose code and fund repeat can be a duplicate: normalise just their names
    pairs = Counter((act.code, act.fund) for _, act in plan.iter_activities())
    seen: dict[tuple[str, str, str], Path] = {}
    for path, act in plan.iter_activities():
        if pairs[act.code, act.fund] < 2:
            continue
        key = (act.code, " ".join(act.name.lower().split()), act.fund)
        first = seen.setdefault(key, path)
        if first is not path:
            loc = plan.at(first)
            yield on_activity("SK106", MSG(code=act.code, name=act.name, fund=act.fund,
                                           first=str(loc)), plan, path, act, related=(loc,))
