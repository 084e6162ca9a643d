"""The `sinkron` command: parse options, run the pipeline, pick a reporter, exit code."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from sinkron import __version__
from sinkron.i18n import Lang, default_lang
from sinkron.report import Format

app = typer.Typer(
    name="sinkron",
    help="Check that village plans (RKP Desa) line up with the targets of their regency.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sinkron {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """sinkron: village plans vs regency targets."""


def _fail(message: str) -> None:
    typer.echo(f"sinkron: {message}", err=True)
    raise typer.Exit(2)


def _codes(spec: str | None) -> list[str] | None:
    if spec is None:
        return None
    from sinkron.rules.registry import resolve

    out: list[str] = []
    for part in spec.split(","):
        if not part.strip():
            continue
        codes = resolve(part)
        if not codes:
            _fail(f"unknown rule code or name: {part.strip()} (see `sinkron rules`)")
        out.extend(codes)
    return out


def _default_targets() -> Path:
    for name in ("targets.yaml", "targets.xlsx"):
        if Path(name).is_file():
            return Path(name)
    _fail("no targets file: give --targets FILE, or put targets.yaml in this folder")
    raise AssertionError


def _color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


LangOpt = Annotated[Optional[str], typer.Option("--lang", help="Language: en or id "  # noqa: UP045
                                                "(default: SINKRON_LANG, else en).")]


def _lang(value: str | None) -> Lang:
    if value is None:
        return default_lang()
    if value not in ("en", "id"):
        _fail(f"--lang must be en or id, not {value}")
    return "id" if value == "id" else "en"


@app.command()
def check(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Plan files or folders "  # noqa: UP045
                                                         "(default: plans/).")] = None,
    targets: Annotated[Optional[Path], typer.Option("--targets", help="The regency's "  # noqa: UP045
                       "targets (default: targets.yaml, else targets.xlsx).")] = None,
    fmt: Annotated[Format, typer.Option("--format", help="What goes to stdout.")] = Format.text,
    fail_on: Annotated[str, typer.Option("--fail-on", help="error|warning|info|never: "
                                         "the lowest severity that fails the run.")] = "error",
    select: Annotated[Optional[str], typer.Option("--select", help="Only these codes, "  # noqa: UP045
                                                  "names or prefixes (comma-separated).")] = None,
    ignore: Annotated[Optional[str], typer.Option("--ignore", help="Leave out these codes, "  # noqa: UP045
                                                  "names or prefixes.")] = None,
    lang: LangOpt = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", help="Worker processes "  # noqa: UP045
                                                "for plan files (default: the cores).")] = None,
) -> None:
    """Check plans against the regency's targets and report misalignments."""
    from sinkron.pipeline import Fatal, Options, exit_code
    from sinkron.pipeline import check as run
    from sinkron.report import reporter
    from sinkron.workers import cores

    language = _lang(lang)
    if fail_on not in ("error", "warning", "info", "never"):
        _fail(f"--fail-on must be error, warning, info or never, not {fail_on}")
    if jobs is not None and jobs < 1:
        _fail(f"--jobs must be 1 or more, not {jobs}")
    options = Options(paths or ["plans"], targets or _default_targets(), _codes(select),
                      _codes(ignore) or [], jobs=jobs or cores())
    try:
        report = run(options)
    except Fatal as exc:
        _fail(str(exc))
        return
    if fmt is Format.text:
        from sinkron.report.text import render

        sys.stdout.write(render(report, language, color=_color()))
    else:
        sys.stdout.write(reporter(fmt)(report, language))
    raise typer.Exit(exit_code(report, fail_on))


@app.command()
def validate(
    files: Annotated[list[Path], typer.Argument(help="Plan or targets files.")],
    targets: Annotated[Optional[Path], typer.Option("--targets", help="Also check that "  # noqa: UP045
                       "indicator ids exist in these targets (SK101).")] = None,
    fmt: Annotated[Format, typer.Option("--format", help="What goes to stdout.")] = Format.text,
    lang: LangOpt = None,
) -> None:
    """Check files against the schema only (SK0xx; with --targets also SK101)."""
    from sinkron.report import reporter
    from sinkron.validate import run_validate

    language = _lang(lang)
    report = run_validate(files, targets)
    if fmt is Format.text:
        from sinkron.report.text import render

        sys.stdout.write(render(report, language, color=_color()))
    else:
        sys.stdout.write(reporter(fmt)(report, language))
    errors = any(f.severity.value == "error" for f in report.active())
    raise typer.Exit(2 if report.fatal else 1 if errors else 0)


def _register_commands() -> None:
    import importlib

    from sinkron.commands import COMMANDS

    for name in COMMANDS:
        importlib.import_module(f"sinkron.commands.{name}").register(app)


_register_commands()


def main() -> None:
    """Entry point: never a traceback unless SINKRON_DEBUG=1."""
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        typer.echo("sinkron: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("SINKRON_DEBUG") == "1":
            raise
        typer.echo(f"sinkron: internal error: {type(exc).__name__}: {exc} "
                   "(SINKRON_DEBUG=1 shows the traceback)", err=True)
        sys.exit(2)
