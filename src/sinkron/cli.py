"""The `sinkron` command: parse options, run the pipeline, pick a reporter, exit code."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

from sinkron import __version__
from sinkron.helptext import LocalGroup, localise
from sinkron.i18n import Lang, Msg, Text, default_lang
from sinkron.i18n import help as H
from sinkron.i18n.help import tr
from sinkron.report import Format

if TYPE_CHECKING:
    from sinkron.findings import Report
    from sinkron.pipeline import Options

app = typer.Typer(
    name="sinkron",
    help=tr(H.APP),
    cls=LocalGroup,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

M_UNKNOWN_CODE = Msg("unknown rule code or name: {code} (see `sinkron rules`)",
                     "kode atau nama aturan tidak dikenal: {code} (lihat `sinkron rules`)")
M_NO_TARGETS = Msg("no targets file: give --targets FILE, or put targets.yaml in this folder",
                   "tidak ada berkas target: isi --targets BERKAS, atau letakkan targets.yaml "
                   "di folder ini")
M_BAD_LANG = Msg("--lang must be en or id, not {value}",
                 "--lang harus en atau id, bukan {value}")
M_BAD_FAIL_ON = Msg("--fail-on must be error, warning, info or never, not {value}",
                    "--fail-on harus error, warning, info atau never, bukan {value}")
M_BAD_JOBS = Msg("--jobs must be 1 or more, not {value}",
                 "--jobs harus 1 atau lebih, bukan {value}")
M_INTERRUPTED = Msg("interrupted", "dihentikan")
M_INTERNAL = Msg("internal error: {error} (SINKRON_DEBUG=1 shows the traceback)",
                 "galat internal: {error} (SINKRON_DEBUG=1 menampilkan jejak galatnya)")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sinkron {__version__}")
        raise typer.Exit(0)


@app.callback(help=tr(H.APP))
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help=tr(H.VERSION))] = False,
) -> None:
    """sinkron: village plans vs regency targets."""


def fail(message: Text | str, lang: Lang | None = None) -> NoReturn:
    """One line on stderr in the user's language, exit code 2."""
    line = message if isinstance(message, str) else message.get(lang or default_lang())
    typer.echo(f"sinkron: {line}", err=True)
    raise typer.Exit(2)


def _codes(spec: str | None, lang: Lang) -> list[str] | None:
    if spec is None:
        return None
    from sinkron.rules.registry import resolve

    out: list[str] = []
    for part in spec.split(","):
        if not part.strip():
            continue
        codes = resolve(part)
        if not codes:
            fail(M_UNKNOWN_CODE(code=part.strip()), lang)
        out.extend(codes)
    return out


def _default_targets(lang: Lang) -> Path:
    for name in ("targets.yaml", "targets.xlsx"):
        if Path(name).is_file():
            return Path(name)
    fail(M_NO_TARGETS(), lang)


def _color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


LangOpt = Annotated[Optional[str], typer.Option("--lang", metavar=tr(H.V_LANG),  # noqa: UP045
                                                help=tr(H.LANG))]


def _lang(value: str | None) -> Lang:
    if value is None:
        return default_lang()
    if value not in ("en", "id"):
        fail(M_BAD_LANG(value=value))
    return "id" if value == "id" else "en"


