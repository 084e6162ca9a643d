"""Opening an input file safely: an ordinary file of bounded size, never a pipe or device.

YAML plans and workbooks go through the same door. The file is opened without blocking and
checked on the open descriptor (not by name first and opened later, which a swap in between
would defeat): a named pipe would block forever, a link to /dev/zero would fill the memory,
a terminal would wait for typing.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from sinkron.findings import Location, Problem
from sinkron.i18n import Msg

M_READ = Msg("cannot read the file: {error}", "berkas tidak dapat dibaca: {error}")
M_NOT_REGULAR = Msg("not an ordinary file (a pipe, socket or device); put the plan in a file",
                    "bukan berkas biasa (pipe, soket, atau perangkat); simpan rencana dalam "
                    "berkas")

FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) \
    | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def open_regular(path: Path, name: str, limit: int, too_big: Msg,
                 where: Location) -> tuple[BinaryIO | None, Problem | None]:
    """The open file, or None and one SK001: not an ordinary file, over `limit` bytes
    (`too_big(size, limit)` at `where`), or unreadable."""
    try:
        fd = os.open(path, FLAGS)
    except OSError as exc:
        return None, Problem("SK001", M_READ(error=exc.strerror or str(exc)), Location(name))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            os.close(fd)
            return None, Problem("SK001", M_NOT_REGULAR(), Location(name))
        if info.st_size > limit:
            os.close(fd)
            return None, Problem("SK001", too_big(size=info.st_size, limit=limit), where)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb"), None
    except OSError as exc:
        os.close(fd)
        return None, Problem("SK001", M_READ(error=exc.strerror or str(exc)), Location(name))
