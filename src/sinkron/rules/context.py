"""What rules may look at besides one plan: the targets, the policy, reference data."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from sinkron.findings import Location, ProjectionRow
from sinkron.load.source import Path, SourceMap
from sinkron.model.build import Plan
from sinkron.model.plan import Activity
from sinkron.model.targets import Indicator, Targets
from sinkron.model.values import code_matches
from sinkron.reference import register
from sinkron.rules.milestones import TOLERANCE, Milestone, milestone, weaker
from sinkron.rules.units import impossible


@dataclass
class Context:
    targets: Targets
    source: SourceMap
    regency_villages: int
    projection: list[ProjectionRow] = field(default_factory=list)
    # targets do not change during a run and codes repeat a lot: answers are remembered
    _supported: dict[str | tuple[str, ...], frozenset[str]] = field(
        default_factory=dict, repr=False, compare=False)
    _exempt: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)
    _share_codes: dict[tuple[int, str], bool] = field(
        default_factory=dict, repr=False, compare=False)
    _milestones: dict[tuple[str, int], Milestone] = field(
        default_factory=dict, repr=False, compare=False)

    @property
    def file(self) -> str:
        return self.source.file

    def indicator_location(self, ident: str) -> Location:
        """Where an indicator is defined in targets (regency-level findings point there)."""
        for n, ind in enumerate(self.targets.indicators):
            if ind.id == ident:
                return self.source.value(("indicators", n))
        return self.source.value(())

    def by_code(self, code: str) -> list[Indicator]:
        """Indicators whose regency mapping (activity_codes) matches an activity code."""
        return [i for i in self.targets.indicators
                if any(code_matches(code, p) for p in i.activity_codes)]

    def supported(self, activity: Activity) -> frozenset[str]:
        """The indicators an activity supports: named in `supports`, or by the regency's
        code mapping. Unknown ids (SK101) are no link. Every rule and report uses this."""
        # most activities name no indicator: their code alone is the key (no tuple to build)
        key = (activity.code, *activity.supports) if activity.supports else activity.code
        got = self._supported.get(key)
        if got is None:
            known = self.indicator_ids
            got = self._supported[key] = frozenset(
                {i.id for i in self.by_code(activity.code)}
                | {s for s in activity.supports if s in known})
        return got

    def linked(self, plan: Plan) -> list[tuple[Path, Activity, frozenset[str]]]:
        """Each activity of a plan with what it supports (see supported), in order: made
        once per plan, as several rules and the summary walk it."""
        got: list[tuple[Path, Activity, frozenset[str]]] | None = plan.memo.get("linked")
        if got is None:
            got = plan.memo["linked"] = [(path, act, self.supported(act))
                                         for path, act in plan.iter_activities()]
        return got

    @cached_property  # asked for every `supports` entry; targets do not change during a run
    def indicator_ids(self) -> frozenset[str]:
        return frozenset(i.id for i in self.targets.indicators)

    def in_regency(self, village: str) -> bool:
        """True when a village code lies in the regency and the Kemendagri register knows it."""
        regency = self.targets.regency.code
        return village.startswith(regency + ".") and village in register(regency)

    def exempt(self, code: str) -> bool:
        """True when the policy exempts an activity code from SK201."""
        got = self._exempt.get(code)
        if got is None:
            got = self._exempt[code] = any(code_matches(code, p)
                                           for p in self.targets.policy.exempt_codes)
        return got

    def milestone(self, ind: Indicator, year: int) -> Milestone:
        """The regency milestone of an indicator for a year (asked of every plan)."""
        got = self._milestones.get((ind.id, year))  # ids are unique in usable targets
        if got is None:
            got = self._milestones[(ind.id, year)] = milestone(ind, year)
        return got

    def share_counts(self, n: int, code: str) -> bool:
        """True when `policy.fund_shares[n]` counts an activity code by its `codes`."""
        got = self._share_codes.get((n, code))
        if got is None:
            rule = self.targets.policy.fund_shares[n]
            got = self._share_codes[(n, code)] = any(code_matches(code, p) for p in rule.codes)
        return got


@dataclass(frozen=True)
class IndicatorValues:
    """A village's own numbers for one indicator (for the regency projection)."""

    baseline: float | None
    baseline_year: int | None
    target: float | None
    target_year: int | None


@dataclass(frozen=True)
class FundShareResult:
    """One `policy.fund_shares` rule applied to one plan: the rupiah it counts and its bounds."""

    rule: str
    name: str | None
    fund: str
    amount: int  # rupiah of matching activities paid from the fund
    available: int  # the plan's funds[fund], > 0
    min_share: float | None
    max_share: float | None

    @property
    def share(self) -> float:
        return self.amount / self.available

    @property
    def met(self) -> bool:
        low = self.min_share is None or self.share >= self.min_share - TOLERANCE
        return low and (self.max_share is None or self.share <= self.max_share + TOLERANCE)


