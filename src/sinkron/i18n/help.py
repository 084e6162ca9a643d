"""--help texts of every command and option, in English and Indonesian.

The language is chosen once, when the CLI is imported: SINKRON_LANG (`id...` gives
Indonesian). typer reads help strings when the commands are declared, so `--lang` (an option
of `check`, parsed after the help is built) cannot switch them; SINKRON_LANG can.
A test fails when a help string of the CLI does not come from this catalogue.
"""

from __future__ import annotations

from sinkron.i18n import Lang, Msg, default_lang

HELP_LANG: Lang = default_lang()


def tr(msg: Msg) -> str:
    """The template of `msg` in the help language (not formatted: typer shows it as is)."""
    return msg.id if HELP_LANG == "id" else msg.en


# The application and its frame (titles typer draws around the options)
APP = Msg("Check that village plans (RKP Desa) line up with the targets of their regency.",
          "Periksa keselarasan rencana desa (RKP Desa) dengan target kabupaten.")
VERSION = Msg("Show the version and exit.", "Tampilkan versi lalu keluar.")
HELP = Msg("Show this message and exit.", "Tampilkan bantuan ini lalu keluar.")
USAGE = Msg("Usage: ", "Cara pakai: ")
OPTIONS_METAVAR = Msg("[OPTIONS]", "[OPSI]")
SUBCOMMAND_METAVAR = Msg("COMMAND [ARGS]...", "PERINTAH [ARGUMEN]...")
ARGUMENTS = Msg("Arguments", "Argumen")
OPTIONS = Msg("Options", "Opsi")
COMMANDS = Msg("Commands", "Perintah")
ERROR = Msg("Error", "Galat")
ABORTED = Msg("Aborted.", "Dibatalkan.")
DEFAULT = Msg("[default: {}]", "[bawaan: {}]")
REQUIRED = Msg("[required]", "[wajib]")
ENVVAR = Msg("[env var: {}]", "[variabel lingkungan: {}]")
DEPRECATED = Msg("(deprecated) ", "(usang) ")
TRY_HELP = Msg("Try [blue]'{command_path} {help_option}'[/] for help.",
               "Coba [blue]'{command_path} {help_option}'[/] untuk bantuan.")

# Placeholders for option values
V_FILE = Msg("FILE", "BERKAS")
V_FILES = Msg("FILES", "BERKAS")
V_PATHS = Msg("PATHS", "JALUR")
V_CODES = Msg("CODES", "KODE")
V_LEVEL = Msg("LEVEL", "TINGKAT")
V_CODE = Msg("CODE", "KODE")
V_LANG = Msg("en|id", "en|id")
V_DIR = Msg("DIR", "FOLDER")
V_URL = Msg("URL", "URL")
V_KIND = Msg("plan|targets", "plan|targets")

# sinkron check
CHECK = Msg("Check plans against the regency's targets and report misalignments.",
            "Periksa rencana desa terhadap target kabupaten dan laporkan ketidakselarasannya.")
CHECK_PATHS = Msg("Plan files or folders (default: plans/).",
                  "Berkas atau folder rencana desa (bawaan: plans/).")
TARGETS = Msg("The regency's targets (default: targets.yaml, else targets.xlsx).",
              "Berkas target kabupaten (bawaan: targets.yaml, atau targets.xlsx).")
FORMAT = Msg("What goes to stdout.", "Bentuk laporan yang dicetak ke layar (stdout).")
OUTPUT = Msg("Also write a report; the format follows the suffix: .xlsx, .json, .sarif, "
             ".xml (JUnit).",
             "Tulis juga laporan ke berkas; bentuknya mengikuti akhiran nama: .xlsx, .json, "
             ".sarif, .xml (JUnit).")
JOBS = Msg("Worker processes for plan files (default: the number of cores).",
           "Jumlah proses pemeriksa berkas rencana (bawaan: jumlah inti prosesor).")
FAIL_ON = Msg("error|warning|info|never: the lowest severity that fails the run.",
              "error|warning|info|never: tingkat temuan terendah yang membuat pemeriksaan "
              "dinyatakan gagal.")
SELECT = Msg("Only these codes, names or prefixes (comma-separated).",
             "Hanya kode, nama atau awalan kode ini (pisahkan dengan koma).")
