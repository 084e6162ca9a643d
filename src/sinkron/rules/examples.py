"""The base plan and targets that rule examples complete (see registry.Example).

Both are clean: together they give no finding at all (a test keeps it so). The regency
counts 2 villages, so the one base plan reaches `projection_min_share` (0.5) and SK303 is
judged; an example that needs SK307 says `villages: 248`. An example
fragment replaces whole top-level sections; the sections it leaves out are taken from here.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import replace
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sinkron.findings import Finding
    from sinkron.rules.registry import Example

BASE_PLAN: dict[str, str] = {
    "village": """\
village:
  code: "35.05.04.2014"
  name: Plosorejo
  district: Kademangan
  population: 4120
  counts: {children_under_5: 310, live_births: 58}
""",
    "plan": """\
plan:
  document: RKPDes
  year: 2025
  funds: {DD: 850_000_000, ADD: 400_000_000}
""",
    "indicators": """\
indicators:
  - id: stunting
    baseline: {year: 2024, value: 15.1, source: "e-PPGBM Agustus 2024"}
    target: {year: 2025, value: 13.0}
  - id: rls
    baseline: {year: 2024, value: 7.9, source: "Profil Desa 2024"}
    target: {year: 2025, value: 8.0}
""",
    "activities": """\
activities:
  - code: "2.2.02"
    name: Penyelenggaraan Posyandu
    supports: [stunting]
    budget: 45_000_000
    fund: DD
""",
}

BASE_TARGETS: dict[str, str] = {
    "regency": """\
regency: {code: "35.05", name: Kabupaten Blitar, villages: 2}
""",
    "period": """\
period: {start: 2025, end: 2045}
""",
    "indicators": """\
indicators:
  - id: stunting
    name: Prevalensi stunting balita
    unit: percent
    direction: decrease
    weight: children_under_5
    priority: true
    baseline: {year: 2024, value: 17.8, source: "SSGI 2024"}
    targets: {2029: 12.0, 2045: 4.13}
    activity_codes: ["2.2.01", "2.2.02", "2.2.03", "2.2.06", "2.4.*"]
  - id: rls
    name: Rata-rata lama sekolah
    unit: years
    direction: increase
    baseline: {year: 2024, value: 7.6, source: "BPS 2024"}
    targets: {2045: 10.64}
    activity_codes: ["2.1.*"]
""",
    "policy": """\
policy:
  projection_min_share: 0.5
""",
}

_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:", re.MULTILINE)


def complete(fragment: str, base: dict[str, str]) -> str:
    """The fragment, followed by every base section whose key it does not set."""
    present = set(_TOP_KEY.findall(fragment))
    if fragment and not fragment.endswith("\n"):
        fragment += "\n"
    return fragment + "".join(text for key, text in base.items() if key not in present)


def write_example(folder: Path, example: Example) -> None:
    """targets.yaml and plans/plan.yaml, plans/plan2.yaml, ... of an example, completed
    (an example without plans writes only the targets)."""
    (folder / "plans").mkdir(exist_ok=True)
    (folder / "targets.yaml").write_text(complete(example.targets or "", BASE_TARGETS), "utf-8")
    for n, fragment in enumerate(example.plans):
        name = "plan.yaml" if n == 0 else f"plan{n + 1}.yaml"
        (folder / "plans" / name).write_text(complete(fragment, BASE_PLAN), "utf-8")
    for name, text in example.files:
        (folder / "plans" / name).write_text(text, "utf-8")


def tag(file: str) -> str:
    """How an example names a file: "targets", "plan", "plan2", ... or the file name."""
    name = PurePath(file).name
    if name == "targets.yaml":
        return "targets"
    if name.startswith("plan") and name.endswith(".yaml"):
        return name.removesuffix(".yaml")
    return name


def run_example(example: Example) -> list[Finding]:
    """The findings an example gives, through the real pipeline (for `sinkron rules`)."""
    from sinkron.pipeline import Options, check

    with tempfile.TemporaryDirectory(prefix="sinkron-example-") as tmp:
        folder = Path(tmp)
        write_example(folder, replace(example, plans=example.plans or ("",)))
        return list(check(Options([str(folder / "plans")], folder / "targets.yaml")).findings)
