"""SK103 duplicate-plan: two plans for the same village and year."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sinkron.findings import Problem
from sinkron.i18n import Msg
from sinkron.rules.context import Context, PlanSummary
from sinkron.rules.registry import Example, rule

RULE = rule(
    "SK103", "duplicate-plan", "error",
    Msg("two plans for the same village and year (files or workbook rows)",
        "dua rencana untuk desa dan tahun yang sama (berkas atau baris buku kerja)"),
    Msg("Only one plan per village and year can be the real one; the projection counts the "
        "first in path order and ignores the other.",
        "Hanya satu rencana per desa per tahun yang sah; proyeksi memakai yang pertama menurut "
        "urutan berkas dan mengabaikan yang lain."),
    bad=Example(plans=("", ""), expect=(("SK103", "plan", 1), ("SK103", "plan2", 1))),
    good=Example(plans=("",)),
)

MSG = Msg("another plan for village {code}, year {year}: {other}; keep one",
          "ada rencana lain untuk desa {code}, tahun {year}: {other}; pertahankan satu saja")


@RULE.on_regency
def check(plans: Sequence[PlanSummary], ctx: Context) -> Iterator[Problem]:
    groups: dict[tuple[str, int], list[PlanSummary]] = {}
    for s in plans:
        groups.setdefault((s.code, s.year), []).append(s)
    for (code, year), group in groups.items():
        if len(group) < 2:
            continue
        for s in group:
            others = tuple(o.location for o in group if o is not s)
            yield Problem("SK103", MSG(code=code, year=year,
                                       other=", ".join(str(o) for o in others)),
                          s.location, village=code, year=year, related=others)
