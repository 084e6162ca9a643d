"""`sinkron rules [CODE]`: the command; what it prints is made in :mod:`catalogue`.

Registered on every start of the CLI, so it imports nothing heavy: the catalogue needs rich
and every rule's examples, which a `sinkron check` in CI never draws.
"""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from sinkron.i18n import L
from sinkron.i18n import help as H
from sinkron.i18n.help import tr


def register(app: typer.Typer) -> None:
    """Add `sinkron rules` to the CLI."""

    @app.command("rules", help=tr(H.RULES))
    def rules_command(
        code: Annotated[Optional[str], typer.Argument(  # noqa: UP045
            metavar=tr(H.V_CODE), help=tr(H.RULES_CODE), show_default=False)] = None,
        lang: Annotated[Optional[str], typer.Option(  # noqa: UP045
            "--lang", metavar=tr(H.V_LANG), help=tr(H.LANG))] = None,
    ) -> None:
        """List the rules, or explain one with a failing and a passing example."""
        from sinkron.cli import _color, _lang
        from sinkron.commands.catalogue import M_HINT, M_UNKNOWN, nearest, render
        from sinkron.rules.registry import catalogue

        language = _lang(lang)
        text = render(code, language, color=_color())
        if text is None:
            rules = catalogue()
            near = nearest(code or "", rules)
            tail = M_HINT(code=near, name=rules[near].name) if near else None
            hint = L("", "") if tail is None else L(tail.en, tail.id)
            msg = M_UNKNOWN(spec=code, hint=hint)
            typer.echo(f"sinkron: {msg.get(language)}", err=True)
            raise typer.Exit(2)
        sys.stdout.write(text)
