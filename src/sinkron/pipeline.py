"""check(paths, targets) -> Report: load -> model -> rules. Prints nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from sinkron.findings import Finding, IndicatorInfo, Location, Note, Problem, Report, Severity
from sinkron.i18n import Lang, Msg, Text
from sinkron.load.discover import discover, display
from sinkron.load.files import M_READ, open_regular
from sinkron.load.source import SourceMap
from sinkron.load.yaml import MAX_BYTES, load_yaml
from sinkron.load.yaml_messages import M_TOO_BIG
from sinkron.model.build import Plan, build_plan, build_targets, kind_of
from sinkron.model.targets import Targets
from sinkron.model.values import to_village_code, to_year
from sinkron.reference import villages_in
from sinkron.rules.context import Context, PlanSummary
from sinkron.rules.engine import Engine
from sinkron.rules.registry import code_names
from sinkron.speed import paused_gc, sweep

M_NO_TARGETS_FILE = Msg("targets file not found: {path}",
                        "berkas target tidak ditemukan: {path}")
M_MISSING = Msg("no such file or folder: {paths}", "berkas atau folder tidak ada: {paths}")
M_NO_PLANS = Msg("no plan files (.yaml, .yml, .xlsx) found in {paths}",
                 "tidak ada berkas rencana (.yaml, .yml, .xlsx) di {paths}")


M_TARGETS_HERE = Msg("this is a targets file (it has `regency` and `period`), not a village plan; "
                     "move it out of the plans folder or give it with --targets",
                     "ini berkas target kabupaten (memuat `regency` dan `period`), bukan "
                     "rencana desa; pindahkan dari folder rencana atau berikan dengan --targets")


class Fatal(Exception):
    """sinkron cannot do its job (exit 2): one clear line for stderr."""

    def __init__(self, message: Text | str) -> None:
        self.text = message if isinstance(message, Text) else Text(message, message)
        super().__init__(self.text.en)

    def get(self, lang: Lang) -> str:
        """The line in `lang`."""
        return self.text.get(lang)


@dataclass
class Options:
    paths: list[str]
    targets: Path
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    jobs: int = 1  # worker processes for plan files (the CLI defaults to the cores)


@dataclass
class PlanRead:
    """One plan out of a file (a YAML file holds one, a workbook many)."""

    plan: Plan | None
    problems: list[Problem]
    village: str | None = None
    year: int | None = None
    notes: list[Note] = field(default_factory=list)  # e.g. a hidden sheet was read


def read_bytes(path: Path, display_name: str) -> tuple[bytes | None, Problem | None]:
    """The file's bytes; a pipe, a device or an oversized file is SK001, never read (a pipe
    would block forever, /dev/zero would fill the memory)."""
    fh, problem = open_regular(path, display_name, MAX_BYTES, M_TOO_BIG,
                               Location(display_name, 1, 1))
    if fh is None:
        return None, problem
    try:
        with fh:
            return fh.read(MAX_BYTES + 1), None  # load_yaml reports a file that grew
    except OSError as exc:
        return None, Problem("SK001", M_READ(error=exc.strerror or str(exc)),
                             Location(display_name))


def _guess(data: Any) -> tuple[str | None, int | None]:
    """The village code and year of a plan whose header failed, when they can be read."""
    village = year = None
    if isinstance(data, dict):
        try:
            village = to_village_code((data.get("village") or {}).get("code"))
        except Exception:
            village = None
        try:
            year = to_year((data.get("plan") or {}).get("year"))
        except Exception:
            year = None
    return village, year


def read_plans(path: Path, name: str, codes: dict[str, str]) -> Iterator[PlanRead]:
    """The plans in one file, with the problems met while reading them."""
    if path.suffix.lower() == ".xlsx":
        from sinkron.load.xlsx import read_plans_workbook

        yield from read_plans_workbook(path, name, codes)
        return
    raw, problem = read_bytes(path, name)
    if raw is None:
        yield PlanRead(None, [problem] if problem else [])
        return
    loaded = load_yaml(raw, name)
    if loaded.fatal:
        yield PlanRead(None, loaded.problems, *_guess(loaded.data))
        return
    if kind_of(loaded.data) == "targets" and "village" not in loaded.data:
        # one clear finding instead of an unknown-key finding for every line of it
        yield PlanRead(None, [Problem("SK002", M_TARGETS_HERE(), loaded.source.value(()),
                                      path=())])
        return
    plan, problems = build_plan(loaded.data, loaded.source, codes, loaded.problems)
    village, year = (plan.code, plan.year) if plan else _guess(loaded.data)
    yield PlanRead(plan, loaded.problems + problems, village, year)


def read_targets(path: Path, codes: dict[str, str]) -> tuple[Targets | None, SourceMap,
                                                                list[Problem]]:
    name = display(path)
    if path.suffix.lower() == ".xlsx":
        from sinkron.load.xlsx import read_targets_workbook

        got: tuple[Targets | None, SourceMap, list[Problem]]
        got = read_targets_workbook(path, name, codes)
        return got
    raw, problem = read_bytes(path, name)
    if raw is None:
        return None, SourceMap(name), [problem] if problem else []
    loaded = load_yaml(raw, name)
    if loaded.fatal or loaded.problems:
        return None, loaded.source, loaded.problems
    targets, problems = build_targets(loaded.data, loaded.source, codes)
    return targets, loaded.source, problems


@dataclass
class FileResult:
    """What checking one plan file gives (picklable: workers send it back)."""

    file: str
    findings: list[Finding] = field(default_factory=list)
    summaries: list[PlanSummary] = field(default_factory=list)
    villages: list[str] = field(default_factory=list)
    activities: int = 0
    notes: list[Note] = field(default_factory=list)


def check_file(path: Path, name: str, engine: Engine, codes: dict[str, str]) -> FileResult:
    """Read one plan file and run the plan rules on each plan in it."""
    out = FileResult(name)
    for read in read_plans(path, name, codes):
        out.notes.extend(read.notes)
        if read.plan is None:
            out.findings.extend(f for p in read.problems
                                if (f := engine.stamp(p, read.village, read.year)) is not None)
            continue
        findings, summary = engine.check_plan(read.plan, read.problems)
        out.findings.extend(findings)
        out.summaries.append(summary)
        out.villages.append(read.plan.code)
        out.activities += len(read.plan.activities)
    out.findings.sort(key=Finding.sort_key)  # sorted runs make the parent's sort cheap
    return out


def context_for(targets: Targets, source: SourceMap) -> Context:
    villages = targets.regency.villages or villages_in(targets.regency.code)
    return Context(targets, source, villages)


def engine_for(options: Options) -> tuple[Engine, dict[str, str]]:
    """The engine of a worker process (the targets were found usable by the parent)."""
    codes = code_names()
    targets, source, _ = read_targets(options.targets, codes)
    if targets is None:
        raise Fatal(f"targets changed while checking: {options.targets}")
    return Engine(context_for(targets, source), options.select, options.ignore), codes


def _results(paths: list[Path], options: Options, engine: Engine,
             codes: dict[str, str]) -> Iterator[FileResult]:
    from sinkron.workers import check_files, worth_it

    if worth_it(options.jobs, len(paths)):
        yield from check_files(paths, options, options.jobs, (engine, codes))
    else:
        for path in paths:
            yield check_file(path, display(path), engine, codes)


def check(options: Options, progress: Callable[[int, int], None] | None = None) -> Report:
    """Run the whole check; Fatal for what stops sinkron before any finding can be made."""
    codes = code_names()
    if not options.targets.is_file():
        raise Fatal(M_NO_TARGETS_FILE(path=options.targets))
    found = discover(options.paths, exclude=options.targets)
    if found.missing:
        raise Fatal(M_MISSING(paths=", ".join(found.missing)))
    if not found.plans and not found.problems:
        raise Fatal(M_NO_PLANS(paths=", ".join(options.paths)))
    report = Report(targets=display(options.targets))
    targets, tsource, tproblems = read_targets(options.targets, codes)
    ctx = context_for(targets, tsource) if targets is not None else None
    if targets is not None:
        report.indicators = [IndicatorInfo(i.id, i.name, i.unit, i.direction, i.priority,
                                           i.project) for i in targets.indicators]
    engine = Engine(ctx, options.select, options.ignore)
    report.findings.extend(f for p in tproblems if (f := engine.stamp(p)) is not None)
    if ctx is None:
        report.fatal = True
        return report
    report.findings.extend(engine.check_targets())
    report.findings.extend(f for p in found.problems if (f := engine.stamp(p)) is not None)
    if not found.plans:
        raise Fatal(M_NO_PLANS(paths=", ".join(options.paths)))
    summaries: list[PlanSummary] = []
    codes_seen: set[str] = set()
    # plans are streamed: only the small per-plan summaries are kept in memory, findings go
    # to the report's store, which spills sorted runs to disk past its bound
    plans = sorted(found.plans, key=_walk_order)  # the order files are named in changes nothing
    with paused_gc():
        for n, result in enumerate(_results(plans, options, engine, codes)):
            sweep(n)
            report.files += 1
            report.files_read.append(result.file)
            report.notes.extend(result.notes)
            report.findings.extend(result.findings)
            summaries.extend(result.summaries)
            codes_seen.update(result.villages)
            report.activities += result.activities
            if progress is not None:
                progress(n + 1, len(plans))
    report.findings.extend(engine.check_regency(summaries))
    report.villages = len(codes_seen)
    report.projection = list(ctx.projection)
    report.summaries = summaries
    if "SK000" in report.findings.any_codes:
        report.fatal = True
    return report


def _walk_order(path: Path) -> tuple[tuple[str, ...], str]:
    """The order a sorted folder walk gives: a folder's files, then its subfolders'."""
    shown = PurePosixPath(display(path))
    return shown.parent.parts, shown.name


def exit_code(report: Report, fail_on: str) -> int:
    """0, 1 or 2 as cli.md says."""
    if report.fatal:
        return 2
    if fail_on == "never":
        return 0
    bar = Severity(fail_on).rank
    counts = report.counts()
    return 1 if any(counts[s.value] for s in Severity if s.rank >= bar) else 0
