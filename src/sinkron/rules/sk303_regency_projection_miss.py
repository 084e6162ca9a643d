"""SK303 regency-projection-miss: the weighted village values miss the regency milestone."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sinkron.findings import Problem
from sinkron.i18n import L, Msg, num
from sinkron.rules.common import inline
from sinkron.rules.context import Context, PlanSummary
from sinkron.rules.milestones import goal, shown
from sinkron.rules.projection import Projection, project
from sinkron.rules.registry import Example, rule

# a second village of Kademangan with fewer children under five: the weights differ
_SECOND = ("village:\n  code: \"35.05.04.2013\"\n  name: Rejowinangun\n  district: Kademangan\n"
           "  population: 2310\n  counts: {{children_under_5: 90, live_births: 21}}\n"
           "indicators:\n  - id: stunting\n"
           "    baseline: {{year: 2024, value: 18.2, source: \"e-PPGBM 2024\"}}\n"
           "    target: {{year: 2025, value: {target}}}\n")
_FIRST = ("indicators:\n  - id: stunting\n"
          "    baseline: {{year: 2024, value: 19.5, source: \"e-PPGBM 2024\"}}\n"
          "    target: {{year: 2025, value: {target}}}\n")

RULE = rule(
    "SK303", "regency-projection-miss", "error",
    Msg("for an indicator and plan year, the weighted mean of the village values misses the "
        "regency milestone",
        "untuk satu indikator dan tahun rencana, rata-rata tertimbang nilai desa tidak mencapai "
        "tonggak capaian kabupaten"),
    Msg("This is the question of the synchronisation meeting: if every village reaches its "
        "own target, does the regency reach its milestone? Villages are weighted by the count "
        "the indicator names (children under five for stunting), so large villages weigh more.",
        "Inilah pertanyaan rapat sinkronisasi: bila setiap desa mencapai targetnya, apakah "
        "kabupaten mencapai tonggak capaiannya? Desa dibobot menurut jumlah yang ditetapkan "
        "indikator (balita untuk stunting), sehingga desa besar berbobot lebih."),
    bad=Example(plans=(_FIRST.format(target="17.0"), _SECOND.format(target="16.0")),
                expect=(("SK303", "targets", 4),)),
    good=Example(plans=(_FIRST.format(target="13.0"), _SECOND.format(target="17.0"))),
)

MSG = Msg("{id} in {year}: the weighted mean of village values, {projected}, misses the "
          "regency milestone {milestone} (it needs {goal}); {reporting} of {villages} "
          "villages report{silent}; the village targets must be more ambitious (SK302 shows "
          "the weaker ones)",
          "{id} tahun {year}: rata-rata tertimbang nilai desa, {projected}, tidak mencapai "
          "tonggak capaian kabupaten {milestone} (seharusnya {goal}); {reporting} dari "
          "{villages} desa melapor{silent}; target desa perlu dibuat lebih ambisius (SK302 "
          "menunjukkan yang lebih lemah)")
M_SILENT = Msg("; {count} without a value or a {weight} count: {names}",
               "; {count} tanpa nilai atau tanpa jumlah {weight}: {names}")
M_MORE = Msg("{names} and {more} more", "{names} dan {more} lainnya")


def silent(p: Projection) -> L:
    """The villages taking part that do not report, for a message (at most five named)."""
    if not p.silent:
        return L("", "")
    names = ", ".join(p.silent[:5])
    listed = (inline(M_MORE(names=names, more=len(p.silent) - 5)) if len(p.silent) > 5
              else L(names, names))
    return inline(M_SILENT(count=len(p.silent), weight=p.indicator.weight, names=listed))


@RULE.on_regency
def check(plans: Sequence[PlanSummary], ctx: Context) -> Iterator[Problem]:
    for p in project(plans, ctx):
        if p.row.met is not False or not p.enough:
            continue
        ind = p.indicator
        yield Problem("SK303", MSG(id=ind.id, year=p.row.year, projected=num(p.row.projected),
                                   milestone=shown(p.mark), goal=goal(p.mark, ind.direction),
                                   reporting=p.row.reporting, villages=p.row.villages,
                                   silent=silent(p)),
                      ctx.indicator_location(ind.id), indicator=ind.id, year=p.row.year)
