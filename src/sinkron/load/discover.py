"""Finding the plan files under the paths a user gave (formats.md, "Finding the plans")."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from sinkron.findings import Location, Problem
from sinkron.i18n import Msg

PLAN_SUFFIXES = (".yaml", ".yml", ".xlsx")
WRONG_EXCEL = (".xls", ".xlsm", ".ods", ".csv")

M_SAVE_AS = Msg("{suffix} files are not read; save it as .xlsx (Excel workbook)",
                "berkas {suffix} tidak dibaca; simpan sebagai .xlsx (buku kerja Excel)")
M_SKIPPED = Msg("not a plan file (.yaml, .yml or .xlsx); sinkron skips it",
                "bukan berkas rencana (.yaml, .yml atau .xlsx); dilewati sinkron")


def _real(path: Path) -> Path:
    """The path with symlinks resolved; a symlink loop (RuntimeError before Python 3.13)
    resolves only as far as it can."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def display(path: Path) -> str:
    """A path as reports show it: relative to the current folder when under it."""
    try:
        rel = _real(path).relative_to(Path.cwd().resolve())
    except ValueError:
        return path.as_posix()
    return rel.as_posix()


@dataclass
class Found:
    plans: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def _hidden(name: str) -> bool:
    return name.startswith(".") or name.startswith("~$")


def discover(paths: list[str], exclude: Path | None = None) -> Found:
    """Plan files under `paths` in sorted order; other files become SK001/SK004 problems."""
    found = Found()
    skip = _real(exclude) if exclude else None
    seen: set[Path] = set()

    def visit(p: Path, explicit: bool) -> None:
        real = _real(p)
        if real in seen or (skip is not None and real == skip):
            return
        seen.add(real)
        suffix = p.suffix.lower()
        if suffix in PLAN_SUFFIXES:
            found.plans.append(p)
        elif suffix in WRONG_EXCEL:
            found.problems.append(Problem("SK001", M_SAVE_AS(suffix=suffix),
                                          Location(display(p))))
        elif explicit or not _hidden(p.name):
            found.problems.append(Problem("SK004", M_SKIPPED(), Location(display(p))))

    for raw in paths:
        root = Path(raw)
        if root.is_dir():
            for dirpath, dirnames, filenames in os.walk(root):
                dirnames[:] = sorted(d for d in dirnames if not _hidden(d))
                for name in sorted(filenames):
                    if not _hidden(name):
                        visit(Path(dirpath) / name, explicit=False)
        elif root.is_file():
            visit(root, explicit=True)
        else:
            found.missing.append(raw)
    return found
