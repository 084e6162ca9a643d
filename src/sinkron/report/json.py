"""The stable JSON report of cli.md, key for key."""

from __future__ import annotations

import math
from typing import Any, TextIO

from sinkron import __version__
from sinkron.findings import Finding, Report
from sinkron.i18n import Lang
from sinkron.report import rendering
from sinkron.report.jsonstream import marker, write_document
from sinkron.report.safe import inert


def _number(x: float | None) -> float | None:
    return x if x is None or math.isfinite(x) else None


def finding_dict(f: Finding, lang: Lang) -> dict[str, Any]:
    loc = f.location
    return {"code": f.code, "name": f.name, "severity": f.severity.value, "waived": f.waived,
            "message": inert(f.message.get(lang)), "file": loc.file, "line": loc.line,
            "column": loc.column, "sheet": loc.sheet, "cell": loc.cell, "village": f.village,
            "indicator": f.indicator, "activity": f.activity, "year": f.year,
            "related": [r.as_dict() for r in f.related]}


def _envelope(report: Report) -> dict[str, Any]:
    """The report without its findings: a marker stands where they go."""
    return {
        "sinkron": __version__,
        "targets": report.targets,
        "summary": {"files": report.files, "villages": report.villages,
                    "activities": report.activities, "counts": report.counts(),
                    "waived": report.waived},
        "findings": marker("findings"),
        "projection": [
            {"indicator": r.indicator, "year": r.year, "milestone": _number(r.milestone),
             "band": [_number(r.band[0]), _number(r.band[1])] if r.band else None,
             "projected": _number(r.projected), "villages": r.villages,
             "reporting": r.reporting, "coverage": _number(r.coverage), "met": r.met}
            for r in report.projection],
    }


def write(report: Report, lang: Lang, out: TextIO) -> None:
    """The report as JSON into `out`, one finding at a time (as json.dumps with indent=2)."""
    findings = (finding_dict(f, lang) for f in report.findings)
    write_document(out, _envelope(report), {"findings": findings}, allow_nan=False)
    out.write("\n")


render = rendering(write)  # the whole report as one string: for small reports and tests
