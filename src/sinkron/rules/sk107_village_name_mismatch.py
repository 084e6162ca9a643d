"""SK107 village-name-mismatch: names that differ from the Kemendagri register."""

from __future__ import annotations

from collections.abc import Iterator

from sinkron.findings import Problem
from sinkron.i18n import Msg
from sinkron.model.build import Plan
from sinkron.reference import register
from sinkron.rules.common import on_plan
from sinkron.rules.context import Context
from sinkron.rules.registry import Example, rule

RULE = rule(
    "SK107", "village-name-mismatch", "info",
    Msg("the village or kecamatan name differs from the Kemendagri register for that code",
        "nama desa atau kecamatan berbeda dengan daftar kode wilayah Kemendagri"),
    Msg("A name that does not match its code often means a copied plan or a wrong code.",
        "Nama yang tidak cocok dengan kodenya sering berarti rencana hasil salinan atau kode "
        "yang keliru."),
    bad=Example(plans=("village:\n  code: \"35.05.04.2014\"\n  name: Plosoredjo\n"
                       "  district: Kademangan\n  population: 4120\n"
                       "  counts: {children_under_5: 310}\n",),
                expect=(("SK107", "plan", 3),)),
    good=Example(plans=("village:\n  code: \"35.05.04.2014\"\n  name: PLOSOREJO\n"
                        "  district: Kademangan\n  population: 4120\n"
                        "  counts: {children_under_5: 310}\n",)),
)

M_VILLAGE = Msg("the register names village {code} '{registered}', the plan says '{written}'",
                "daftar Kemendagri menamai desa {code} '{registered}', rencana menulis "
                "'{written}'")
M_DISTRICT = Msg("the register names kecamatan {code} '{registered}', the plan says '{written}'",
                 "daftar Kemendagri menamai kecamatan {code} '{registered}', rencana menulis "
                 "'{written}'")


def _same(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        s = " ".join(s.lower().split())
        for prefix in ("desa ", "kelurahan ", "kecamatan "):
            s = s.removeprefix(prefix)
        return s

    return norm(a) == norm(b)


@RULE.on_plan
def check(plan: Plan, ctx: Context) -> Iterator[Problem]:
    known = register(plan.code[:5])
    village = known.get(plan.code)
    if village is None:
        return
    if not _same(village.name, plan.village.name):
        yield on_plan("SK107", M_VILLAGE(code=plan.code, registered=village.name,
                                         written=plan.village.name), plan, ("village", "name"))
    district = known.get(plan.code.rsplit(".", 1)[0])
    if district is not None and not _same(district.name, plan.village.district):
        yield on_plan("SK107", M_DISTRICT(code=district.code, registered=district.name,
                                          written=plan.village.district), plan,
                      ("village", "district"))
