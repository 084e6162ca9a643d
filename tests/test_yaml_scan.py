"""The loader's pre-scans and caps: sizes, encodings, control characters, directives, values."""

from __future__ import annotations

from pathlib import Path

import pytest

from sinkron.findings import Problem
from sinkron.i18n import Msg
from sinkron.load import yaml_builder, yaml_messages
from sinkron.load.yaml import MAX_BYTES, load_yaml
from sinkron.pipeline import exit_code
from tests.conftest import run_case, write_case


def _where(problems: list[Problem]) -> list[tuple[str, int | None, int | None]]:
    return [(p.code, p.location.line, p.location.column) for p in problems]


def test_node_cap_stops_at_the_node_that_passes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yaml_builder, "MAX_NODES", 10)
    got = load_yaml(b"a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n", "f.yaml")
    # the top mapping, 'a', the list and its items: item 8 is the 11th node, one too many
    assert (got.data, _where(got.problems)) == (None, [("SK001", 1, 26)])


def test_problem_cap_ends_reading_with_a_finding() -> None:
    text = "".join(f"k{n}: &a{n} x\n" for n in range(150))
    got = load_yaml(text.encode(), "f.yaml")
    assert got.fatal and len(got.problems) == yaml_builder.MAX_PROBLEMS + 2
    assert got.problems[-1].code == "SK001" and got.problems[-1].location.line == 101


def test_long_key_is_reported_and_shortened() -> None:
    key = "k" * (yaml_builder.MAX_CHARS + 1)
    got = load_yaml(f"a: 1\n? {key}\n: 2\n".encode(), "f.yaml")  # libyaml: plain keys <= 1024
    assert _where(got.problems) == [("SK002", 2, 3)]
    assert f"{yaml_builder.MAX_CHARS + 1} characters" in got.problems[0].message.en
    assert sorted(len(k) for k in got.data) == [1, yaml_builder.SHOWN_CHARS + 1]


def test_columns_count_characters_not_bytes() -> None:
    got = load_yaml("x: {日本語😀: 1, 日本語😀: 2}\n".encode(), "f.yaml")
    assert _where(got.problems) == [("SK002", 1, 14)]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_lines_count_every_line_ending(newline: str) -> None:
    got = load_yaml(newline.join(["a: 1", "b: 2", "c: \x07"]).encode(), "f.yaml")
    assert _where(got.problems) == [("SK001", 3, 4)]


def test_values_under_repeated_duplicates_are_not_duplicates() -> None:
    got = load_yaml(b"a: {x: 1}\na: {x: 2}\na: {x: 3}\n", "f.yaml")
    assert [(p.location.line, p.message.en) for p in got.problems] == [
        (2, "duplicate key 'a' (first at line 1); keep one of them"),
        (3, "duplicate key 'a' (first at line 1); keep one of them")]
    assert got.data == {"a": {"x": "1"}}  # the first one counts, nothing merges


def test_tab_inside_a_value_is_fine() -> None:
    assert load_yaml(b"a:\tb\nc: [1,\t2]\n", "f.yaml").problems == []


@pytest.mark.parametrize("raw", [b"\xef\xbb\xbf", b"\xef\xbb\xbf# only a comment\n"])
def test_bom_alone_is_an_empty_file(raw: bytes) -> None:
    got = load_yaml(raw, "f.yaml")
    assert [(p.code, p.message.en.split(" (")[0]) for p in got.problems] == [
        ("SK002", "the file is empty")]


def test_every_loader_message_is_bilingual() -> None:
    msgs = [m for m in vars(yaml_messages).values() if isinstance(m, Msg)]
    msgs += list(yaml_messages.HINTS.values())
    assert len(msgs) > 25
    for m in msgs:  # Msg itself refuses a missing language or differing placeholders
        assert m.en != m.id, m.en


def test_huge_number_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    """Regression: float(10**400) raised OverflowError out of pydantic (SK000 / exit 2)."""
    huge = "1" + "0" * 400
    plan = ("indicators:\n  - id: stunting\n    baseline: {year: 2024, value: " + huge
            + ", source: x}\n    target: {year: 2025, value: 13.0}\n")
    report = run_case(write_case(tmp_path, (plan,)))
    assert [(f.code, f.location.line, f.location.column) for f in report.findings] == [
        ("SK002", 3, 35)]
    assert "too large" in report.findings[0].message.en
    assert exit_code(report, "error") == 1


def test_key_starting_with_at_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    """Regression (found by test_fuzz): model/errors.py drops loc parts that start with '@'
    (its union tags), so an unknown key '@x' left an empty loc and an IndexError."""
    plan = ("village:\n  code: \"35.05.04.2014\"\n  name: Plosorejo\n  district: Kademangan\n"
            "  population: 4120\n  '@x': 1\n")
    report = run_case(write_case(tmp_path, (plan,)))
    assert [(f.code, f.location.line) for f in report.findings] == [("SK002", 6)]
    assert exit_code(report, "error") == 1


def test_encoding_details_are_in_both_languages() -> None:
    got = load_yaml("name: Plosoréjo\n".encode("latin-1"), "f.yaml")
    message = got.problems[0].message
    assert "byte 0xE9 here; it looks like Windows-1252" in message.en
    assert "bita 0xE9 di sini; tampaknya teks Windows-1252" in message.id


def test_loader_caps_size_itself() -> None:
    """The pipeline refuses big files by their size on disk; load_yaml checks again (a file
    can grow between the two, and other callers pass bytes)."""
    got = load_yaml(b"#" * (MAX_BYTES + 1), "f.yaml")
    assert got.fatal and _where(got.problems) == [("SK001", 1, 1)]
