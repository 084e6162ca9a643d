"""The sheets and columns of the workbook layouts (formats.md, "Excel layouts").

Names match after normalising: lower case, text in parentheses dropped, spaces, underscores
and hyphens removed, so "Pagu (Rp)", "pagu" and "PAGU" are one column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARENS = re.compile(r"\([^)]*\)")
_SEPARATORS = re.compile(r"[\s_\-]+")


def normalise(text: object) -> str:
    """ "Pagu (Rp)" -> "pagu"; "Kode_Desa" -> "kodedesa"."""
    return _SEPARATORS.sub("", _PARENS.sub("", str(text)).lower())


@dataclass(frozen=True)
class Column:
    key: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    kind: str = "text"  # text | code | list | money | decimal | year | whole | flag (templates)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.key, *self.aliases)

    @property
    def label(self) -> str:
        """How messages and templates name the column: `code (kode_desa)`."""
        return f"{self.aliases[0]} ({self.key})" if self.aliases else self.key


@dataclass(frozen=True)
class Layout:
    key: str
    aliases: tuple[str, ...]
    columns: tuple[Column, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.key, *self.aliases)

    @property
    def label(self) -> str:
        return f"{self.aliases[0]} ({self.key})" if self.aliases else self.key

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def lookup(self) -> dict[str, str]:
        """normalised header -> column key."""
        return {normalise(n): c.key for c in self.columns for n in c.names}


# Columns a planner often adds that carry nothing to check: read past without a finding.
IGNORED = frozenset({"no", "no.", "nomor", "keterangan", "catatan", "notes", "remarks"})

VILLAGE = Column("village", ("kode_desa",), kind="code")
WAIVE = (Column("waive_code", ("kode_pengecualian",), kind="list"),
         Column("waive_reason", ("alasan_pengecualian",)))

VILLAGES = Layout("villages", ("desa",), (
    Column("code", ("kode_desa",), True, "code"),
    Column("name", ("nama_desa",), True),
    Column("district", ("kecamatan",), True),
    Column("population", ("jumlah_penduduk",), True, "whole"),
    Column("document", ("dokumen",), True),
    Column("year", ("tahun",), True, "year"),
    *WAIVE,
))
FUNDS = Layout("funds", ("sumber_dana",), (
    VILLAGE,
    Column("fund", ("sumber_dana",), True),
    Column("amount", ("jumlah",), True, "money"),
))
INDICATORS = Layout("indicators", ("indikator",), (
    VILLAGE,
    Column("id", ("indikator",), True),
    Column("baseline_year", ("tahun_baseline",), kind="year"),
    Column("baseline_value", ("nilai_baseline",), kind="decimal"),
    Column("baseline_source", ("sumber_data",)),
    Column("target_year", ("tahun_target",), kind="year"),
    Column("target_value", ("nilai_target",), kind="decimal"),
))
ACTIVITIES = Layout("activities", ("kegiatan",), (
    VILLAGE,
    Column("code", ("kode_kegiatan",), True, "code"),
    Column("name", ("nama_kegiatan",), True),
    Column("supports", ("mendukung",), kind="list"),
    Column("budget", ("pagu", "anggaran"), True, "money"),
    Column("fund", ("sumber_dana",), True),
    Column("output_volume", ("volume",), kind="decimal"),
    Column("output_unit", ("satuan",)),
    Column("location", ("lokasi",)),
    *WAIVE,
))
PLAN_SHEETS = (VILLAGES, FUNDS, INDICATORS, ACTIVITIES)

T_INDICATORS = Layout("indicators", ("indikator",), (
    Column("id", ("indikator", "id_indikator"), True),
    Column("name", ("nama", "nama_indikator"), True),
    Column("unit", ("satuan",), True),
    Column("direction", ("arah",), True),
    Column("weight", ("bobot",)),
    Column("priority", ("prioritas",), kind="flag"),
    Column("project", ("proyeksi",), kind="flag"),
    Column("baseline_year", ("tahun_baseline",), kind="year"),
    Column("baseline_value", ("nilai_baseline",), kind="decimal"),
    Column("baseline_source", ("sumber_data",)),
    Column("activity_codes", ("kode_kegiatan",), kind="list"),
))
T_TARGETS = Layout("targets", ("target",), (
    Column("indicator", ("indikator",), True),
    Column("year", ("tahun",), True, "year"),
    Column("value", ("nilai",), kind="decimal"),
    Column("min", ("minimum",), kind="decimal"),
    Column("max", ("maksimum",), kind="decimal"),
))
T_FUND_SHARES = Layout("fund_shares", ("porsi_dana",), (
    Column("id", (), True),
    Column("name", ("nama",)),
    Column("fund", ("sumber_dana",), True),
    Column("min_share", ("porsi_minimum",), kind="decimal"),
    Column("max_share", ("porsi_maksimum",), kind="decimal"),
    Column("codes", ("kode_kegiatan",), kind="list"),
    Column("supports", ("mendukung",), kind="list"),
    Column("years", ("tahun",), kind="list"),
))
T_SETTINGS = Layout("settings", ("pengaturan",), (
    Column("key", ("kunci",), True),
    Column("value", ("nilai",)),
))
TARGET_SHEETS = (T_INDICATORS, T_TARGETS, T_FUND_SHARES, T_SETTINGS)

# settings keys (normalised) -> path in targets; lists and mappings are read as in cells
SETTINGS: dict[str, tuple[str, ...]] = {
    "regency.code": ("regency", "code"),
    "regency.name": ("regency", "name"),
    "regency.villages": ("regency", "villages"),
    "document": ("document",),
    "period.start": ("period", "start"),
    "period.end": ("period", "end"),
    "policy.exempt_codes": ("policy", "exempt_codes"),
    "policy.baseline_max_age": ("policy", "baseline_max_age"),
    "policy.projection_min_share": ("policy", "projection_min_share"),
    "policy.ignore": ("policy", "ignore"),
}
SETTINGS_ALIASES = {
    "kabupaten.kode": "regency.code", "kode_kabupaten": "regency.code",
    "kabupaten.nama": "regency.name", "nama_kabupaten": "regency.name",
    "kabupaten.jumlah_desa": "regency.villages", "jumlah_desa": "regency.villages",
    "dokumen": "document", "periode.awal": "period.start", "periode.akhir": "period.end",
}
LIST_SETTINGS = frozenset({"policy.exempt_codes", "policy.ignore"})


def split_list(value: object) -> list[object]:
    """A list cell: "stunting; aki" or "2.2.01, 2.4.*" -> items; a number is one item."""
    if isinstance(value, str):
        return [part.strip() for part in re.split(r"[,;]", value) if part.strip()]
    return [value]
