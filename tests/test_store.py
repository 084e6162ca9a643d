"""The finding store: spilled runs merge back into exactly the order of one stable sort, and
every reporter writes the same bytes from a spilled store as from one held in memory."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sinkron import store as store_module
from sinkron.findings import Finding, Location, Report, Severity
from sinkron.i18n import Text
from sinkron.report import Format, render_file, reporter
from sinkron.report.json import _envelope, finding_dict
from sinkron.report.jsonstream import dumps
from sinkron.report.text import render as text
from sinkron.store import FindingStore
from tests.report_sample import sample_report

ODD = st.lists(st.characters() | st.sampled_from(
    ["\x00", "\x1b[31m", "\u202e", "\u2028", '"', "\\", "\ud800", "\ufffe", "é", "🙂"]),
    max_size=8).map("".join)


def _finding(rng: random.Random, n: int) -> Finding:
    """Few distinct keys, so many findings tie and the merge must keep their order."""
    file = rng.choice(["plans/b.yaml", "plans/a/z.yaml", "", "plans/x.xlsx"])
    loc = (Location(file, sheet="kegiatan", cell=rng.choice(["B7", "AA2", "B10"]))
           if file.endswith("xlsx") else Location(file, rng.choice([None, 3, 12]), 5))
    waived = rng.random() < 0.2
    return Finding(rng.choice(["SK201", "SK105", "SK000"]), f"name-{n}",
                   rng.choice(list(Severity)), Text(rng.choice(["m", "n"]), f"id {n}"), loc,
                   village=rng.choice([None, "35.05.04.2014"]), year=2025, waived=waived,
                   waive_reason="disepakati" if waived else None,
                   related=(Location("plans/c.yaml", n, 1),) if n % 7 == 0 else ())


def _findings(count: int, seed: int = 1) -> list[Finding]:
    rng = random.Random(seed)
    return [_finding(rng, n) for n in range(count)]


def test_spilled_runs_merge_into_the_order_of_a_stable_sort() -> None:
    findings = _findings(1000)
    store = FindingStore(findings, bound=37)
    assert store.spilled == 1000 // 37
    want = sorted(findings, key=Finding.sort_key)
    assert list(store) == want
    assert [id(f) for f in store] != [id(f) for f in want]  # they came back from disk...
    assert [f.name for f in store] == [f.name for f in want]  # ...in the order of the sort
    assert len(store) == 1000 and list(store) == want  # a second pass gives the same


def test_two_passes_may_interleave_and_adding_later_still_sorts() -> None:
    findings = _findings(300, seed=2)
    store = FindingStore(findings[:200], bound=16)
    a, b = iter(store), iter(store)
    pairs = list(zip(a, b, strict=True))
    assert all(x == y for x, y in pairs) and len(pairs) == 200
    store.extend(findings[200:])
    assert [f.name for f in store] == [f.name for f in sorted(findings, key=Finding.sort_key)]


def test_many_runs_are_merged_into_one_and_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "MAX_RUNS", 3)
    findings = _findings(500, seed=3)
    store = FindingStore(findings, bound=10)
    assert store.spilled <= 3
    assert [f.name for f in store] == [f.name for f in sorted(findings, key=Finding.sort_key)]
    runs = list(store._runs)
    store.close()
    assert runs and all(run.closed for run in runs) and store.spilled == 0


def test_counts_are_kept_as_findings_come() -> None:
    findings = _findings(400, seed=4)
    store = FindingStore(findings, bound=25)
    active = [f for f in findings if not f.waived]
    assert store.waived == len(findings) - len(active)
    assert dict(store.severities) == {s.value: n for s in Severity
                                      if (n := sum(f.severity is s for f in active))}
    assert sum(store.codes.values()) == len(active)
    assert store.any_codes == {f.code for f in findings}
    assert {k: (t.active, t.waived) for k, t in store.files.items()} == {
        file: (sum(f.location.file == file and not f.waived for f in findings),
               sum(f.location.file == file and f.waived for f in findings))
        for file in {f.location.file for f in findings}}
    assert list(store.active()) == [f for f in store if not f.waived]


def test_a_small_run_never_touches_the_disk() -> None:
    report = sample_report()
    assert report.findings.spilled == 0 and store_module.BOUND >= 50_000
    assert report.findings[0] == next(iter(report.findings)) and report.findings != []


@pytest.mark.parametrize("shuffled", [False, True])
def test_every_format_is_the_same_from_a_spilled_store(shuffled: bool) -> None:
    findings = _findings(400, seed=5)
    report = sample_report()
    report.findings = findings
    if shuffled:  # plan files read in an order that is not the findings': JUnit sorts again
        report.files_read = ["plans/x.xlsx", "plans/b.yaml", "plans/a/z.yaml"]
    outputs = {fmt: reporter(fmt)(report, "id") for fmt in Format}
    files = {kind: render_file(kind, report, "en") for kind in ("json", "sarif", "junit")}
    colour = text(report, "en", color=True)
    report.findings = FindingStore(findings, bound=9)
    assert report.findings.spilled > 10
    assert {fmt: reporter(fmt)(report, "id") for fmt in Format} == outputs
    assert {kind: render_file(kind, report, "en") for kind in ("json", "sarif", "junit")} == files
    assert text(report, "en", color=True) == colour


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | ODD,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ODD, inner, max_size=4),
    max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES)
def test_streamed_json_is_what_json_dumps_writes(value: object) -> None:
    assert dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)


LOCATIONS = st.builds(Location, ODD, st.none() | st.integers(0, 10**6),
                      st.none() | st.integers(0, 999), st.none() | ODD, st.none() | ODD)
FINDINGS = st.builds(
    Finding, ODD, ODD, st.sampled_from(list(Severity)), st.builds(Text, ODD, ODD), LOCATIONS,
    village=st.none() | ODD, indicator=st.none() | ODD, activity=st.none() | ODD,
    year=st.none() | st.integers(), related=st.lists(LOCATIONS, max_size=2).map(tuple),
    waived=st.booleans(), waive_reason=st.none() | ODD)


@settings(max_examples=80, deadline=None)
@given(st.lists(FINDINGS, max_size=6), st.sampled_from(["en", "id"]))
def test_the_json_report_is_byte_identical_to_json_dumps(findings: list[Finding],
                                                         lang: str) -> None:
    report = Report("targets.yaml", findings=findings, files=2)
    whole = {**_envelope(report), "findings": [finding_dict(f, lang) for f in  # type: ignore[arg-type]
                                               sorted(findings, key=Finding.sort_key)]}
    want = json.dumps(whole, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    assert reporter(Format.json)(report, lang) == want  # type: ignore[arg-type]
