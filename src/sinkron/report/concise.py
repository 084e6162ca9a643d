"""One line per finding: `path:line:col: SK201 [warning] message`."""

from __future__ import annotations

from sinkron.findings import Report
from sinkron.i18n import Lang
from sinkron.report.safe import inert


def render(report: Report, lang: Lang) -> str:
    lines = []
    for f in report.findings:
        state = f"{f.severity.value}, waived" if f.waived else f.severity.value
        lines.append(f"{inert(str(f.location))}: {f.code} [{state}] "
                     f"{inert(f.message.get(lang))}")
    return "".join(line + "\n" for line in lines)
