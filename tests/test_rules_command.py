"""`sinkron rules [CODE]`: the catalogue and one rule explained, in both languages."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from sinkron.cli import app
from sinkron.commands.catalogue import nearest, render
from sinkron.rules.registry import catalogue


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.delenv("SINKRON_LANG", raising=False)
    return CliRunner()


def test_catalogue_lists_every_code_with_name_and_severity(runner: CliRunner) -> None:
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0
    for code, rule in catalogue().items():
        line = next(ln for ln in result.stdout.splitlines() if f" {code} " in f" {ln} ")
        assert rule.name in line and rule.severity.value in line
    assert "SK3xx targets" in result.stdout


def test_one_rule_with_why_and_both_examples(runner: CliRunner) -> None:
    result = runner.invoke(app, ["rules", "SK303"])
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("SK303 regency-projection-miss (error)")
    assert "Why it matters" in out and "synchronisation meeting" in out
    assert "Failing example" in out and "Passing example" in out
    assert "value: 17.0" in out and "value: 13.0" in out  # the fragments, as written
    assert "gives SK303 at targets.yaml:4" in out and "- id: stunting" in out
    # the message the failing example really gives, from the real pipeline
    assert "the weighted mean of village values, 16.77, misses" in out


def test_a_name_works_like_its_code(runner: CliRunner) -> None:
    by_name = runner.invoke(app, ["rules", "fund-share-violated"])
    by_code = runner.invoke(app, ["rules", "SK401"])
    assert by_name.exit_code == 0 and by_name.stdout == by_code.stdout
    assert "<- SK401" in by_name.stdout  # the failing line is marked


def test_indonesian_by_option_and_by_environment(runner: CliRunner) -> None:
    by_option = runner.invoke(app, ["rules", "SK303", "--lang", "id"])
    assert "Mengapa penting" in by_option.stdout and "Contoh yang gagal" in by_option.stdout
    assert "rapat sinkronisasi" in by_option.stdout
    by_env = runner.invoke(app, ["rules"], env={"SINKRON_LANG": "id"})
    assert "aturan sinkron" in by_env.stdout and "yang diperiksa" in by_env.stdout


def test_unknown_code_exits_2_with_did_you_mean(runner: CliRunner) -> None:
    result = runner.invoke(app, ["rules", "SK308"])
    assert result.exit_code == 2 and result.stdout == ""
    assert "unknown rule code or name 'SK308'" in result.stderr
    assert "did you mean SK307 (projection-incomplete)?" in result.stderr
    result = runner.invoke(app, ["rules", "zero-budgt", "--lang", "id"])
    assert result.exit_code == 2 and "mungkin maksudnya SK404 (zero-budget)?" in result.stderr


def test_nearest_and_prefix() -> None:
    rules = catalogue()
    assert nearest("unlinked", rules) == "SK201"
    assert nearest("xyzzy-qwerty", rules) is None
    text = render("SK4", "en")
    assert text is not None and "SK401" in text and "SK404" in text and "SK303" not in text
