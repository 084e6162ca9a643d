"""SK401 fund-share-violated: a policy.fund_shares rule broken by a plan."""

from __future__ import annotations

from collections.abc import Iterator

from sinkron.findings import Problem
from sinkron.i18n import Msg, pct, rupiah
from sinkron.model.build import Plan
from sinkron.rules.common import written_key
from sinkron.rules.context import Context, fund_shares
from sinkron.rules.milestones import TOLERANCE
from sinkron.rules.registry import Example, rule

_POLICY = ("policy:\n  fund_shares:\n    - id: ketahanan_pangan\n      name: Ketahanan pangan "
           "minimal 20% Dana Desa\n      fund: DD\n      min_share: 0.20\n"
           "      codes: [\"4.2.*\"]\n      years: [2025]\n")
_PLAN = ("plan:\n  document: RKPDes\n  year: 2025\n  funds: {{DD: 850_000_000, ADD: 400_000_000}}\n"
         "activities:\n  - code: \"2.2.02\"\n    name: Posyandu\n    budget: 45_000_000\n"
         "    fund: DD\n  - code: \"4.2.03\"\n    name: Lumbung pangan desa\n"
         "    budget: {food}\n    fund: DD\n")

RULE = rule(
    "SK401", "fund-share-violated", "error",
    Msg("a `policy.fund_shares` rule is broken: the share of a fund spent on matching "
        "activities is below `min_share` or above `max_share`",
        "ketentuan `policy.fund_shares` dilanggar: porsi sumber dana untuk kegiatan yang sesuai "
        "di bawah `min_share` atau di atas `max_share`"),
    Msg("Fund shares are set by regulation (e.g. at least 20% of Dana Desa for food security); "
        "a plan that breaks them will not be approved at the evaluation of the APBDes.",
        "Porsi dana ditetapkan peraturan (misalnya minimal 20% Dana Desa untuk ketahanan "
        "pangan); rencana yang melanggarnya tidak akan lolos evaluasi APBDes."),
    bad=Example(plans=(_PLAN.format(food="100_000_000"),), targets=_POLICY,
                expect=(("SK401", "plan", 4),)),
    good=Example(plans=(_PLAN.format(food="170_000_000"),), targets=_POLICY),
)

M_BELOW = Msg("{rule}: {share} of {fund} ({spent} of {available}) goes to matching activities, "
              "below the minimum {bound}; add {gap} for it",
              "{rule}: porsi {fund} untuk kegiatan yang sesuai {share} ({spent} dari "
              "{available}), di bawah batas minimal {bound}; tambahkan {gap}")
M_ABOVE = Msg("{rule}: {share} of {fund} ({spent} of {available}) goes to matching activities, "
              "above the maximum {bound}; cut {gap}",
              "{rule}: porsi {fund} untuk kegiatan yang sesuai {share} ({spent} dari "
              "{available}), di atas batas maksimal {bound}; kurangi {gap}")


@RULE.on_plan
def check(plan: Plan, ctx: Context) -> Iterator[Problem]:
    for got in fund_shares(plan, ctx):
        if got.met:
            continue  # before the message and the key lookup: most rules are met
        path = written_key(plan.source, ("plan", "funds"), got.fund)
        kw = {"rule": got.name or got.rule, "share": pct(got.share), "fund": got.fund,
              "spent": rupiah(got.amount), "available": rupiah(got.available)}
        if got.min_share is not None and got.share < got.min_share - TOLERANCE:
            gap = got.min_share * got.available - got.amount
            msg = M_BELOW(bound=pct(got.min_share), gap=rupiah(gap), **kw)
        elif got.max_share is not None and got.share > got.max_share + TOLERANCE:
            gap = got.amount - got.max_share * got.available
            msg = M_ABOVE(bound=pct(got.max_share), gap=rupiah(gap), **kw)
        else:
            continue
        yield Problem("SK401", msg, plan.source.key(path), path=path, village=plan.code,
                      year=plan.year)
