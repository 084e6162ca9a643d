"""SK203 unrecognised-link: `supports` names an indicator the activity's code does not map to."""

from __future__ import annotations

from collections.abc import Iterator

from sinkron.findings import Problem
from sinkron.i18n import Msg
from sinkron.model.build import Plan
from sinkron.model.values import code_matches
from sinkron.rules.common import on_activity
from sinkron.rules.context import Context
from sinkron.rules.registry import Example, rule

RULE = rule(
    "SK203", "unrecognised-link", "info",
    Msg("an activity names an indicator in `supports` whose `activity_codes` do not match "
        "its code (the link still counts)",
        "kegiatan menyebut indikator di `supports` padahal kodenya tidak termasuk "
        "`activity_codes` indikator itu (tautan tetap dihitung)"),
    Msg("The regency lists which activity codes work on an indicator; a link outside that list "
        "counts, but the regency may question it at the synchronisation meeting.",
        "Kabupaten menetapkan kode kegiatan yang mendukung suatu indikator; tautan di luar daftar "
        "itu tetap dihitung, tetapi dapat dipertanyakan dalam rapat sinkronisasi."),
    bad=Example(plans=("activities:\n  - code: \"2.2.02\"\n    name: Posyandu\n"
                       "    supports: [stunting]\n    budget: 45_000_000\n    fund: DD\n"
                       "  - code: \"2.3.10\"\n    name: Jalan ke Posyandu\n"
                       "    supports: [stunting]\n    budget: 100_000_000\n    fund: DD\n",),
                expect=(("SK203", "plan", 9),)),
    good=Example(plans=("activities:\n  - code: \"2.2.02\"\n    name: Posyandu\n"
                        "    supports: [stunting]\n    budget: 45_000_000\n    fund: DD\n",)),
)

MSG = Msg("activity {code} names {id} in `supports`, but the regency counts only codes {codes} "
          "for {id}; the link counts, be ready to explain it",
          "kegiatan {code} menyebut {id} di `supports`, padahal kabupaten hanya mengakui kode "
          "{codes} untuk {id}; tautan tetap dihitung, siapkan penjelasannya")


@RULE.on_plan
def check(plan: Plan, ctx: Context) -> Iterator[Problem]:
    for path, act in plan.iter_activities():
        for j, ident in enumerate(act.supports):
            ind = ctx.targets.indicator(ident)
            if ind is None or not ind.activity_codes:
                continue
            if not any(code_matches(act.code, p) for p in ind.activity_codes):
                yield on_activity("SK203", MSG(code=act.code, id=ident,
                                               codes=", ".join(ind.activity_codes)),
                                  plan, path, act, ("supports", j), indicator=ident)
