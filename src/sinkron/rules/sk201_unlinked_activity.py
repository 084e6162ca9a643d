"""SK201 unlinked-activity: an activity that supports no regency indicator."""

from __future__ import annotations

from collections.abc import Iterator

from sinkron.findings import Problem
from sinkron.i18n import Msg
from sinkron.model.build import Plan
from sinkron.rules.common import on_activity
from sinkron.rules.context import Context
from sinkron.rules.registry import Example, rule

RULE = rule(
    "SK201", "unlinked-activity", "warning",
    Msg("an activity that supports no regency indicator (neither named in `supports` nor by "
        "its code) and whose code is not exempt",
        "kegiatan yang tidak mendukung indikator kabupaten mana pun (tidak disebut di "
        "`supports` dan kodenya tidak dipetakan) dan kodenya tidak dikecualikan"),
    Msg("Spending that serves no regency indicator is spending the synchronisation meeting "
        "cannot count toward the regency's targets; link it, or record why it is needed.",
        "Belanja yang tidak mendukung indikator kabupaten tidak dapat dihitung dalam rapat "
        "sinkronisasi sebagai kontribusi terhadap target; tautkan, atau catat alasannya."),
    bad=Example(plans=("activities:\n  - code: \"2.3.10\"\n    name: Rehabilitasi jalan desa\n"
                       "    budget: 300_000_000\n    fund: DD\n",),
                expect=(("SK201", "plan", 2),)),
    good=Example(plans=("activities:\n  - code: \"2.2.02\"\n    name: Posyandu\n"
                        "    budget: 45_000_000\n    fund: DD\n"
                        "  - code: \"1.1.01\"\n    name: Penghasilan tetap kepala desa\n"
                        "    budget: 30_000_000\n    fund: ADD\n",)),
)

MSG = Msg("activity {code} '{name}' supports no regency indicator; name one in `supports` "
          "or waive it with the reason it is needed",
          "kegiatan {code} '{name}' tidak mendukung indikator kabupaten mana pun; sebutkan "
          "indikatornya di `supports` atau beri pengecualian dengan alasannya")


@RULE.on_plan
def check(plan: Plan, ctx: Context) -> Iterator[Problem]:
    for path, act, ids in ctx.linked(plan):
        if not ids and not ctx.exempt(act.code):
            yield on_activity("SK201", MSG(code=act.code, name=act.name), plan, path, act)
