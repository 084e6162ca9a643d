"""Peak memory of N synthetic findings through the finding store and a streaming reporter.

    nice -n 10 python -m benchmarks.memory 100000 1000000 [--format json|xlsx|...] [--whole]

Each N runs in a fresh process: findings (like SK201, one per activity, 84 per village) are
made one at a time into a Report's store, then the report is written to /dev/null. Printed:
N, peak RSS (MiB), seconds, runs spilled to disk. `--whole` measures the way it was done
before the store: a list of every finding and json.dumps(indent=2) of a dict of them all.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Iterator

from sinkron.findings import Finding, Location, Report, Severity
from sinkron.i18n import Text


def findings(count: int) -> Iterator[Finding]:
    """SK201-like findings, 84 per village, each with its own message."""
    for n in range(count):
        village = f"35.{n // 840_000 % 100:02d}.{n // 8400 % 100:02d}.{2001 + n // 84 % 100}"
        activity = f"2.{n % 9 + 1}.{n % 84 + 1:02d}"
        name = f"Pembangunan jalan usaha tani dusun {n % 997}"
        yield Finding(
            "SK201", "unlinked-activity", Severity.WARNING,
            Text(f"activity {activity} '{name}' supports no indicator; link it with `supports`",
                 f"kegiatan {activity} '{name}' tidak mendukung indikator apa pun; tautkan "
                 "dengan `supports`"),
            Location(f"plans/35.05/{village}-desa.yaml", 40 + n % 84 * 9, 7), village=village,
            activity=activity, year=2025)


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one(count: int, fmt: str, whole: bool) -> None:
    """Measure one N in this process and print one JSON line."""
    start = time.perf_counter()
    report = Report("targets.yaml", files=count // 84, villages=count // 84, activities=count)
    if whole:
        from sinkron.report.json import _envelope, finding_dict

        kept = list(findings(count))
        doc = {**_envelope(report), "findings": [finding_dict(f, "en") for f in kept]}
        with open("/dev/null", "w", encoding="utf-8") as out:
            out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        from sinkron.report import write_file

        report.findings.extend(findings(count))
        with open("/dev/null", "wb") as raw:  # as `-o report.<format>` writes it
            write_file(fmt, report, "en", (), raw)
    print(json.dumps({"findings": count, "format": "json (whole)" if whole else fmt,
                      "peak_mib": round(peak_mib(), 1),
                      "seconds": round(time.perf_counter() - start, 1),
                      "runs_on_disk": report.findings.spilled}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("counts", nargs="+", type=int)
    parser.add_argument("--format", default="json", help="json, sarif, junit or xlsx")
    parser.add_argument("--whole", action="store_true")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one(args.counts[0], args.format, args.whole)
        return
    for count in args.counts:
        cmd = [sys.executable, "-m", "benchmarks.memory", str(count), "--one",
               "--format", args.format] + (["--whole"] if args.whole else [])
        subprocess.run(cmd, check=True)


if __name__ == "__main__":
    main()
