"""Time each stage of a --jobs 1 check, current code against the proposals; prove equal output.

    python -m benchmarks.proposals.stages benchmarks/out/regency

Both variants run over the same files (round-robin, best of 3, garbage collector paused as
in the pipeline); the proposals must give the same data, source maps and problems on every
file and on the hostile inputs below, and the same findings and summaries on every plan.
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path
from typing import Any

import yaml

import sinkron.load.yaml as loader
import sinkron.model.build as build
from benchmarks.proposals.fast_builder import FastBuilder
from benchmarks.proposals.text_numbers import text_numbers
from sinkron.pipeline import read_targets
from sinkron.reference import villages_in
from sinkron.rules.context import Context
from sinkron.rules.engine import Engine
from sinkron.rules.registry import code_names
from sinkron.speed import RememberingContext

HOSTILE = [b"a: 1\na: 2\n", b"a: &x 1\nb: *x\n", b"a: !!str 1\n", b"a: 1\n---\nb: 2\n",
           b"\xef\xbb\xbfa: 1\n", b"a: [1\n", b"- &a [1]\n- *a\n", b"? [a]\n: 1\n",
           b"{a: 1, a: 2}", b"a:\n  b: !foo {c: 1}\n  d: !!map {e: 1}\n",
           b"a: \"x\"\nb: 'y'\nc: |\n  z\nd: ~\ne:\n",
           b"a: 1\nb:\n  - c: 2\n    c: 3\n  - !!seq []\n",
           b"[" * 40 + b"]" * 40, b"", b"x", b"a: *unknown\n", b"&r a: 1\n",
           b"a: 1\n...\n---\nb: 1\n", b"a:\n- 1\n- &b 2\n- *b\n", b"a: \x07\n", b"a: \xff\n"]
ORIGINAL = (loader._Builder, build.text_numbers)


def _use(proposed: bool) -> None:
    loader._Builder = FastBuilder if proposed else ORIGINAL[0]  # type: ignore[misc]
    build.text_numbers = text_numbers if proposed else ORIGINAL[1]


def _loaded(raw: bytes) -> tuple[Any, ...]:
    got = loader.load_yaml(raw, "f.yaml")
    return got.data, got.source.values, got.source.keys, got.problems


def check_loader(raws: list[bytes]) -> int:
    """How many inputs load differently with the proposed builder (must be 0)."""
    differ = 0
    for raw in raws + HOSTILE:
        _use(False)
        before = _loaded(raw)
        _use(True)
        differ += _loaded(raw) != before
    _use(False)
    return differ


def _engine(folder: Path, proposed: bool) -> Engine:
    targets, source, _ = read_targets(folder / "targets.yaml", code_names())
    assert targets is not None
    kind = RememberingContext if proposed else Context
    return Engine(kind(targets, source, villages_in(targets.regency.code)))


def stages(folder: Path, raws: list[bytes], names: list[str]
           ) -> tuple[dict[bool, dict[str, float]], dict[bool, list[Any]]]:
    """Both variants file by file, alternating which goes first (the machine is shared:
    slow spells then hit both alike)."""
    codes = code_names()
    engines = {v: _engine(folder, v) for v in (False, True)}
    took = {v: {"floor (a)": 0.0, "load": 0.0, "model": 0.0, "rules": 0.0} for v in engines}
    out: dict[bool, list[Any]] = {False: [], True: []}
    for n, (raw, name) in enumerate(zip(raws, names, strict=True)):
        for proposed in ((False, True) if n % 2 else (True, False)):
            _use(proposed)
            a = time.perf_counter()
            yaml.load(raw, Loader=yaml.CSafeLoader)
            b = time.perf_counter()
            got = loader.load_yaml(raw, name)
            c = time.perf_counter()
            plan, problems = build.build_plan(got.data, got.source, codes, got.problems)
            d = time.perf_counter()
            out[proposed].append(engines[proposed].check_plan(plan, problems) if plan
                                 else problems)
            e = time.perf_counter()
            for key, t in zip(took[proposed], (b - a, c - b, d - c, e - d), strict=True):
                took[proposed][key] += t
    _use(False)
    return took, out


def main() -> None:
    folder = Path(sys.argv[1])
    files = sorted((folder / "plans").rglob("*.yaml"))
    raws = [f.read_bytes() for f in files]
    names = [str(f) for f in files]
    print(f"loader: {check_loader(raws)} of {len(raws) + len(HOSTILE)} inputs differ")
    gc.freeze()
    gc.disable()
    best: dict[bool, dict[str, float]] = {}
    for _ in range(3):
        took, results = stages(folder, raws, names)
        for proposed in (False, True):
            prev = best.get(proposed, took[proposed])
            best[proposed] = {k: min(v, prev[k]) for k, v in took[proposed].items()}
        assert results[True] == results[False], "the proposals changed findings or summaries"
    for proposed, t in best.items():
        total = t["load"] + t["model"] + t["rules"]
        parts = ", ".join(f"{k} {v:.2f}" for k, v in t.items())
        print(f"{'proposed' if proposed else 'current '}: {parts}; sinkron {total:.2f} s "
              f"= {total / t['floor (a)']:.2f}x floor (a)")


if __name__ == "__main__":
    main()
