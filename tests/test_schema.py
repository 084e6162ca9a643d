"""`sinkron schema`: the JSON Schema agrees with what sinkron reads, as an editor sees YAML."""

from __future__ import annotations

import json
import math
import re
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from sinkron.cli import app
from sinkron.commands.init import contents
from sinkron.load.yaml import Plain, load_yaml
from sinkron.rules.examples import BASE_PLAN, BASE_TARGETS, complete
from sinkron.rules.registry import catalogue
from sinkron.schema import build
from sinkron.validate import run_validate
from tests.conftest import ROOT

# YAML 1.2 core schema, which yaml-language-server (the editors' YAML support) applies
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")


def editor_view(data: Any) -> Any:
    """Data as a YAML 1.2 editor sees it, in JSON (keys are strings)."""
    if isinstance(data, dict):
        return {str(editor_view(k)): editor_view(v) for k, v in data.items()}
    if isinstance(data, list):
        return [editor_view(v) for v in data]
    if isinstance(data, Plain):
        if data in ("", "~", "null", "Null", "NULL"):
            return None
        if data in ("true", "True", "TRUE", "false", "False", "FALSE"):
            return data.lower() == "true"
        if _INT.fullmatch(data):
            return int(data, 0) if data[:2] in ("0o", "0x") else int(data)
        if _FLOAT.fullmatch(data):
            return float(data)
        if data.lower() in (".inf", "+.inf", "-.inf", ".nan"):
            return float(data.replace(".", "", 1)) if "inf" in data.lower() else math.nan
        return str(data)
    return data


def _load(text: str) -> Any:
    loaded = load_yaml(text.encode("utf-8"), "x.yaml")
    assert not loaded.fatal, loaded.problems
    return editor_view(loaded.data)


