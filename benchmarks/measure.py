"""Run one command in a fresh process; report its wall time and peak memory as JSON.

    python -m benchmarks.measure -- CMD [ARGS...]

Peak memory two ways: `maxrss` is the largest single process of the command (from
getrusage(RUSAGE_CHILDREN) in this wrapper, which has no other child), and `tree_peak` is the
largest sum of the resident sizes of the command and all its descendants, sampled every 20 ms
from /proc (what a `--jobs N` run really holds at once).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

PAGE_KB = 4


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return out
    for task in tasks:
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return out


def _rss_kb(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_KB
    except (OSError, ValueError, IndexError):
        return 0


def tree_rss_kb(root: int) -> int:
    """Resident memory of `root` and every descendant, in KiB."""
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _rss_kb(pid)
        todo += _children(pid)
    return total


def measure(cmd: list[str], stdout_path: str | None = None) -> dict[str, float]:
    out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL  # noqa: SIM115
    try:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, tree_rss_kb(proc.pid))
            time.sleep(0.02)
        wall = time.perf_counter() - start
    finally:
        if stdout_path:
            out.close()  # type: ignore[union-attr]
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"wall": wall, "maxrss_mb": usage.ru_maxrss / 1024, "tree_peak_mb": peak / 1024,
            "cpu": usage.ru_utime + usage.ru_stime, "exit": proc.returncode}


def main() -> None:
    args = sys.argv[1:]
    stdout_path = None
    if args[:1] == ["--stdout"]:
        stdout_path, args = args[1], args[2:]
    if args[:1] == ["--"]:
        args = args[1:]
    print(json.dumps(measure(args, stdout_path)))


if __name__ == "__main__":
    main()
