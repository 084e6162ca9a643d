"""Runs rules, stamps code/name/severity, applies policy, selection and waivers.

A rule that raises becomes an SK000 finding and the run goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial

from sinkron.findings import Finding, Location, Problem, Severity
from sinkron.i18n import Msg
from sinkron.model.build import Plan
from sinkron.rules.context import Context, PlanSummary, summarize
from sinkron.rules.projection import project
from sinkron.rules.registry import Rule, catalogue

ALWAYS = ("SK000", "SK001")  # reported whatever --select, --ignore or policy say

M_CRASH = Msg("internal: {rule} failed on {where} ({error}); please report this",
              "internal: {rule} gagal pada {where} ({error}); mohon laporkan")
M_UNUSED = Msg("the waiver of {code} is not used: no {code} finding here; remove it",
               "pengecualian {code} tidak terpakai: tidak ada temuan {code} di sini; hapus")


class Engine:
    def __init__(self, ctx: Context | None, select: Iterable[str] | None = None,
                 ignore: Iterable[str] = ()) -> None:
        self.ctx = ctx
        self.rules = catalogue()
        chosen = set(select) if select is not None else set(self.rules)
        ignored = set(ignore) | (set(ctx.targets.policy.ignore) if ctx else set())
        self.enabled = {c for c in chosen if c not in ignored} | set(ALWAYS)
        self.severity = {c: Severity(s) for c, s in
                         (ctx.targets.policy.severity.items() if ctx else ())}

    # -- stamping -------------------------------------------------------------------------
    def stamp(self, p: Problem, village: str | None = None, year: int | None = None,
              waivers: dict[str, str] | None = None,
              used: set[str] | None = None) -> Finding | None:
        """Problem -> Finding, or None when the code is not enabled."""
        if p.code not in self.enabled:
            return None
        rule = self.rules[p.code]
        f = Finding(p.code, rule.name, self.severity.get(p.code, rule.severity), p.message,
                    p.location, p.village or village, p.indicator, p.activity,
                    p.year if p.year is not None else year, p.related)
        if rule.waivable:
            for code, reason in p.waivers:
                if code == p.code:
                    if used is not None:
                        used.add(f"{p.code}@{p.path[:2] if p.path else ''}")
                    return f.waive(reason)
            if waivers and p.code in waivers:
                if used is not None:
                    used.add(p.code)
                return f.waive(waivers[p.code])
        return f

    def _crash(self, rule: Rule, where: str, exc: BaseException, loc: Location,
               village: str | None = None) -> Finding:
        text = M_CRASH(rule=f"{rule.code} {rule.name}", where=where,
                       error=f"{type(exc).__name__}: {exc}"[:200])
        return Finding("SK000", "internal-error", Severity.ERROR, text, loc, village)

    def _run(self, rule: Rule, call: Callable[[], Iterable[Problem]], where: str,
             loc: Location, village: str | None = None) -> list[Problem] | Finding:
        try:
            return list(call())
        except Exception as exc:  # a broken rule must not stop the run
            return self._crash(rule, where, exc, loc, village)

    # -- stages ---------------------------------------------------------------------------
    def check_targets(self) -> list[Finding]:
        out: list[Finding] = []
        if self.ctx is None:
            return out
        ctx = self.ctx
        for rule in self.rules.values():
            if rule.targets_check is None or rule.code not in self.enabled:
                continue
            got = self._run(rule, partial(rule.targets_check, ctx), ctx.file,
                            ctx.source.value(()))
            if isinstance(got, Finding):
                out.append(got)
                continue
            out.extend(f for p in got if (f := self.stamp(p)) is not None)
        return out

    def check_plan(self, plan: Plan,
                   stage: Sequence[Problem] = ()) -> tuple[list[Finding], PlanSummary]:
        """Run every plan rule on one plan; `stage` are its SK0xx problems from loading."""
        assert self.ctx is not None
        ctx = self.ctx
        used: set[str] = set()
        out: list[Finding] = []
        kw = {"village": plan.code, "year": plan.year, "waivers": plan.waivers, "used": used}
        out.extend(f for p in stage if (f := self.stamp(p, **kw)) is not None)  # type: ignore[arg-type]
        anchor = plan.at(("village",))  # where a crash is reported: looked up once per plan
        for rule in self.rules.values():
            if rule.plan_check is None or rule.code not in self.enabled:
                continue
            got = self._run(rule, partial(rule.plan_check, plan, ctx), plan.code, anchor,
                            plan.code)
            if isinstance(got, Finding):
                out.append(got)
                continue
            out.extend(f for p in got if (f := self.stamp(p, **kw)) is not None)  # type: ignore[arg-type]
        summary = summarize(plan, ctx)
        # activity waivers are settled now; plan-wide ones may still be used by regency rules
        for path, act in plan.iter_activities():
            for code in act.waive:
                if f"{code}@{path[:2]}" not in used:
                    loc = plan.at(path + ("waive", code))
                    p = Problem("SK005", M_UNUSED(code=code), loc, activity=act.code)
                    if (f := self.stamp(p, plan.code, plan.year)) is not None:
                        out.append(f)
        summary.unused_waivers = {c for c in plan.waivers if c not in used}
        return out, summary

    def check_regency(self, summaries: Sequence[PlanSummary]) -> list[Finding]:
        out: list[Finding] = []
        if self.ctx is None:
            return out
        ctx = self.ctx
        # the projection table is shown whatever codes are selected, so it is made here
        try:
            ctx.projection = [p.row for p in project(summaries, ctx)]
        except Exception as exc:  # a broken projection must not stop the run
            out.append(self._crash(self.rules["SK303"], "projection", exc, ctx.source.value(())))
        for rule in self.rules.values():
            if rule.regency_check is None or rule.code not in self.enabled:
                continue
            got = self._run(rule, partial(rule.regency_check, summaries, ctx), ctx.file,
                            ctx.source.value(()))
            if isinstance(got, Finding):
                out.append(got)
                continue
            for p in got:
                s = next((s for s in summaries if s.file == p.location.file
                          and s.code == p.village), None) if p.village else None
                used: set[str] = set()
                f = self.stamp(p, waivers=s.waivers if s else None, used=used)
                if f is not None:
                    out.append(f)
                if s is not None:
                    s.unused_waivers -= used
        for s in summaries:
            for code in sorted(s.unused_waivers):
                p = Problem("SK005", M_UNUSED(code=code),
                            s.waiver_locations.get(code, s.location))
                if (f := self.stamp(p, s.code, s.year)) is not None:
                    out.append(f)
        return out

