"""Speed helpers for the check loop: a paused garbage collector and a remembering Context.

Loading a plan creates tens of thousands of small objects, nearly all freed by reference
counting; Python's cyclic collector still walks the survivors again and again while they are
made (about 10% of a check here). The loop runs with it paused, and a young-generation sweep
every `SWEEP_EVERY` files keeps memory bounded should some plan leave a reference cycle.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sinkron.model.targets import Indicator
from sinkron.rules.context import Context

SWEEP_EVERY = 256


@contextmanager
def paused_gc() -> Iterator[None]:
    """Freeze what exists (targets, reference data), pause collection; undo both after."""
    was_enabled = gc.isenabled()
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        if was_enabled:
            gc.enable()


def sweep(n: int) -> None:
    """Collect the young generations every SWEEP_EVERY files (cheap: only new objects)."""
    if n % SWEEP_EVERY == SWEEP_EVERY - 1 and not gc.isenabled():
        gc.collect(1)


@dataclass
class RememberingContext(Context):
    """A Context that remembers per activity code which indicators it maps to.

    Targets do not change during a run, and a regency's plans use a few hundred distinct
    codes for hundreds of thousands of activities, so `supported` (asked for every activity
    by rules and summaries, and built on `by_code` and `indicator_ids`) stops re-matching
    every code pattern each time.
    """

    _by_code: dict[str, list[Indicator]] = field(default_factory=dict, repr=False)
    _exempt: dict[str, bool] = field(default_factory=dict, repr=False)
    _ids: frozenset[str] | None = field(default=None, repr=False)

    def by_code(self, code: str) -> list[Indicator]:
        got = self._by_code.get(code)
        if got is None:
            got = self._by_code[code] = super().by_code(code)
        return list(got)

    @property
    def indicator_ids(self) -> frozenset[str]:
        if self._ids is None:
            self._ids = frozenset(i.id for i in self.targets.indicators)
        return self._ids

    def exempt(self, code: str) -> bool:
        got = self._exempt.get(code)
        if got is None:
            got = self._exempt[code] = super().exempt(code)
        return got
