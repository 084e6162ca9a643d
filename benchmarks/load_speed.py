"""YAML loading alone: the safe path (libyaml events -> Builder) against the fast path.

`PYTHONPATH=src:. python -m benchmarks.load_speed [plans folder] [--repeat N]` loads every
YAML file of the folder through `load_yaml` both ways, alternating, and prints the best CPU
time of each (the same run, so machine load hits both alike) and how many files the fast path
took. Default folder: benchmarks/out/regency/plans.
"""

from __future__ import annotations

import argparse
import gc
import os
import time
from pathlib import Path

from sinkron.load.source import SourceMap
from sinkron.load.yaml import load_yaml
from sinkron.load.yaml_fast import fast_load


def _load_all(raws: list[bytes], mode: str) -> float:
    os.environ["SINKRON_YAML"] = mode
    start = time.process_time()
    for raw in raws:
        load_yaml(raw, "plan.yaml")
    return time.process_time() - start


def main() -> None:
    """Print best-of-N CPU seconds for both paths on one folder of plans."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", default="benchmarks/out/regency/plans")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    files = sorted(Path(args.folder).rglob("*.yaml"))
    raws = [f.read_bytes() for f in files]
    taken = sum(fast_load(r.decode("utf-8-sig"), SourceMap("plan.yaml")) is not None
                for r in raws)
    best = {"safe": float("inf"), "fast": float("inf")}
    gc.disable()  # as in `sinkron check` (sinkron/speed.py)
    for _ in range(args.repeat):
        for mode in best:
            best[mode] = min(best[mode], _load_all(raws, mode))
    size = sum(map(len, raws)) / 1e6
    print(f"{len(files)} files, {size:.1f} MB")
    print(f"safe path: {best['safe']:.3f} s   fast path: {best['fast']:.3f} s   "
          f"({best['safe'] / best['fast']:.1f}x)")
    print(f"files the fast path took: {taken}/{len(files)}")


if __name__ == "__main__":
    main()
