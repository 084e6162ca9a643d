"""SK401 fund-share-violated: a policy.fund_shares rule broken by a plan."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sinkron.findings import Problem
from sinkron.i18n import Msg, pct, rupiah
from sinkron.model.build import Plan
from sinkron.model.targets import FundShare
from sinkron.model.values import code_matches
from sinkron.rules.common import written_key
from sinkron.rules.context import Context
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


@dataclass(frozen=True)
class Share:
    """How much of a fund a plan spends on the activities a fund share rule matches."""

    spent: int
    available: int

    @property
    def share(self) -> float:
        return self.spent / self.available


def fund_share(plan: Plan, ctx: Context, rule_: FundShare) -> Share | None:
    """The plan's share for `rule_`, or None when the rule does not apply to this plan."""
    if rule_.years is not None and plan.year not in rule_.years:
        return None
    available = plan.header.funds.get(rule_.fund, 0)
    if available <= 0:
        return None
    wanted = set(rule_.supports)
    spent = sum(act.budget for _, act in plan.iter_activities()
                if act.fund == rule_.fund
                and (any(code_matches(act.code, p) for p in rule_.codes)
                     or ctx.supported(act) & wanted))
    return Share(spent, available)


@RULE.on_plan
def check(plan: Plan, ctx: Context) -> Iterator[Problem]:
    for rule_ in ctx.targets.policy.fund_shares:
        got = fund_share(plan, ctx, rule_)
        if got is None:
            continue
        path = written_key(plan.source, ("plan", "funds"), rule_.fund)
        kw = {"rule": rule_.name or rule_.id, "share": pct(got.share), "fund": rule_.fund,
              "spent": rupiah(got.spent), "available": rupiah(got.available)}
        if rule_.min_share is not None and got.share < rule_.min_share - TOLERANCE:
            gap = rule_.min_share * got.available - got.spent
            msg = M_BELOW(bound=pct(rule_.min_share), gap=rupiah(gap), **kw)
        elif rule_.max_share is not None and got.share > rule_.max_share + TOLERANCE:
            gap = got.spent - rule_.max_share * got.available
            msg = M_ABOVE(bound=pct(rule_.max_share), gap=rupiah(gap), **kw)
        else:
            continue
        yield Problem("SK401", msg, plan.source.key(path), path=path, village=plan.code,
                      year=plan.year)
