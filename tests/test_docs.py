"""The docs: generated rule reference up to date, both languages, examples that work."""

from __future__ import annotations

import re

import pytest
import yaml

from sinkron.commands.init import contents
from sinkron.docs import FILES, rule_reference
from sinkron.i18n import Lang
from sinkron.rules.registry import catalogue
from tests.cli_contract import check_parses, commands_in
from tests.conftest import ROOT

DOCS = ROOT / "docs"
PAIRS = {"planner.md": "perencana.md", "village-staff.md": "staf-desa.md", "ci.md": "ci.md"}


@pytest.mark.parametrize(("lang", "name"), FILES.items())
def test_rule_reference_is_up_to_date(lang: Lang, name: str) -> None:
    committed = (ROOT / name).read_text("utf-8")
    assert committed == rule_reference(lang), (
        f"{name} differs from the rule catalogue: run `python -m sinkron.docs` from the "
        "repository root and commit docs/rules.md and docs/aturan.md")


def test_rule_reference_has_every_rule_in_both_languages() -> None:
    for lang in ("en", "id"):
        text = rule_reference(lang)  # type: ignore[arg-type]
        for code, rule in catalogue().items():
            assert f"### {code} {rule.name}" in text
    assert "Mengapa penting" in rule_reference("id") and "Why it matters" in rule_reference("en")


def test_every_guide_exists_in_both_languages() -> None:
    assert sorted(p.name for p in (DOCS / "en").glob("*.md")) == sorted(PAIRS)
    assert sorted(p.name for p in (DOCS / "id").glob("*.md")) == sorted(PAIRS.values())
    for en, id_ in PAIRS.items():
        assert f"../id/{id_}" in (DOCS / "en" / en).read_text("utf-8")
        assert f"../en/{en}" in (DOCS / "id" / id_).read_text("utf-8")


def _guides() -> list[str]:
    return sorted(str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md"))


@pytest.mark.parametrize("name", _guides())
def test_every_command_in_the_docs_parses(name: str) -> None:
    for command in commands_in((DOCS / name).read_text("utf-8")):
        check_parses(command)


def _yaml_blocks(name: str, loader: type = yaml.BaseLoader) -> list[object]:
    text = (DOCS / name).read_text("utf-8")
    return [yaml.load(b, Loader=loader) for b in re.findall(r"```yaml\n(.*?)```", text, re.S)]


@pytest.mark.parametrize(("name", "lang"), [("en/ci.md", "en"), ("id/ci.md", "id")])
def test_ci_guide_shows_what_init_writes(name: str, lang: Lang) -> None:
    written = contents(lang)
    blocks = _yaml_blocks(name)
    for file in (".github/workflows/sinkron.yml", ".pre-commit-config.yaml"):
        assert yaml.load(written[file], Loader=yaml.BaseLoader) in blocks, file
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    (shown,) = [b[0] for b in _yaml_blocks(name, yaml.SafeLoader) if isinstance(b, list)]
    assert shown == {k: hook[k] for k in shown}


@pytest.mark.parametrize("name", ["en/village-staff.md", "id/staf-desa.md", "en/ci.md",
                                  "id/ci.md"])
def test_editor_schema_line_is_documented(name: str) -> None:
    text = (DOCS / name).read_text("utf-8")
    assert "# yaml-language-server: $schema=../plan.schema.json" in text
    assert "sinkron schema plan" in text
    assert "# yaml-language-server: $schema=../plan.schema.json" in contents("en")[
        "plans/serang.yaml"]
