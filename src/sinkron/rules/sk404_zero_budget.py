"""SK404 zero-budget: an activity with a budget of zero."""

from __future__ import annotations

from collections.abc import Iterator

from sinkron.findings import Problem
from sinkron.i18n import Msg
from sinkron.model.build import Plan
from sinkron.rules.common import on_activity
from sinkron.rules.context import Context
from sinkron.rules.registry import Example, rule

_ACT = ("activities:\n  - code: \"2.2.02\"\n    name: Posyandu\n    supports: [stunting]\n"
        "    budget: {budget}\n    fund: DD\n")

RULE = rule(
    "SK404", "zero-budget", "warning",
    Msg("an activity with a budget of zero", "kegiatan dengan anggaran nol"),
    Msg("An activity without money will not happen; either budget it or move it to a later "
        "year's plan.",
        "Kegiatan tanpa anggaran tidak akan terlaksana; alokasikan anggarannya atau pindahkan "
        "ke rencana tahun berikutnya."),
    bad=Example(plans=(_ACT.format(budget="0"),), expect=(("SK404", "plan", 5),)),
    good=Example(plans=(_ACT.format(budget="45_000_000"),)),
)

MSG = Msg("activity {code} '{name}' has a budget of zero; give it a budget or drop it",
          "kegiatan {code} '{name}' beranggaran nol; isi anggarannya atau hapus kegiatannya")


@RULE.on_plan
def check(plan: Plan, ctx: Context) -> Iterator[Problem]:
    for path, act in plan.iter_activities():
        if act.budget == 0:
            yield on_activity("SK404", MSG(code=act.code, name=act.name), plan, path, act,
                              ("budget",))
