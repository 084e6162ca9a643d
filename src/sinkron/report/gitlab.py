"""GitLab Code Quality JSON: one issue per unwaived finding, with a stable fingerprint."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TextIO

from sinkron.findings import Finding, Report
from sinkron.i18n import Lang
from sinkron.report import rendering
from sinkron.report.common import cell_of, positioned, unique
from sinkron.report.jsonstream import write_list
from sinkron.report.safe import inert

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def issue(f: Finding, fingerprint: str, lang: Lang) -> dict[str, Any]:
    """One Code Quality issue; a workbook finding sits on line 1 and names its cell."""
    description = inert(f.message.get(lang))
    if cell_of(f.location):
        description = f"{inert(cell_of(f.location))}: {description}"
    return {
        "type": "issue",
        "description": f"{f.code} {f.name}: {description}",
        "check_name": f.code,
        "fingerprint": fingerprint,
        "severity": SEVERITY[f.severity.value],
        "categories": ["Style"],
        "location": {"path": inert(f.location.file),
                     "lines": {"begin": f.location.line or 1}},
    }


def issues(report: Report, lang: Lang) -> Iterator[dict[str, Any]]:
    """The issues; waived findings are left out (GitLab has no way to show them as accepted)."""
    for f, fp in unique(report.findings.active(), positioned):
        yield issue(f, fp, lang)


def write(report: Report, lang: Lang, out: TextIO) -> None:
    """The Code Quality report as JSON into `out`, one issue at a time."""
    write_list(out, issues(report, lang), 0)
    out.write("\n")


render = rendering(write)  # the whole report as one string: for small reports and tests
