"""`sinkron validate`: the schema stage only, for single files (pre-commit, editors)."""

from __future__ import annotations

from pathlib import Path

from sinkron.findings import Location, Problem, Report
from sinkron.i18n import Msg
from sinkron.load.discover import display
from sinkron.load.yaml import load_yaml
from sinkron.model.build import M_KIND, build_targets, kind_of
from sinkron.pipeline import read_bytes, read_plans, read_targets
from sinkron.rules.context import Context
from sinkron.rules.engine import Engine
from sinkron.rules.registry import REGISTRY, code_names

M_MISSING = Msg("no such file", "berkas tidak ditemukan")


def run_validate(files: list[Path], targets_path: Path | None) -> Report:
    codes = code_names()
    report = Report(targets=display(targets_path) if targets_path else "")
    ctx = None
    if targets_path is not None:
        targets, source, problems = read_targets(targets_path, codes)
        engine = Engine(None)
        report.findings.extend(f for p in problems if (f := engine.stamp(p)) is not None)
        if targets is None:
            report.fatal = True
            return report
        ctx = Context(targets, source, targets.regency.villages or 0)
    reading = [c for c in REGISTRY if c.startswith("SK0")] + (["SK101"] if ctx else [])
    engine = Engine(ctx, select=reading)
    villages: set[str] = set()
    for path in files:
        name = display(path)
        report.files += 1
        report.files_read.append(name)
        if not path.exists() and not path.is_symlink():  # a pipe or device: the reader says so
            report.findings.append(engine.stamp(Problem("SK001", M_MISSING(),  # type: ignore[arg-type]
                                                        Location(name))))
            continue
        if path.suffix.lower() in (".yaml", ".yml"):
            raw, _ = read_bytes(path, name)
            loaded = load_yaml(raw, name) if raw is not None else None
            if loaded is not None and not loaded.fatal and kind_of(loaded.data) == "targets":
                _, problems = build_targets(loaded.data, loaded.source, codes)
                report.findings.extend(f for p in loaded.problems + problems
                                       if (f := engine.stamp(p)) is not None)
                continue
            if loaded is not None and not loaded.fatal and kind_of(loaded.data) is None:
                report.findings.append(engine.stamp(Problem(  # type: ignore[arg-type]
                    "SK002", M_KIND(), loaded.source.value(()))))
                continue
        if path.suffix.lower() == ".xlsx" and _workbook_is_not_a_plan(path, name, codes, engine,
                                                                      report):
            continue
        for read in read_plans(path, name, codes):
            report.notes.extend(read.notes)
            if read.plan is None or ctx is None:
                report.findings.extend(f for p in read.problems
                                       if (f := engine.stamp(p, read.village, read.year)))
                if read.plan is not None:
                    villages.add(read.plan.code)
                    report.activities += len(read.plan.activities)
                continue
            findings, _ = engine.check_plan(read.plan, read.problems)
            report.findings.extend(f for f in findings if f.code != "SK005")
            villages.add(read.plan.code)
            report.activities += len(read.plan.activities)
    report.villages = len(villages)
    return report


def _workbook_is_not_a_plan(path: Path, name: str, codes: dict[str, str], engine: Engine,
                            report: Report) -> bool:
    """A targets workbook (or one of neither kind) is validated here; True when it was."""
    from sinkron.load.xlsx import read_targets_workbook, workbook_kind

    kind = workbook_kind(path, name)
    if kind == "plan":
        return False
    if kind == "targets":
        _, _, problems = read_targets_workbook(path, name, codes)
    else:
        problems = [Problem("SK002", M_KIND(), Location(name))]
    report.findings.extend(f for p in problems if (f := engine.stamp(p)) is not None)
    return True
