"""Write a benchmark data set: targets.yaml, plans/**/*.yaml and plans.xlsx.

    python -m benchmarks.generate --scale regency|province|national [--out DIR] [--jobs N]

The same scale and seed always give byte-identical files. A folder that already holds the
set (same scale, seed and generator version, see `stamp`) is reused as it is.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from benchmarks.plans import SCALES, Village, plan_for, villages
from benchmarks.render import to_yaml, write_workbook, yaml_name

ROOT = Path(__file__).resolve().parent.parent
VERSION = 1  # bump when the generated files change
SEED = 2025


def _write_yaml(args: tuple[Path, list[Village], int]) -> int:
    folder, chunk, seed = args
    for v in chunk:
        plan = plan_for(v, seed)
        path = folder / yaml_name(plan)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(to_yaml(plan), "utf-8")
    return len(chunk)


def generate(scale: str, out: Path, jobs: int = 1, xlsx: bool = True,
             seed: int = SEED, count: int | None = None) -> Path:
    """Write the set for `scale` (or its first `count` villages) into `out`, reused when
    already there; returns `out`."""
    count = count or SCALES[scale]
    stamp = {"scale": scale, "seed": seed, "version": VERSION, "xlsx": xlsx, "count": count}
    mark = out / "stamp.json"
    if mark.is_file() and json.loads(mark.read_text("utf-8")) == stamp:
        return out
    if out.exists():
        shutil.rmtree(out)
    (out / "plans").mkdir(parents=True)
    shutil.copyfile(ROOT / "targets.yaml", out / "targets.yaml")
    chosen = villages(count)
    size = 500
    chunks = [(out / "plans", chosen[i:i + size], seed) for i in range(0, len(chosen), size)]
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            list(pool.map(_write_yaml, chunks))
    else:
        for c in chunks:
            _write_yaml(c)
    if xlsx:
        write_workbook(out / "plans.xlsx", [plan_for(v, seed) for v in chosen])
    mark.write_text(json.dumps(stamp), "utf-8")
    return out


def default_out(scale: str) -> Path:
    return ROOT / "benchmarks" / "out" / scale


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.generate")
    ap.add_argument("--scale", choices=list(SCALES), default="regency")
    ap.add_argument("--out", type=Path, help="default: benchmarks/out/<scale>")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--no-xlsx", action="store_true", help="YAML files only")
    ap.add_argument("--seed", type=int, default=SEED)
    a = ap.parse_args(argv)
    out = generate(a.scale, a.out or default_out(a.scale), a.jobs, not a.no_xlsx, a.seed)
    print(out)


if __name__ == "__main__":
    main()
