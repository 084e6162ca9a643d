"""What a YAML editor shows when hovering a key of a plan or targets file (en and id)."""

from __future__ import annotations

from typing import Any

from sinkron.i18n import Lang, Msg

# (definition, field) -> description; "" is the top level of the file
FIELDS: dict[tuple[str, str], Msg] = {
    ("", "village"): Msg("The village: code, name, kecamatan, population.",
                         "Identitas desa: kode, nama, kecamatan, jumlah penduduk."),
    ("", "plan"): Msg("The plan document, its year and the money per fund source.",
                      "Dokumen rencana, tahunnya, dan pagu per sumber dana."),
    ("", "indicators"): Msg("The village's own baseline and target for regency indicators.",
                            "Baseline dan target desa sendiri untuk indikator kabupaten."),
    ("", "activities"): Msg("The activities of the plan, one entry each.",
                            "Daftar kegiatan dalam rencana, satu entri per kegiatan."),
    ("Village", "code"): Msg("Kemendagri village code PP.KK.CC.DDDD, in quotes: \"35.05.04.2014\".",
                             "Kode desa Kemendagri PP.KK.CC.DDDD, dalam tanda petik: "
                             "\"35.05.04.2014\"."),
    ("Village", "district"): Msg("The kecamatan.", "Nama kecamatan."),
    ("Village", "counts"): Msg("Village counts that targets may name as a weight "
                               "(children_under_5, live_births, ...).",
                               "Jumlah-jumlah desa yang dapat dipakai target sebagai bobot "
                               "(children_under_5, live_births, ...)."),
    ("Village", "waive"): Msg("Waivers for the whole plan: rule code -> reason (who agreed, when).",
                              "Pengecualian untuk seluruh rencana: kode aturan -> alasan "
                              "(siapa menyepakati, kapan)."),
    ("PlanHeader", "funds"): Msg("Money available per source (DD, ADD, PADes, BKK, ...), "
                                 "in whole rupiah.",
                                 "Dana tersedia per sumber (DD, ADD, PADes, BKK, ...), dalam "
                                 "rupiah bulat."),
    ("Activity", "code"): Msg("Activity code bidang.sub_bidang.kegiatan (Permendagri 20/2018), "
                              "e.g. \"2.2.02\".",
                              "Kode kegiatan bidang.sub_bidang.kegiatan (Permendagri 20/2018), "
                              "mis. \"2.2.02\"."),
    ("Activity", "supports"): Msg("Indicator ids of the targets this activity works toward.",
                                  "Id indikator target kabupaten yang didukung kegiatan ini."),
    ("Activity", "budget"): Msg("Budget in whole rupiah: 45_000_000 or \"Rp 45.000.000\".",
                                "Pagu dalam rupiah bulat: 45_000_000 atau \"Rp 45.000.000\"."),
    ("Activity", "fund"): Msg("The fund source: a key of plan.funds.",
                              "Sumber dana: salah satu kunci pada plan.funds."),
    ("Activity", "waive"): Msg("Waivers for this activity: rule code -> reason.",
                               "Pengecualian untuk kegiatan ini: kode aturan -> alasan."),
    ("Regency", "code"): Msg("Kemendagri regency code PP.KK, in quotes: \"35.05\".",
                             "Kode kabupaten Kemendagri PP.KK, dalam tanda petik: \"35.05\"."),
    ("Indicator", "direction"): Msg("decrease (turun), increase (naik) or within (rentang).",
                                    "decrease (turun), increase (naik) atau within (rentang)."),
    ("Indicator", "weight"): Msg("The village count that weights the projection "
                                 "(default population).",
                                 "Jumlah desa yang menjadi bobot proyeksi (bawaan population)."),
    ("Indicator", "priority"): Msg("Every village plan must address it (SK202, SK304).",
                                   "Wajib ditangani setiap rencana desa (SK202, SK304)."),
    ("Indicator", "targets"): Msg("Year -> value, or year -> {{min, max}}.",
                                  "Tahun -> nilai, atau tahun -> {{min, max}}."),
    ("Indicator", "activity_codes"): Msg("Activity codes or patterns (2.2.02, 2.4.*) that count "
                                         "as supporting this indicator.",
                                         "Kode atau pola kode kegiatan (2.2.02, 2.4.*) yang "
                                         "dihitung mendukung indikator ini."),
    ("Policy", "exempt_codes"): Msg("Codes that need not support an indicator (SK201).",
                                    "Kode yang tidak wajib mendukung indikator (SK201)."),
    ("Policy", "fund_shares"): Msg("Minimum or maximum shares of a fund (SK401).",
                                   "Porsi minimal atau maksimal suatu sumber dana (SK401)."),
}


def describe(schema: dict[str, Any], lang: Lang) -> None:
    """Add the descriptions above to a generated schema, in `lang`."""
    defs = schema.get("$defs", {})
    for (owner, field), msg in FIELDS.items():
        node = schema if owner == "" else defs.get(owner)
        prop = (node or {}).get("properties", {}).get(field)
        if prop is not None:
            prop["description"] = msg().get(lang)
            prop.pop("title", None)
