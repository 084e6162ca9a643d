"""What the YAML loader tells a planner, in English and Indonesian: each says what to change."""

from __future__ import annotations

from sinkron.i18n import Msg

M_SYNTAX = Msg("YAML syntax error ({problem}): {hint}",
               "kesalahan sintaks YAML ({problem}): {hint}")
M_TABS = Msg("a tab is used for indentation on this line; YAML allows only spaces: "
             "use spaces, not tabs",
             "baris ini diindentasi dengan tab; YAML hanya menerima spasi: "
             "gunakan spasi, bukan tab")
M_TOO_BIG = Msg("file is {size} bytes, more than the {limit} bytes sinkron reads; "
                "keep one village's plan per file and remove repeated data",
                "berkas berukuran {size} bita, melebihi batas {limit} bita; "
                "simpan satu rencana desa per berkas dan hapus data yang berulang")
M_TOO_DEEP = Msg("nesting deeper than {limit} levels; a plan needs at most 5: "
                 "check the brackets and the indentation here",
                 "tingkat bersarang lebih dari {limit}; rencana desa cukup 5 tingkat: "
                 "periksa tanda kurung dan indentasi di sini")
M_TOO_MANY = Msg("more than {limit} values in one file; keep one village's plan per file "
                 "and remove repeated data",
                 "lebih dari {limit} nilai dalam satu berkas; simpan satu rencana desa per "
                 "berkas dan hapus data yang berulang")
M_TOO_LONG = Msg("a value of {size} characters, more than the {limit} sinkron reads; "
                 "shorten it",
                 "nilai sepanjang {size} karakter, melebihi batas {limit} karakter; "
                 "persingkat nilai ini")
M_TOO_MANY_PROBLEMS = Msg("more than {limit} problems in this file, reading stopped here; "
                          "fix the ones above and run sinkron again",
                          "lebih dari {limit} masalah dalam berkas ini, pembacaan dihentikan "
                          "di sini; perbaiki masalah di atas lalu jalankan sinkron lagi")
M_DIRECTIVES = Msg("{count} YAML directive lines (starting with %); a plan needs none: "
                   "delete them",
                   "{count} baris direktif YAML (diawali %); rencana desa tidak memerlukannya: "
                   "hapus baris tersebut")
M_ENCODING = Msg("the file is not UTF-8 ({detail}); save it as UTF-8 text "
                 "(in a text editor: Save As, encoding UTF-8)",
                 "berkas bukan UTF-8 ({detail}); simpan ulang sebagai teks UTF-8 "
                 "(di penyunting teks: Simpan Sebagai, pengodean UTF-8)")
DETAIL_WIDE = Msg("UTF-16 or UTF-32", "UTF-16 atau UTF-32")
DETAIL_NO_BOM = Msg("UTF-16 without a byte order mark", "UTF-16 tanpa penanda urutan bita (BOM)")
DETAIL_BYTE = Msg("byte 0x{byte} here cannot be read", "bita 0x{byte} di sini tidak terbaca")
DETAIL_LATIN = Msg("byte 0x{byte} here; it looks like Windows-1252 or Latin-1 text",
                   "bita 0x{byte} di sini; tampaknya teks Windows-1252 atau Latin-1")
M_CONTROL = Msg("the file holds {count} control character(s) that YAML does not allow, the "
                "first ({char}) here; delete them (they often come from copying text out "
                "of another program)",
                "berkas memuat {count} karakter kendali yang tidak diizinkan YAML, yang "
                "pertama ({char}) di sini; hapus karakter tersebut (biasanya terbawa saat "
                "menyalin teks dari program lain)")
M_SEPARATOR = Msg("the file holds {count} Unicode line separator(s), the first ({char}) here; "
                  "YAML reads them as line breaks: replace them with a space or a normal "
                  "line break",
                  "berkas memuat {count} karakter pemisah baris Unicode, yang pertama "
                  "({char}) di sini; YAML membacanya sebagai ganti baris: ganti dengan spasi "
                  "atau ganti baris biasa")
M_ALIAS = Msg("aliases (*{name}) are not allowed; write the value out in full",
              "alias (*{name}) tidak diperbolehkan; tulis nilainya secara lengkap")
M_MERGE = Msg("merge keys (<<: *{name}) are not allowed; write the keys out in full",
              "kunci gabungan (<<: *{name}) tidak diperbolehkan; tulis kunci-kuncinya "
              "secara lengkap")
M_ANCHOR = Msg("anchors (&{name}) are not allowed; write each value out in full",
               "anchor (&{name}) tidak diperbolehkan; tulis setiap nilai secara lengkap")
M_TAG = Msg("tags ({tag}) are not allowed; remove the tag and write the plain value",
            "tag ({tag}) tidak diperbolehkan; hapus tag dan tulis nilainya saja")
