"""SK307 projection-incomplete: too few villages report for SK303 to judge the projection."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sinkron.findings import Problem
from sinkron.i18n import L, Msg, num, pct
from sinkron.rules.common import inline
from sinkron.rules.context import Context, PlanSummary
from sinkron.rules.milestones import shown
from sinkron.rules.projection import project
from sinkron.rules.registry import Example, rule
from sinkron.rules.sk303_regency_projection_miss import silent

RULE = rule(
    "SK307", "projection-incomplete", "info",
    Msg("SK303 was not checked for an indicator and year because the villages that report "
        "are fewer than `policy.projection_min_share` of the regency's villages (shown when at "
        "least one reports)",
        "SK303 tidak diperiksa untuk satu indikator dan tahun karena desa yang melapor kurang "
        "dari `policy.projection_min_share` dari seluruh desa di kabupaten (ditampilkan bila "
        "minimal satu desa melapor)"),
    Msg("A mean of a handful of villages says little about the regency: sinkron shows the "
        "projection but does not judge it until enough plans are in.",
        "Rata-rata dari segelintir desa belum menggambarkan kabupaten: sinkron menampilkan "
        "proyeksinya tetapi belum menilainya sampai rencana yang masuk cukup banyak."),
    bad=Example(targets="regency: {code: \"35.05\", name: Kabupaten Blitar, villages: 248}\n",
                expect=(("SK307", "targets", 4), ("SK307", "targets", 13))),
    good=Example(targets="regency: {code: \"35.05\", name: Kabupaten Blitar, villages: 2}\n"),
)

MSG = Msg("the projection of {id} for {year} is incomplete: {reporting} of the regency's "
          "{regency} villages report ({coverage}), fewer than the {needed} that "
          "policy.projection_min_share asks, so SK303 is not checked{so_far}{silent}",
          "proyeksi {id} tahun {year} belum lengkap: baru {reporting} dari {regency} desa di "
          "kabupaten yang melapor ({coverage}), kurang dari {needed} yang disyaratkan "
          "policy.projection_min_share, sehingga SK303 tidak diperiksa{so_far}{silent}")
M_SO_FAR = Msg("; so far {projected} against the milestone {milestone}",
               "; sementara {projected} terhadap tonggak capaian {milestone}")


@RULE.on_regency
def check(plans: Sequence[PlanSummary], ctx: Context) -> Iterator[Problem]:
    for p in project(plans, ctx):
        if p.enough or not p.row.reporting:  # nobody reports: no projection to judge
            continue
        so_far = (L("", "") if p.row.projected is None else
                  inline(M_SO_FAR(projected=num(p.row.projected), milestone=shown(p.mark))))
        yield Problem("SK307", MSG(id=p.indicator.id, year=p.row.year, reporting=p.row.reporting,
                                   regency=p.regency_villages, coverage=pct(p.row.coverage),
                                   needed=pct(p.needed), so_far=so_far, silent=silent(p)),
                      ctx.indicator_location(p.indicator.id), indicator=p.indicator.id,
                      year=p.row.year)
