"""SK101 unknown-indicator: an indicator id that targets does not define."""

from __future__ import annotations

from collections.abc import Iterator

from sinkron.findings import Problem
from sinkron.i18n import Msg
from sinkron.model.build import Plan
from sinkron.model.errors import hint
from sinkron.rules.common import on_activity, on_plan
from sinkron.rules.context import Context
from sinkron.rules.registry import Example, rule

RULE = rule(
    "SK101", "unknown-indicator", "error",
    Msg("an indicator id (in `supports` or `indicators`) that targets does not define",
        "id indikator (pada `supports` atau `indicators`) yang tidak ada di target kabupaten"),
    Msg("A link to an indicator the regency does not track counts for nothing: the spending "
        "looks unaligned and the village's numbers are left out of the projection.",
        "Tautan ke indikator yang tidak dipantau kabupaten tidak dihitung: belanja tampak tidak "
        "selaras dan angka desa tidak masuk proyeksi."),
    bad=Example(plans=("activities:\n  - code: \"2.2.02\"\n    name: Posyandu\n"
                       "    supports: [stuntng]\n    budget: 45_000_000\n    fund: DD\n",),
                expect=(("SK101", "plan", 4),)),
    good=Example(plans=("activities:\n  - code: \"2.2.02\"\n    name: Posyandu\n"
                        "    supports: [stunting]\n    budget: 45_000_000\n    fund: DD\n",)),
)

MSG = Msg("'{id}' is not an indicator of the regency's targets{hint}",
          "'{id}' bukan indikator dalam target kabupaten{hint}")


@RULE.on_plan
def check(plan: Plan, ctx: Context) -> Iterator[Problem]:
    ids = sorted(ctx.indicator_ids)
    for item in plan.indicators:
        ident = item.model.id
        if ident not in ctx.indicator_ids:
            yield on_plan("SK101", MSG(id=ident, hint=hint(ident, ids)), plan,
                          item.path + ("id",), indicator=ident)
    for path, act in plan.iter_activities():
        for j, ident in enumerate(act.supports):
            if ident not in ctx.indicator_ids:
                yield on_activity("SK101", MSG(id=ident, hint=hint(ident, ids)), plan, path, act,
                                  ("supports", j), indicator=ident)
