"""Findings in bounded memory: an external sort (like sort(1)) in Finding order.

Findings are added as they come; up to `bound` of them stay in memory, then they are sorted
and spilled as one run to an anonymous temporary file (the system removes it when it is
closed or the process ends, Ctrl-C and crashes included). Iterating merges the runs with
heapq.merge, which is stable: findings with equal keys come out in the order they were
added, exactly as a stable sort of one list would give. Counts are kept as findings are added,
so summaries and exit codes never need a pass over the findings.
"""

from __future__ import annotations

import heapq
import pickle
import tempfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from operator import methodcaller
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:  # findings.py holds the Report, which holds a store
    from sinkron.findings import Finding

# 50,000 findings are about 40 MB: no test, example or regency run ever spills, a national
# run (about 2 million findings) writes some 40 runs of about 18 MB each
BOUND = 50_000
CHUNK = 500  # findings per pickle in a run: what a merge holds of each run at once
MAX_RUNS = 32  # beyond this the runs are merged into one, so few files stay open

Key = Callable[["Finding"], Any]
SORT_KEY: Key = methodcaller("sort_key")  # Finding.sort_key


class FileTally:
    """Findings of one file: unwaived and waived (JUnit's failures and skipped)."""

    __slots__ = ("active", "waived")

    def __init__(self) -> None:
        self.active = 0
        self.waived = 0


class FindingStore:
    """Findings, iterated in `key` order (Finding.sort_key unless told), memory bounded."""

    def __init__(self, findings: Iterable[Finding] = (), bound: int = BOUND,
                 key: Key = SORT_KEY) -> None:
        self.key = key
        self.bound = max(bound, 1)
        self._buffer: list[Finding] = []
        self._sorted = True
        self._runs: list[IO[bytes]] = []
        self._size = 0
        self.severities: Counter[str] = Counter()  # unwaived, by severity value
        self.waived = 0
        self.codes: Counter[tuple[str, str, str]] = Counter()  # unwaived: code, name, severity
        self.files: dict[str, FileTally] = {}  # by location.file, in the order first met
        self.any_codes: set[str] = set()  # codes of every finding, waived or not
        self.extend(findings)

    # -- adding ---------------------------------------------------------------------------

    def add(self, f: Finding) -> None:
        """Keep one finding (spilling a sorted run when the bound is reached)."""
        self._buffer.append(f)
        self._sorted = False
        self._size += 1
        tally = self.files.get(f.location.file)
        if tally is None:
            tally = self.files[f.location.file] = FileTally()
        self.any_codes.add(f.code)
        if f.waived:
            self.waived += 1
            tally.waived += 1
        else:
            self.severities[f.severity.value] += 1
            self.codes[(f.code, f.name, f.severity.value)] += 1
            tally.active += 1
        if len(self._buffer) >= self.bound:
            self._spill()

    def extend(self, findings: Iterable[Finding]) -> None:
        """Keep each of `findings` (a worker's findings may come sorted: that sorts fastest)."""
        for f in findings:
            self.add(f)

    def append(self, f: Finding) -> None:
        """As `add` (list-like, for small callers)."""
        self.add(f)

    # -- spilling and merging -------------------------------------------------------------

    def _spill(self) -> None:
        self._buffer.sort(key=self.key)
        self._runs.append(_write_run(self._buffer))
        self._buffer = []
        self._sorted = True
        if len(self._runs) > MAX_RUNS:
            merged = _write_run(heapq.merge(*map(_read_run, self._runs), key=self.key))
            self.close()
            self._runs = [merged]

    @property
    def spilled(self) -> int:
        """How many runs went to disk (0 for every small run)."""
        return len(self._runs)

    def __iter__(self) -> Iterator[Finding]:
        """Every finding in key order; each iteration is a fresh pass."""
        if not self._sorted:
            self._buffer.sort(key=self.key)  # stable: equal keys keep the order they came in
            self._sorted = True
        if not self._runs:
            return iter(list(self._buffer))  # a copy: adding while iterating changes nothing
        # the buffer holds the latest findings, so it goes last to keep ties in order
        return heapq.merge(*map(_read_run, self._runs), list(self._buffer), key=self.key)

    def active(self) -> Iterator[Finding]:
        """The unwaived findings, in order."""
        return (f for f in self if not f.waived)

    def close(self) -> None:
        """Drop the runs on disk (the files vanish with their handles)."""
        for run in self._runs:
            run.close()
        self._runs = []

    def __del__(self) -> None:
        self.close()

    # -- a list's manners, for tests and small callers ------------------------------------

    def __len__(self) -> int:
        return self._size

    def __bool__(self) -> bool:
        return self._size > 0

    def __getitem__(self, index: int) -> Finding:
        """The finding at `index` in order (walks the store: for small stores)."""
        return list(self)[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FindingStore | list | tuple):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"FindingStore({len(self)} findings, {self.spilled} runs on disk)"


def _write_run(findings: Iterable[Finding]) -> IO[bytes]:
    """Sorted findings into an anonymous temporary file, in chunks: each pickled, compressed
    (zlib's fastest level: messages repeat their words, the file shrinks several times, which
    matters where the temporary folder lives in memory) and preceded by its length."""
    run = tempfile.TemporaryFile(prefix="sinkron-findings-")  # noqa: SIM115 - the store closes it
    try:
        chunk: list[Finding] = []
        for f in findings:
            chunk.append(f)
            if len(chunk) >= CHUNK:
                _write_chunk(run, chunk)
                chunk = []
        if chunk:
            _write_chunk(run, chunk)
        run.flush()
    except BaseException:
        run.close()
        raise
    return run


def _write_chunk(run: IO[bytes], chunk: list[Finding]) -> None:
    data = zlib.compress(pickle.dumps(chunk, pickle.HIGHEST_PROTOCOL), 1)
    run.write(len(data).to_bytes(8, "little") + data)


def _read_run(run: IO[bytes]) -> Iterator[Finding]:
    """A run's findings; it seeks before each chunk, so several passes may interleave."""
    at = 0
    while True:
        run.seek(at)
        head = run.read(8)
        if len(head) < 8:
            return
        size = int.from_bytes(head, "little")
        at += 8 + size
        chunk: list[Finding] = pickle.loads(zlib.decompress(run.read(size)))  # our own file
        yield from chunk
