"""`sinkron init [DIR]`: a working starting point for a regency's plans repository.

It writes a commented targets.yaml of Kabupaten Blitar, two village plans, a GitHub Actions
workflow, a pre-commit config and the JSON Schemas the YAML files point their editor at.
The templates are package data (data/init); comment lines marked `#[en]` or `#[id]` are
kept in the chosen language only.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Annotated, Optional

import typer

from sinkron import __version__
from sinkron.i18n import Lang, Msg
from sinkron.i18n import help as H
from sinkron.i18n.help import tr

# Where the pre-commit hook lives: the project's public repository.
HOOK_REPO = "https://github.com/sinkron/sinkron"

# destination in the new folder -> template under data/init (None: generated)
FILES: dict[str, str | None] = {
    "targets.yaml": "targets.yaml",
    "plans/plosorejo.yaml": "plans/plosorejo.yaml",
    "plans/serang.yaml": "plans/serang.yaml",
    ".github/workflows/sinkron.yml": "github-workflow.yml",
    ".pre-commit-config.yaml": "pre-commit-config.yaml",
    "plan.schema.json": None,
    "targets.schema.json": None,
}

M_EXISTS = Msg("not overwriting {files} in {folder} (use --force to replace them)",
               "{files} di {folder} tidak ditimpa (pakai --force untuk menggantinya)")
M_NOT_FOLDER = Msg("{folder} is a file, not a folder", "{folder} adalah berkas, bukan folder")
M_CANNOT_WRITE = Msg("cannot write {file}: {error}", "tidak dapat menulis {file}: {error}")
M_WROTE = Msg("Wrote a working example in {folder}:", "Contoh siap pakai ditulis di {folder}:")
M_NEXT_HERE = Msg("Next: sinkron check   (then replace the example figures with your regency's)",
                  "Berikutnya: sinkron check   (lalu ganti angka contoh dengan angka "
                  "kabupaten Anda)")
M_NEXT = Msg("Next: cd {folder} && sinkron check   (then replace the example figures "
             "with your regency's)",
             "Berikutnya: cd {folder} && sinkron check   (lalu ganti angka contoh dengan "
             "angka kabupaten Anda)")

STEPS = {"STEP_INSTALL": Msg("Install sinkron", "Pasang sinkron"),
         "STEP_CHECK": Msg("Check village plans", "Periksa rencana desa"),
         "STEP_UPLOAD": Msg("Upload findings to code scanning",
                            "Unggah temuan ke code scanning")}

_MARKED = re.compile(r"^(\s*)#\[(en|id)\] ?(.*)$")


def render(template: str, lang: Lang, values: dict[str, str]) -> str:
    """Keep the comment lines of `lang`, drop the others, fill in the @@NAME@@ values."""
    lines = []
    for line in template.splitlines():
        marked = _MARKED.match(line)
        if marked is None:
            lines.append(line)
        elif marked.group(2) == lang:
            lines.append(f"{marked.group(1)}# {marked.group(3)}".rstrip())
    text = "\n".join(lines) + "\n"
    for name, value in values.items():
        text = text.replace(f"@@{name}@@", value)
    return text


def contents(lang: Lang, hook_repo: str = HOOK_REPO) -> dict[str, str]:
    """Every file `init` writes, by its path in the new folder."""
    from sinkron.schema import build

    values = {"VERSION": __version__, "HOOK_REPO": hook_repo, "LANG": lang}
    values |= {name: msg().get(lang) for name, msg in STEPS.items()}
    data = resources.files("sinkron.data").joinpath("init")
    out: dict[str, str] = {}
    for dest, source in FILES.items():
        if source is not None:
            out[dest] = render(data.joinpath(source).read_text("utf-8"), lang, values)
        else:
            kind = dest.split(".", 1)[0]
            out[dest] = json.dumps(build(kind, lang), indent=2, ensure_ascii=False) + "\n"
    return out


def write(folder: Path, lang: Lang, force: bool = False, hook_repo: str = HOOK_REPO) -> list[str]:
    """Write the example into `folder`; the paths written, or typer.Exit(2) with one line."""
    from sinkron.cli import fail

    if folder.exists() and not folder.is_dir():
        fail(M_NOT_FOLDER(folder=folder), lang)
    files = contents(lang, hook_repo)
    existing = [name for name in files if (folder / name).exists()]
    if existing and not force:
        fail(M_EXISTS(files=", ".join(existing), folder=folder), lang)
    for name, text in files.items():
        path = folder / name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
        except OSError as exc:
            fail(M_CANNOT_WRITE(file=path, error=exc.strerror or exc), lang)
    return list(files)


def register(app: typer.Typer) -> None:
    """Add the `init` command to the app."""

    @app.command("init", help=tr(H.INIT))
    def init(
        folder: Annotated[Path, typer.Argument(metavar=tr(H.V_DIR), help=tr(H.INIT_DIR),
                                               show_default=False)] = Path("."),
        force: Annotated[bool, typer.Option("--force", help=tr(H.INIT_FORCE))] = False,
        lang: Annotated[Optional[str], typer.Option(  # noqa: UP045
            "--lang", metavar=tr(H.V_LANG), help=tr(H.INIT_LANG))] = None,
        hook_repo: Annotated[str, typer.Option("--hook-repo", metavar=tr(H.V_URL),
                                               help=tr(H.INIT_HOOK_REPO))] = HOOK_REPO,
    ) -> None:
        from sinkron.cli import _lang

        language = _lang(lang)
        written = write(folder, language, force, hook_repo)
        here = folder.resolve() == Path.cwd().resolve()
        typer.echo(M_WROTE(folder=Path.cwd() if here else folder).get(language))
        for name in written:
            typer.echo(f"  {name}")
        typer.echo((M_NEXT_HERE() if here else M_NEXT(folder=folder)).get(language))
