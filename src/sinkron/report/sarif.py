"""SARIF 2.1.0 for GitHub code scanning: rules from the catalogue, one result per finding."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TextIO

from sinkron import __version__
from sinkron.findings import Finding, Location, Report
from sinkron.i18n import Lang, Msg
from sinkron.report import rendering
from sinkron.report.common import cell_of, file_uri, identity, unique
from sinkron.report.jsonstream import marker, write_document
from sinkron.report.safe import inert
from sinkron.rules.registry import Example, Rule, catalogue

SCHEMA = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
          "sarif-schema-2.1.0.json")
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "sinkron/v1"

H_BAD = Msg("Fails", "Gagal")
H_GOOD = Msg("Passes", "Lolos")
H_MORE = Msg("`sinkron rules {code}` explains the rule with its examples.",
             "`sinkron rules {code}` menjelaskan aturan ini beserta contohnya.")
H_CELL = Msg("cell {cell}", "sel {cell}")
H_RELATED = Msg("same problem", "masalah yang sama")


def _plain(msg: Msg, lang: Lang) -> str:
    """A catalogue template without placeholders, as text."""
    text = msg.id if lang == "id" else msg.en
    return text.replace("{{", "{").replace("}}", "}")


def _fence(text: str) -> str:
    ticks = "```"
    while ticks in text:
        ticks += "`"
    return f"{ticks}yaml\n{text.rstrip()}\n{ticks}"


def _example(example: Example) -> str:
    parts = [*example.plans, example.targets or ""]
    return "\n\n".join(_fence(p) for p in parts if p.strip())


def rule_descriptor(rule: Rule, lang: Lang) -> dict[str, Any]:
    """The reportingDescriptor of one catalogue rule."""
    summary, why = _plain(rule.summary, lang), _plain(rule.why, lang)
    more = H_MORE(code=rule.code).get(lang)
    markdown = f"**{rule.code} {rule.name}**: {summary}\n\n{why}"
    for title, example in ((H_BAD, rule.bad), (H_GOOD, rule.good)):
        if _example(example):
            markdown += f"\n\n{title().get(lang)}:\n\n{_example(example)}"
    return {
        "id": rule.code, "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": f"{summary}. {why}"},
        "help": {"text": f"{why} {more}", "markdown": f"{markdown}\n\n{more}"},
        "defaultConfiguration": {"level": LEVEL[rule.severity.value]},
        "properties": {"tags": ["sinkron", rule.family]},
    }


def _physical(loc: Location) -> dict[str, Any]:
    uri, relative = file_uri(loc.file)
    artifact: dict[str, Any] = {"uri": uri}
    if relative:
        artifact["uriBaseId"] = "%SRCROOT%"
    # GitHub needs a line on every result; a workbook has none, so its first line stands in
    region: dict[str, Any] = {"startLine": loc.line or 1}
    if loc.line and loc.column:
        region["startColumn"] = loc.column
    return {"artifactLocation": artifact, "region": region}


def _location(loc: Location, lang: Lang) -> dict[str, Any]:
    out: dict[str, Any] = {"physicalLocation": _physical(loc)}
    if cell_of(loc):
        out["logicalLocations"] = [{"name": inert(cell_of(loc)), "kind": "element",
                                    "fullyQualifiedName": inert(f"{loc.file}[{cell_of(loc)}]")}]
        out["message"] = {"text": H_CELL(cell=inert(cell_of(loc))).get(lang)}
    return out


def result(f: Finding, index: int, fingerprint: str, lang: Lang) -> dict[str, Any]:
    """One SARIF result; a waived finding carries an external suppression."""
    text = inert(f.message.get(lang))
    if cell_of(f.location):
        text = f"{inert(cell_of(f.location))}: {text}"
    out: dict[str, Any] = {"ruleId": f.code, "level": LEVEL[f.severity.value],
                           "message": {"text": text}}
    if index >= 0:
        out["ruleIndex"] = index
    if f.location.file:
        out["locations"] = [_location(f.location, lang)]
    related = [loc for loc in f.related if loc.file]
    if related:
        out["relatedLocations"] = [
            {"id": n, **_location(loc, lang),
             "message": {"text": f"{H_RELATED().get(lang)}: {inert(str(loc))}"}}
            for n, loc in enumerate(related)]
    out["partialFingerprints"] = {FINGERPRINT: fingerprint}
    props = {k: v for k, v in (("village", f.village), ("indicator", f.indicator),
                               ("activity", f.activity), ("year", f.year)) if v is not None}
    if props:
        out["properties"] = props
    if f.waived:
        out["suppressions"] = [{"kind": "external", "status": "accepted",
                                "justification": inert(f.waive_reason or "")}]
    return out


def _results(report: Report, lang: Lang, rules: list[Rule]) -> Iterator[dict[str, Any]]:
    index = {r.code: n for n, r in enumerate(rules)}
    for f, fp in unique(report.findings, identity):
        yield result(f, index.get(f.code, -1), fp, lang)


def _envelope(report: Report, lang: Lang, rules: list[Rule], results: object) -> dict[str, Any]:
    """The SARIF log with `results` in its run."""
    driver = {"name": "sinkron", "version": __version__, "semanticVersion": __version__,
              "rules": [rule_descriptor(r, lang) for r in rules]}
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [{
        "tool": {"driver": driver},
        "invocations": [{"executionSuccessful": not report.fatal}],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }]}


def write(report: Report, lang: Lang, out: TextIO) -> None:
    """The SARIF log as JSON into `out`, one result at a time."""
    rules = list(catalogue().values())
    write_document(out, _envelope(report, lang, rules, marker("results")),
                   {"results": _results(report, lang, rules)})
    out.write("\n")


render = rendering(write)  # the whole report as one string: for small reports and tests
