"""SK202 priority-not-addressed: a priority indicator that no activity of the village supports."""

from __future__ import annotations

from collections.abc import Iterator

from sinkron.findings import Problem
from sinkron.i18n import Msg
from sinkron.model.build import Plan
from sinkron.rules.common import on_whole_plan
from sinkron.rules.context import Context
from sinkron.rules.registry import Example, rule

RULE = rule(
    "SK202", "priority-not-addressed", "warning",
    Msg("a priority indicator that no activity of the village supports",
        "indikator prioritas yang tidak didukung satu pun kegiatan desa"),
    Msg("The regency marks an indicator as a priority because every village must work on "
        "it; a plan without a single activity for it leaves a gap in the regency's effort.",
        "Kabupaten menetapkan indikator prioritas karena setiap desa wajib menanganinya; "
        "rencana tanpa satu pun kegiatan untuk itu meninggalkan celah dalam upaya kabupaten."),
    bad=Example(plans=("indicators:\n  - id: stunting\n"
                       "    baseline: {year: 2024, value: 15.1, source: \"e-PPGBM 2024\"}\n"
                       "    target: {year: 2025, value: 13.0}\n"
                       "activities:\n  - code: \"2.1.01\"\n    name: Honor guru PAUD\n"
                       "    budget: 45_000_000\n    fund: DD\n",),
                expect=(("SK202", "plan", 1),)),
    good=Example(plans=("activities:\n  - code: \"2.2.06\"\n    name: Bina Keluarga Balita\n"
                        "    budget: 20_000_000\n    fund: DD\n",)),
)

MSG = Msg("no activity supports the priority indicator {id} ({name}); plan at least one "
          "(codes the regency counts: {codes})",
          "tidak ada kegiatan yang mendukung indikator prioritas {id} ({name}); rencanakan "
          "minimal satu (kode yang diakui kabupaten: {codes})")


@RULE.on_plan
def check(plan: Plan, ctx: Context) -> Iterator[Problem]:
    if not plan.complete("activities"):
        return  # a left-out activity (SK002) may be the one that addresses it
    addressed: set[str] = set()
    for _, _, ids in ctx.linked(plan):
        addressed |= ids
    for ind in ctx.targets.indicators:
        if ind.priority and ind.id not in addressed:
            codes = ", ".join(ind.activity_codes) or "-"
            yield on_whole_plan("SK202", MSG(id=ind.id, name=ind.name, codes=codes), plan,
                                indicator=ind.id)