M_DUPLICATE = Msg("duplicate key '{key}' (first at line {first}); keep one of them",
                  "kunci '{key}' ganda (pertama di baris {first}); sisakan satu saja")
M_MULTIDOC = Msg("a second YAML document ('---'); keep one plan per file",
                 "dokumen YAML kedua ('---'); satu berkas berisi satu rencana saja")
M_COMPLEX_KEY = Msg("a key must be plain text, not a list or mapping; write the key as text",
                    "kunci harus berupa teks biasa, bukan daftar atau pemetaan; tulis kunci "
                    "sebagai teks")
M_EMPTY = Msg("the file is empty (only blanks or comments); fill it in or delete it",
              "berkas kosong (hanya spasi atau komentar); isi berkas atau hapus")
M_NOT_MAPPING = Msg("the top of the file is {found}, not a mapping of keys; start with "
                    "'village:' and 'plan:' (a plan) or 'regency:' and 'period:' (targets)",
                    "bagian teratas berkas berupa {found}, bukan pemetaan kunci; mulai dengan "
                    "'village:' dan 'plan:' (rencana) atau 'regency:' dan 'period:' (target)")
FOUND_LIST = Msg("a list", "daftar")
FOUND_TEXT = Msg("a single value", "satu nilai tunggal")

# libyaml's problem text (English, kept in the message) -> what to change
HINTS: dict[str, Msg] = {
    "mapping values are not allowed": Msg(
        "a ':' where no key can start; put quotes around text that holds ': ', "
        "or fix the indentation",
        "tanda ':' di tempat yang tidak boleh ada kunci; beri tanda petik pada teks yang "
        "memuat ': ', atau perbaiki indentasi"),
    "did not find expected key": Msg(
        "this line is not indented like the keys around it; line up the keys of one mapping",
        "indentasi baris ini tidak sejajar dengan kunci di sekitarnya; sejajarkan kunci "
        "dalam satu pemetaan"),
    "did not find expected '-' indicator": Msg(
        "a list item without '- ' or not lined up with the others; line up the '- ' items",
        "butir daftar tanpa '- ' atau tidak sejajar; sejajarkan butir '- '"),
    "block sequence entries are not allowed": Msg(
        "a '- ' item on the same line as its key; start the list on the next line",
        "butir '- ' berada sebaris dengan kuncinya; mulai daftar di baris berikutnya"),
    "found character that cannot start any token": Msg(
        "a value cannot start with this character (@, ` or %); put the value in quotes",
        "nilai tidak boleh diawali karakter ini (@, ` atau %); beri tanda petik pada nilai"),
    "found unexpected end of stream": Msg(
        "a quote opened at line {start} is never closed; close it",
        "tanda petik yang dibuka di baris {start} tidak ditutup; tutup tanda petiknya"),
    "did not find expected ','": Msg(
        "a bracket opened at line {start} is not closed, or a comma is missing; "
        "close it or add the comma",
        "tanda kurung yang dibuka di baris {start} tidak ditutup, atau koma hilang; "
        "tutup kurungnya atau tambahkan koma"),
    "could not find expected ':'": Msg(
        "a key without ':', or a text value running onto the next lines; add the ':' "
        "or put the value in quotes",
        "kunci tanpa ':', atau teks yang berlanjut ke baris berikutnya; tambahkan ':' atau "
        "beri tanda petik pada nilai"),
    "did not find expected node content": Msg(
        "a value is missing here (after a '-', ',' or an opening bracket); write the value "
        "or remove the mark",
        "nilai tidak ada di sini (setelah '-', ',' atau kurung buka); tulis nilainya atau "
        "hapus tanda tersebut"),
    "found unknown escape character": Msg(
        "in double quotes a backslash starts an escape; write \\\\ or use single quotes",
        "di dalam petik ganda garis miring terbalik memulai escape; tulis \\\\ atau pakai "
        "petik tunggal"),
    "found invalid Unicode character escape code": Msg(
        "a \\u escape that is not a character (e.g. a lone surrogate \\ud800); write the "
        "character itself",
        "escape \\u yang bukan karakter (mis. surrogate tunggal \\ud800); tulis karakternya "
        "langsung"),
    "did not find expected <document start>": Msg(
        "text after the end of the document ('...' or a closing bracket); delete it",
        "ada teks setelah akhir dokumen ('...' atau kurung tutup); hapus teks tersebut"),
    "found undefined tag handle": Msg(
        "tags are not allowed; remove the tag and write the plain value",
        "tag tidak diperbolehkan; hapus tag dan tulis nilainya saja"),
}
HINT_DIRECTIVE = Msg("delete the lines that start with %", "hapus baris yang diawali %")
HINT_OTHER = Msg("check the quotes, colons and indentation at this position",
                 "periksa tanda petik, titik dua, dan indentasi pada posisi ini")
