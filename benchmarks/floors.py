"""The floors sinkron is measured against: reading the same files and doing nothing else.

    python -m benchmarks.floors yaml DIR     # (a) every .yaml under DIR, PyYAML's C loader
    python -m benchmarks.floors xlsx FILE    # (b) every row of every sheet, openpyxl read-only

Both run in one process, as a plain script would; they print what they read (a sanity check
that the floor really read the data).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def yaml_floor(folder: Path) -> str:
    import yaml

    files = 0
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith((".yaml", ".yml")):
                with open(os.path.join(dirpath, name), "rb") as f:
                    yaml.load(f, Loader=yaml.CSafeLoader)
                files += 1
    return f"{files} YAML files"


def xlsx_floor(path: Path) -> str:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    rows = 0
    for ws in wb.worksheets:
        for _row in ws.iter_rows(values_only=True):
            rows += 1
    wb.close()
    return f"{rows} rows"


def main() -> None:
    kind, target = sys.argv[1], Path(sys.argv[2])
    print(yaml_floor(target) if kind == "yaml" else xlsx_floor(target))


if __name__ == "__main__":
    main()