@cache
def _validator(kind: str) -> jsonschema.protocols.Validator:
    schema = build(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _reading_problems(tmp_path: Path, name: str, text: str) -> list[str]:
    """The SK001/SK002 messages of the schema stage (`sinkron validate`)."""
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return [f"{f.code} {f.message.en}" for f in run_validate([path], None).findings
            if f.code in ("SK001", "SK002")]


def _sinkron_reads(tmp_path: Path, name: str, text: str) -> bool:
    return not _reading_problems(tmp_path, name, text)


# SK002 problems a JSON Schema cannot see: they are in the YAML text, not in its data
BEYOND_SCHEMA = ("twice", "duplicate", "anchor", "alias", "tag")


def _examples() -> list[tuple[str, str, str]]:
    """(id, kind, text): every plan and targets file of the rule examples, completed."""
    out = []
    for rule in catalogue().values():
        for side, ex in (("bad", rule.bad), ("good", rule.good)):
            for n, fragment in enumerate(ex.plans):
                out.append((f"{rule.code}-{side}-plan{n}", "plan", complete(fragment, BASE_PLAN)))
            out.append((f"{rule.code}-{side}-targets", "targets",
                        complete(ex.targets or "", BASE_TARGETS)))
    return out


def test_schema_command_prints_valid_json_schema() -> None:
    for kind in ("plan", "targets"):
        result = CliRunner().invoke(app, ["schema", kind, "--lang", "id"])
        assert result.exit_code == 0
        schema = json.loads(result.stdout)
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$schema"].endswith("2020-12/schema")
        assert schema["additionalProperties"] is False
    assert CliRunner().invoke(app, ["schema", "village"]).exit_code == 2


def test_accepts_every_example_sinkron_reads(tmp_path: Path) -> None:
    files = [("repo-targets", "targets", (ROOT / "targets.yaml").read_text("utf-8"))]
    files += [(f"repo-{p.name}", "plan", p.read_text("utf-8"))
              for p in sorted((ROOT / "plans").rglob("*.yaml"))]
    files += [(f"init-{name}", "plan" if name.startswith("plans/") else "targets", text)
              for name, text in contents("en").items() if name.endswith(".yaml")
              and not name.startswith(".")]
    files += _examples()
    # two plans sinkron rejects, so the rejecting half of the loop is never vacuous
    files += [("bad-key", "plan", complete("village:\n  code: \"35.05.04.2014\"\n"
                                           "  nama: Plosorejo\n", BASE_PLAN)),
              ("bad-type", "plan", complete("plan:\n  document: RKPDes\n  year: [2025]\n"
                                            "  funds: {DD: 1}\n", BASE_PLAN))]
    checked = rejected = 0
    for ident, kind, text in files:
        problems = _reading_problems(tmp_path, f"{kind}.yaml", text)
        if any(p.startswith("SK001") for p in problems):
            continue  # not YAML at all: an editor shows the syntax error itself
        valid = _validator(kind).is_valid(_load(text))
        if not problems:
            errors = [e.message for e in _validator(kind).iter_errors(_load(text))]
            assert errors == [], f"{ident}: {errors}\n{text}"
            checked += 1
        elif not all(any(w in p for w in BEYOND_SCHEMA) for p in problems):
            assert not valid, f"{ident}: sinkron says {problems}, the schema accepts it"
            rejected += 1
    assert checked >= 20 and rejected >= 2


PLAN = complete("", BASE_PLAN)


@pytest.mark.parametrize(("change", "why"), [
    (("    fund: DD\n", "    fund: DD\n    nmae: x\n"), "unknown key"),
    (("  population: 4120", "  population: [4120]"), "wrong type"),
    (("  population: 4120", "  population: -3"), "negative count"),
    (("code: \"35.05.04.2014\"", "code: \"35.5.4.2014\""), "village code pattern"),
    (("code: \"2.2.02\"", "code: \"2.2\""), "activity code pattern"),
    (("budget: 45_000_000", "budget: {rupiah: 45000000}"), "money as a mapping"),
    (("    fund: DD\n", "    fund: DD\n    waive: {SK999: \"rapat\"}\n"), "unknown rule code"),
    (("document: RKPDes", "document: RPJMDes"), "not a yearly plan"),
])
def test_plan_schema_rejects(change: tuple[str, str], why: str, tmp_path: Path) -> None:
    text = PLAN.replace(*change)
    assert text != PLAN
    assert not _validator("plan").is_valid(_load(text)), why
    assert not _sinkron_reads(tmp_path, "plan.yaml", text) or why == "negative count"


@pytest.mark.parametrize("change", [
    ("    direction: decrease\n", "    direction: 5\n"),
    ("  projection_min_share: 0.5\n", "  projection_min_share: 0.5\n  ignroe: [SK503]\n"),
    ("{2029: 12.0, 2045: 4.13}", "{2029: 12.0, 45: 4.13}"),
    ("regency: {code: \"35.05\"", "regency: {code: \"3505\""),
])
def test_targets_schema_rejects(change: tuple[str, str], tmp_path: Path) -> None:
    text = complete("", BASE_TARGETS).replace(*change)
    assert text != complete("", BASE_TARGETS)
    assert not _validator("targets").is_valid(_load(text))
    assert not _sinkron_reads(tmp_path, "targets.yaml", text)


@pytest.mark.parametrize("value", ["45_000_000", '"Rp 45.000.000"', '"45.000.000,00"',
                                   "45000000"])
def test_money_may_be_written_the_indonesian_way(value: str) -> None:
    text = PLAN.replace("budget: 45_000_000", f"budget: {value}")
    assert _validator("plan").is_valid(_load(text))


def test_descriptions_follow_the_language() -> None:
    en, id_ = build("plan", "en"), build("plan", "id")
    code = ("$defs", "Activity", "properties", "code", "description")

    def at(schema: dict[str, Any]) -> str:
        node: Any = schema
        for key in code:
            node = node[key]
        return str(node)

    assert at(en).startswith("Activity code") and at(id_).startswith("Kode kegiatan")
