"""Small helpers rules share to build problems with the right location and context."""

from __future__ import annotations

from typing import Any

from sinkron.findings import Problem
from sinkron.i18n import Text
from sinkron.load.source import Path
from sinkron.model.build import Plan
from sinkron.model.plan import Activity


def on_activity(code: str, message: Text, plan: Plan, path: Path, act: Activity,
                field: tuple[str | int, ...] = (), **kw: Any) -> Problem:
    """A problem about one activity: located at the activity (or one of its fields),
    carrying its code and its waivers."""
    return Problem(code, message, plan.at(path + field), path=path, village=plan.code,
                   activity=act.code, year=plan.year, waivers=tuple(act.waive.items()), **kw)


def on_plan(code: str, message: Text, plan: Plan, path: Path, **kw: Any) -> Problem:
    """A problem about a plan or one of its entries."""
    return Problem(code, message, plan.at(path), path=path, village=plan.code,
                   year=plan.year, **kw)


def plan_anchor(plan: Plan) -> Path:
    """Where a finding about the plan as a whole points: its `indicators` key, else `village`."""
    return ("indicators",) if ("indicators",) in plan.source.values else ("village",)
