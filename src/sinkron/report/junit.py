"""JUnit XML for GitLab, Jenkins and other CI test views: one testsuite per file."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from itertools import groupby
from typing import TextIO

from sinkron.findings import Finding, Report
from sinkron.i18n import Lang, Msg
from sinkron.report import rendering
from sinkron.report.common import xml_text
from sinkron.report.safe import inert
from sinkron.store import FindingStore

CLEAN = Msg("no findings", "tidak ada temuan")
WAIVED = Msg("waived: {reason}", "dikecualikan: {reason}")
NO_FILE = "sinkron"


def _text(value: object) -> str:
    return xml_text(inert(str(value)))


def _case(f: Finding, lang: Lang) -> ET.Element:
    message = f.message.get(lang)
    case = ET.Element("testcase", {
        "classname": _text(f.location.file or NO_FILE),
        "name": _text(f"{f.code} {f.name} {f.location}"),
    })
    if f.location.file:
        case.set("file", _text(f.location.file))
        if f.location.line:
            case.set("line", str(f.location.line))
    if f.waived:
        ET.SubElement(case, "skipped", {
            "message": _text(WAIVED(reason=f.waive_reason or "").get(lang))})
        return case
    failure = ET.SubElement(case, "failure", {"type": f"{f.code} {f.severity.value}",
                                              "message": _text(message)})
    lines = [f"{f.location}: {f.code} {f.name} [{f.severity.value}]", message]
    lines += [f"{k}: {v}" for k, v in (("village", f.village), ("indicator", f.indicator),
                                       ("activity", f.activity), ("year", f.year)) if v]
    lines += [f"related: {r}" for r in f.related]
    failure.text = "\n".join(_text(line) for line in lines)
    return case


def _suites(report: Report) -> dict[str, list[int]]:
    """Every file the run touched, in report order (targets, plans read, files with findings)
    with its [findings, waived] counts."""
    names = ([report.targets] if report.targets else []) + list(report.files_read)
    suites = {name: [0, 0] for name in names}
    for file in sorted(report.findings.files):  # the order findings come in
        tally = report.findings.files[file]
        counts = suites.setdefault(file or NO_FILE, [0, 0])
        counts[0] += tally.active + tally.waived
        counts[1] += tally.waived
    return suites


def _in_suite_order(report: Report, rank: dict[str, int]) -> Iterable[Finding]:
    """The findings grouped by suite: as they are when suites follow the findings' order,
    else sorted again (in bounded memory) by suite, keeping their order within each."""
    ranks = [rank[file or NO_FILE] for file in sorted(report.findings.files)]
    if ranks == sorted(ranks):
        return report.findings
    return FindingStore(report.findings, key=lambda f: (rank[f.location.file or NO_FILE],
                                                         f.sort_key()))


def _tag(tag: str, attrs: dict[str, str]) -> str:
    """The start tag of an element, escaped as ElementTree escapes it."""
    return ET.tostring(ET.Element(tag, attrs), "unicode")[:-3] + ">"


def write(report: Report, lang: Lang, out: TextIO) -> None:
    """The JUnit XML document into `out`, one testcase at a time (as ET.indent lays it out)."""
    suites = _suites(report)
    totals = {"tests": sum(max(n, 1) for n, _ in suites.values()),
              "failures": sum(n - w for n, w in suites.values()), "errors": 0,
              "skipped": sum(w for _, w in suites.values())}
    root = {"name": "sinkron", **{k: str(v) for k, v in totals.items()}}
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    if not suites:
        out.write(ET.tostring(ET.Element("testsuites", root), "unicode") + "\n")
        return
    out.write(_tag("testsuites", root))
    findings = groupby(_in_suite_order(report, {n: i for i, n in enumerate(suites)}),
                       key=lambda f: f.location.file or NO_FILE)
    group = next(findings, None)
    for name, (n, waived) in suites.items():
        attrs = {"name": _text(name), "tests": str(max(n, 1)), "failures": str(n - waived),
                 "errors": "0", "skipped": str(waived)}
        if n == 0:
            suite = ET.Element("testsuite", attrs)
            ET.SubElement(suite, "testcase", {"classname": _text(name),
                                              "name": CLEAN().get(lang), "file": _text(name)})
            ET.indent(suite, level=1)
            out.write("\n  " + ET.tostring(suite, "unicode"))
            continue
        assert group is not None and group[0] == name
        out.write("\n  " + _tag("testsuite", attrs))
        for f in group[1]:
            case = _case(f, lang)
            ET.indent(case, level=2)
            out.write("\n    " + ET.tostring(case, "unicode"))
        out.write("\n  </testsuite>")
        group = next(findings, None)
    out.write("\n</testsuites>\n")


render = rendering(write)  # the whole report as one string: for small reports and tests
