"""Speed helper for the check loop: a paused garbage collector.

Loading a plan creates tens of thousands of small objects, nearly all freed by reference
counting; Python's cyclic collector still walks the survivors again and again while they are
made (about 10% of a check here). The loop runs with it paused, and a young-generation sweep
every `SWEEP_EVERY` files keeps memory bounded should some plan leave a reference cycle.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

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
