"""The instructions sheet of the templates, in Indonesian and English."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sinkron.model.targets import Targets
from sinkron.write.plans_xlsx import set_cell

if TYPE_CHECKING:
    from sinkron.write.template import Prefill

PLANS_ID = [
    "Cara mengisi",
    "1. Isi lembar desa, sumber_dana, indikator dan kegiatan mulai baris 4. Baris 2 (abu-abu) "
    "adalah contoh dan tidak dibaca; baris 3 adalah judul kolom: jangan diubah.",
    "2. Satu baris desa = satu rencana (RKP Desa) untuk satu tahun. Kode desa ditulis lengkap "
    "seperti 35.05.04.2014 (kode wilayah Kemendagri).",
    "3. Jika buku kerja memuat lebih dari satu desa, isi kolom kode_desa pada setiap baris "
    "lembar lain; untuk satu desa kolom itu boleh kosong.",
    "4. Pagu dan jumlah dalam rupiah bulat. Desimal boleh ditulis 4,13 atau 4.13.",
    "5. Kolom 'mendukung' berisi id indikator kabupaten; lebih dari satu dipisah titik koma "
    "(stunting; aki). Kode kegiatan mengikuti Permendagri 20/2018 (pilih dari daftar).",
    "6. Kolom tambahan di lembar desa (mis. children_under_5) adalah jumlah yang dipakai "
    "sebagai bobot proyeksi; isi dengan bilangan bulat.",
    "7. Pengecualian: tulis kode aturan (mis. SK201) dan alasannya (siapa menyetujui, kapan).",
    "8. Simpan sebagai .xlsx lalu periksa: sinkron check",
]
PLANS_EN = [
    "How to fill in",
    "1. Fill in the sheets desa, sumber_dana, indikator and kegiatan from row 4. Row 2 (grey) "
    "is an example and is not read; row 3 holds the column headers: keep them as they are.",
    "2. One row of desa = one plan (RKP Desa) for one year. Write the village code in full, "
    "e.g. 35.05.04.2014 (Kemendagri region code).",
    "3. When the workbook holds more than one village, fill in kode_desa on every row of the "
    "other sheets; with one village that column may stay empty.",
    "4. Budgets and amounts in whole rupiah. Decimals may be written 4,13 or 4.13.",
    "5. 'mendukung' (supports) holds regency indicator ids, several separated by a semicolon "
    "(stunting; aki). Activity codes follow Permendagri 20/2018 (pick from the list).",
    "6. Extra columns of the desa sheet (e.g. children_under_5) are counts that weight the "
    "projection; write whole numbers.",
    "7. Waivers: write the rule code (e.g. SK201) and the reason (who agreed, when).",
    "8. Save as .xlsx, then check: sinkron check",
]
TARGETS_ID = [
    "Cara mengisi",
    "Lembar indikator: satu baris per indikator. Lembar target: indikator x tahun, isi nilai, "
    "atau minimum dan maksimum untuk rentang. Lembar porsi_dana (boleh kosong): aturan porsi "
    "sumber dana. Lembar pengaturan: kunci dan nilai (regency.code, period.start, ...).",
    "Daftar kode dipisah titik koma atau koma. Baris 2 adalah judul kolom: jangan diubah.",
]
TARGETS_EN = [
    "How to fill in",
    "Sheet indikator: one row per indicator. Sheet target: indicator x year, a value, or "
    "minimum and maximum for a band. Sheet porsi_dana (may stay empty): fund-share rules. "
    "Sheet pengaturan: key and value rows (regency.code, period.start, ...).",
    "Lists of codes are separated by semicolons or commas. Row 2 holds the column headers: "
    "keep them as they are.",
]


def _write(ws: Any, title: str, blocks: list[list[str]]) -> None:
    from sinkron.write.sheets import styles

    style = styles()
    ws.title = "petunjuk"
    set_cell(ws, 1, 1, title).font = style["title"]
    row = 3
    for block in blocks:
        set_cell(ws, row, 1, block[0]).font = style["header"]
        for line in block[1:]:
            row += 1
            set_cell(ws, row, 1, line).alignment = style["wrap"]
        row += 2
    ws.column_dimensions["A"].width = 120


def instructions(ws: Any, targets: Targets, village: Prefill | None) -> None:
    """Plans template: what to fill in where, in both languages."""
    regency = f"{targets.regency.name} ({targets.regency.code})"
    whom = f" - Desa {village.name} ({village.code}), {village.year}" if village else ""
    title = f"Templat RKP Desa / village plan template - {regency}{whom}"
    ids = ", ".join(f"{i.id} ({i.name})" for i in targets.indicators)
    _write(ws, title, [PLANS_ID, PLANS_EN,
                       ["Indikator kabupaten / regency indicators", ids]])


def targets_instructions(ws: Any, targets: Targets) -> None:
    """Targets template: the sheets and what they hold, in both languages."""
    title = (f"Target kabupaten / regency targets - {targets.regency.name} "
             f"({targets.regency.code})")
    _write(ws, title, [TARGETS_ID, TARGETS_EN])
