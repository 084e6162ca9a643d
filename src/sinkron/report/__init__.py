"""Stage 4: reporters. Each turns a Report into text or bytes; none prints or exits."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from sinkron.findings import Report
from sinkron.i18n import Lang


class Format(StrEnum):
    """What `--format` accepts: what goes to stdout."""

    text = "text"
    concise = "concise"
    json = "json"


Reporter = Callable[[Report, Lang], str]


def reporter(fmt: Format) -> Reporter:
    """The function that renders `fmt` (imported lazily: most runs need one)."""
    if fmt is Format.concise:
        from sinkron.report.concise import render
    elif fmt is Format.json:
        from sinkron.report.json import render
    else:
        from sinkron.report.text import render_plain as render
    return render
