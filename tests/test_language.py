"""Every text in English and Indonesian: messages, rule docs, help; Indonesian runs stay so."""

from __future__ import annotations

import dataclasses
import importlib
import os
import pkgutil
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import sinkron
from sinkron.cli import app
from sinkron.commands.init import write
from sinkron.helptext import translate_usage_error
from sinkron.i18n import Msg, placeholders
from sinkron.i18n import help as H
from sinkron.i18n.help import tr
from sinkron.rules.registry import REGISTRY
from tests.cli_contract import group
from tests.conftest import ROOT


def _collect(value: Any, found: dict[int, Msg], depth: int = 0) -> None:
    if isinstance(value, Msg):
        found[id(value)] = value
    elif depth > 4:
        return
    elif isinstance(value, dict):
        for v in value.values():
            _collect(v, found, depth + 1)
    elif isinstance(value, list | tuple | set | frozenset):
        for v in value:
            _collect(v, found, depth + 1)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            _collect(getattr(value, f.name, None), found, depth + 1)


def all_messages() -> list[Msg]:
    """Every Msg of the package: module level, in dicts and tuples, in rules (summary, why)."""
    found: dict[int, Msg] = {}
    for info in pkgutil.walk_packages(sinkron.__path__, "sinkron."):
        if info.name == "sinkron.__main__":  # importing it runs the CLI
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            _collect(value, found)
    return list(found.values())


MESSAGES = all_messages()


def test_the_walk_finds_messages_everywhere() -> None:
    ids = {id(m) for m in MESSAGES}
    assert id(REGISTRY["SK101"].summary) in ids and id(REGISTRY["SK101"].why) in ids
    assert id(H.CHECK) in ids
    assert len(MESSAGES) > 150


def _words(template: str) -> list[str]:
    return re.findall(r"[A-Za-z]{3,}", re.sub(r"\{[^}]*\}|`[^`]*`|'[^']*'", "", template))


@pytest.mark.parametrize("msg", MESSAGES, ids=lambda m: m.en[:40])
def test_message_has_both_languages(msg: Msg) -> None:
    assert msg.en.strip() and msg.id.strip()
    assert placeholders(msg.en) == placeholders(msg.id)
    if len(_words(msg.en)) >= 4:  # a sentence, not a code or a unit: it must be translated
        assert msg.en != msg.id


def _help_strings() -> list[tuple[str, str]]:
    out = [("sinkron", group().help or "")]
    for name, command in group().commands.items():
        out.append((name, command.help or ""))
        out += [(f"{name} {p.name}", p.help or "") for p in command.params]
    return out


def test_every_help_text_comes_from_the_catalogue() -> None:
    catalogue = {tr(m) for m in vars(H).values() if isinstance(m, Msg)}
    missing = [(where, text) for where, text in _help_strings() if text not in catalogue]
    assert missing == [], "add these help texts to sinkron/i18n/help.py (en and id)"


def _help(*args: str) -> str:
    env = os.environ | {"SINKRON_LANG": "id", "COLUMNS": "250", "TERMINAL_WIDTH": "250",
                        "NO_COLOR": "1", "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-m", "sinkron", *args], env=env, text=True,
                          capture_output=True, timeout=60)
    return done.stdout + done.stderr


def test_help_reads_in_indonesian() -> None:
    english = [m.en for m in vars(H).values() if isinstance(m, Msg) and m.en != m.id
               and len(m.en) > 8]
    for args in (("--help",), ("check", "--help"), ("init", "--help")):
        out = _help(*args)
        assert "Cara pakai:" in out and "Opsi" in out and "Tampilkan bantuan" in out
        for word in ("Usage", "Options", "Arguments", "Show this", "default:", "<bool>"):
            assert word not in out, (args, word)
        assert [e for e in english if e in out] == []
    assert "Periksa rencana desa terhadap target" in _help("check", "--help")
    out = _help("check", "--fromat", "json")
    assert "Opsi tidak dikenal: --fromat" in out and "No such option" not in out


def test_usage_errors_are_translated() -> None:
    assert translate_usage_error("Missing argument 'BERKAS...'.", "id") == \
        "Argumen 'BERKAS...' belum diisi."
    assert translate_usage_error("No such option: --x (Possible options: --xy)", "id") == \
        "Opsi tidak dikenal: --x (Opsi yang tersedia: --xy)"
    assert translate_usage_error("No such option: --x", "en") == "No such option: --x"


def _english_fragments() -> set[str]:
    """Literal pieces of English templates (two words or more) that Indonesian lacks."""
    out = set()
    for msg in MESSAGES:
        if msg.en == msg.id:
            continue
        for piece in re.split(r"\{[^}]*\}", msg.en):
            piece = piece.strip(" .,:;()'\"-")
            if len(_words(piece)) >= 2 and piece not in msg.id:
                out.add(piece)
    return out


@pytest.mark.parametrize("example", ["repository", "init"])
def test_indonesian_run_prints_no_english(example: str, tmp_path: Path) -> None:
    folder = ROOT
    if example == "init":
        folder = tmp_path
        write(folder, "id")
    english = _english_fragments()
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        outputs = [CliRunner().invoke(app, ["check", "--lang", "id", "--format", fmt])
                   for fmt in ("text", "concise", "json")]
    finally:
        os.chdir(cwd)
    for result in outputs:
        assert result.exit_code in (0, 1), result.stdout + result.stderr
        text = result.stdout + result.stderr
        leaked = sorted(e for e in english if e in text)
        assert leaked == [], text
    assert "Ringkasan" in outputs[0].stdout


def test_help_is_english_without_sinkron_lang() -> None:
    env = {k: v for k, v in os.environ.items() if k != "SINKRON_LANG"}
    env |= {"COLUMNS": "250", "TERMINAL_WIDTH": "250", "NO_COLOR": "1",
            "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-m", "sinkron", "check", "--help"], env=env,
                          text=True, capture_output=True, timeout=60)
    assert "Usage:" in done.stdout and H.CHECK.en in done.stdout


def test_fatal_lines_speak_the_chosen_language(in_tmp: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["check", "--lang", "id"])
    assert result.exit_code == 2
    assert result.stderr == "sinkron: tidak ada berkas target: isi --targets BERKAS, atau " \
        "letakkan targets.yaml di folder ini\n"
    (in_tmp / "targets.yaml").write_text("regency: {}\n", "utf-8")
    (in_tmp / "plans").mkdir()
    result = runner.invoke(app, ["check", "--lang", "id"])
    assert (result.exit_code, result.stderr) == (
        2, "sinkron: tidak ada berkas rencana (.yaml, .yml, .xlsx) di plans\n")
    result = runner.invoke(app, ["check", "--lang", "en", "--select", "SK9"])
    assert result.stderr.startswith("sinkron: unknown rule code or name: SK9")
