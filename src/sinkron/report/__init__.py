"""Stage 4: reporters. Each writes a Report into a stream (or renders it as text); none
prints or exits. Writers iterate the report's findings once, so memory stays bounded."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO, TextIO

from sinkron.findings import Report
from sinkron.i18n import Lang, Msg


class Format(StrEnum):
    """What `--format` accepts: what goes to stdout."""

    text = "text"
    concise = "concise"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"
    gitlab = "gitlab"


Reporter = Callable[[Report, Lang], str]
Writer = Callable[[Report, Lang, TextIO], None]

# `-o FILE`: the report format follows the suffix
FILE_FORMATS = {".xlsx": "xlsx", ".json": "json", ".sarif": "sarif", ".xml": "junit"}
M_SUFFIX = Msg("cannot tell the report format of {path}: use .xlsx, .json, .sarif or .xml "
               "(JUnit)",
               "format laporan {path} tidak dikenali: gunakan .xlsx, .json, .sarif atau .xml "
               "(JUnit)")


def rendering(write: Writer) -> Reporter:
    """A reporter that gives the whole report as one string, made by `write`."""

    def render(report: Report, lang: Lang) -> str:
        out = io.StringIO()
        write(report, lang, out)
        return out.getvalue()

    return render


def reporter(fmt: Format) -> Reporter:
    """The function that renders `fmt` as one string (for small reports and tests)."""
    return rendering(writer(fmt))


def writer(fmt: Format) -> Writer:
    """The function that writes `fmt` into a text stream."""
    if fmt is Format.concise:
        from sinkron.report.concise import write
    elif fmt is Format.json:
        from sinkron.report.json import write
    elif fmt is Format.sarif:
        from sinkron.report.sarif import write
    elif fmt is Format.github:
        from sinkron.report.github import write
    elif fmt is Format.junit:
        from sinkron.report.junit import write
    elif fmt is Format.gitlab:
        from sinkron.report.gitlab import write
    else:
        from sinkron.report.text import write_plain as write
    return write


def file_format(path: Path) -> str | None:
    """The report format a file name asks for, or None for a suffix sinkron does not write."""
    return FILE_FORMATS.get(path.suffix.lower())


def write_file(kind: str, report: Report, lang: Lang, inputs: Iterable[str | Path],
               out: BinaryIO) -> None:
    """A report file into `out`: the workbook (dated by its inputs), or a text format in
    UTF-8, written as it is made."""
    if kind == "xlsx":
        from sinkron.report.xlsx import report_stamp
        from sinkron.report.xlsx import write as workbook

        workbook(report, lang, out, report_stamp(inputs))
        return
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=False)
    try:
        writer(Format(kind))(report, lang, text)
        text.flush()
    finally:
        text.detach()  # `out` stays open: its owner closes it


def render_file(kind: str, report: Report, lang: Lang,
                inputs: Iterable[str | Path] = ()) -> bytes:
    """A report file's bytes (in memory: for small reports and tests)."""
    out = io.BytesIO()
    write_file(kind, report, lang, inputs, out)
    return out.getvalue()


def write_report(path: Path, report: Report, lang: Lang, inputs: Iterable[str | Path] = (),
                 plan_folders: Iterable[str] = ()) -> None:
    """Write a report file atomically, streamed into a temporary file that is then renamed;
    ReportError when it cannot be written."""
    from sinkron.report.write import ReportError, guard_inputs, write_atomic

    kind = file_format(path)
    if kind is None:
        raise ReportError(M_SUFFIX(path=path))
    inputs = list(inputs)
    guard_inputs(path, inputs, plan_folders)
    write_atomic(path, lambda out: write_file(kind, report, lang, inputs, out))
