"""`sinkron convert FILE -o OUT`: a plans workbook <-> YAML plan files (one per village).

Whatever could not be carried over (a cell error, a row for an unknown village, a YAML key
the workbook has no column for) is listed on stderr and the exit code is 1; nothing is
dropped without a word. An existing YAML file is overwritten only when sinkron wrote it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

import typer

from sinkron.findings import Location, Problem
from sinkron.i18n import Lang, Msg, default_lang
from sinkron.i18n import help as H
from sinkron.i18n.help import tr

MARK = "Converted by sinkron from"
M_WROTE = Msg("wrote {path}", "menulis {path}")
M_UNREAD = Msg("not converted: {where}: {code} {message}",
               "tidak dikonversi: {where}: {code} {message}")
M_EXISTS = Msg("{path} exists and was not written by sinkron; choose another -o folder",
               "{path} sudah ada dan bukan buatan sinkron; pilih folder -o lain")
M_NO_PLANS = Msg("no plan to convert in {path}", "tidak ada rencana untuk dikonversi di {path}")
M_OUT_XLSX = Msg("-o must name an .xlsx file when converting YAML plans",
                 "-o harus berupa berkas .xlsx saat mengonversi rencana YAML")
M_NOT_PLAN = Msg("not a plan (no village/plan keys); left out",
                 "bukan rencana desa (tanpa kunci village/plan); tidak disertakan")
M_UNPLACED = Msg("the workbook has no column for '{key}'; left out",
                 "buku kerja tidak memiliki kolom untuk '{key}'; tidak disertakan")
M_TWICE = Msg("village {code} is already in the workbook (from {first}); a workbook holds one "
              "plan per village: convert this one on its own",
              "desa {code} sudah ada di buku kerja (dari {first}); satu buku kerja memuat satu "
              "rencana per desa: konversikan yang ini tersendiri")
M_MISSING = Msg("no such file or folder: {path}", "berkas atau folder tidak ditemukan: {path}")


def _say(problem: Problem, lang: Lang) -> None:
    typer.echo(M_UNREAD(where=str(problem.location), code=problem.code,
                        message=problem.message.get(lang)).get(lang), err=True)


def _slug(text: object) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")[:40] or "desa"


def _generated(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8", errors="replace") as fh:
            return any(MARK in fh.readline() for _ in range(3))
    except OSError:
        return False


def workbook_to_yaml(source: Path, out: Path, lang: Lang) -> int:
    """One YAML file per village of a plans workbook; 0, 1 (something left out) or 2."""
    from sinkron.load.discover import display
    from sinkron.load.xlsx_plans import read_plans_book
    from sinkron.write.atomic import save_text
    from sinkron.write.plan_yaml import plan_yaml

    book = read_plans_book(source, display(source))
    left_out = list(book.problems)
    for village in book.villages:
        left_out += village.problems + village.doc.cell_problems
    if book.fatal or not book.plans:
        for p in left_out:
            _say(p, lang)
        typer.echo(M_NO_PLANS(path=display(source)).get(lang), err=True)
        return 2
    files: list[tuple[Path, str]] = []
    for village in book.plans:
        data: dict[str, Any] = village.doc.data
        code, name = data["village"].get("code", ""), data["village"].get("name", "")
        year = data["plan"].get("year", "")
        sheet, cell = village.doc.source.values[()]
        stem = f"{_slug(code)}-{_slug(name)}"
        taken = {t for t, _ in files}
        target = out / f"{stem}.yaml"
        for n in range(2, len(files) + 2):
            if target not in taken:
                break
            target = out / f"{stem}-{n}.yaml"
        header = [f"RKP Desa {name} ({code}), {year}",
                  f"{MARK} {display(source)} [{sheet}!{cell}]; check it with `sinkron check`."]
        if target.exists() and not _generated(target):
            typer.echo(M_EXISTS(path=display(target)).get(lang), err=True)
            return 2
        files.append((target, plan_yaml(data, header)))
    out.mkdir(parents=True, exist_ok=True)
    for target, text in files:
        save_text(text, target)
        typer.echo(M_WROTE(path=display(target)).get(lang))
    for p in left_out:
        _say(p, lang)
    return 1 if left_out else 0


def _yaml_files(source: Path) -> list[Path]:
    if source.is_file():
        return [source]
    return sorted(p for p in source.rglob("*") if p.suffix.lower() in (".yaml", ".yml")
                  and p.is_file() and not any(part.startswith(".")
                                              for part in p.relative_to(source).parts))


def yaml_to_workbook(source: Path, out: Path, lang: Lang) -> int:
    """YAML plan file(s) -> one plans workbook; 0, 1 (something left out) or 2."""
    from sinkron.load.discover import display
    from sinkron.load.yaml import load_yaml
    from sinkron.model.build import kind_of
    from sinkron.pipeline import read_bytes
    from sinkron.write.atomic import save_workbook
    from sinkron.write.plans_xlsx import plans_workbook, unplaced

    if out.suffix.lower() != ".xlsx":
        typer.echo(M_OUT_XLSX().get(lang), err=True)
        return 2
    plans: list[Any] = []
    left_out: list[Problem] = []
    seen: dict[str, str] = {}
    for path in _yaml_files(source):
        name = display(path)
        raw, problem = read_bytes(path, name)  # never a pipe or device, never over the cap
        if raw is None:
            left_out += [problem] if problem else []
            continue
        loaded = load_yaml(raw, name)
        left_out += loaded.problems
        if loaded.fatal:
            continue
        if kind_of(loaded.data) != "plan":
            left_out.append(Problem("SK002", M_NOT_PLAN(), Location(name)))
            continue
        village = loaded.data.get("village")
        code = str(village.get("code") or "") if isinstance(village, dict) else ""
        if code and code in seen:
            left_out.append(Problem("SK002", M_TWICE(code=code, first=seen[code]),
                                    Location(name)))
            continue
        seen[code] = name
        left_out += [Problem("SK002", M_UNPLACED(key=k), Location(name))
                     for k in unplaced(loaded.data)]
        plans.append(loaded.data)
    if not plans:
        for p in left_out:
            _say(p, lang)
        typer.echo(M_NO_PLANS(path=display(source)).get(lang), err=True)
        return 2
    save_workbook(plans_workbook(plans), out)
    typer.echo(M_WROTE(path=display(out)).get(lang))
    for p in left_out:
        _say(p, lang)
    return 1 if left_out else 0


def register(app: typer.Typer) -> None:
    @app.command(help=tr(H.CONVERT))
    def convert(
        source: Annotated[Path, typer.Argument(metavar=tr(H.V_FILE), help=tr(H.CONVERT_SOURCE))],
        output: Annotated[Path, typer.Option("-o", "--output", metavar=tr(H.V_FILE),
                                             help=tr(H.CONVERT_OUTPUT))],
    ) -> None:
        """Convert a plans workbook to YAML plan files (one per village), or back."""
        lang = default_lang()
        if not source.exists():
            typer.echo(M_MISSING(path=str(source)).get(lang), err=True)
            raise typer.Exit(2)
        if source.is_file() and source.suffix.lower() == ".xlsx":
            raise typer.Exit(workbook_to_yaml(source, output, lang))
        raise typer.Exit(yaml_to_workbook(source, output, lang))
