"""Generated plans as files: one YAML file per village, or one plans workbook for all."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from benchmarks.plans import VillagePlan

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 .,()/'-]*[A-Za-z0-9.)]")


def _text(value: str) -> str:
    """Plain when YAML would read it back as the same text, else double-quoted."""
    return value if _PLAIN.fullmatch(value) else json.dumps(value, ensure_ascii=False)


def _money(n: int) -> str:
    return f"{n:_}"


def to_yaml(p: VillagePlan) -> str:
    """The plan as a planner writes it (formats.md, "A village plan")."""
    v = p.village
    out = [
        "village:",
        f'  code: "{v.code}"',
        f"  name: {_text(v.name)}",
        f"  district: {_text(v.district)}",
        f"  population: {p.population}",
        "  counts: {" + ", ".join(f"{k}: {n}" for k, n in p.counts.items()) + "}",
        "plan:",
        "  document: RKPDes",
        f"  year: {p.year}",
        "  funds:",
        *(f"    {k}: {_money(n)}" for k, n in p.funds.items()),
        "indicators:",
    ]
    for e in p.indicators:
        out += [f"  - id: {e.id}",
                f"    baseline: {{year: {e.baseline_year}, value: {e.baseline_value}, "
                f'source: "{e.baseline_source}"}}',
                f"    target: {{year: {e.target_year}, value: {e.target_value}}}"]
    out.append("activities:")
    for a in p.activities:
        out += [f'  - code: "{a.code}"', f"    name: {_text(a.name)}"]
        if a.supports:
            out.append(f"    supports: [{', '.join(a.supports)}]")
        out += [f"    budget: {_money(a.budget)}", f"    fund: {a.fund}"]
        if a.volume is not None:
            out.append(f"    output: {{volume: {a.volume}, unit: {a.unit}}}")
        if a.location is not None:
            out.append(f"    location: {_text(a.location)}")
    return "\n".join(out) + "\n"


def yaml_name(p: VillagePlan) -> str:
    """plans/<regency code>/<village code>-<name>.yaml: a folder per regency, as Bappeda do."""
    slug = re.sub(r"[^a-z0-9]+", "-", p.village.name.lower()).strip("-") or "desa"
    return f"{p.village.code[:5]}/{p.village.code}-{slug}.yaml"


COUNTS = ("children_under_5", "live_births")
HEADERS: dict[str, tuple[str, ...]] = {
    "villages": ("code", "name", "district", "population", "document", "year", *COUNTS),
    "funds": ("village", "fund", "amount"),
    "indicators": ("village", "id", "baseline_year", "baseline_value", "baseline_source",
                   "target_year", "target_value"),
    "activities": ("village", "code", "name", "supports", "budget", "fund", "output_volume",
                   "output_unit", "location"),
}


def rows(sheet: str, plans: Iterable[VillagePlan]) -> Iterator[tuple[Any, ...]]:
    """The rows of one sheet of the plans workbook (formats.md, "Excel layouts")."""
    for p in plans:
        code = p.village.code
        if sheet == "villages":
            yield (code, p.village.name, p.village.district, p.population, "RKPDes", p.year,
                   *(p.counts[c] for c in COUNTS))
        elif sheet == "funds":
            yield from ((code, k, n) for k, n in p.funds.items())
        elif sheet == "indicators":
            yield from ((code, e.id, e.baseline_year, e.baseline_value, e.baseline_source,
                         e.target_year, e.target_value) for e in p.indicators)
        else:
            yield from ((code, a.code, a.name, ", ".join(a.supports) or None, a.budget, a.fund,
                         a.volume, a.unit, a.location) for a in p.activities)


def write_workbook(path: Path, plans: list[VillagePlan]) -> None:
    """All plans in one workbook, written in openpyxl's write-only (streaming) mode."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    for sheet, headers in HEADERS.items():
        ws = wb.create_sheet(sheet)
        ws.append(headers)
        for row in rows(sheet, plans):
            ws.append(row)
    tmp = path.with_suffix(".tmp")
    wb.save(tmp)
    tmp.replace(path)
