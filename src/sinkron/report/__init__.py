"""Stage 4: reporters. Each turns a Report into text or bytes; none prints or exits."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path

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

# `-o FILE`: the report format follows the suffix
FILE_FORMATS = {".xlsx": "xlsx", ".json": "json", ".sarif": "sarif", ".xml": "junit"}
M_SUFFIX = Msg("cannot tell the report format of {path}: use .xlsx, .json, .sarif or .xml "
               "(JUnit)",
               "format laporan {path} tidak dikenali: gunakan .xlsx, .json, .sarif atau .xml "
               "(JUnit)")


def reporter(fmt: Format) -> Reporter:
    """The function that renders `fmt` (imported lazily: most runs need one)."""
    if fmt is Format.concise:
        from sinkron.report.concise import render
    elif fmt is Format.json:
        from sinkron.report.json import render
    elif fmt is Format.sarif:
        from sinkron.report.sarif import render
    elif fmt is Format.github:
        from sinkron.report.github import render
    elif fmt is Format.junit:
        from sinkron.report.junit import render
    elif fmt is Format.gitlab:
        from sinkron.report.gitlab import render
    else:
        from sinkron.report.text import render_plain as render
    return render


def file_format(path: Path) -> str | None:
    """The report format a file name asks for, or None for a suffix sinkron does not write."""
    return FILE_FORMATS.get(path.suffix.lower())


def render_file(kind: str, report: Report, lang: Lang,
                inputs: Iterable[str | Path] = ()) -> bytes:
    """A report file's bytes: the workbook (dated by its inputs), or a text format in UTF-8."""
    if kind == "xlsx":
        from sinkron.report.xlsx import render as workbook
        from sinkron.report.xlsx import report_stamp

        return workbook(report, lang, report_stamp(inputs))
    return reporter(Format(kind))(report, lang).encode("utf-8")


def write_report(path: Path, report: Report, lang: Lang, inputs: Iterable[str | Path] = (),
                 plan_folders: Iterable[str] = ()) -> None:
    """Render and write a report file atomically; ReportError when it cannot be written."""
    from sinkron.report.write import ReportError, guard_inputs, write_bytes

    kind = file_format(path)
    if kind is None:
        raise ReportError(M_SUFFIX(path=path))
    inputs = list(inputs)
    guard_inputs(path, inputs, plan_folders)
    write_bytes(path, render_file(kind, report, lang, inputs))
