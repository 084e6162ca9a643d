"""SK301 target-against-direction: a target worse than its own baseline."""

from __future__ import annotations

from collections.abc import Iterator

from sinkron.findings import Problem
from sinkron.i18n import L, Msg, num
from sinkron.model.build import Plan
from sinkron.model.targets import Indicator
from sinkron.rules.common import inline, on_plan, year_key
from sinkron.rules.context import Context
from sinkron.rules.milestones import TOLERANCE, Milestone, distance_outside, milestone, shown
from sinkron.rules.registry import Example, rule
from sinkron.rules.units import impossible

RULE = rule(
    "SK301", "target-against-direction", "error",
    Msg("a target that moves against the indicator's direction (worse than its own baseline; "
        "for `within`, further outside the band), in a plan or in targets",
        "target yang bergerak berlawanan dengan arah indikator (lebih buruk dari baseline-nya "
        "sendiri; untuk `within`, makin jauh di luar rentang), di rencana maupun di target"),
    Msg("A target worse than today plans for decline: usually the baseline and target are "
        "swapped, or the direction of the indicator was misread.",
        "Target yang lebih buruk dari kondisi sekarang berarti merencanakan kemunduran: "
        "biasanya baseline dan target tertukar, atau arah indikator salah dipahami."),
    bad=Example(plans=("indicators:\n  - id: stunting\n"
                       "    baseline: {year: 2024, value: 15.1, source: \"e-PPGBM 2024\"}\n"
                       "    target: {year: 2025, value: 16.0}\n",),
                expect=(("SK301", "plan", 4),)),
    good=Example(plans=("indicators:\n  - id: stunting\n"
                        "    baseline: {year: 2024, value: 15.1, source: \"e-PPGBM 2024\"}\n"
                        "    target: {year: 2025, value: 13.0}\n",)),
)

M_PLAN = Msg("the target {target} for {id} is worse than the village's own baseline "
             "{baseline} ({baseline_year}): {id} should {direction}; check whether they are "
             "swapped",
             "target {target} untuk {id} lebih buruk dari baseline desa sendiri {baseline} "
             "({baseline_year}): {id} seharusnya {direction}; periksa apakah keduanya tertukar")
M_TARGETS = Msg("the regency target {target} for {id} in {year} is worse than its baseline "
                "{baseline} ({baseline_year}): {id} should {direction}",
                "target kabupaten {target} untuk {id} tahun {year} lebih buruk dari baseline-nya "
                "{baseline} ({baseline_year}): {id} seharusnya {direction}")
DIRECTION = {"decrease": Msg("decrease", "turun"), "increase": Msg("increase", "naik"),
             "within": Msg("move into its band {band}", "bergerak masuk ke rentang {band}")}


def _direction(ind: Indicator, mark: Milestone) -> L:
    return inline(DIRECTION[ind.direction](band=shown(mark)) if ind.direction == "within"
                  else DIRECTION[ind.direction]())


def against(ind: Indicator, baseline: float, target: float, year: int) -> bool:
    """True when a village `target` for `year` is worse than its `baseline`."""
    if ind.direction == "decrease":
        return target > baseline + TOLERANCE
    if ind.direction == "increase":
        return target < baseline - TOLERANCE
    band = milestone(ind, year)
    return distance_outside(target, band) > distance_outside(baseline, band) + TOLERANCE


@RULE.on_plan
def check_plan(plan: Plan, ctx: Context) -> Iterator[Problem]:
    for item in plan.indicators:
        e = item.model
        ind = ctx.targets.indicator(e.id)
        if ind is None or e.baseline is None or e.target is None:
            continue
        if impossible(e.baseline.value, ind.unit) or impossible(e.target.value, ind.unit):
            continue  # SK305 says what is wrong; no cascade
        if against(ind, e.baseline.value, e.target.value, e.target.year):
            mark = milestone(ind, e.target.year)
            yield on_plan("SK301", M_PLAN(target=num(e.target.value, 6), id=e.id,
                                          baseline=num(e.baseline.value, 6),
                                          baseline_year=e.baseline.year,
                                          direction=_direction(ind, mark)),
                          plan, item.path + ("target", "value"), indicator=e.id)


@RULE.on_targets
def check_targets(ctx: Context) -> Iterator[Problem]:
    # a `within` target is the band itself: it cannot lie outside itself, so only
    # decrease/increase targets are compared with the regency baseline
    for n, ind in enumerate(ctx.targets.indicators):
        base = ind.baseline
        if base is None or ind.direction == "within" or impossible(base.value, ind.unit):
            continue
        for year, target in ind.targets.items():
            mark = Milestone.of(target)
            value = mark.counts(ind.direction)
            if value is None or impossible(value, ind.unit) or mark.low > mark.high:
                continue
            worse = (value > base.value + TOLERANCE if ind.direction == "decrease"
                     else value < base.value - TOLERANCE)
            if worse:
                path = year_key(ctx.source, ("indicators", n, "targets"), year)
                if mark.band:
                    path += ("max" if ind.direction == "decrease" else "min",)
                yield Problem("SK301", M_TARGETS(target=shown(mark), id=ind.id, year=year,
                                                 baseline=num(base.value, 6),
                                                 baseline_year=base.year,
                                                 direction=_direction(ind, mark)),
                              ctx.source.value(path), indicator=ind.id, year=year)
