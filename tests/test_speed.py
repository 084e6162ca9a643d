"""The speed helpers change nothing but time: same answers, collector state restored."""

from __future__ import annotations

import gc
from pathlib import Path

from sinkron.load.yaml import load_yaml
from sinkron.model.build import build_plan
from sinkron.model.plan import Activity
from sinkron.model.values import code_matches
from sinkron.pipeline import read_targets
from sinkron.reference import nomenclature
from sinkron.rules.context import Context
from sinkron.rules.milestones import milestone
from sinkron.rules.registry import code_names
from sinkron.speed import paused_gc

ROOT = Path(__file__).resolve().parent.parent


def test_remembered_answers_equal_fresh_ones() -> None:
    targets, source, _ = read_targets(ROOT / "targets.yaml", code_names())
    assert targets is not None
    ctx = Context(targets, source, 248)
    codes = [c for c in nomenclature() if c.count(".") == 2]
    for _ in range(2):  # the second round is answered from memory
        for code in codes:
            act = Activity.model_validate({"code": code, "name": "x", "budget": 1, "fund": "DD",
                                           "supports": ["stunting", "rls", "nope"]})
            fresh = Context(targets, source, 248)
            assert ctx.exempt(code) == fresh.exempt(code)
            assert ctx.supported(act) == fresh.supported(act)
            assert "nope" not in ctx.supported(act)
    assert any(ctx.supported(Activity.model_validate(
        {"code": c, "name": "x", "budget": 1, "fund": "DD"})) for c in codes)
    assert any(ctx.exempt(c) for c in codes)


def test_remembered_milestones_and_fund_share_codes_equal_fresh_ones() -> None:
    targets, source, _ = read_targets(ROOT / "targets.yaml", code_names())
    assert targets is not None and targets.policy.fund_shares
    ctx = Context(targets, source, 248)
    codes = [c for c in nomenclature() if c.count(".") == 2]
    for _ in range(2):  # the second round is answered from memory
        for ind in targets.indicators:
            for year in range(targets.period.start - 1, targets.period.end + 2):
                assert ctx.milestone(ind, year) == milestone(ind, year)
        for n, share in enumerate(targets.policy.fund_shares):
            for code in codes:
                assert ctx.share_counts(n, code) == any(code_matches(code, p)
                                                        for p in share.codes)
    assert ctx.indicator_ids == {i.id for i in targets.indicators}
    assert any(ctx.share_counts(n, c) for n in range(len(targets.policy.fund_shares))
               for c in codes)


def test_paused_gc_restores_the_collector() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled() and gc.get_freeze_count() > 0
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_linked_gives_each_activity_with_what_it_supports_in_order() -> None:
    codes = code_names()
    targets, source, _ = read_targets(ROOT / "targets.yaml", codes)
    assert targets is not None
    files = sorted((ROOT / "plans").rglob("*.yaml"))
    assert files
    ctx = Context(targets, source, 248)
    links = 0
    for file in files:
        loaded = load_yaml(file.read_bytes(), str(file))
        plan, _ = build_plan(loaded.data, loaded.source, codes, loaded.problems)
        if plan is None:
            continue
        fresh = Context(targets, source, 248)
        want = [(path, act, fresh.supported(act)) for path, act in plan.iter_activities()]
        assert ctx.linked(plan) == want and ctx.linked(plan) is ctx.linked(plan)
        links += sum(1 for _, _, ids in want if ids)
    assert links > 0