IGNORE = Msg("Leave out these codes, names or prefixes.",
             "Abaikan kode, nama atau awalan kode ini.")
LANG = Msg("Language of messages and reports: en or id (default: SINKRON_LANG, else en).",
           "Bahasa pesan dan laporan: en atau id (bawaan: SINKRON_LANG, atau en).")
QUIET = Msg("No progress bar (it shows on a terminal while many files load); the report "
            "itself is unchanged.",
            "Tanpa bilah kemajuan (muncul di terminal saat banyak berkas dibaca); isi laporan "
            "tidak berubah.")

# sinkron validate
VALIDATE = Msg("Check files against the schema only (SK0xx; with --targets also SK101).",
               "Periksa berkas terhadap skema saja (SK0xx; dengan --targets juga SK101).")
VALIDATE_FILES = Msg("Plan or targets files.", "Berkas rencana desa atau target kabupaten.")
VALIDATE_TARGETS = Msg("Also check that indicator ids exist in these targets (SK101).",
                       "Periksa juga apakah id indikator ada dalam target ini (SK101).")

# sinkron init
INIT = Msg("Write a working example: targets.yaml, plans/, a CI workflow and a pre-commit "
           "config.",
           "Buat contoh siap pakai: targets.yaml, plans/, alur kerja CI dan konfigurasi "
           "pre-commit.")
INIT_DIR = Msg("Folder to write into (default: the current folder).",
               "Folder tujuan (bawaan: folder saat ini).")
INIT_FORCE = Msg("Overwrite files that already exist.", "Timpa berkas yang sudah ada.")
INIT_LANG = Msg("Language of the comments in the written files: en or id (default: "
                "SINKRON_LANG, else en).",
                "Bahasa komentar dalam berkas yang dibuat: en atau id (bawaan: SINKRON_LANG, "
                "atau en).")
INIT_HOOK_REPO = Msg("Repository of the sinkron pre-commit hook (a mirror, or a local path).",
                     "Repositori hook pre-commit sinkron (salinan cermin, atau jalur lokal).")

# sinkron schema
RULES = Msg("List the rules, or explain one with a failing and a passing example.",
            "Daftar aturan, atau penjelasan satu aturan dengan contoh yang gagal dan yang lolos.")
RULES_CODE = Msg("A code (SK303), a name (regency-projection-miss) or a prefix (SK3).",
                 "Kode (SK303), nama (regency-projection-miss) atau awalan kode (SK3).")
TEMPLATE = Msg("Write an Excel template to fill in, pre-filled from the targets.",
               "Buat templat Excel untuk diisi, sudah berisi data dari target kabupaten.")
TEMPLATE_OUTPUT = Msg("The workbook to write (.xlsx).", "Buku kerja yang ditulis (.xlsx).")
TEMPLATE_KIND = Msg("plans (a village fills it in) or targets.",
                    "plans (diisi desa) atau targets (target kabupaten).")
TEMPLATE_VILLAGE = Msg("Pre-fill this village (kode wilayah) from the Kemendagri register.",
                       "Isi dulu data desa ini (kode wilayah) dari daftar Kemendagri.")
CONVERT = Msg("Convert a plans workbook to YAML plan files (one per village), or back.",
              "Ubah buku kerja rencana menjadi berkas rencana YAML (satu per desa), atau "
              "sebaliknya.")
CONVERT_SOURCE = Msg("A plans workbook (.xlsx), or a YAML plan file or folder of them.",
                     "Buku kerja rencana (.xlsx), atau berkas rencana YAML atau foldernya.")
CONVERT_OUTPUT = Msg("A folder for the YAML files, or the .xlsx workbook to write.",
                     "Folder untuk berkas YAML, atau buku kerja .xlsx yang ditulis.")
SCHEMA = Msg("Print the JSON Schema of plan or targets YAML files, for editors and CI.",
             "Cetak JSON Schema berkas YAML rencana desa atau target, untuk editor dan CI.")
SCHEMA_KIND = Msg("plan (a village plan file) or targets (the regency's targets file).",
                  "plan (berkas rencana desa) atau targets (berkas target kabupaten).")
SCHEMA_LANG = Msg("Language of the descriptions editors show: en or id.",
                  "Bahasa keterangan yang ditampilkan editor: en atau id.")
