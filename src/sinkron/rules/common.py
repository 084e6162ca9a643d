"""Small helpers rules share to build problems with the right location and context."""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain
from typing import Any

from sinkron.findings import Problem
from sinkron.i18n import L, Text
from sinkron.load.source import Path, SourceMap
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


def on_whole_plan(code: str, message: Text, plan: Plan, **kw: Any) -> Problem:
    """A problem about the plan as a whole, at its `indicators` key (else `village`)."""
    path = plan_anchor(plan)
    return Problem(code, message, plan.source.key(path), path=path, village=plan.code,
                   year=plan.year, **kw)


def written_key(source: SourceMap, prefix: Path, wanted: object,
                read: Callable[[str], object] = str.strip) -> Path:
    """The path of the entry under `prefix` whose key, as written, reads as `wanted`.

    Models canonicalise keys (`" DD"` -> `"DD"`, `"2029"` -> 2029); locations need the key
    as it stands in the file. Falls back to `prefix + (wanted,)`."""
    n = len(prefix)
    for path in chain(source.keys, source.values):  # no copy of every path of the file
        if len(path) == n + 1 and path[:n] == prefix:
            try:
                if read(str(path[n])) == wanted:
                    return path
            except ValueError:
                continue
    return prefix + (str(wanted),)


def year_key(source: SourceMap, prefix: Path, year: int) -> Path:
    """The path of a year key under `prefix` (targets' `2029:`) as written in the file."""
    return written_key(source, prefix, year, lambda s: int(s.strip().replace("_", "")))


def inline(text: Text) -> L:
    """A rendered message used inside another message."""
    return L(text.en, text.id)
