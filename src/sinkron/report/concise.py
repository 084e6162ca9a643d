"""One line per finding: `path:line:col: SK201 [warning] message`."""

from __future__ import annotations

from typing import TextIO

from sinkron.findings import Report
from sinkron.i18n import Lang
from sinkron.report import rendering
from sinkron.report.safe import inert


def write(report: Report, lang: Lang, out: TextIO) -> None:
    """One line per finding into `out`."""
    for f in report.findings:
        state = f"{f.severity.value}, waived" if f.waived else f.severity.value
        out.write(f"{inert(str(f.location))}: {f.code} [{state}] {inert(f.message.get(lang))}\n")


render = rendering(write)  # the whole report as one string: for small reports and tests
