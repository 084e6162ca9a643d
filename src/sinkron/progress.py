"""The progress bar `sinkron check` draws on stderr while many plan files load."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TYPE_CHECKING, Any

from sinkron.i18n import Lang, Msg

if TYPE_CHECKING:  # rich is imported when a bar is drawn: a run in CI or a pipe never draws
    from rich.console import Console
    from rich.progress import Progress

# Below this many files a run is over before a bar would be read: it would only flicker.
MIN_FILES = 20

M_READING = Msg("Reading plans", "Membaca rencana desa")


def wanted(quiet: bool, stream: object = None) -> bool:
    """A bar only on a terminal (stderr, where it is drawn) and unless --quiet/--no-progress."""
    target = stream if stream is not None else sys.stderr
    isatty = getattr(target, "isatty", None)
    return not quiet and callable(isatty) and bool(isatty())


class LoadProgress:
    """The `progress(done, total)` callback of pipeline.check, drawing a transient bar.

    Use it as a context manager so the bar is taken down even when the run fails.
    """

    def __init__(self, lang: Lang, enabled: bool, console: Console | None = None,
                 min_files: int = MIN_FILES) -> None:
        self.enabled = enabled
        self.min_files = min_files
        self.label = M_READING().get(lang)
        self.console = console
        self._bar: Progress | None = None
        self._task: Any = 0  # rich's TaskID

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < self.min_files:
            return
        if self._bar is None:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            # NO_COLOR is honoured by rich's Console itself
            console = self.console or Console(stderr=True)
            self._bar = Progress(TextColumn("{task.description}"), BarColumn(),
                                 MofNCompleteColumn(), TimeElapsedColumn(),
                                 console=console, transient=True)
            self._bar.start()
            self._task = self._bar.add_task(self.label, total=total)
        self._bar.update(self._task, completed=done, total=total)

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def __enter__(self) -> LoadProgress:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
