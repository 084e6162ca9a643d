"""Realistic village plans (RKP Desa) for benchmarks: real codes, consistent budgets, seeded.

Villages come from the packaged Kemendagri register (names and kecamatan as registered),
activities from the Permendagri 20/2018 nomenclature. Budgets per fund never exceed the
plan's funds, Dana Desa spends 22-28% on food security (4.2.*) and 8-14% on BLT (5.3.*), so
the shipped targets' fund-share policy holds. Every village gets its own random generator
seeded by (seed, village code): any subset of villages is generated identically, in any
order and in any process.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import cache

from sinkron.reference import nomenclature, register

SCALES = {"regency": 248, "province": 8_500, "national": 84_000}
YEAR = 2025
# the shipped targets.yaml maps these codes to stunting and poverty
STUNTING = ("2.2.01", "2.2.02", "2.2.03", "2.2.06", "2.4.")
POVERTY = ("4.2.", "4.5.", "4.7.04", "2.4.01", "5.3.")
DUSUN = ("Krajan", "Sumberejo", "Kedungrejo", "Sidomulyo", "Ngasem", "Tegalrejo", "Karangrejo",
         "Sukorejo", "Wonorejo", "Jatisari", "Mulyorejo", "Purworejo")
UNITS = ("paket", "kegiatan", "orang", "bulan", "unit", "meter", "lokasi")


@dataclass(frozen=True, slots=True)
class Village:
    code: str
    name: str
    district: str


@dataclass(slots=True)
class Activity:
    code: str
    name: str
    budget: int
    fund: str
    supports: list[str] = field(default_factory=list)
    volume: int | None = None
    unit: str | None = None
    location: str | None = None


@dataclass(slots=True)
class IndicatorEntry:
    id: str
    baseline_year: int
    baseline_value: float
    baseline_source: str
    target_year: int
    target_value: float


@dataclass(slots=True)
class VillagePlan:
    village: Village
    population: int
    counts: dict[str, int]
    year: int
    funds: dict[str, int]
    indicators: list[IndicatorEntry]
    activities: list[Activity]


def _real_villages(prefix: str) -> list[Village]:
    known = register(prefix)
    return [Village(c, r.name, known[c.rsplit(".", 1)[0]].name if c.rsplit(".", 1)[0] in known
                    else "") for c, r in known.items() if r.level == "village"]


@cache
def _provinces() -> tuple[str, ...]:
    from sinkron.reference import _register_lines

    return tuple(ln.split(",", 1)[0] for ln in _register_lines()[1:] if ",province," in ln)


def villages(count: int) -> list[Village]:
    """`count` distinct villages: Blitar's first, then Jawa Timur's, then all Indonesia's;
    past the register (83,760 villages), synthetic ones (see `synthetic`)."""
    out = _real_villages("35.05")
    for prefix in ("35", *(p for p in _provinces() if p != "35")):
        if len(out) >= count:
            break
        seen = {v.code for v in out}
        out.extend(v for v in _real_villages(prefix) if v.code not in seen)
    out = out[:count]
    return out + synthetic(out, count - len(out))


def synthetic(base: list[Village], n: int) -> list[Village]:
    """`n` desa codes the register does not know (DDDD from 2999 down) in the kecamatan of
    `base`, round-robin: sinkron reports SK102 for each of them, by design."""
    districts = sorted({v.code.rsplit(".", 1)[0]: v.district for v in base}.items())
    seen = {v.code for v in base}
    out: list[Village] = []
    k = 0
    while len(out) < n:
        dcode, dname = districts[k % len(districts)]
        code = f"{dcode}.{2999 - k // len(districts):04d}"
        k += 1
        if code not in seen:
            out.append(Village(code, f"Sintetis {code[-4:]}", dname))
    return out


@cache
def _kegiatan() -> dict[str, tuple[tuple[str, str], ...]]:
    """Nomenclature kegiatan (not the 90-99 local ranges) by group, with short names."""
    groups: dict[str, list[tuple[str, str]]] = {"gov": [], "dev": [], "food": [], "blt": [],
                                                "bkk": []}
    for code, text in nomenclature().items():
        parts = code.split(".")
        if len(parts) != 3 or int(parts[2]) >= 90:
            continue
        name = text.split("(")[0].replace("*", "").strip().rstrip(",")
        if code.startswith("4.2."):
            groups["food"].append((code, name))
        elif code.startswith("5.3."):
            groups["blt"].append((code, name))
        elif code.startswith("1."):
            groups["gov"].append((code, name))
        else:
            groups["dev"].append((code, name))
            if code.startswith("2.3."):
                groups["bkk"].append((code, name))
    return {k: tuple(v) for k, v in groups.items()}


def _spread(rng: random.Random, total: int, n: int) -> list[int]:
    """`n` budgets (whole thousands, each >= 1,000) that add up to at most `total`."""
    weights = [rng.uniform(0.2, 3.0) for _ in range(n)]
    scale = total / sum(weights)
    return [max(1000, int(w * scale) // 1000 * 1000) for w in weights]


def _activities(rng: random.Random, fund: str, group: str, total: int, n: int,
                used: set[tuple[str, str]]) -> list[Activity]:
    out = []
    pool = _kegiatan()[group]
    for budget in _spread(rng, total, n):
        code, base = rng.choice(pool)
        dusun = rng.choice(DUSUN)
        while (code, dusun) in used:  # the same activity twice would be SK106
            code, base = rng.choice(pool)
            dusun = rng.choice(DUSUN)
        used.add((code, dusun))
        supports = []
        if code.startswith(STUNTING) and rng.random() < 0.5:
            supports = ["stunting"]
        elif code.startswith(POVERTY) and rng.random() < 0.3:
            supports = ["kemiskinan"]
        has_output = rng.random() < 0.7
        out.append(Activity(code, f"{base} Dusun {dusun}", budget, fund, supports,
                            rng.randint(1, 500) if has_output else None,
                            rng.choice(UNITS) if has_output else None,
                            f"Dusun {dusun}" if rng.random() < 0.8 else None))
    return out


def plan_for(village: Village, seed: int = 2025) -> VillagePlan:
    """The plan of one village: about 100 activities, funds that cover them."""
    rng = random.Random(f"{seed}:{village.code}")
    population = rng.randint(1500, 12000)
    counts = {"children_under_5": population * rng.randint(60, 90) // 1000,
              "live_births": population * rng.randint(12, 18) // 1000}
    funds = {"DD": rng.randint(700, 1300) * 1_000_000, "ADD": rng.randint(350, 800) * 1_000_000,
             "PADes": rng.randint(15, 90) * 1_000_000}
    if rng.random() < 0.3:
        funds["BKK"] = rng.randint(100, 300) * 1_000_000
    used: set[tuple[str, str]] = set()
    dd = funds["DD"]
    acts = (_activities(rng, "DD", "food", dd * rng.randint(22, 28) // 100, rng.randint(5, 8), used)
            + _activities(rng, "DD", "blt", dd * rng.randint(8, 14) // 100, 1, used)
            + _activities(rng, "DD", "dev", dd * 55 // 100, rng.randint(45, 55), used)
            + _activities(rng, "ADD", "gov", funds["ADD"] * 95 // 100, rng.randint(28, 36), used)
            + _activities(rng, "PADes", "gov", funds["PADes"] * 90 // 100, rng.randint(4, 8),
                          used))
    if "BKK" in funds:
        acts += _activities(rng, "BKK", "bkk", funds["BKK"], rng.randint(2, 4), used)
    acts.sort(key=lambda a: a.code)
    stunting = round(rng.uniform(8, 28), 1)
    poverty = round(rng.uniform(4, 16), 2)
    schooling = round(rng.uniform(6, 9.5), 2)
    indicators = [
        IndicatorEntry("stunting", 2024, stunting, "e-PPGBM Agustus 2024", YEAR,
                       round(stunting - rng.uniform(0.5, 3), 1)),
        IndicatorEntry("kemiskinan", 2024, poverty, "DTKS Desember 2024", YEAR,
                       round(poverty - rng.uniform(0.2, 1.0), 2)),
        IndicatorEntry("rls", 2024, schooling, "Profil Desa 2024", YEAR,
                       round(schooling + rng.uniform(0.05, 0.3), 2)),
    ]
    return VillagePlan(village, population, counts, YEAR, funds, indicators, acts)
