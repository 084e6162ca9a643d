"""Workbooks: plans and targets from .xlsx, validated by the same model.build as YAML.

The layout readers (xlsx_plans, xlsx_targets) turn cells into the plain data a YAML file
gives, with (sheet, cell) positions; this module validates it, so a plan gives the same
findings from either format apart from their locations.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sinkron.findings import Note, Problem
from sinkron.i18n import Msg
from sinkron.load.source import SourceMap
from sinkron.load.xlsx_layout import FUNDS
from sinkron.load.xlsx_plans import read_plans_book
from sinkron.load.xlsx_route import VillageDoc
from sinkron.model.build import Plan, build_plan
from sinkron.model.errors import MESSAGES
from sinkron.model.values import to_village_code, to_year

if TYPE_CHECKING:
    from sinkron.model.targets import Targets
    from sinkron.pipeline import PlanRead


def _guess(data: dict[str, Any]) -> tuple[str | None, int | None]:
    """Village code and year of a plan whose header failed, when they can be read."""
    village: str | None
    year: int | None
    try:
        village = to_village_code(data["village"].get("code"))
    except Exception:
        village = None
    try:
        year = to_year(data["plan"].get("year"))
    except Exception:
        year = None
    return village, year


M_NO_FUNDS = Msg("no row in sheet {sheet} for this village; add one row per fund source "
                 "(sumber_dana, jumlah)",
                 "tidak ada baris di lembar {sheet} untuk desa ini; tambahkan satu baris per "
                 "sumber dana (sumber_dana, jumlah)")


def _workbook_words(p: Problem) -> Problem:
    """Say in workbook terms what the model says in YAML terms."""
    if p.path == ("plan", "funds") and p.message == MESSAGES["missing"](field="funds"):
        return replace(p, message=M_NO_FUNDS(sheet=FUNDS.label))
    return p


def build_village(village: VillageDoc, codes: Mapping[str, str]
                  ) -> tuple[Plan | None, list[Problem]]:
    """Validate one village of a workbook: its plan (or None) and every problem met."""
    doc = village.doc
    if village.duplicate:
        return None, village.problems + doc.cell_problems
    plan, problems = build_plan(doc.data, doc.source, codes, doc.cell_problems)
    problems = [_workbook_words(p) for p in doc.settle(problems)]
    return plan, village.problems + doc.cell_problems + problems


def read_plans_workbook(path: Path, name: str, codes: dict[str, str]) -> Iterator[PlanRead]:
    """One PlanRead per village of a plans workbook (problems of the workbook as a whole go
    with its only village, or in a PlanRead of their own)."""
    from sinkron.pipeline import PlanRead

    book = read_plans_book(path, name)
    general = list(book.problems)
    notes = list(book.notes)
    plans = book.plans
    if len(plans) != 1 and (general or notes or not book.villages):
        read = PlanRead(None, general)
        _attach(read, notes)
        general, notes = [], []
        yield read
    for village in book.villages:
        plan, problems = build_village(village, codes)
        code, year = (plan.code, plan.year) if plan else _guess(village.doc.data)
        read = PlanRead(plan, general + problems, code, year)
        _attach(read, notes)
        general, notes = [], []
        yield read


def _attach(read: PlanRead, notes: list[Note]) -> None:
    read.notes.extend(notes)


def read_targets_workbook(path: Path, name: str, codes: dict[str, str]
                          ) -> tuple[Targets | None, SourceMap, list[Problem]]:
    """Targets from a workbook; any SK001/SK002 means no targets (exit 2)."""
    from sinkron.load.xlsx_targets import read_targets_book
    from sinkron.model.build import build_targets

    doc, problems, fatal = read_targets_book(path, name)
    if fatal or doc is None:
        return None, SourceMap(name), problems
    targets, built = build_targets(doc.data, doc.source, codes)
    problems = problems + doc.cell_problems + doc.settle(built)
    if any(p.code in ("SK001", "SK002") for p in problems):
        targets = None
    return targets, doc.source, problems


def workbook_kind(path: Path, name: str) -> str | None:
    """'plan', 'targets' or None by the sheets a workbook holds (for `sinkron validate`);
    'plan' when it cannot be opened, so that reading it reports why."""
    from sinkron.load.workbook import open_book
    from sinkron.load.xlsx_layout import PLAN_SHEETS, T_SETTINGS, T_TARGETS, normalise

    book, _ = open_book(path, name)
    if book is None:
        return "plan"
    try:
        titles = {normalise(t) for t, _ in book.sheets()}
    finally:
        book.close()
    if titles & {normalise(n) for n in PLAN_SHEETS[0].names}:
        return "plan"
    if titles & {normalise(n) for lay in (T_SETTINGS, T_TARGETS) for n in lay.names}:
        return "targets"
    return None
