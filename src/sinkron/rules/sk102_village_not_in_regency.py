"""SK102 village-not-in-regency: a village code outside the regency or unknown to Kemendagri."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from sinkron.findings import Problem
from sinkron.i18n import Msg
from sinkron.model.build import Plan
from sinkron.reference import register
from sinkron.rules.common import on_plan
from sinkron.rules.context import Context
from sinkron.rules.registry import Example, rule

RULE = rule(
    "SK102", "village-not-in-regency", "error",
    Msg("a village code that is not in the regency of targets, or that the Kemendagri region "
        "register does not know",
        "kode desa yang bukan bagian dari kabupaten pada target, atau tidak dikenal dalam "
        "daftar kode wilayah Kemendagri"),
    Msg("A wrong code puts a village's plan under another regency or nowhere: it is left out "
        "of the regency projection.",
        "Kode yang salah menempatkan rencana desa di kabupaten lain atau tidak di mana pun: "
        "rencananya tidak ikut dalam proyeksi kabupaten."),
    bad=Example(plans=("village:\n  code: \"35.05.04.2099\"\n  name: Plosorejo\n"
                       "  district: Kademangan\n  population: 4120\n"
                       "  counts: {children_under_5: 310}\n",),
                expect=(("SK102", "plan", 2),)),
    good=Example(plans=("",)),
)

M_OUTSIDE = Msg("village {code} is not in {regency} ({regency_code}); check the code",
                "desa {code} bukan bagian dari {regency} ({regency_code}); periksa kodenya")
M_UNKNOWN = Msg("village code {code} is not in the Kemendagri register{hint}",
                "kode desa {code} tidak ada dalam daftar kode wilayah Kemendagri{hint}")
M_NEAREST = Msg("; nearest code in kecamatan {district}: {near} ({name})",
                "; kode terdekat di kecamatan {district}: {near} ({name})")


@RULE.on_plan
def check(plan: Plan, ctx: Context) -> Iterator[Problem]:
    from sinkron.i18n import L

    regency = ctx.targets.regency
    path = ("village", "code")
    if not plan.code.startswith(regency.code + "."):
        yield on_plan("SK102", M_OUTSIDE(code=plan.code, regency=regency.name,
                                         regency_code=regency.code), plan, path)
        return
    known = register(regency.code)
    if plan.code in known:
        return
    district = plan.code.rsplit(".", 1)[0]
    same = [c for c, r in known.items() if r.level == "village" and c.startswith(district + ".")]
    pool = same or [c for c, r in known.items() if r.level == "village"]
    near = difflib.get_close_matches(plan.code, pool, n=1, cutoff=0.0)
    tail = L("", "")
    if near:
        d = known.get(near[0].rsplit(".", 1)[0])
        t = M_NEAREST(district=d.name if d else district, near=near[0], name=known[near[0]].name)
        tail = L(t.en, t.id)
    yield on_plan("SK102", M_UNKNOWN(code=plan.code, hint=tail), plan, path)