def fund_shares(plan: Plan, ctx: Context) -> list[FundShareResult]:
    """The fund-share rules that apply to a plan (its year, a fund it has), with the shares."""
    got = plan.memo.get("fund_shares")
    if got is None:  # SK401 and the summary both ask
        got = plan.memo["fund_shares"] = _fund_shares(plan, ctx)
    return list(got)


def _fund_shares(plan: Plan, ctx: Context) -> list[FundShareResult]:
    out: list[FundShareResult] = []
    # each fund-share rule is about one fund: it looks only at that fund's activities
    by_fund: dict[str, list[tuple[Activity, frozenset[str]]]] = {}
    for _, a, ids in ctx.linked(plan):
        by_fund.setdefault(a.fund, []).append((a, ids))
    for n, rule in enumerate(ctx.targets.policy.fund_shares):
        available = plan.header.funds.get(rule.fund, 0)
        if available <= 0 or (rule.years is not None and plan.year not in rule.years):
            continue
        supports = frozenset(rule.supports)
        amount = sum(a.budget for a, ids in by_fund.get(rule.fund, ())
                     if ctx.share_counts(n, a.code) or not supports.isdisjoint(ids))
        out.append(FundShareResult(rule.id, rule.name, rule.fund, amount, available,
                                   rule.min_share, rule.max_share))
    return out


@dataclass(frozen=True, slots=True)
class Standing:
    """Where a village stands on one indicator: a cell of the coverage matrix."""

    priority: bool
    addressed: bool  # an activity supports it
    target: bool  # the village gives a target for the plan year
    on_track: bool | None  # that target is not weaker than the milestone; None: no target


@dataclass
class PlanSummary:
    """What cross-village rules keep of a plan after its own rules ran: small, per village."""

    file: str
    location: Location
    code: str
    name: str
    district: str
    year: int
    population: int
    counts: dict[str, int]
    values: dict[str, IndicatorValues]
    waivers: dict[str, str]
    unused_waivers: set[str] = field(default_factory=set)
    budget_total: int = 0
    budget_linked: int = 0
    budget_by_indicator: dict[str, int] = field(default_factory=dict)
    addressed: set[str] = field(default_factory=set)
    in_regency: bool = True
    waiver_locations: dict[str, Location] = field(default_factory=dict)
    fund_shares: list[FundShareResult] = field(default_factory=list)
    standing: dict[str, Standing] = field(default_factory=dict)  # targets' indicator order

    def weight(self, name: str) -> int | None:
        return self.population if name == "population" else self.counts.get(name)


def summarize(plan: Plan, ctx: Context) -> PlanSummary:
    """Keep what regency-level rules and reports need, drop the activities."""
    values: dict[str, IndicatorValues] = {}
    for item in plan.indicators:
        e = item.model
        values.setdefault(e.id, IndicatorValues(
            e.baseline.value if e.baseline else None, e.baseline.year if e.baseline else None,
            e.target.value if e.target else None, e.target.year if e.target else None))
    by_indicator: dict[str, int] = {}
    linked = total = 0
    addressed: set[str] = set()
    for _, act, ids in ctx.linked(plan):
        total += act.budget
        if ids:
            linked += act.budget
        for ident in ids:
            by_indicator[ident] = by_indicator.get(ident, 0) + act.budget
            addressed.add(ident)
    return PlanSummary(plan.file, plan.source.key(("village",)), plan.code, plan.village.name,
                       plan.village.district, plan.year, plan.village.population,
                       dict(plan.village.counts), values, dict(plan.waivers),
                       budget_total=total, budget_linked=linked,
                       budget_by_indicator=by_indicator, addressed=addressed,
                       in_regency=ctx.in_regency(plan.code),
                       fund_shares=fund_shares(plan, ctx),
                       waiver_locations={c: plan.source.key(("village", "waive", k))
                                         for k, c in _waiver_keys(plan).items()},
                       standing={i.id: _standing(ctx, i, values.get(i.id), i.id in addressed,
                                                 plan.year) for i in ctx.targets.indicators})


def _standing(ctx: Context, ind: Indicator, v: IndicatorValues | None, addressed: bool,
              year: int) -> Standing:
    target = v is not None and v.target is not None and v.target_year == year \
        and not impossible(v.target, ind.unit)
    on_track = None
    if target and v is not None and v.target is not None:
        on_track = not weaker(v.target, ctx.milestone(ind, year), ind.direction)
    return Standing(ind.priority, addressed, target, on_track)


def _waiver_keys(plan: Plan) -> dict[str, str]:
    """The key as written in `village.waive` -> canonical code (the model keeps codes)."""
    if not plan.waivers:  # the usual case: no need to look through every key of the file
        return {}
    raw = plan.source.keys
    written = [p[2] for p in raw if len(p) == 3 and p[:2] == ("village", "waive")]
    codes = list(plan.waivers)
    return {str(k): c for k, c in zip(written, codes, strict=False)}
