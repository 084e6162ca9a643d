"""Packaged national reference data: the activity nomenclature and the region register."""

from __future__ import annotations

import csv
import gzip
import io
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name: str
    level: str  # province | regency | district | village
    kind: str  # kabupaten/kota for regencies, desa/kelurahan for villages


def _data(name: str) -> bytes:
    return resources.files("sinkron.data").joinpath(name).read_bytes()


@cache
def nomenclature() -> dict[str, str]:
    """Canonical activity code (and sub bidang / bidang) -> description."""
    rows = csv.DictReader(io.StringIO(_data("kegiatan_desa.csv").decode("utf-8")))
    return {row["id"]: row["uraian"] for row in rows}


@cache
def local_ranges() -> frozenset[str]:
    """Sub bidang codes whose kegiatan 90..99 are local activities (a `90-99` row)."""
    rows = csv.DictReader(io.StringIO(_data("kegiatan_desa.csv").decode("utf-8")))
    return frozenset(row["parent_id"] for row in rows if row["kode_lampiran"].endswith("90-99"))


@lru_cache(maxsize=4096)  # asked for every activity; a plan repeats a few hundred codes
def known_activity(code: str) -> bool:
    """True when `code` (canonical) is in Permendagri 20/2018 or a listed 90-99 range."""
    sub, _, k = code.rpartition(".")
    if k.isdigit() and 90 <= int(k) <= 99:
        return sub in local_ranges()
    return code in nomenclature()


@cache
def _register_lines() -> tuple[str, ...]:
    return tuple(gzip.decompress(_data("wilayah_indonesia.csv.gz")).decode("utf-8").splitlines())


@cache
def register(prefix: str) -> dict[str, Region]:
    """The regions whose code starts with `prefix` (a regency: "35.05"), by code."""
    lines = [ln for ln in _register_lines()[1:] if ln.startswith(prefix)]
    out: dict[str, Region] = {}
    for code, name, level, kind in csv.reader(lines):
        if code == prefix or code.startswith(prefix + "."):
            out[code] = Region(code, name, level, kind)
    return out


def villages_in(regency: str) -> int:
    """How many desa and kelurahan the register lists in a regency."""
    return sum(1 for r in register(regency).values() if r.level == "village")
