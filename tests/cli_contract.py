"""Helpers: does a `sinkron ...` command line (in a workflow, a hook, the docs) parse?

It is parsed by the real typer app, without running it. cli.md promises some commands and
options that other branches are still building; they are listed here and accepted until
they exist, after which the real app checks them.
"""

from __future__ import annotations

import re
import shlex
from typing import Any

import typer.main

from sinkron.cli import app
from sinkron.report import Format

# From /work/shared/spec/cli.md (v1). Only what this branch lacks is consulted.
PROMISED_COMMANDS = {"template", "convert", "rules"}
PROMISED_OPTIONS: dict[str, dict[str, int]] = {  # command -> option -> values it takes
    "check": {"-o": 1, "--output": 1},
    "template": {"--targets": 1, "-o": 1, "--output": 1, "--kind": 1, "--village": 1},
    "convert": {"-o": 1, "--output": 1},
}
PROMISED_FORMATS = {"text", "concise", "json", "sarif", "github", "junit", "gitlab"}


def group() -> Any:
    """The click group typer builds from the app."""
    return typer.main.get_command(app)


def commands_in(text: str) -> list[str]:
    """Every `sinkron ...` command in a text: in code spans, fenced blocks, `run:` lines."""
    snippets = re.findall(r"`([^`\n]+)`", text)
    fenced = False
    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif fenced:
            snippets.append(line)
        run = re.match(r"\s*(?:-\s*)?(?:run|entry):\s*(.+)", line)
        if run:
            snippets.append(run.group(1))
    found = []
    for snippet in snippets:
        for part in re.split(r"&&|;|\||>", snippet):
            part = part.strip().removeprefix("$ ").removeprefix("- ").strip()
            if re.match(r"sinkron(\s|$)", part) and "..." not in part:
                found.append(part)
    return found


def check_parses(command_line: str) -> None:
    """Fail (AssertionError or a click UsageError) when the line does not parse."""
    words = shlex.split(command_line, comments=True)
    assert words[0] == "sinkron", command_line
    if len(words) == 1 or words[1] in ("--version", "--help"):
        return
    sub, args = words[1], words[2:]
    commands = group().commands
    if sub not in commands:
        assert sub in PROMISED_COMMANDS, f"unknown sub-command in: {command_line}"
        return
    command = commands[sub]
    known = {o for p in command.params for o in (*p.opts, *p.secondary_opts)}
    formats = {f.value for f in Format}
    kept: list[str] = []
    i = 0
    while i < len(args):
        word = args[i]
        name = word.split("=", 1)[0]
        promised = PROMISED_OPTIONS.get(sub, {})
        if name.startswith("-") and name not in known and name in promised:
            i += 1 + (promised[name] if "=" not in word else 0)
            continue
        if name == "--format" and i + 1 < len(args) and args[i + 1] not in formats:
            assert args[i + 1] in PROMISED_FORMATS, f"unknown format in: {command_line}"
            kept += ["--format", "text"]
            i += 2
            continue
        kept.append(word)
        i += 1
    if "--help" in kept:
        return
    command.make_context(sub, kept)  # raises a UsageError on an unknown option or value
