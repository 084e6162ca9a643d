"""SK501 baseline-without-source: a village baseline that does not say where it comes from."""

from __future__ import annotations

from collections.abc import Iterator

from sinkron.findings import Problem
from sinkron.i18n import Msg
from sinkron.model.build import Plan
from sinkron.rules.common import on_plan
from sinkron.rules.context import Context
from sinkron.rules.registry import Example, rule

_ENTRY = ("indicators:\n  - id: stunting\n    baseline: {{year: 2024, value: 15.1{source}}}\n"
          "    target: {{year: 2025, value: 13.0}}\n")

RULE = rule(
    "SK501", "baseline-without-source", "warning",
    Msg("a village baseline without a `source`", "baseline desa tanpa `source` (sumber data)"),
    Msg("Plans must rest on accurate and accountable data: a baseline whose source is unknown "
        "cannot be checked or updated (e-PPGBM, DTKS, Profil Desa, ...).",
        "Perencanaan harus berdasarkan data yang akurat dan dapat dipertanggungjawabkan: "
        "baseline tanpa sumber tidak dapat diverifikasi atau diperbarui (e-PPGBM, DTKS, "
        "Profil Desa, ...)."),
    bad=Example(plans=(_ENTRY.format(source=""),), expect=(("SK501", "plan", 3),)),
    good=Example(plans=(_ENTRY.format(source=", source: \"e-PPGBM Agustus 2024\""),)),
)

MSG = Msg("the baseline of {id} does not say where it comes from; add `source` (survey, "
          "register or document and its date)",
          "baseline {id} tidak menyebut sumber datanya; tambahkan `source` (survei, register "
          "atau dokumen beserta tanggalnya)")


@RULE.on_plan
def check(plan: Plan, ctx: Context) -> Iterator[Problem]:
    for item in plan.indicators:
        e = item.model
        if e.id in ctx.indicator_ids and e.baseline is not None and not e.baseline.source:
            yield on_plan("SK501", MSG(id=e.id), plan, item.path + ("baseline",), indicator=e.id)
