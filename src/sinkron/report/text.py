"""The terminal report: findings grouped by village, then a summary. Made with rich."""

from __future__ import annotations

import io
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from sinkron.findings import Finding, ProjectionRow, Report
from sinkron.i18n import Lang, Msg, num, pct
from sinkron.report.matrix import matrix_table, totals_table, villages
from sinkron.report.safe import inert

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
# shown to people; --fail-on and policy.severity keep the English keywords
SEVERITY = {"error": Msg("error", "galat"), "warning": Msg("warning", "peringatan"),
            "info": Msg("info", "info")}

H_REGENCY = Msg("Targets and regency", "Target dan kabupaten")
H_FILES = Msg("Files", "Berkas")
H_SUMMARY = Msg("Summary", "Ringkasan")
H_CLEAN = Msg("No findings: every plan lines up with the regency's targets.",
              "Tidak ada temuan: semua rencana selaras dengan target kabupaten.")
H_TOTALS = Msg("{files} files, {villages} villages, {activities} activities checked",
               "{files} berkas, {villages} desa, {activities} kegiatan diperiksa")
H_COUNTS = Msg("{error} errors, {warning} warnings, {info} info, {waived} waived",
               "{error} galat, {warning} peringatan, {info} info, {waived} dikecualikan")
H_BY_CODE = Msg("By code", "Per kode")
H_PROJECTION = Msg("Regency projection (weighted village values vs milestone)",
                   "Proyeksi kabupaten (rata-rata tertimbang nilai desa vs tonggak capaian)")
COLS_PROJECTION = (Msg("indicator", "indikator"), Msg("year", "tahun"),
                   Msg("milestone", "tonggak"), Msg("projected", "proyeksi"), Msg("gap", "selisih"),
                   Msg("reporting", "melapor"), Msg("coverage", "cakupan"),
                   Msg("met", "tercapai"))
COLS_BY_CODE = (Msg("code", "kode"), Msg("name", "nama"), Msg("severity", "tingkat"),
                Msg("count", "jumlah"))
H_MET_NOTE = Msg("SK303 judges `met` only where coverage reaches policy.projection_min_share; "
                 "below it SK307 says the projection is incomplete.",
                 "SK303 menilai `tercapai` hanya bila cakupan mencapai "
                 "policy.projection_min_share; di bawahnya SK307 menyatakan proyeksi belum "
                 "lengkap.")
NOTE = Msg("note", "catatan")
WAIVED = Msg("waived: {reason}", "dikecualikan: {reason}")
YES_NO = {True: Msg("yes", "ya"), False: Msg("NO", "TIDAK")}
FLUSH_AT = 1 << 16  # characters of drawn findings held before they are written out


def _group_title(f: Finding, names: dict[str, tuple[str, str]], lang: Lang) -> str:
    if f.village:
        name, district = names.get(f.village, ("", ""))
        parts = [p for p in (name, f.village, district) if p]
        return inert(" · ".join(parts))
    return H_REGENCY().get(lang) if f.location.file.endswith(("targets.yaml", "targets.xlsx")) \
        else H_FILES().get(lang)


def _finding_line(f: Finding, lang: Lang) -> Text:
    line = Text("  ")
    line.append(inert(str(f.location)), style="bold")
    line.append("  ")
    line.append(f"{f.code}", style="dim" if f.waived else STYLE[f.severity.value])
    label = SEVERITY[f.severity.value]().get(lang)
    line.append(f" {label:<10} ", style="dim" if f.waived else STYLE[f.severity.value])
    line.append(inert(f.message.get(lang)), style="dim" if f.waived else "")
    if f.waived:
        line.append(" (" + WAIVED(reason=inert(f.waive_reason or "")).get(lang) + ")",
                    style="dim italic")
    return line


def _milestone(r: ProjectionRow, lang: Lang) -> str:
    """A scalar milestone, or the band (its counting end is what `gap` is measured from)."""
    if r.band is not None:
        return f"{num(r.band[0]).get(lang)}-{num(r.band[1]).get(lang)}"
    return num(r.milestone).get(lang)


