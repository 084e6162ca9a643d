"""The CI formats: SARIF against its schema, GitHub annotations, JUnit, GitLab Code Quality."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from sinkron.i18n import Text
from sinkron.report import Format, reporter
from sinkron.report import github as gh
from sinkron.report.markdown import render as markdown
from sinkron.rules.registry import catalogue
from tests.report_sample import HOSTILE, INJECTION, sample_report

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())
ANNOTATION = re.compile(r"::(error|warning|notice) ((?:\w+=[^,:]*)(?:,\w+=[^,:]*)*)::(.*)")


def _sarif() -> dict[str, object]:
    got: dict[str, object] = json.loads(reporter(Format.sarif)(sample_report(), "en"))
    return got


def test_sarif_passes_the_schema() -> None:
    jsonschema.Draft4Validator(SCHEMA).validate(_sarif())


def test_sarif_rules_come_from_the_catalogue() -> None:
    run = _sarif()["runs"][0]  # type: ignore[index]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(catalogue())
    sk002 = next(r for r in rules if r["id"] == "SK002")
    assert sk002["name"] == "schema-violation"
    assert sk002["defaultConfiguration"]["level"] == "error"
    assert sk002["help"]["text"] and "```yaml" in sk002["help"]["markdown"]
    known = [r for r in run["results"] if r["ruleId"] in catalogue()]
    assert known  # codes other engineers have not registered yet carry no index
    for result in known:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_results_locations_and_suppressions() -> None:
    report = sample_report()
    results = _sarif()["runs"][0]["results"]  # type: ignore[index]
    assert len(results) == len(report.findings)
    by_code = {r["ruleId"]: r for r in results if r["ruleId"] != "SK201"}
    yaml_loc = by_code["SK002"]["locations"][0]["physicalLocation"]
    assert yaml_loc["artifactLocation"] == {"uri": "plans/plosorejo.yaml",
                                            "uriBaseId": "%SRCROOT%"}
    assert yaml_loc["region"] == {"startLine": 29, "startColumn": 5}
    book = by_code["SK105"]
    assert book["locations"][0]["logicalLocations"][0]["name"] == "kegiatan!B7"
    assert "kegiatan!B7" in book["message"]["text"]
    assert book["level"] == "warning" and by_code["SK004"]["level"] == "note"
    assert by_code["SK103"]["relatedLocations"][0]["logicalLocations"][0]["name"] == "desa!A2"
    waived = [r for r in results if "suppressions" in r]
    assert len(waived) == 1
    assert waived[0]["suppressions"] == [{"kind": "external", "status": "accepted",
                                          "justification": "Akses jalan ke Posyandu, | disepakati"}]
    texts = [r["message"]["text"] for r in results]
    assert not any("\x1b" in t or "\u202e" in t for t in texts)
    assert any("\\u001b[31m" in t for t in texts)  # shown, not obeyed


def test_sarif_fingerprints_are_stable_and_unique() -> None:
    first = [r["partialFingerprints"] for r in _sarif()["runs"][0]["results"]]  # type: ignore[index]
    moved = sample_report()
    # a line inserted above every finding: the fingerprints must not change
    from dataclasses import replace

    moved.findings = [replace(f, location=replace(f.location, line=(f.location.line or 0) + 1))
                      for f in moved.findings]
    again = json.loads(reporter(Format.sarif)(moved, "id"))["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in again] == first
    assert len({fp["sinkron/v1"] for fp in first}) == len(first)


def _annotations() -> list[tuple[str, dict[str, str], str]]:
    out = []
    for line in reporter(Format.github)(sample_report(), "en").splitlines():
        m = ANNOTATION.fullmatch(line)
        assert m, line
        props = dict(p.split("=", 1) for p in m.group(2).split(","))
        out.append((m.group(1), props, m.group(3)))
    return out


def test_github_annotations_one_per_unwaived_finding() -> None:
    report = sample_report()
    got = _annotations()
    assert len(got) == len(report.active()) == len(report.findings) - 1
    kinds = {props["title"].split("%3A")[0].split()[0]: kind for kind, props, _ in got}
    assert kinds["SK002"] == "error" and kinds["SK201"] == "warning" and kinds["SK004"] == "notice"
    sk002 = next(p for _, p, _ in got if p["title"] == "SK002 schema-violation")
    assert (sk002["file"], sk002["line"], sk002["col"]) == ("plans/plosorejo.yaml", "29", "5")
    book = next(p for _, p, _ in got if p["title"].startswith("SK105"))
    assert book["line"] == "1" and "kegiatan!B7" in book["title"] and "col" not in book


def test_github_escaping() -> None:
    assert gh.escape_data("50% a\r\nb") == "50%25 a%0D%0Ab"
    assert gh.escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    report = sample_report()
    report.findings = [f for f in report.findings if f.activity == "2.3.11"]
    report.findings = [f.__class__(**{**{k: getattr(f, k) for k in f.__slots__},
                                      "waived": False}) for f in report.findings]
    line = reporter(Format.github)(report, "en")
    assert line.count("\n") == 1 and "\r" not in line and "\x1b" not in line
    assert "::error::pwned" in line  # inside the message, after the command's own '::'
    assert line.index("::error::pwned") > line.index("::activity")
    assert "%250A" in line  # a literal '%0A' in the plan cannot become a newline


def test_github_step_summary_is_appended_with_the_full_table(tmp_path: Path) -> None:
    target = tmp_path / "summary.md"
    target.write_text("before\n", "utf-8")
    report = sample_report()
    assert gh.append_step_summary(report, "id", {"GITHUB_STEP_SUMMARY": str(target)}) == target
    text = target.read_text("utf-8")
    assert text.startswith("before\n## sinkron")
    rows = [line for line in text.splitlines() if line.startswith("| plans")]
    assert len(rows) == len(report.findings)  # waived included, unlike annotations
    for row in rows:  # pipes in plan text are escaped: every row has exactly 4 cells
        assert len(re.split(r"(?<!\\)\|", row)) == 6
    assert "Proyeksi kabupaten" in text and "| stunting | 2025 |" in text
    assert "<b>" not in text and "\\<b\\>" in text
    assert gh.append_step_summary(report, "en", {}) is None


def test_step_summary_stays_under_githubs_limit() -> None:
    report = sample_report()
    report.findings = list(report.findings) * 2000
    text = markdown(report, "en", limit=100_000)
    assert len(text.encode()) <= 100_000
    assert "more findings are not shown here" in text


def test_junit_one_suite_per_file_and_one_case_per_finding() -> None:
    report = sample_report()
    root = ET.fromstring(reporter(Format.junit)(report, "en").encode())
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {"targets.yaml", *report.files_read, "plans/notes.txt"}
    cases = [c for s in suites.values() for c in s.iter("testcase")]
    failures = [c for c in cases if c.find("failure") is not None]
    skipped = [c for c in cases if c.find("skipped") is not None]
    assert len(failures) == len(report.active()) and len(skipped) == 1
    assert skipped[0].find("skipped").get("message") == (  # type: ignore[union-attr]
        "waived: Akses jalan ke Posyandu, | disepakati")
    clean = suites["plans/clean.yaml"]
    assert clean.get("tests") == "1" and clean.get("failures") == "0"
    assert [c.find("failure") for c in clean.iter("testcase")] == [None]
    assert root.get("failures") == str(len(report.active()))
    assert suites["plans/plosorejo.yaml"].get("tests") == "3"


def test_junit_holds_only_characters_xml_allows() -> None:
    report = sample_report()
    report.findings = [f.__class__(**{**{k: getattr(f, k) for k in f.__slots__},
                                      "waived": False, "message": Text(HOSTILE + "\ufffe", "")})
                       for f in report.findings]
    text = reporter(Format.junit)(report, "en")
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe]", text)
    messages = [f.get("message") for f in ET.fromstring(text.encode()).iter("failure")]
    assert messages and all(m and m.startswith("Jalan\\u0001desa") and "<b>x</b>" in m
                            for m in messages)


def test_junit_escapes_markup_in_attributes() -> None:
    report = sample_report()
    root = ET.fromstring(reporter(Format.junit)(report, "en").encode())
    messages = [f.get("message") or "" for f in root.iter("failure")]
    assert any(INJECTION in m for m in messages)


def test_gitlab_code_quality() -> None:
    report = sample_report()
    issues = json.loads(reporter(Format.gitlab)(report, "en"))
    assert len(issues) == len(report.active())
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["location"]["lines"]["begin"] >= 1
    severity = {i["check_name"]: i["severity"] for i in issues}
    assert (severity["SK002"], severity["SK201"], severity["SK004"]) == ("major", "minor", "info")
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    again = json.loads(reporter(Format.gitlab)(sample_report(), "id"))
    assert [i["fingerprint"] for i in again] == [i["fingerprint"] for i in issues]
    book = next(i for i in issues if i["check_name"] == "SK105")
    assert book["location"] == {"path": "plans/desa.xlsx", "lines": {"begin": 1}}
    assert "kegiatan!B7" in book["description"]


@pytest.mark.parametrize("fmt", [Format.sarif, Format.github, Format.junit, Format.gitlab,
                                 Format.json, Format.concise])
def test_plan_text_is_inert_in_every_format(fmt: Format) -> None:
    report = sample_report()
    report.findings = [f.__class__(**{**{k: getattr(f, k) for k in f.__slots__},
                                      "waived": False}) for f in report.findings]
    out = reporter(fmt)(report, "en")
    assert "\x1b" not in out and "\u202e" not in out and "\x01" not in out
    assert HOSTILE not in out
