"""Time reading a regency-sized plans workbook: 250 villages x 100 activities.

Run: PYTHONPATH=src python -m benchmarks.xlsx_read [VILLAGES] [ACTIVITIES_PER_VILLAGE]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

from sinkron.load.xlsx import read_plans_workbook
from sinkron.reference import register
from sinkron.rules.registry import code_names


def build(path: Path, villages: int, per_village: int) -> int:
    """A write-only workbook in the plans layout; returns the number of activities."""
    regions = register("35.05")
    codes = sorted(c for c, r in regions.items() if r.level == "village")[:villages]
    wb = Workbook(write_only=True)
    desa, funds, ind, act = (wb.create_sheet(n) for n in ("desa", "sumber_dana", "indikator",
                                                           "kegiatan"))
    desa.append(["kode_desa", "nama_desa", "kecamatan", "jumlah_penduduk", "dokumen", "tahun",
                 "children_under_5"])
    funds.append(["kode_desa", "sumber_dana", "jumlah"])
    ind.append(["kode_desa", "indikator", "tahun_baseline", "nilai_baseline", "sumber_data",
                "tahun_target", "nilai_target"])
    act.append(["kode_desa", "kode_kegiatan", "nama_kegiatan", "mendukung", "pagu",
                "sumber_dana", "volume", "satuan", "lokasi"])
    count = 0
    for code in codes:
        region = regions[code]
        desa.append([code, region.name, regions[code[:8]].name, 4000, "RKPDes", 2025, 300])
        funds.append([code, "DD", 900_000_000])
        ind.append([code, "stunting", 2024, 15.1, "e-PPGBM", 2025, 13.0])
        for n in range(per_village):
            act.append([code, f"2.2.{n % 6 + 1:02d}", f"Kegiatan {n}", "stunting", 1_000_000,
                        "DD", 12, "bulan", "Dusun Krajan"])
            count += 1
    wb.save(path)
    return count


def main() -> None:
    villages = int(sys.argv[1]) if len(sys.argv) > 1 else 250
    per_village = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plans.xlsx"
        activities = build(path, villages, per_village)
        started = time.perf_counter()
        reads = list(read_plans_workbook(path, "plans.xlsx", code_names()))
        took = time.perf_counter() - started
        read = sum(len(r.plan.activities) for r in reads if r.plan)
        print(f"{path.stat().st_size / 1e6:.1f} MB, {len(reads)} villages, {read}/{activities} "
              f"activities read in {took:.2f} s ({activities / took:,.0f} activities/s)")


if __name__ == "__main__":
    main()
