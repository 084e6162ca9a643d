"""SK503 baseline-outlier: a village baseline far from the regency's (a unit or typing slip?)."""

from __future__ import annotations

from collections.abc import Iterator

from sinkron.findings import Problem
from sinkron.i18n import L, Msg, num
from sinkron.model.build import Plan
from sinkron.rules.common import on_plan
from sinkron.rules.context import Context
from sinkron.rules.milestones import TOLERANCE
from sinkron.rules.registry import Example, rule
from sinkron.rules.units import impossible

_ENTRY = ("indicators:\n  - id: stunting\n"
          "    baseline: {{year: 2024, value: {value}, source: \"e-PPGBM 2024\"}}\n"
          "    target: {{year: 2025, value: {target}}}\n")
FACTOR = 3.0

RULE = rule(
    "SK503", "baseline-outlier", "info",
    Msg("a village baseline more than 3x or less than 1/3 of the regency baseline",
        "baseline desa lebih dari 3 kali atau kurang dari 1/3 baseline kabupaten"),
    Msg("Surveys and registers differ, so this is only a hint; but a value a factor off is "
        "often a proportion typed as a percentage, or a misplaced decimal point.",
        "Survei dan register bisa berbeda, jadi ini sekadar petunjuk; tetapi nilai yang "
        "berlipat jauh sering kali proporsi yang ditulis sebagai persen, atau salah letak koma."),
    bad=Example(plans=(_ENTRY.format(value="0.151", target="0.13"),),
                expect=(("SK503", "plan", 3),)),
    good=Example(plans=(_ENTRY.format(value="15.1", target="13.0"),)),
)

M_HIGH = Msg("the baseline {value} of {id} is {factor} times the regency baseline {regency}; "
             "check the unit ({unit}) and the decimal point",
             "baseline {id} sebesar {value} adalah {factor} kali baseline kabupaten {regency}; "
             "periksa satuan ({unit}) dan letak komanya")
M_LOW = Msg("the baseline {value} of {id} is {factor} times smaller than the regency baseline "
            "{regency}; check the unit ({unit}) and the decimal point",
            "baseline {id} sebesar {value} adalah {factor} kali lebih kecil dari baseline "
            "kabupaten {regency}; periksa satuan ({unit}) dan letak komanya")


@RULE.on_plan
def check(plan: Plan, ctx: Context) -> Iterator[Problem]:
    for item in plan.indicators:
        e = item.model
        ind = ctx.targets.indicator(e.id)
        if ind is None or ind.baseline is None or e.baseline is None:
            continue
        regency, value = ind.baseline.value, e.baseline.value
        if regency <= 0 or impossible(value, ind.unit) or impossible(regency, ind.unit):
            continue  # no ratio to speak of, or SK305 already says what is wrong
        if value > FACTOR * regency + TOLERANCE:
            msg = M_HIGH(value=num(value, 6), id=e.id, factor=num(value / regency, 1),
                         regency=num(regency, 6), unit=ind.unit)
        elif value < regency / FACTOR - TOLERANCE:
            factor = num(regency / value, 1) if value > 0 else L("∞", "∞")
            msg = M_LOW(value=num(value, 6), id=e.id, factor=factor, regency=num(regency, 6),
                        unit=ind.unit)
        else:
            continue
        yield on_plan("SK503", msg, plan, item.path + ("baseline", "value"), indicator=e.id)
