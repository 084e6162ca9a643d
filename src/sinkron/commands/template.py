"""`sinkron template --targets FILE -o FILE.xlsx [--kind plans|targets] [--village CODE]`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from sinkron.i18n import Lang, Msg, default_lang
from sinkron.i18n import help as H
from sinkron.i18n.help import tr

M_WROTE = Msg("wrote {path}: {kind} template for {regency}",
              "menulis {path}: templat {kind} untuk {regency}")
M_NOT_XLSX = Msg("-o must name an .xlsx file, not {path}",
                 "-o harus berupa berkas .xlsx, bukan {path}")
M_TARGETS = Msg("the targets cannot be used ({count} problems); run `sinkron validate {path}`",
                "target tidak dapat dipakai ({count} masalah); jalankan `sinkron validate {path}`")
M_VILLAGE = Msg("{code} is not a desa or kelurahan of {regency} in the Kemendagri register{hint}",
                "{code} bukan desa atau kelurahan {regency} menurut register Kemendagri{hint}")
M_WRITE = Msg("cannot write {path}: {error}", "tidak dapat menulis {path}: {error}")


class Kind(StrEnum):
    plans = "plans"
    targets = "targets"


def make_template(targets_path: Path, out: Path, kind: Kind, village: str | None,
                  lang: Lang) -> str:
    """Write the template; returns the line to print. typer.Exit(2) when it cannot."""
    from sinkron.cli import fail
    from sinkron.load.discover import display
    from sinkron.model.errors import hint
    from sinkron.pipeline import read_targets
    from sinkron.reference import register
    from sinkron.rules.registry import code_names
    from sinkron.write.atomic import save_workbook

    if out.suffix.lower() != ".xlsx":
        fail(M_NOT_XLSX(path=str(out)), lang)
    targets, _, problems = read_targets(targets_path, code_names())
    if targets is None:
        for p in problems:
            typer.echo(f"{p.location}: {p.code} {p.message.get(lang)}", err=True)
        fail(M_TARGETS(count=len(problems), path=display(targets_path)), lang)
    if kind is Kind.targets:
        from sinkron.write.targets_xlsx import targets_workbook

        wb = targets_workbook(targets)
    else:
        from sinkron.write.template import plans_template, prefill

        fill = None
        if village is not None:
            fill = prefill(targets, village.strip())
            if fill is None:
                known = [c for c, r in register(targets.regency.code).items()
                         if r.level == "village"]
                fail(M_VILLAGE(code=village, regency=targets.regency.name,
                               hint=hint(village, known)), lang)
        wb = plans_template(targets, fill)
    try:
        save_workbook(wb, out)
    except OSError as exc:
        fail(M_WRITE(path=str(out), error=exc.strerror or str(exc)), lang)
    return M_WROTE(path=display(out), kind=kind.value, regency=targets.regency.name).get(lang)


def register(app: typer.Typer) -> None:
    @app.command(help=tr(H.TEMPLATE))
    def template(
        output: Annotated[Path, typer.Option("-o", "--output", metavar=tr(H.V_FILE),
                                             help=tr(H.TEMPLATE_OUTPUT))],
        targets: Annotated[Optional[Path], typer.Option(  # noqa: UP045
            "--targets", metavar=tr(H.V_FILE), help=tr(H.TARGETS))] = None,
        kind: Annotated[Kind, typer.Option("--kind", help=tr(H.TEMPLATE_KIND))] = Kind.plans,
        village: Annotated[Optional[str], typer.Option(  # noqa: UP045
            "--village", metavar=tr(H.V_CODE), help=tr(H.TEMPLATE_VILLAGE))] = None,
    ) -> None:
        """Write an Excel template to fill in, pre-filled from the targets."""
        from sinkron.cli import _default_targets, fail
        from sinkron.pipeline import M_NO_TARGETS_FILE

        lang = default_lang()
        if targets is None:
            targets = _default_targets(lang)
        if not targets.is_file():
            fail(M_NO_TARGETS_FILE(path=targets), lang)
        typer.echo(make_template(targets, output, kind, village, lang))
