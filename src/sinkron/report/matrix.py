"""The coverage matrix of the text report: villages x indicators.

Each cell shows three marks: `A` when an activity of the village supports the indicator, `T`
when the village gives a target for the plan year, and `ok` / `x` when that target meets /
misses the regency milestone (`-` for no). Priority indicators carry a `*`.

Sized for 10-250 villages at 100-120 columns: a totals table (per indicator: villages
addressed, with a target, on track) is always shown; the per-village matrix lists every
village when there are at most MAX_ROWS, else only villages with a gap on a priority
indicator (not addressed, no target, or behind the milestone), the first MAX_ROWS of them by
village code, and says how many more there are (the workbook report has them all). Marks are
ASCII so the report survives any terminal or log encoding.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text

from sinkron.i18n import Lang, Msg
from sinkron.report.safe import inert
from sinkron.rules.context import PlanSummary, Standing

MAX_ROWS = 30

H_MATRIX = Msg("Coverage: villages x indicators", "Cakupan: desa x indikator")
H_LEGEND = Msg("A = an activity supports it, T = target for the plan year, ok / x = the target "
               "meets / misses the regency milestone, - = no; * priority indicator",
               "A = didukung kegiatan, T = ada target tahun rencana, ok / x = target memenuhi / "
               "belum memenuhi tonggak capaian kabupaten, - = tidak; * indikator prioritas")
H_GAPS_ONLY = Msg("{shown} of {total} villages shown: those with a gap on a priority indicator",
                  "{shown} dari {total} desa ditampilkan: yang memiliki celah pada indikator "
                  "prioritas")
H_MORE = Msg("... and {more} more villages with a gap (the workbook report, -o report.xlsx, "
             "lists every village)",
             "... dan {more} desa lain yang memiliki celah (laporan buku kerja, -o report.xlsx, "
             "memuat semua desa)")
H_VILLAGE = Msg("village", "desa")
H_TOTALS = Msg("Villages per indicator", "Jumlah desa per indikator")
COLS_TOTALS = (Msg("indicator", "indikator"), Msg("addressed", "didukung kegiatan"),
               Msg("target set", "ada target"), Msg("on track", "sesuai tonggak"))


def villages(summaries: Sequence[PlanSummary]) -> list[PlanSummary]:
    """One summary per village and year (the first in path order), by code then year."""
    seen: dict[tuple[str, int], PlanSummary] = {}
    for s in summaries:
        seen.setdefault((s.code, s.year), s)
    return sorted(seen.values(), key=lambda s: (s.code, s.year))


def has_gap(s: PlanSummary) -> bool:
    """True when a priority indicator is not addressed, has no target, or is behind."""
    return any(st.priority and not (st.addressed and st.target and st.on_track)
               for st in s.standing.values())


def cell(st: Standing) -> Text:
    """One matrix cell: `A T ok`, `A - -`, `- T x`..."""
    out = Text()
    miss = "bold red" if st.priority else "dim"
    out.append("A" if st.addressed else "-", style="" if st.addressed else miss)
    out.append(" ")
    out.append("T" if st.target else "-", style="" if st.target else miss)
    out.append(" ")
    if st.on_track is None:
        out.append("-", style="dim")
    else:
        out.append("ok" if st.on_track else "x", style="green" if st.on_track else "bold red")
    return out


def _share(n: int, total: int) -> str:
    return f"{n}/{total}"


def totals_table(rows: Sequence[PlanSummary], lang: Lang) -> Table:
    """Per indicator: how many villages address it, set a target, are on track."""
    table = Table(title=H_TOTALS().get(lang), title_justify="left", show_edge=False)
    for i, col in enumerate(COLS_TOTALS):
        table.add_column(col().get(lang), justify="left" if i == 0 else "right")
    ids = list(rows[0].standing) if rows else []
    for ident in ids:
        cells = [s.standing[ident] for s in rows if ident in s.standing]
        star = "*" if cells and cells[0].priority else ""
        table.add_row(inert(ident) + star,
                      _share(sum(c.addressed for c in cells), len(cells)),
                      _share(sum(c.target for c in cells), len(cells)),
                      _share(sum(c.on_track is True for c in cells), len(cells)))
    return table


def matrix_table(summaries: Sequence[PlanSummary], lang: Lang) -> tuple[Table, list[str]]:
    """The villages x indicators table, and the notes to print under it."""
    rows = villages(summaries)
    notes: list[str] = []
    shown = rows
    if len(rows) > MAX_ROWS:
        gaps = [s for s in rows if has_gap(s)]
        shown = gaps[:MAX_ROWS]
        notes.append(H_GAPS_ONLY(shown=len(shown), total=len(rows)).get(lang))
        if len(gaps) > MAX_ROWS:
            notes.append(H_MORE(more=len(gaps) - MAX_ROWS).get(lang))
    years = {s.year for s in rows}
    notes.insert(0, H_LEGEND().get(lang))
    table = Table(title=H_MATRIX().get(lang), title_justify="left", show_edge=False)
    table.add_column(H_VILLAGE().get(lang), no_wrap=True, max_width=36)
    ids = list(rows[0].standing) if rows else []
    for ident in ids:
        star = "*" if rows[0].standing[ident].priority else ""
        table.add_column(inert(ident) + star, no_wrap=True)
    for s in shown:
        label = f"{s.name} ({s.code})" + (f" {s.year}" if len(years) > 1 else "")
        table.add_row(inert(label), *(cell(s.standing[i]) if i in s.standing else Text("")
                                      for i in ids))
    return table, notes