@app.command(help=tr(H.CHECK))
def check(
    paths: Annotated[Optional[list[str]], typer.Argument(  # noqa: UP045
        metavar=tr(H.V_PATHS), help=tr(H.CHECK_PATHS), show_default=False)] = None,
    targets: Annotated[Optional[Path], typer.Option(  # noqa: UP045
        "--targets", metavar=tr(H.V_FILE), help=tr(H.TARGETS))] = None,
    fmt: Annotated[Format, typer.Option("--format", help=tr(H.FORMAT))] = Format.text,
    output: Annotated[Optional[Path], typer.Option(  # noqa: UP045
        "-o", "--output", metavar=tr(H.V_FILE), help=tr(H.OUTPUT))] = None,
    fail_on: Annotated[str, typer.Option("--fail-on", metavar=tr(H.V_LEVEL),
                                         help=tr(H.FAIL_ON))] = "error",
    select: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--select", metavar=tr(H.V_CODES), help=tr(H.SELECT))] = None,
    ignore: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--ignore", metavar=tr(H.V_CODES), help=tr(H.IGNORE))] = None,
    lang: LangOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "--no-progress", help=tr(H.QUIET))] = False,
    jobs: Annotated[Optional[int], typer.Option(  # noqa: UP045
        "--jobs", "-j", metavar="N", help=tr(H.JOBS))] = None,
) -> None:
    """Check plans against the regency's targets and report misalignments."""
    from sinkron.pipeline import Fatal, Options, exit_code
    from sinkron.pipeline import check as run
    from sinkron.progress import LoadProgress, wanted
    from sinkron.report import M_SUFFIX, file_format
    from sinkron.workers import cores

    language = _lang(lang)
    if fail_on not in ("error", "warning", "info", "never"):
        fail(M_BAD_FAIL_ON(value=fail_on), language)
    if output is not None and file_format(output) is None:
        fail(M_SUFFIX(path=output), language)
    if jobs is not None and jobs < 1:
        fail(M_BAD_JOBS(value=jobs), language)
    options = Options(paths or ["plans"], targets or _default_targets(language),
                      _codes(select, language), _codes(ignore, language) or [],
                      jobs=jobs or cores())
    try:
        with LoadProgress(language, wanted(quiet)) as progress:
            report = run(options, progress)
    except Fatal as exc:
        fail(exc.get(language))
    _print(report, fmt, language)
    _write_reports(report, fmt, output, options, language)
    raise typer.Exit(exit_code(report, fail_on))


def _print(report: Report, fmt: Format, language: Lang) -> None:
    """The report on stdout, written as it is made (a national run never sits in memory)."""
    if fmt is Format.text:
        from sinkron.report.text import write

        write(report, language, sys.stdout, color=_color())
    else:
        from sinkron.report import writer

        writer(fmt)(report, language, sys.stdout)


def _write_reports(report: Report, fmt: Format, output: Path | None, options: Options,
                   language: Lang) -> None:
    """The job summary (GitHub) and the -o report file; exit 2 when either cannot be written."""
    from sinkron.report import write_report
    from sinkron.report.write import ReportError

    try:
        if fmt is Format.github:
            from sinkron.report.github import append_step_summary

            append_step_summary(report, language)
        if output is not None:
            write_report(output, report, language, [options.targets, *report.files_read],
                         options.paths)
    except ReportError as exc:
        fail(exc.text, language)


@app.command(help=tr(H.VALIDATE))
def validate(
    files: Annotated[list[Path], typer.Argument(metavar=tr(H.V_FILES),
                                                help=tr(H.VALIDATE_FILES))],
    targets: Annotated[Optional[Path], typer.Option(  # noqa: UP045
        "--targets", metavar=tr(H.V_FILE), help=tr(H.VALIDATE_TARGETS))] = None,
    fmt: Annotated[Format, typer.Option("--format", help=tr(H.FORMAT))] = Format.text,
    lang: LangOpt = None,
) -> None:
    """Check files against the schema only (SK0xx; with --targets also SK101)."""
    from sinkron.validate import run_validate

    language = _lang(lang)
    report = run_validate(files, targets)
    _print(report, fmt, language)
    errors = report.counts()["error"] > 0
    raise typer.Exit(2 if report.fatal else 1 if errors else 0)


def _register_commands() -> None:
    import importlib

    from sinkron.commands import COMMANDS

    for name in COMMANDS:
        importlib.import_module(f"sinkron.commands.{name}").register(app)


_register_commands()
localise(app)


def main() -> None:
    """Entry point: never a traceback unless SINKRON_DEBUG=1."""
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        typer.echo(f"sinkron: {M_INTERRUPTED().get(default_lang())}", err=True)
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("SINKRON_DEBUG") == "1":
            raise
        error = f"{type(exc).__name__}: {exc}"
        typer.echo(f"sinkron: {M_INTERNAL(error=error).get(default_lang())}", err=True)
        sys.exit(2)
