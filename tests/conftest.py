"""Shared fixtures: run the real pipeline on plans written into a temporary folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from sinkron.findings import Report
from sinkron.pipeline import Options, check
from sinkron.rules.examples import write_example
from sinkron.rules.registry import Example

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def in_tmp(tmp_path: Path) -> Iterator[Path]:
    """Run the test inside a fresh folder (paths in reports are relative to it)."""
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(old)


def write_case(folder: Path, plans: tuple[str, ...] | list[str], targets: str | None = None,
               files: tuple[tuple[str, str], ...] = ()) -> Path:
    """targets.yaml and plans/plan.yaml, plans/plan2.yaml, ... completed from the bases."""
    write_example(folder, Example(tuple(plans), targets, tuple(files)))
    return folder


def run_case(folder: Path, **kw: object) -> Report:
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        return check(Options(["plans"], Path("targets.yaml"), **kw))  # type: ignore[arg-type]
    finally:
        os.chdir(cwd)
