"""`--jobs N`: plan files checked by a pool of worker processes, results in path order.

Each worker reads the targets once and then checks files one at a time, returning what the
single-process loop would have produced for that file (findings and the small per-plan
summaries, both picklable). Results come back in path order, so the report, and every output
made from it, is byte-identical to `--jobs 1`. Regency rules run afterwards in the parent.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sinkron.pipeline import FileResult, Options
    from sinkron.rules.engine import Engine

MIN_FILES = 16  # below this, starting a pool costs more than it saves
_WORKER: tuple[Engine, dict[str, str]] | None = None
# the parent's engine, which a forked worker inherits instead of reading the targets again
_PARENT: tuple[Engine, dict[str, str]] | None = None
_done = 0


def cores() -> int:
    """The cores this process may run on (the default of --jobs)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def worth_it(jobs: int, files: int) -> bool:
    """Whether `files` plan files are checked by a pool (a workbook is one file)."""
    return jobs > 1 and files >= MIN_FILES


def _start(options: Options) -> None:
    global _WORKER
    from sinkron.pipeline import engine_for

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to report
    _WORKER = _PARENT if _PARENT is not None else engine_for(options)
    gc.freeze()  # the targets and reference data: never garbage, never to be walked again
    gc.disable()


def _check(path: Path) -> FileResult:
    global _done
    from sinkron.load.discover import display
    from sinkron.pipeline import check_file
    from sinkron.speed import sweep

    assert _WORKER is not None
    sweep(_done)
    _done += 1
    return check_file(path, display(path), *_WORKER)


def check_files(paths: Sequence[Path], options: Options, jobs: int,
                parent: tuple[Engine, dict[str, str]] | None = None) -> Iterator[FileResult]:
    """Check `paths` in `jobs` processes; results in the order of `paths`.

    Forked workers start from a copy of `parent` (the engine and code names the parent
    built from the targets); spawned ones read the targets themselves.
    """
    global _PARENT
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    chunk = max(1, min(16, len(paths) // (jobs * 8)))
    _PARENT = parent if method == "fork" else None
    try:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method),
                                 initializer=_start, initargs=(options,)) as pool:
            yield from pool.map(_check, paths, chunksize=chunk)
    finally:
        _PARENT = None
