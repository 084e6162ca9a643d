"""`sinkron schema plan|targets`: the JSON Schema of a YAML format, on stdout."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated, Optional

import typer

from sinkron.i18n import help as H
from sinkron.i18n.help import tr


class Kind(StrEnum):
    plan = "plan"
    targets = "targets"


def register(app: typer.Typer) -> None:
    """Add the `schema` command to the app."""

    @app.command("schema", help=tr(H.SCHEMA))
    def schema(
        kind: Annotated[Kind, typer.Argument(metavar=tr(H.V_KIND), help=tr(H.SCHEMA_KIND))],
        lang: Annotated[Optional[str], typer.Option(  # noqa: UP045
            "--lang", metavar=tr(H.V_LANG), help=tr(H.SCHEMA_LANG))] = None,
    ) -> None:
        from sinkron.cli import _lang
        from sinkron.schema import build

        body = build(kind.value, _lang(lang))
        sys.stdout.write(json.dumps(body, indent=2, ensure_ascii=False) + "\n")
