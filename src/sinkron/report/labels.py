"""Sheet names, headers and labels of the workbook report, in English and Indonesian."""

from __future__ import annotations

from sinkron.i18n import Lang, Msg

SHEET_SUMMARY = Msg("Summary", "Ringkasan")
SHEET_FINDINGS = Msg("Findings", "Temuan")
SHEET_COVERAGE = Msg("Coverage", "Cakupan")
SHEET_BUDGET = Msg("Budget", "Anggaran")
SHEET_PROJECTION = Msg("Projection", "Proyeksi")

TITLE = Msg("sinkron report: village plans against the regency's targets",
            "Laporan sinkron: rencana desa terhadap target kabupaten")
TOTALS = (
    ("targets", Msg("Targets file", "Berkas target")),
    ("version", Msg("sinkron version", "Versi sinkron")),
    ("files", Msg("Plan files read", "Berkas rencana dibaca")),
    ("villages", Msg("Villages", "Desa")),
    ("activities", Msg("Activities checked", "Kegiatan diperiksa")),
    ("error", Msg("Errors", "Galat")),
    ("warning", Msg("Warnings", "Peringatan")),
    ("info", Msg("Info", "Info")),
    ("waived", Msg("Waived findings", "Temuan dikecualikan")),
    ("budget_total", Msg("Total budget", "Total anggaran")),
    ("budget_linked", Msg("Budget on activities that support an indicator",
                          "Anggaran kegiatan yang mendukung indikator")),
)
H_SCORES = Msg("Alignment scores", "Skor keselarasan")
SCORE_BUDGET = Msg("Share of budget on activities that support at least one indicator",
                   "Porsi anggaran untuk kegiatan yang mendukung minimal satu indikator")
SCORE_PAIRS = Msg("Share of village x priority-indicator pairs addressed ({done} of {total})",
                  "Porsi pasangan desa x indikator prioritas yang ditangani ({done} dari {total})")
H_ON_TRACK = Msg("Villages on track per indicator (value not weaker than the milestone)",
                 "Desa yang sesuai jalur per indikator (nilai tidak lebih lemah dari tonggak)")
COLS_ON_TRACK = (Msg("Indicator", "Indikator"), Msg("Year", "Tahun"),
                 Msg("Villages with a plan", "Desa dengan rencana"),
                 Msg("With a value", "Dengan nilai"), Msg("On track", "Sesuai jalur"),
                 Msg("Share on track", "Porsi sesuai jalur"))
NO_PROJECTION = Msg("No projection rows: no indicator is projected for the plan years.",
                    "Tidak ada baris proyeksi: tidak ada indikator yang diproyeksikan untuk "
                    "tahun rencana.")

COLS_FINDINGS = (Msg("Code", "Kode"), Msg("Name", "Nama"), Msg("Severity", "Tingkat"),
                 Msg("Message", "Pesan"), Msg("Waived", "Dikecualikan"),
                 Msg("Waiver reason", "Alasan pengecualian"), Msg("File", "Berkas"),
                 Msg("Line", "Baris"), Msg("Column", "Kolom"), Msg("Sheet", "Lembar"),
                 Msg("Cell", "Sel"), Msg("Village", "Desa"), Msg("Indicator", "Indikator"),
                 Msg("Activity", "Kegiatan"), Msg("Year", "Tahun"),
                 Msg("Related locations", "Lokasi terkait"))
YES = Msg("yes", "ya")
NO = Msg("no", "tidak")

COLS_VILLAGE = (Msg("Village code", "Kode desa"), Msg("Village", "Desa"),
                Msg("Kecamatan", "Kecamatan"), Msg("Year", "Tahun"))
COVER = {"funded": Msg("funded", "didanai"), "unfunded": Msg("no budget", "tanpa anggaran"),
         "missing": Msg("not addressed", "belum ditangani")}
PRIORITY_MARK = Msg("{id} (priority)", "{id} (prioritas)")
COVERAGE_TOTAL = Msg("Villages addressing it", "Desa yang menangani")
COVERAGE_NOTE = Msg("funded: an activity with budget supports the indicator; no budget: only "
                    "activities with zero budget; not addressed: no activity (red for a "
                    "priority indicator).",
                    "didanai: ada kegiatan beranggaran yang mendukung indikator; tanpa "
                    "anggaran: hanya kegiatan beranggaran nol; belum ditangani: tidak ada "
                    "kegiatan (merah untuk indikator prioritas).")

COLS_BUDGET_TAIL = (Msg("Linked (each rupiah once)", "Terkait (tiap rupiah sekali)"),
                    Msg("Not linked", "Tidak terkait"), Msg("Total budget", "Total anggaran"),
                    Msg("Share linked", "Porsi terkait"))
BUDGET_NOTE = Msg("An activity that serves two indicators counts under each indicator column; "
                  "the Linked column counts each rupiah once.",
                  "Kegiatan yang mendukung dua indikator dihitung di tiap kolom indikator; "
                  "kolom Terkait menghitung tiap rupiah sekali.")
TOTAL = Msg("Total", "Jumlah")
H_FUND_SHARES = Msg("Fund shares (policy.fund_shares)", "Porsi dana (policy.fund_shares)")
COLS_FUND_SHARES = (Msg("Village code", "Kode desa"), Msg("Village", "Desa"),
                    Msg("Year", "Tahun"), Msg("Rule", "Aturan"), Msg("Fund", "Sumber dana"),
                    Msg("Matching budget", "Anggaran yang dihitung"),
                    Msg("Fund total", "Total dana"), Msg("Share", "Porsi"),
                    Msg("Minimum", "Minimum"), Msg("Maximum", "Maksimum"),
                    Msg("Result", "Hasil"), Msg("Gap (rupiah)", "Selisih (rupiah)"))
SHARE_RESULT = {"ok": Msg("met", "terpenuhi"), "below": Msg("below minimum", "di bawah minimum"),
                "above": Msg("above maximum", "di atas maksimum")}
NO_FUND_SHARES = Msg("No fund-share rule applies to these plans.",
                     "Tidak ada aturan porsi dana yang berlaku untuk rencana ini.")

COLS_PROJECTION = (Msg("Indicator", "Indikator"), Msg("Year", "Tahun"),
                   Msg("Milestone", "Tonggak"), Msg("Band min", "Rentang min"),
                   Msg("Band max", "Rentang maks"), Msg("Projected", "Proyeksi"),
                   Msg("Gap", "Selisih"), Msg("Villages", "Desa"),
                   Msg("Reporting", "Melapor"), Msg("Coverage", "Cakupan"),
                   Msg("Met", "Tercapai"))
CHART_TITLE = Msg("{id}: milestone vs projection", "{id}: tonggak vs proyeksi")
SERIES_MILESTONE = Msg("Milestone", "Tonggak")
SERIES_PROJECTED = Msg("Projected", "Proyeksi")
NOT_SHOWN = Msg("n/a", "t/a")


def t(msg: Msg, lang: Lang, **kw: object) -> str:
    """A label in the report's language."""
    return msg(**kw).get(lang)
