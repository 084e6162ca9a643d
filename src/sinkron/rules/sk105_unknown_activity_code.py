"""SK105 unknown-activity-code: a code not in the Permendagri 20/2018 nomenclature."""

from __future__ import annotations

from collections.abc import Iterator

from sinkron.findings import Problem
from sinkron.i18n import Msg
from sinkron.model.build import Plan
from sinkron.reference import known_activity
from sinkron.rules.common import on_activity
from sinkron.rules.context import Context
from sinkron.rules.registry import Example, rule

RULE = rule(
    "SK105", "unknown-activity-code", "warning",
    Msg("an activity code that is not in the national nomenclature (Permendagri 20/2018)",
        "kode kegiatan yang tidak ada dalam nomenklatur nasional (Permendagri 20/2018)"),
    Msg("Codes outside the nomenclature cannot be matched to the regency's indicator mapping "
        "and are rejected by Siskeudes.",
        "Kode di luar nomenklatur tidak dapat dicocokkan dengan pemetaan indikator kabupaten "
        "dan ditolak Siskeudes."),
    bad=Example(plans=("activities:\n  - code: \"2.2.45\"\n    name: Posyandu\n"
                       "    supports: [stunting]\n    budget: 45_000_000\n    fund: DD\n",),
                expect=(("SK105", "plan", 2),)),
    good=Example(plans=("activities:\n  - code: \"2.2.91\"\n    name: Posyandu remaja\n"
                        "    supports: [stunting]\n    budget: 5_000_000\n    fund: DD\n",)),
)

MSG = Msg("activity code {code} is not in the Permendagri 20/2018 nomenclature",
          "kode kegiatan {code} tidak ada dalam nomenklatur Permendagri 20/2018")


@RULE.on_plan
def check(plan: Plan, ctx: Context) -> Iterator[Problem]:
    for path, act in plan.iter_activities():
        if not known_activity(act.code):
            yield on_activity("SK105", MSG(code=act.code), plan, path, act, ("code",))
