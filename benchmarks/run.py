"""Benchmark sinkron against two floors on the same generated files, side by side.

    nice -n 10 python -m benchmarks.run --scale regency|province|national [--jobs N]

Measured, each in a fresh process, round-robin, best of `--repeat`: (a) parsing the YAML
files with PyYAML's C loader, `sinkron check` of the YAML files with --jobs 1 and --jobs N,
(b) iterating the workbook with openpyxl read-only, and `sinkron check` of the workbook.
Prints a Markdown table (ratios to both floors) and saves it as JSON beside the data.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks.generate import ROOT, default_out, generate
from benchmarks.plans import SCALES


def machine() -> str:
    """nproc, CPU model, memory, Python, load: what the numbers were measured on."""
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text()
                .splitlines() if ln.startswith("model name")), platform.processor())
    mem = next(ln.split()[1] for ln in Path("/proc/meminfo").read_text().splitlines()
               if ln.startswith("MemTotal"))
    return (f"{os.cpu_count()} cores ({cpu}), {int(mem) / 1024 ** 2:.1f} GiB, "
            f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.2f}")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), str(ROOT)])
    return env


def _measure(cmd: list[str], cwd: Path, stdout: Path | None = None,
             env: dict[str, str] | None = None) -> dict[str, Any]:
    wrap = [sys.executable, "-m", "benchmarks.measure"]
    if stdout is not None:
        wrap += ["--stdout", str(stdout)]
    got = subprocess.run([*wrap, "--", *cmd], cwd=cwd, env={**_env(), **(env or {})},
                         check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(got.stdout)
    return result


def _sinkron(target: str, jobs: int) -> list[str]:
    return [sys.executable, "-m", "sinkron", "check", target, "--targets", "targets.yaml",
            "--format", "json", "--jobs", str(jobs)]


_SUMMARY = re.compile(r'^  "summary": (\{.*?\n  \}),?$', re.MULTILINE | re.DOTALL)
_CODE = re.compile(r'^      "code": "(SK\d{3})",$')


def _what(report: Path) -> str:
    """What a sinkron run reported: files, activities and findings by code.

    Read line by line: a national report holds millions of findings, more than this
    process should hold as one JSON document.
    """
    codes: Counter[str] = Counter()
    head: list[str] = []
    with report.open(encoding="utf-8") as fh:
        for line in fh:
            if len(head) < 40:
                head.append(line)
            found = _CODE.match(line)
            if found:
                codes[found.group(1)] += 1
    summary = _SUMMARY.search("".join(head))
    if summary is None:
        return "no report"
    s = json.loads(summary.group(1))
    found = ", ".join(f"{c} x{n}" for c, n in sorted(codes.items())) or "no findings"
    return f"{s['files']} files, {s['villages']} villages, {s['activities']} activities; {found}"


def run(scale: str, folder: Path, jobs: int, repeat: int, xlsx: bool,
        jobs1: bool = True, safe: bool = True) -> dict[str, Any]:
    py = sys.executable
    plan: dict[str, tuple[list[str], Path | None, dict[str, str]]] = {
        "floor (a): PyYAML CSafeLoader, YAML files": ([py, "-m", "benchmarks.floors", "yaml",
                                                       "plans"], None, {}),
    }
    if jobs1 or jobs == 1:
        plan["sinkron check YAML --jobs 1"] = (_sinkron("plans", 1), folder / "out-yaml-1.json",
                                               {})
    if jobs > 1:
        plan[f"sinkron check YAML --jobs {jobs}"] = (_sinkron("plans", jobs),
                                                     folder / f"out-yaml-{jobs}.json", {})
    if safe:
        # the fallback every file not in the fast path's subset takes
        plan[f"sinkron check YAML --jobs {jobs}, SINKRON_YAML=safe"] = (
            _sinkron("plans", jobs), folder / "out-yaml-safe.json", {"SINKRON_YAML": "safe"})
    if xlsx:
        plan["floor (b): openpyxl read-only, workbook"] = (
            [py, "-m", "benchmarks.floors", "xlsx", "plans.xlsx"], None, {})
        plan["sinkron check workbook"] = (_sinkron("plans.xlsx", 1), folder / "out-xlsx.json",
                                          {})
    runs: dict[str, list[dict[str, Any]]] = {k: [] for k in plan}
    for n in range(repeat):
        for name, (cmd, out, env) in plan.items():
            runs[name].append(_measure(cmd, folder, out, env))
            print(f"  run {n + 1}/{repeat} {name}: {runs[name][-1]['wall']:.2f} s",
                  file=sys.stderr)
    rows = {name: {"best": min(r["wall"] for r in rs), "walls": [r["wall"] for r in rs],
                   "cpu": min(r["cpu"] for r in rs),
                   "maxrss_mb": max(r["maxrss_mb"] for r in rs),
                   "tree_peak_mb": max(r["tree_peak_mb"] for r in rs),
                   "reported": _what(plan[name][1]) if plan[name][1] else ""}  # type: ignore
            for name, rs in runs.items()}
    return {"scale": scale, "villages": SCALES[scale], "jobs": jobs, "repeat": repeat,
            "yaml_mb": sum(p.stat().st_size for p in (folder / "plans").rglob("*.yaml")) / 1e6,
            "xlsx_mb": (folder / "plans.xlsx").stat().st_size / 1e6 if xlsx else None,
            "rows": rows}


def _cpu(row: dict[str, Any]) -> str:
    return f"{row['cpu']:.2f}" if "cpu" in row else "-"  # results saved before CPU was kept


def table(res: dict[str, Any]) -> str:
    """The results as a Markdown table with ratios to both floors."""
    rows = res["rows"]
    fa = next(r["best"] for k, r in rows.items() if k.startswith("floor (a)"))
    fb = next((r["best"] for k, r in rows.items() if k.startswith("floor (b)")), None)
    out = [f"scale **{res['scale']}**: {res['villages']:,} villages, "
           f"{res['yaml_mb']:.1f} MB of YAML" + (f", workbook {res['xlsx_mb']:.1f} MB"
                                                 if res["xlsx_mb"] else ""),
           "", "| measured | best s | runs s | / floor (a) | / floor (b) | CPU s | peak RSS MiB "
           "(largest process) | peak RSS MiB (all processes) |",
           "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |"]
    for name, r in rows.items():
        ratio_a = f"{r['best'] / fa:.2f}"
        ratio_b = f"{r['best'] / fb:.2f}" if fb else "-"
        if "workbook" in name and r["reported"].endswith(" 0 activities; SK001 x1"):
            name += " (refused with one SK001: over the reader's size limits)"
            ratio_a = ratio_b = "n/a"
        out.append(f"| {name} | {r['best']:.2f} | {' '.join(f'{w:.2f}' for w in r['walls'])} "
                   f"| {ratio_a} | {ratio_b} | {_cpu(r)} | {r['maxrss_mb']:.0f} "
                   f"| {r['tree_peak_mb']:.0f} |")
    out.append("")
    out += [f"- {name}: {r['reported']}" for name, r in rows.items() if r["reported"]]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    from sinkron.workers import cores

    ap = argparse.ArgumentParser(prog="python -m benchmarks.run")
    ap.add_argument("--scale", choices=list(SCALES), default="regency")
    ap.add_argument("--jobs", type=int, default=cores())
    ap.add_argument("--repeat", type=int, help="runs of each (best counts); default 3, "
                                               "national 1")
    ap.add_argument("--out", type=Path, help="data folder (default benchmarks/out/<scale>; "
                                             "national: a temporary folder, removed after)")
    ap.add_argument("--xlsx", action=argparse.BooleanOptionalAction,
                    help="also the workbook (default: not at national scale)")
    ap.add_argument("--jobs1", action=argparse.BooleanOptionalAction,
                    help="also --jobs 1 beside --jobs N (default: not at national scale)")
    ap.add_argument("--safe", action=argparse.BooleanOptionalAction,
                    help="also the safe YAML loader alone, SINKRON_YAML=safe (default: not "
                         "at national scale)")
    a = ap.parse_args(argv)
    national = a.scale == "national"
    xlsx = a.xlsx if a.xlsx is not None else not national
    temp = national and a.out is None
    folder = Path(tempfile.mkdtemp(prefix="sinkron-national-")) if temp else (
        a.out or default_out(a.scale))
    print(f"machine: {machine()}", file=sys.stderr)
    try:
        generate(a.scale, folder, jobs=a.jobs, xlsx=xlsx)
        res = run(a.scale, folder, a.jobs, a.repeat or (1 if national else 3), xlsx,
                  a.jobs1 if a.jobs1 is not None else not national,
                  a.safe if a.safe is not None else not national)
    finally:
        if temp:
            shutil.rmtree(folder, ignore_errors=True)
    res["machine"] = machine()
    print(f"machine: {res['machine']} (after)\n")
    print(table(res))
    out = default_out(a.scale).parent / f"results-{a.scale}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=2), "utf-8")


if __name__ == "__main__":
    main()
