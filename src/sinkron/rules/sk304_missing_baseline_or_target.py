"""SK304 missing-baseline-or-target: a priority indicator without a village baseline or target."""

from __future__ import annotations

from collections.abc import Iterator

from sinkron.findings import Problem
from sinkron.i18n import Msg
from sinkron.model.build import Plan
from sinkron.rules.common import inline, on_plan, on_whole_plan
from sinkron.rules.context import Context
from sinkron.rules.registry import Example, rule

RULE = rule(
    "SK304", "missing-baseline-or-target", "warning",
    Msg("a priority indicator for which the village gives no baseline or no target",
        "indikator prioritas yang tidak diberi baseline atau target oleh desa"),
    Msg("Without the village's own starting point and goal, nobody can tell whether its "
        "activities move the indicator, and the projection falls back on older numbers.",
        "Tanpa titik awal dan sasaran desa sendiri, tidak ada yang bisa menilai apakah "
        "kegiatannya menggerakkan indikator, dan proyeksi memakai angka yang lebih lama."),
    bad=Example(plans=("indicators:\n  - id: stunting\n"
                       "    baseline: {year: 2024, value: 15.1, source: \"e-PPGBM 2024\"}\n",),
                expect=(("SK304", "plan", 2),)),
    good=Example(plans=("indicators:\n  - id: stunting\n"
                        "    baseline: {year: 2024, value: 15.1, source: \"e-PPGBM 2024\"}\n"
                        "    target: {year: 2025, value: 13.0}\n",)),
)

M_NO_ENTRY = Msg("the priority indicator {id} ({name}) is missing from `indicators`: give the "
                 "village's baseline and its target for {year}",
                 "indikator prioritas {id} ({name}) tidak ada di `indicators`: isi baseline "
                 "desa dan targetnya untuk tahun {year}")
M_LACKS = Msg("the priority indicator {id} has no {what}; add it",
              "indikator prioritas {id} belum memiliki {what}; lengkapi")
BASELINE = Msg("baseline", "baseline")
TARGET = Msg("target for {year}", "target tahun {year}")
BOTH = Msg("baseline and no target for {year}", "baseline dan target tahun {year}")


@RULE.on_plan
def check(plan: Plan, ctx: Context) -> Iterator[Problem]:
    for ind in ctx.targets.indicators:
        if not ind.priority:
            continue
        item = plan.entry(ind.id)
        if item is None and ind.id in plan.left_out_ids:
            continue  # the entry is there but malformed: its SK002 says what to fix
        if item is None:
            yield on_whole_plan("SK304", M_NO_ENTRY(id=ind.id, name=ind.name, year=plan.year),
                                plan, indicator=ind.id)
            continue
        e = item.model
        if e.baseline is not None and e.target is not None:
            continue
        what = (BOTH(year=plan.year) if e.baseline is None and e.target is None
                else BASELINE() if e.baseline is None else TARGET(year=plan.year))
        yield on_plan("SK304", M_LACKS(id=ind.id, what=inline(what)), plan, item.path,
                      indicator=ind.id)
