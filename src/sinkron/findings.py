"""The one type every stage produces and every reporter reads: the Finding."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from sinkron.i18n import Text
from sinkron.store import FindingStore


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


_CELL = re.compile(r"([A-Z]+)(\d+)")


def cell_key(cell: str | None) -> tuple[int, int]:
    """Sort key of an A1 reference: row first, then column."""
    m = _CELL.fullmatch(cell or "")
    if not m:
        return (0, 0)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return (int(m.group(2)), col)


@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding points: a file with line/column (YAML) or sheet/cell (workbook)."""

    file: str = ""
    line: int | None = None
    column: int | None = None
    sheet: str | None = None
    cell: str | None = None

    def sort_key(self) -> tuple[str, int, int, str, tuple[int, int]]:
        return (self.file, self.line or 0, self.column or 0, self.sheet or "", cell_key(self.cell))

    def __str__(self) -> str:
        if self.sheet is not None:
            where = f"{self.sheet}!{self.cell}" if self.cell else self.sheet
            return f"{self.file}[{where}]"
        if self.line is not None:
            return f"{self.file}:{self.line}:{self.column or 1}"
        return self.file

    def as_dict(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "column": self.column,
                "sheet": self.sheet, "cell": self.cell}

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled as plain values: the dataclass way (fields() per object) is several times
        # slower, and workers and the finding store pickle millions of these
        return Location, (self.file, self.line, self.column, self.sheet, self.cell)


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    name: str
    severity: Severity
    message: Text
    location: Location
    village: str | None = None
    indicator: str | None = None
    activity: str | None = None
    year: int | None = None
    related: tuple[Location, ...] = ()
    waived: bool = False
    waive_reason: str | None = None

    def sort_key(self) -> tuple[object, ...]:
        return (*self.location.sort_key(), self.code, self.village or "", self.indicator or "",
                self.activity or "", self.year or 0, self.message.en)

    def waive(self, reason: str) -> Finding:
        return replace(self, waived=True, waive_reason=reason)

    def __reduce__(self) -> tuple[Any, ...]:
        return _finding, (self.code, self.name, self.severity, self.message.en, self.message.id,
                          self.location, self.village, self.indicator, self.activity,
                          self.year, self.related, self.waived, self.waive_reason)


def _finding(code: str, name: str, severity: Severity, en: str, id_: str, location: Location,
             *rest: Any) -> Finding:
    """A Finding from its pickled values (see Finding.__reduce__)."""
    return Finding(code, name, severity, Text(en, id_), location, *rest)


@dataclass(frozen=True, slots=True)
class Note:
    """Worth telling but no finding: e.g. a hidden sheet of a workbook was read."""

    message: Text
    location: Location


@dataclass(frozen=True)
class ProjectionRow:
    """One indicator x year of the regency projection (SK303)."""

    indicator: str
    year: int
    milestone: float | None
    band: tuple[float, float] | None
    projected: float | None
    villages: int
    reporting: int
    coverage: float
    met: bool | None


@dataclass(frozen=True)
class IndicatorInfo:
    """What reports show of a regency indicator (a Report carries no models)."""

    id: str
    name: str
    unit: str
    direction: str  # decrease | increase | within
    priority: bool
    project: bool


@dataclass
class Report:
    """What a run produced; reporters turn it into text or bytes.

    `findings` is a FindingStore: iterated in Finding order, memory bounded, counted as it
    fills. A list given for it (tests, small callers) is taken into a store.
    """

    targets: str
    findings: FindingStore = field(default_factory=FindingStore)
    projection: list[ProjectionRow] = field(default_factory=list)
    files: int = 0
    villages: int = 0
    activities: int = 0
    fatal: bool = False  # exit 2: targets unusable or an internal error (SK000)
    summaries: list[Any] = field(default_factory=list)  # rules.context.PlanSummary, per plan
    indicators: list[IndicatorInfo] = field(default_factory=list)  # of targets, in its order
    files_read: list[str] = field(default_factory=list)  # display paths of plan files read
    notes: list[Note] = field(default_factory=list)  # shown by the text report

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "findings" and not isinstance(value, FindingStore):
            value = FindingStore(value)
        object.__setattr__(self, name, value)

    def active(self) -> list[Finding]:
        """The unwaived findings as a list (for small reports: reporters iterate
        `findings.active()`)."""
        return list(self.findings.active())

    def counts(self) -> dict[str, int]:
        """Unwaived findings per severity."""
        return {s.value: self.findings.severities[s.value] for s in Severity}

    @property
    def waived(self) -> int:
        return self.findings.waived


@dataclass(frozen=True, slots=True)
class Problem:
    """What a stage or rule reports; the engine stamps name and severity to make a Finding.

    `path` is the value path inside the file (for the no-cascade rule: an item with a
    problem under it is left out of later stages); `waivers` are the activity's waivers
    that may silence this problem.
    """

    code: str
    message: Text
    location: Location
    path: tuple[str | int, ...] | None = None
    village: str | None = None
    indicator: str | None = None
    activity: str | None = None
    year: int | None = None
    related: tuple[Location, ...] = ()
    waivers: tuple[tuple[str, str], ...] = ()
