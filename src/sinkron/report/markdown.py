"""A Markdown summary (counts, findings, projection) for GitHub's job summary page."""

from __future__ import annotations

import re

from sinkron.findings import Finding, ProjectionRow, Report
from sinkron.i18n import Lang, Msg, num, pct
from sinkron.report.safe import inert

# every ASCII punctuation mark can be backslash-escaped in (GitHub-flavoured) Markdown
_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")

H_TITLE = Msg("sinkron: village plans against the regency's targets",
              "sinkron: rencana desa terhadap target kabupaten")
H_TOTALS = Msg("{files} files, {villages} villages, {activities} activities checked",
               "{files} berkas, {villages} desa, {activities} kegiatan diperiksa")
H_COUNTS = Msg("errors", "galat"), Msg("warnings", "peringatan"), Msg("info", "info"), \
    Msg("waived", "dikecualikan")
H_FINDINGS = Msg("Findings", "Temuan")
H_NONE = Msg("No findings.", "Tidak ada temuan.")
H_CUT = Msg("{n} more findings are not shown here (GitHub limits this page to 1 MiB); "
            "write the full report with `-o report.xlsx` or `-o report.sarif`.",
            "{n} temuan lainnya tidak ditampilkan di sini (GitHub membatasi halaman ini 1 MiB); "
            "tulis laporan lengkap dengan `-o laporan.xlsx` atau `-o laporan.sarif`.")
COLS_FINDINGS = (Msg("location", "lokasi"), Msg("code", "kode"), Msg("severity", "tingkat"),
                 Msg("message", "pesan"))
H_PROJECTION = Msg("Regency projection", "Proyeksi kabupaten")
COLS_PROJECTION = (Msg("indicator", "indikator"), Msg("year", "tahun"),
                   Msg("milestone", "tonggak"), Msg("projected", "proyeksi"),
                   Msg("gap", "selisih"), Msg("reporting", "melapor"),
                   Msg("coverage", "cakupan"), Msg("met", "tercapai"))
WAIVED = Msg("waived: {reason}", "dikecualikan: {reason}")
YES_NO = {True: Msg("yes", "ya"), False: Msg("**no**", "**tidak**")}


def cell(text: object) -> str:
    """Plan text made inert for a Markdown table cell: no markup, links, HTML or pipes."""
    return _PUNCT.sub(r"\\\1", inert(str(text)))


def row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |\n"


def header(cols: tuple[Msg, ...], lang: Lang) -> str:
    return row([c().get(lang) for c in cols]) + row(["---"] * len(cols))


def finding_row(f: Finding, lang: Lang) -> str:
    message = cell(f.message.get(lang))
    if f.waived:
        message += " (" + cell(WAIVED(reason=f.waive_reason or "").get(lang)) + ")"
    severity = f"~~{f.severity.value}~~" if f.waived else f.severity.value
    return row([cell(f.location), f"{f.code} {cell(f.name)}", severity, message])


def projection_row(r: ProjectionRow, lang: Lang) -> str:
    if r.band and r.milestone is None:
        milestone = f"{num(r.band[0]).get(lang)}–{num(r.band[1]).get(lang)}"
    else:
        milestone = num(r.milestone).get(lang)
    gap = None if r.projected is None or r.milestone is None else r.projected - r.milestone
    met = "–" if r.met is None else YES_NO[r.met]().get(lang)
    return row([cell(r.indicator), str(r.year), cell(milestone), cell(num(r.projected).get(lang)),
                cell(num(gap).get(lang)), f"{r.reporting}/{r.villages}",
                cell(pct(r.coverage).get(lang)), met])


def render(report: Report, lang: Lang, limit: int | None = None) -> str:
    """The summary; with `limit` (bytes), findings rows stop before the text grows past it."""
    counts = report.counts()
    values = (counts["error"], counts["warning"], counts["info"], report.waived)
    head = f"## {H_TITLE().get(lang)}\n\n" + H_TOTALS(
        files=report.files, villages=report.villages, activities=report.activities
    ).get(lang) + "\n\n" + header(H_COUNTS, lang) + row([str(v) for v in values]) + "\n"
    tail = ""
    if report.projection:
        tail = f"\n### {H_PROJECTION().get(lang)}\n\n" + header(COLS_PROJECTION, lang) + "".join(
            projection_row(r, lang) for r in report.projection)
    body = f"### {H_FINDINGS().get(lang)}\n\n"
    if not report.findings:
        return head + body + H_NONE().get(lang) + "\n" + tail
    body += header(COLS_FINDINGS, lang)
    budget = None if limit is None else limit - _size(head + body + tail) - 400
    for n, f in enumerate(report.findings):
        line = finding_row(f, lang)
        if budget is not None:
            budget -= _size(line)
            if budget < 0:
                body += "\n" + H_CUT(n=len(report.findings) - n).get(lang) + "\n"
                break
        body += line
    return head + body + tail


def _size(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))
