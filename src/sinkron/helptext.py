"""typer's help screens in the help language: frame titles, usage line, --help, value types.

typer draws the frame of a help screen (panel titles, "Usage:", "[default: ...]") from
constants in `typer.rich_utils` and from its command classes; sinkron sets the constants
and gives the app command classes that take their words from the catalogue in
:mod:`sinkron.i18n.help`, so `SINKRON_LANG=id sinkron check --help` reads in Indonesian.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from sinkron.i18n import Lang, Msg
from sinkron.i18n import help as H
from sinkron.i18n.help import HELP_LANG, tr

# typer's own usage errors (written in English inside typer), in the order they are tried.
USAGE_ERRORS: tuple[Msg, ...] = (
    Msg("No such option: {name}", "Opsi tidak dikenal: {name}"),
    Msg("(Possible options: {names})", "(Opsi yang tersedia: {names})"),
    Msg("Did you mean {names}?", "Mungkin maksudnya {names}?"),
    Msg("No such command {name}.", "Perintah {name} tidak dikenal."),
    Msg("Missing command.", "Perintah belum diberikan."),
    Msg("Missing argument {name}.", "Argumen {name} belum diisi."),
    Msg("Missing option {name}.", "Opsi {name} belum diisi."),
    Msg("Missing parameter {name}.", "Parameter {name} belum diisi."),
    Msg("Invalid value for {name}: {detail}", "Nilai tidak sah untuk {name}: {detail}"),
    Msg("Value error, {detail}", "{detail}"),
    Msg("{value} is not one of {choices}.", "{value} bukan salah satu dari {choices}."),
    Msg("Got unexpected extra argument(s) ({args})",
        "Ada argumen berlebih yang tidak dikenal ({args})"),
    Msg("Option {name} requires an argument.", "Opsi {name} perlu diberi nilai."),
)


def _pattern(template: str) -> re.Pattern[str]:
    """`No such option: {name}` -> a regex with a named group per placeholder."""
    parts = re.split(r"\{(\w+)\}", template)
    regex = ""
    for i, part in enumerate(parts):
        if i % 2 == 0:
            regex += re.escape(part)
        elif part == "name":  # an option or argument: one word, or quoted
            regex += f"(?P<{part}>'[^']*'|[^\\s']+)"
        elif i == len(parts) - 2 and not parts[-1]:  # the last one takes the rest
            regex += f"(?P<{part}>.+)"
        else:
            regex += f"(?P<{part}>.+?)"
    return re.compile(regex)


def translate_usage_error(message: str, lang: Lang = HELP_LANG) -> str:
    """typer's English usage error in `lang` (unchanged for English)."""
    if lang == "en":
        return message
    for msg in USAGE_ERRORS:
        def indonesian(found: re.Match[str], msg: Msg = msg) -> str:
            return msg.id.format(**found.groupdict())

        message = _pattern(msg.en).sub(indonesian, message)
    return message


def _translating(show: Callable[[Any], None]) -> Callable[[Any], None]:
    def show_error(error: Any) -> None:
        english: Callable[[], str] = error.format_message

        def in_help_language() -> str:
            return translate_usage_error(english())

        error.format_message = in_help_language
        show(error)

    show_error.sinkron = True  # type: ignore[attr-defined]
    return show_error


def localise_frame() -> None:
    """Set typer's panel titles and fixed phrases to the help language.

    Called only when typer is about to draw a help screen or an error: importing
    `typer.rich_utils` pulls in rich's markdown renderer (~0.15 s), which a check never needs.
    """
    import typer.rich_utils as frame

    frame.ARGUMENTS_PANEL_TITLE = tr(H.ARGUMENTS)
    frame.OPTIONS_PANEL_TITLE = tr(H.OPTIONS)
    frame.COMMANDS_PANEL_TITLE = tr(H.COMMANDS)
    frame.ERRORS_PANEL_TITLE = tr(H.ERROR)
    frame.ABORTED_TEXT = tr(H.ABORTED)
    frame.DEFAULT_STRING = tr(H.DEFAULT)
    frame.REQUIRED_LONG_STRING = tr(H.REQUIRED)
    frame.ENVVAR_STRING = tr(H.ENVVAR)
    frame.DEPRECATED_STRING = tr(H.DEPRECATED)
    frame.RICH_HELP = tr(H.TRY_HELP)
    if not getattr(frame.rich_format_error, "sinkron", False):
        frame.rich_format_error = _translating(frame.rich_format_error)  # type: ignore[assignment]


def _plain_types(params: list[Any]) -> None:
    """Show flags and arguments without a Python type (`<bool>`, `<list[str]>`).

    typer prints type names beside each parameter; they mean nothing to a planner. An
    argument already shows its metavar in the name column, and every value-taking option
    of sinkron names its value with a metavar.
    """
    for param in params:
        if getattr(param, "is_flag", False) or param.param_type_name == "argument":
            setattr(param, "display_type_rich", lambda ctx: None)  # noqa: B010


# what typer draws a frame for: usage errors (click's exceptions derive from
# TyperException) and aborts
_DRAWN = (typer.TyperException, typer.Abort)


class _Localised:
    """What both command classes share: usage prefix, --help text, plain types, and the
    frame localised just before typer draws help or an error."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)  # type: ignore[misc]
        except _DRAWN:
            localise_frame()
            raise

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)  # type: ignore[misc]
        except _DRAWN:
            localise_frame()
            raise

    def format_help(self, ctx: Any, formatter: Any) -> None:
        localise_frame()
        super().format_help(ctx, formatter)  # type: ignore[misc]

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=tr(H.USAGE))

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = tr(H.HELP)
        return option

    def get_params(self, ctx: Any) -> Any:
        params = super().get_params(ctx)  # type: ignore[misc]
        _plain_types(params)
        return params


class LocalCommand(_Localised, TyperCommand):
    """A sub-command whose help frame speaks the help language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = tr(H.OPTIONS_METAVAR)


class LocalGroup(_Localised, TyperGroup):
    """The `sinkron` group, same as LocalCommand."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = tr(H.OPTIONS_METAVAR)
        self.subcommand_metavar = tr(H.SUBCOMMAND_METAVAR)


def localise(app: typer.Typer) -> None:
    """Give every command of `app` the localised class (call after all are registered)."""
    for info in app.registered_commands:
        if info.cls is None or info.cls is TyperCommand:
            info.cls = LocalCommand
