"""Write a file all at once: a temporary file in the same folder, then os.replace."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any


def write_atomic(path: Path, write: Callable[[Path], Any]) -> None:
    """Call `write(tmp)` and rename tmp to `path`; a failure leaves `path` untouched."""
    folder = path.resolve().parent
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def save_workbook(wb: Any, path: Path) -> None:
    """Save an openpyxl workbook atomically."""
    write_atomic(path, lambda tmp: wb.save(tmp))


def save_text(text: str, path: Path) -> None:
    write_atomic(path, lambda tmp: tmp.write_text(text, "utf-8"))
