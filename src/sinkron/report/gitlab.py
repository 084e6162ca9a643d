"""GitLab Code Quality JSON: one issue per unwaived finding, with a stable fingerprint."""

from __future__ import annotations

import json
from typing import Any

from sinkron.findings import Finding, Report
from sinkron.i18n import Lang
from sinkron.report.common import cell_of, positioned, unique
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


def as_list(report: Report, lang: Lang) -> list[dict[str, Any]]:
    """The issues; waived findings are left out (GitLab has no way to show them as accepted)."""
    active = report.active()
    prints = unique(positioned(f) for f in active)
    return [issue(f, fp, lang) for f, fp in zip(active, prints, strict=True)]


def render(report: Report, lang: Lang) -> str:
    """The Code Quality report as JSON text."""
    return json.dumps(as_list(report, lang), ensure_ascii=False, indent=2) + "\n"
