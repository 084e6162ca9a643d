"""Running the real `sinkron` CLI in a subprocess under memory and CPU limits.

The time limit is CPU time (RLIMIT_CPU), not wall time: the test machine is shared, and a
loaded machine must not turn a fast run into a failure. A wall-clock timeout stays as a
backstop against a run that blocks without using CPU.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MEMORY = 3 * 1024**3  # RLIMIT_AS of the child
CPU_SECONDS = 5
WALL_SECONDS = float(os.environ.get("SINKRON_TEST_WALL", "60"))


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    cpu: float  # seconds of CPU the child used (user + system)
    wall: float

    def json(self) -> Any:
        return json.loads(self.stdout)


def _limits(cpu: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))


def env(debug: bool = True, **extra: str) -> dict[str, str]:
    """The environment of a child: sinkron from src/, no colour. With `debug`
    (SINKRON_DEBUG=1) an exception that reaches the CLI shows as a traceback, so a test
    that asserts "no traceback" also catches what `main` would turn into an error line."""
    drop = ("SINKRON_DEBUG", "SINKRON_LANG", "FORCE_COLOR", "PYTHONHASHSEED")
    out = {k: v for k, v in os.environ.items() if k not in drop}
    out["PYTHONPATH"] = str(ROOT / "src")
    out["NO_COLOR"] = "1"
    if debug:
        out["SINKRON_DEBUG"] = "1"
    out.update(extra)
    return out


def sinkron(folder: Path, *args: str, cpu: int = CPU_SECONDS,
            environ: dict[str, str] | None = None) -> Run:
    """`python -m sinkron ARGS` in `folder`, limited to 3 GiB and `cpu` CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "sinkron", *args], cwd=folder,
                          env=environ or env(), capture_output=True, text=True,
                          encoding="utf-8", errors="replace", timeout=WALL_SECONDS,
                          preexec_fn=lambda: _limits(cpu))
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(proc.returncode, proc.stdout, proc.stderr, used, wall)


def check_json(folder: Path, *paths: str, targets: str = "targets.yaml",
               cpu: int = CPU_SECONDS) -> Run:
    """`sinkron check PATHS --targets T --format json` (PATHS default: plans)."""
    return sinkron(folder, "check", *(paths or ("plans",)), "--targets", targets,
                   "--format", "json", cpu=cpu)


def assert_clean_exit(run: Run, allowed: tuple[int, ...] = (0, 1)) -> None:
    """No traceback, no signal (a negative code), an exit code the spec allows."""
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    assert run.code >= 0, f"killed by signal {-run.code} after {run.cpu:.1f}s CPU"
    assert run.code in allowed, (run.code, run.stderr[-2000:])
