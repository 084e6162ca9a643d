"""SK305 impossible-value: a value its unit cannot take, or a band with min > max."""

from __future__ import annotations

from collections.abc import Iterator

from sinkron.findings import Problem
from sinkron.i18n import Msg, Text, num, rupiah
from sinkron.model.build import Plan
from sinkron.model.targets import Band
from sinkron.rules.common import inline, on_activity, on_plan, written_key, year_key
from sinkron.rules.context import Context
from sinkron.rules.registry import Example, rule
from sinkron.rules.units import allowed, impossible

RULE = rule(
    "SK305", "impossible-value", "error",
    Msg("a value impossible for its unit (a percentage outside 0..100, a negative rate, count "
        "or amount, a negative budget or fund) or a band with min > max, in plans and in "
        "targets",
        "nilai yang mustahil untuk satuannya (persentase di luar 0..100, angka rate, jumlah "
        "atau nominal negatif, anggaran atau pagu negatif) atau rentang dengan min > max, di "
        "rencana maupun di target"),
    Msg("An impossible number is a typing or unit slip; it would distort every comparison, so "
        "it is left out of the projection until fixed.",
        "Angka yang mustahil adalah salah ketik atau salah satuan; angka itu merusak setiap "
        "perbandingan, sehingga tidak dihitung dalam proyeksi sampai diperbaiki."),
    bad=Example(plans=("indicators:\n  - id: stunting\n"
                       "    baseline: {year: 2024, value: 151, source: \"e-PPGBM 2024\"}\n"
                       "    target: {year: 2025, value: 13.0}\n",),
                expect=(("SK305", "plan", 3),)),
    good=Example(plans=("indicators:\n  - id: stunting\n"
                        "    baseline: {year: 2024, value: 15.1, source: \"e-PPGBM 2024\"}\n"
                        "    target: {year: 2025, value: 13.0}\n",)),
)

M_VALUE = Msg("{what} {value} is impossible for {id} ({unit}): {rule}",
              "{what} {value} mustahil untuk {id} ({unit}): {rule}")
M_BAND = Msg("the band {min}-{max} of {id} in {year} has min above max; swap them",
             "rentang {min}-{max} untuk {id} tahun {year} memiliki min lebih besar dari max; "
             "tukar posisinya")
M_MONEY = Msg("{what} is {value}: an amount of money cannot be negative",
              "{what} tertulis {value}: nilai uang tidak boleh negatif")
FUND = Msg("the amount of fund {fund}", "pagu sumber dana {fund}")
BUDGET = Msg("the budget of activity {code}", "anggaran kegiatan {code}")
BASELINE = Msg("the baseline", "baseline")
TARGET = Msg("the target", "target")
REGENCY_BASELINE = Msg("the regency baseline", "baseline kabupaten")
REGENCY_TARGET = Msg("the regency target for {year}", "target kabupaten tahun {year}")


def _value(what: Text, value: float, ident: str, unit: str) -> Text:
    return M_VALUE(what=inline(what), value=num(value, 6), id=ident, unit=unit,
                   rule=inline(allowed(unit)))


@RULE.on_plan
def check_plan(plan: Plan, ctx: Context) -> Iterator[Problem]:
    for item in plan.indicators:
        e = item.model
        ind = ctx.targets.indicator(e.id)
        if ind is None:
            continue
        for part, what, point in (("baseline", BASELINE, e.baseline), ("target", TARGET, e.target)):
            if point is not None and impossible(point.value, ind.unit):
                yield on_plan("SK305", _value(what(), point.value, e.id, ind.unit), plan,
                              item.path + (part, "value"), indicator=e.id)
    for fund, amount in plan.header.funds.items():
        if amount < 0:
            path = written_key(plan.source, ("plan", "funds"), fund)
            yield on_plan("SK305", M_MONEY(what=inline(FUND(fund=fund)), value=rupiah(amount)),
                          plan, path)
    for path, act in plan.iter_activities():
        if act.budget < 0:
            yield on_activity("SK305", M_MONEY(what=inline(BUDGET(code=act.code)),
                                               value=rupiah(act.budget)),
                              plan, path, act, ("budget",))


@RULE.on_targets
def check_targets(ctx: Context) -> Iterator[Problem]:
    src = ctx.source
    for n, ind in enumerate(ctx.targets.indicators):
        at = ("indicators", n)
        if ind.baseline is not None and impossible(ind.baseline.value, ind.unit):
            yield Problem("SK305", _value(REGENCY_BASELINE(), ind.baseline.value, ind.id,
                                          ind.unit),
                          src.value(at + ("baseline", "value")), indicator=ind.id)
        for year, target in ind.targets.items():
            path = year_key(src, at + ("targets",), year)
            if isinstance(target, Band):
                if target.min > target.max:
                    yield Problem("SK305", M_BAND(min=num(target.min), max=num(target.max),
                                                  id=ind.id, year=year),
                                  src.value(path), indicator=ind.id, year=year)
                for end in ("min", "max"):
                    v = getattr(target, end)
                    if impossible(v, ind.unit):
                        yield Problem("SK305", _value(REGENCY_TARGET(year=year), v, ind.id,
                                                      ind.unit),
                                      src.value(path + (end,)), indicator=ind.id, year=year)
            elif impossible(target, ind.unit):
                yield Problem("SK305", _value(REGENCY_TARGET(year=year), target, ind.id,
                                              ind.unit),
                              src.value(path), indicator=ind.id, year=year)