def _gap(r: ProjectionRow) -> float | None:
    """Projected minus milestone; for a band without a counting end, the distance outside."""
    if r.projected is None:
        return None
    if r.milestone is not None:
        return r.projected - r.milestone
    if r.band is None:
        return None
    low, high = r.band
    return r.projected - high if r.projected > high else min(r.projected - low, 0.0)


def projection_table(report: Report, lang: Lang) -> Table:
    table = Table(title=H_PROJECTION().get(lang), title_justify="left", show_edge=False)
    for i, col in enumerate(COLS_PROJECTION):
        table.add_column(col().get(lang), justify="left" if i == 0 else "right")
    for r in report.projection:
        met = "-" if r.met is None else YES_NO[r.met]().get(lang)
        table.add_row(inert(r.indicator), str(r.year), _milestone(r, lang),
                      num(r.projected).get(lang), num(_gap(r)).get(lang),
                      f"{r.reporting}/{r.villages}", pct(r.coverage).get(lang),
                      Text(met, style="" if r.met in (None, True) else "bold red"))
    return table


def by_code_table(report: Report, lang: Lang) -> Table:
    """Counts of unwaived findings by code, with name and severity."""
    table = Table(title=H_BY_CODE().get(lang), title_justify="left", show_edge=False)
    for i, col in enumerate(COLS_BY_CODE):
        table.add_column(col().get(lang), justify="right" if i == 3 else "left")
    for (code, name, sev), n in sorted(report.findings.codes.items()):
        table.add_row(code, name, Text(SEVERITY[sev]().get(lang), style=STYLE[sev]), str(n))
    return table


def write(report: Report, lang: Lang, out: TextIO, color: bool = False,
          width: int = 120) -> None:
    """The terminal report into `out`, a finding at a time."""
    # rich draws into a string buffer (as it always did: the same bytes whatever `out` is),
    # which is passed on to `out` whenever it has grown
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width,
                      highlight=False, emoji=False, markup=False, soft_wrap=True)
    names = {s.code: (s.name, s.district) for s in report.summaries}
    title = None
    for f in report.findings:
        t = _group_title(f, names, lang)
        if t != title:
            if title is not None:
                console.print()
            console.print(Text(t, style="bold underline"))
            title = t
        console.print(_finding_line(f, lang))
        if buffer.tell() > FLUSH_AT:
            _pass_on(buffer, out)
    if report.findings:
        console.print()
    if report.summaries:
        table, notes = matrix_table(report.summaries, lang)
        console.print(table)
        for note in notes:
            console.print(Text(note, style="dim"), soft_wrap=False)
        console.print()
        console.print(totals_table(villages(report.summaries), lang))
        console.print()
    if report.projection:
        console.print(projection_table(report, lang))
        console.print(Text(H_MET_NOTE().get(lang), style="dim"), soft_wrap=False)
        console.print()
    console.print(Text(H_SUMMARY().get(lang), style="bold underline"))
    console.print(H_TOTALS(files=report.files, villages=report.villages,
                           activities=report.activities).get(lang))
    for read_note in report.notes:
        console.print(Text(f"{NOTE().get(lang)}: {inert(str(read_note.location))}: "
                           f"{inert(read_note.message.get(lang))}", style="dim"))
    counts = report.counts()
    console.print(H_COUNTS(waived=report.waived, **counts).get(lang))
    if not any(counts.values()):
        console.print(Text(H_CLEAN().get(lang), style="green"))
    else:
        console.print()
        console.print(by_code_table(report, lang))
    _pass_on(buffer, out)


def _pass_on(buffer: io.StringIO, out: TextIO) -> None:
    out.write(buffer.getvalue())
    buffer.seek(0)
    buffer.truncate()


def render(report: Report, lang: Lang, color: bool = False, width: int = 120) -> str:
    """The terminal report as text."""
    out = io.StringIO()
    write(report, lang, out, color, width)
    return out.getvalue()


def render_plain(report: Report, lang: Lang) -> str:
    return render(report, lang, color=False)


def write_plain(report: Report, lang: Lang, out: TextIO) -> None:
    write(report, lang, out, color=False)
