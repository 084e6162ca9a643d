"""Workbooks: plans and targets from .xlsx (issue 4 builds this out)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sinkron.findings import Location, Problem
from sinkron.i18n import Msg
from sinkron.load.source import SourceMap

if TYPE_CHECKING:
    from sinkron.model.targets import Targets
    from sinkron.pipeline import PlanRead

M_NOT_YET = Msg("reading .xlsx workbooks is not available in this version; convert to YAML",
                "membaca buku kerja .xlsx belum tersedia di versi ini; ubah ke YAML")


def read_plans_workbook(path: Path, name: str, codes: dict[str, str]) -> Iterator[PlanRead]:
    from sinkron.pipeline import PlanRead

    yield PlanRead(None, [Problem("SK001", M_NOT_YET(), Location(name))])


def read_targets_workbook(path: Path, name: str, codes: dict[str, str]
                          ) -> tuple[Targets | None, SourceMap, list[Problem]]:
    return None, SourceMap(name), [Problem("SK001", M_NOT_YET(), Location(name))]
