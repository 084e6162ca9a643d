"""SK0xx: reading files. These codes are raised by the load and model stages, not by checks."""

from __future__ import annotations

from sinkron.i18n import Msg
from sinkron.rules.registry import Example, rule

SK000 = rule(
    "SK000", "internal-error", "error",
    Msg("a rule or reporter of sinkron itself failed; the run goes on, exit code 2",
        "sebuah aturan atau pelapor sinkron gagal; pemeriksaan berlanjut, kode keluar 2"),
    Msg("A crash must not hide the other findings; report it to the sinkron developers.",
        "Kegagalan satu aturan tidak boleh menyembunyikan temuan lain; laporkan ke pengembang "
        "sinkron."),
    Example(), Example(plans=("",)), waivable=False)

SK001 = rule(
    "SK001", "unreadable-file", "error",
    Msg("a file cannot be read: YAML syntax error, not a real .xlsx, bad encoding, too large "
        "or too deeply nested",
        "berkas tidak dapat dibaca: kesalahan sintaks YAML, bukan .xlsx yang sah, encoding "
        "salah, terlalu besar atau bersarang terlalu dalam"),
    Msg("A plan that cannot be read is not checked at all; the rest of the run goes on.",
        "Rencana yang tidak terbaca sama sekali tidak diperiksa; pemeriksaan lain tetap jalan."),
    Example(plans=("village: {code: \"35.05.04.2014\", name: Plosorejo\n",),
            expect=(("SK001", "plan", 2),)),
    Example(plans=("",)), waivable=False)

SK002 = rule(
    "SK002", "schema-violation", "error",
    Msg("a file does not match the schema: missing field, wrong type, unknown key, duplicate "
        "key, alias or tag, malformed code, waiver without reason",
        "berkas tidak sesuai skema: kolom wajib kosong, tipe salah, kunci tak dikenal, kunci "
        "ganda, alias atau tag, kode salah bentuk, pengecualian tanpa alasan"),
    Msg("An entry that does not match the format is left out of every later check, so "
        "its spending and targets count nowhere until it is fixed.",
        "Entri yang tidak sesuai format dikeluarkan dari pemeriksaan berikutnya, sehingga "
        "anggaran dan targetnya tidak terhitung sampai diperbaiki."),
    Example(plans=("activities:\n  - code: \"2.2.02\"\n    nmae: Posyandu\n"
                   "    budget: 45_000_000\n    fund: DD\n",),
            expect=(("SK002", "plan", 2), ("SK002", "plan", 3))),
    Example(plans=("",)))

SK003 = rule(
    "SK003", "local-number-format", "info",
    Msg("a number written as text in the Indonesian way (\"4,13\", \"Rp 45.000.000\") was "
        "accepted; the message shows the value read",
        "angka yang ditulis sebagai teks gaya Indonesia (\"4,13\", \"Rp 45.000.000\") diterima; "
        "pesan menampilkan nilai yang terbaca"),
    Msg("So that nobody wonders whether \"1.250\" meant one thousand two hundred fifty or "
        "one and a quarter: check the value read.",
        "Agar tidak ada keraguan apakah \"1.250\" berarti seribu dua ratus lima puluh atau "
        "satu koma dua lima: periksa nilai yang terbaca."),
    Example(plans=("activities:\n  - code: \"2.2.02\"\n    name: Posyandu\n"
                   "    supports: [stunting]\n    budget: \"Rp 45.000.000\"\n    fund: DD\n",),
            expect=(("SK003", "plan", 5),)),
    Example(plans=("",)))

SK004 = rule(
    "SK004", "skipped-file", "info",
    Msg("a file under the plans folder that sinkron does not read",
        "berkas di folder rencana yang tidak dibaca sinkron"),
    Msg("A plan saved in the wrong format would otherwise be missed without a word.",
        "Rencana yang tersimpan dalam format lain akan terlewat tanpa pemberitahuan."),
    Example(plans=("",), files=(("notes.txt", "notulen musrenbangdes"),),
            expect=(("SK004", "notes.txt", 0),)),
    Example(plans=("",)))

SK005 = rule(
    "SK005", "unused-waiver", "info",
    Msg("a waiver whose code no finding used", "pengecualian yang kodenya tidak dipakai temuan"),
    Msg("Old waivers hide future problems; remove the ones that no longer apply.",
        "Pengecualian lama dapat menyembunyikan masalah berikutnya; hapus yang tidak berlaku."),
    Example(plans=("activities:\n  - code: \"2.2.02\"\n    name: Posyandu\n"
                   "    supports: [stunting]\n    budget: 45_000_000\n    fund: DD\n"
                   "    waive: {SK106: \"Musrenbangdes 2024-11-12\"}\n",),
            expect=(("SK005", "plan", 7),)),
    Example(plans=("",)))
