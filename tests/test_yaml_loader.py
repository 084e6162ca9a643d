"""The safe YAML loader: positions, no implicit typing, and every guard."""

from __future__ import annotations

import pytest

from sinkron.load import yaml as loader
from sinkron.load.yaml import Plain, load_yaml


def codes(raw: bytes) -> list[tuple[str, str]]:
    got = load_yaml(raw, "f.yaml")
    return [(p.code, str(p.location)) for p in got.problems]


def test_plain_and_quoted_scalars_keep_their_text() -> None:
    got = load_yaml(b"a: no\nb: 010\nc: 2024-11-13\nd: '4,13'\ne: 35.05\nf:\ng: ~\n", "f.yaml")
    assert got.data == {"a": "no", "b": "010", "c": "2024-11-13", "d": "4,13", "e": "35.05",
                        "f": None, "g": None}
    assert isinstance(got.data["a"], Plain) and not isinstance(got.data["d"], Plain)
    assert got.problems == []


def test_positions_of_keys_and_values() -> None:
    got = load_yaml(b"village:\n  code: '35.05.04.2014'\nitems:\n  - x: 1\n", "f.yaml")
    assert got.source.values[("village", "code")] == (2, 9)
    assert got.source.keys[("village", "code")] == (2, 3)
    assert got.source.values[("items", 0, "x")] == (4, 8)
    assert str(got.source.value(("items", 0, "missing"))) == "f.yaml:4:5"


def test_duplicate_key_names_both_lines() -> None:
    got = load_yaml(b"a: 1\nb: 2\na: 3\n", "f.yaml")
    (p,) = got.problems
    assert p.code == "SK002" and str(p.location) == "f.yaml:3:1"
    assert "first at line 1" in p.message.en and "baris 1" in p.message.id
    assert [str(r) for r in p.related] == ["f.yaml:1:1"]
    assert got.data == {"a": "1", "b": "2"}  # reported, never silently overwritten


def test_anchors_aliases_and_tags_are_schema_violations() -> None:
    assert codes(b"a: &x 1\nb: *x\n") == [("SK002", "f.yaml:1:4"), ("SK002", "f.yaml:2:4")]
    assert codes(b"a: !!python/object:os.system 1\n") == [("SK002", "f.yaml:1:4")]
    assert codes(b"a: !custom 1\n") == [("SK002", "f.yaml:1:4")]


def test_alias_bomb_is_not_expanded() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 9) + "]" for i in range(1, 10)]
    got = load_yaml("\n".join(lines).encode(), "bomb.yaml")
    assert len(got.problems) < 200 and all(p.code == "SK002" for p in got.problems)


def test_several_documents_are_refused() -> None:
    got = load_yaml(b"a: 1\n---\nb: 2\n", "f.yaml")
    assert got.fatal and [p.code for p in got.problems] == ["SK002"]
    assert got.problems[0].location.line == 2


def test_syntax_error_points_where_parsing_stopped() -> None:
    got = load_yaml(b"village:\n  name: [Plosorejo\nplan: {}\n", "f.yaml")
    assert got.fatal and got.problems[0].code == "SK001"
    assert got.problems[0].location.line == 3


@pytest.mark.parametrize("raw, where", [
    (b"a: \xe9t\xe9\n", "f.yaml:1:4"),  # Latin-1
    (b"\xff\xfea\x00:\x00", "f.yaml:1:1"),  # UTF-16
    (b"a: x\x00y\n", "f.yaml:1:5"),  # NUL
])
def test_bad_bytes_are_unreadable_with_a_location(raw: bytes, where: str) -> None:
    assert codes(raw) == [("SK001", where)]


def test_utf8_bom_is_accepted() -> None:
    got = load_yaml(b"\xef\xbb\xbfa: 1\n", "f.yaml")
    assert got.data == {"a": "1"} and got.problems == []


def test_size_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_BYTES", 100)
    got = load_yaml(b"a: " + b"x" * 200 + b"\n", "f.yaml")
    assert got.fatal and got.problems[0].code == "SK001" and "100" in got.problems[0].message.en


def test_depth_cap() -> None:
    got = load_yaml(b"[" * 40 + b"]" * 40, "f.yaml")
    assert got.fatal and got.problems[0].code == "SK001"
    assert "32" in got.problems[0].message.en


def test_parser_exceptions_become_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    class Boom:
        def __init__(self, text: str) -> None:
            pass

        def get_event(self) -> None:
            raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(loader, "_Parser", Boom)
    monkeypatch.setenv("SINKRON_YAML", "safe")  # "a: 1" would take the fast path
    got = load_yaml(b"a: 1\n", "f.yaml")
    assert got.fatal and got.problems[0].code == "SK001"
    assert "RecursionError" in got.problems[0].message.en


@pytest.mark.parametrize("raw, message", [(b"", "empty"), (b"- 1\n", "mapping"),
                                          (b"# only a comment\n", "empty")])
def test_empty_or_not_a_mapping(raw: bytes, message: str) -> None:
    got = load_yaml(raw, "f.yaml")
    assert got.data is None and message in got.problems[0].message.en


def test_complex_keys_are_refused() -> None:
    got = load_yaml(b"? [a, b]\n: 1\n", "f.yaml")
    assert got.fatal and got.problems[0].code == "SK002"
