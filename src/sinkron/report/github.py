"""GitHub Actions annotations (`::error file=...::message`) and the job summary page."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from sinkron.findings import Finding, Report
from sinkron.i18n import Lang
from sinkron.report import markdown, rendering
from sinkron.report.common import cell_of
from sinkron.report.safe import inert
from sinkron.report.write import M_CANNOT_WRITE, ReportError

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
# GitHub keeps at most 1 MiB of summary per step and drops the rest
SUMMARY_LIMIT = 1024 * 1024


def escape_data(text: str) -> str:
    """The message part of a workflow command, escaped as the Actions toolkit does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title): data escaping plus ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding, lang: Lang) -> str:
    """One workflow command line for an unwaived finding."""
    loc = f.location
    title = f"{f.code} {f.name}"
    props: list[tuple[str, str]] = []
    if loc.file:
        props.append(("file", loc.file))
        if cell_of(loc):
            props.append(("line", "1"))
            title += f" ({cell_of(loc)})"
        elif loc.line:
            props.append(("line", str(loc.line)))
            if loc.column:
                props.append(("col", str(loc.column)))
    props.append(("title", title))
    head = ",".join(f"{k}={escape_property(inert(v))}" for k, v in props)
    return f"::{COMMAND[f.severity.value]} {head}::{escape_data(inert(f.message.get(lang)))}"


def write(report: Report, lang: Lang, out: TextIO) -> None:
    """One annotation per unwaived finding into `out`; waived findings are not annotated."""
    for f in report.findings.active():
        out.write(annotation(f, lang) + "\n")


render = rendering(write)  # the whole report as one string: for small reports and tests


def append_step_summary(report: Report, lang: Lang,
                        env: Mapping[str, str] | None = None) -> Path | None:
    """Append the Markdown summary to $GITHUB_STEP_SUMMARY when it is set."""
    target = (os.environ if env is None else env).get("GITHUB_STEP_SUMMARY", "")
    if not target:
        return None
    path = Path(target)
    try:
        used = path.stat().st_size if path.exists() else 0
        text = markdown.render(report, lang, limit=max(SUMMARY_LIMIT - used, 0))
        with path.open("a", encoding="utf-8", errors="replace") as fh:
            fh.write(text)
    except OSError as exc:
        raise ReportError(M_CANNOT_WRITE(path=path, reason=exc.strerror or exc)) from exc
    return path
