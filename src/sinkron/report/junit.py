"""JUnit XML for GitLab, Jenkins and other CI test views: one testsuite per file."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from sinkron.findings import Finding, Report
from sinkron.i18n import Lang, Msg
from sinkron.report.common import xml_text
from sinkron.report.safe import inert

CLEAN = Msg("no findings", "tidak ada temuan")
WAIVED = Msg("waived: {reason}", "dikecualikan: {reason}")
NO_FILE = "sinkron"


def _text(value: object) -> str:
    return xml_text(inert(str(value)))


def _case(suite: ET.Element, f: Finding, lang: Lang) -> None:
    message = f.message.get(lang)
    case = ET.SubElement(suite, "testcase", {
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
        return
    failure = ET.SubElement(case, "failure", {"type": f"{f.code} {f.severity.value}",
                                              "message": _text(message)})
    lines = [f"{f.location}: {f.code} {f.name} [{f.severity.value}]", message]
    lines += [f"{k}: {v}" for k, v in (("village", f.village), ("indicator", f.indicator),
                                       ("activity", f.activity), ("year", f.year)) if v]
    lines += [f"related: {r}" for r in f.related]
    failure.text = "\n".join(_text(line) for line in lines)


def _files(report: Report) -> list[str]:
    """Every file the run touched, in report order: targets, plans read, files with findings."""
    files = ([report.targets] if report.targets else []) + list(report.files_read)
    files += [f.location.file or NO_FILE for f in report.findings]
    return list(dict.fromkeys(files))


def as_element(report: Report, lang: Lang) -> ET.Element:
    """The <testsuites> element."""
    by_file: dict[str, list[Finding]] = {name: [] for name in _files(report)}
    for f in report.findings:
        by_file[f.location.file or NO_FILE].append(f)
    root = ET.Element("testsuites", {"name": "sinkron"})
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for name, findings in by_file.items():
        suite = ET.SubElement(root, "testsuite", {"name": _text(name)})
        for f in findings:
            _case(suite, f, lang)
        if not findings:
            ET.SubElement(suite, "testcase", {"classname": _text(name),
                                              "name": CLEAN().get(lang), "file": _text(name)})
        counts = {"tests": max(len(findings), 1),
                  "failures": sum(1 for f in findings if not f.waived), "errors": 0,
                  "skipped": sum(1 for f in findings if f.waived)}
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        root.set(key, str(value))
    return root


def render(report: Report, lang: Lang) -> str:
    """The JUnit XML document as text."""
    root = as_element(report, lang)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
