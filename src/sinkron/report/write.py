"""Writing a report file atomically: a failed run never leaves a half-written report."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from sinkron.i18n import Msg, Text

M_CANNOT_WRITE = Msg("cannot write the report {path}: {reason}",
                     "laporan {path} tidak dapat ditulis: {reason}")
M_IS_INPUT = Msg("the report {path} would overwrite an input file; choose another name",
                 "laporan {path} akan menimpa berkas masukan; pilih nama lain")
M_IN_PLANS = Msg("the report {path} lies in a plans folder and would be read as a plan next "
                 "time; write it elsewhere",
                 "laporan {path} berada di folder rencana dan akan terbaca sebagai rencana "
                 "pada pemeriksaan berikutnya; simpan di tempat lain")


class ReportError(Exception):
    """A report file cannot be written (exit 2); the message is one line in both languages."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


def _mode(path: Path) -> int:
    """The existing file's permissions, else what the umask gives a new file."""
    with contextlib.suppress(OSError):
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write through `write` into a temporary file beside `path`, fsync, then rename over it."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise ReportError(M_CANNOT_WRITE(path=path, reason=exc.strerror or exc)) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode(path))
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise ReportError(M_CANNOT_WRITE(path=path, reason=exc.strerror or exc)) from exc
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); not every system can open a folder."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically."""

    def put(fh: BinaryIO) -> None:
        fh.write(data)

    write_atomic(path, put)


def guard_inputs(path: Path, inputs: Iterable[str | Path], plan_folders: Iterable[str]) -> None:
    """Refuse a report path that is an input file, or a workbook inside a plans folder."""
    real = path.resolve()
    if any(Path(p).resolve() == real for p in inputs):
        raise ReportError(M_IS_INPUT(path=path))
    if path.suffix.lower() == ".xlsx":
        for folder in plan_folders:
            base = Path(folder).resolve()
            if base.is_dir() and real.is_relative_to(base):
                raise ReportError(M_IN_PLANS(path=path))
