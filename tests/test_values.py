"""The shared value rules of formats.md."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic_core import PydanticCustomError

from sinkron.load.yaml import Plain
from sinkron.model import values as v


@pytest.mark.parametrize("raw", ["2.2.02", "2.2.2", "2 2 02", "02.02.02", "02.02.02.", " 2.2.02 "])
def test_activity_code_spellings(raw: str) -> None:
    assert v.to_activity_code(Plain(raw)) == "2.2.02"


@pytest.mark.parametrize("raw", ["2.2", "2.2.02.1", "x.2.02", "2.2.123", "", "0.1.01", {}, [],
                                 True, 2.2])
def test_bad_activity_codes(raw: object) -> None:
    with pytest.raises(PydanticCustomError):
        v.to_activity_code(raw)


def test_code_patterns() -> None:
    assert v.to_code_pattern("2.2.*") == "2.2.*"
    assert v.to_code_pattern("04.*") == "4.*"
    assert v.to_code_pattern("02.02.02.") == "2.2.02"
    assert v.code_matches("2.2.02", "2.2.*") and v.code_matches("4.2.01", "4.*")
    assert not v.code_matches("2.20.01", "2.2.*")  # prefix on whole parts


@pytest.mark.parametrize("raw, value, text", [
    (Plain("45000000"), 45000000, False), (Plain("45_000_000"), 45000000, False),
    ("Rp 45.000.000", 45000000, True), ("45.000.000,00", 45000000, True),
    (45000000, 45000000, False), (45000000.0, 45000000, False), ("Rp45.000.000", 45000000, True),
])
def test_money(raw: object, value: int, text: bool) -> None:
    before = v.text_numbers_read()
    assert v.to_money(raw) == value
    assert v.is_text_number(raw) is text
    assert (v.text_numbers_read() != before) is text


@given(st.text(alphabet="0123456789_.,+- eERrpIDX\u00a0", max_size=14), st.booleans())
def test_text_number_counter_moves_exactly_for_text_numbers(text: str, plain: bool) -> None:
    """model.build skips the SK003 walk when the counter did not move: never miss one."""
    raw = Plain(text) if plain else text
    before = v.text_numbers_read()
    try:
        v.read_number(raw)
    except PydanticCustomError:
        assert v.text_numbers_read() == before
        return
    assert (v.text_numbers_read() != before) is v.is_text_number(raw)


@pytest.mark.parametrize("raw", [Plain("1.5"), "12,5", 10.25, Plain(".nan"), "abc", True, None])
def test_bad_money(raw: object) -> None:
    with pytest.raises(PydanticCustomError):
        v.to_money(raw)


@pytest.mark.parametrize("raw, value", [
    (Plain("4.13"), 4.13), (Plain("4.130"), 4.13), ("4,13", 4.13), ("4.130", 4130.0),
    ("1.250.000", 1250000.0), ("4.5", 4.5), (Plain("4,13"), 4.13), (7, 7.0),
])
def test_decimal(raw: object, value: float) -> None:
    assert v.to_decimal(raw) == value


@pytest.mark.parametrize("raw", [Plain(".nan"), Plain(".inf"), Plain("-.inf"), float("nan"),
                                 "1.2.3", "4,1,3", "12.34.56"])
def test_bad_decimal(raw: object) -> None:
    with pytest.raises(PydanticCustomError):
        v.to_decimal(raw)


def test_year() -> None:
    assert v.to_year(Plain("2025")) == 2025
    assert v.to_year(2025.0) == 2025
    for bad in (Plain("1999"), Plain("2101"), "next year", 2025.5):
        with pytest.raises(PydanticCustomError):
            v.to_year(bad)
    import datetime

    with pytest.raises(PydanticCustomError) as exc:
        v.to_year(datetime.datetime(2025, 1, 1))
    assert exc.value.type == "year_is_date"


def test_bool_spellings() -> None:
    assert [v.to_bool(x) for x in ("true", "Ya", "yes", "1", 1, True)] == [True] * 6
    assert [v.to_bool(x) for x in ("false", "tidak", "No", "0", 0, False)] == [False] * 6
    with pytest.raises(PydanticCustomError):
        v.to_bool("maybe")


def test_village_code() -> None:
    assert v.to_village_code("35.05.04.2014") == "35.05.04.2014"
    for bad in ("35.5.4.2014", "35.05.04", Plain("35.05")):
        with pytest.raises(PydanticCustomError):
            v.to_village_code(bad)


@given(st.integers(min_value=0, max_value=10**15))
def test_indonesian_thousands_round_trip(n: int) -> None:
    text = f"{n:,}".replace(",", ".")
    assert v.to_money("Rp " + text) == n


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=99))
def test_indonesian_decimal_comma(whole: int, frac: int) -> None:
    text = f"{whole:,}".replace(",", ".") + f",{frac:02d}"
    assert math.isclose(v.to_decimal(text), whole + frac / 100)


@pytest.mark.parametrize("raw", [Plain("1" + "0" * 400), "9" * 5000, 10**400,
                                 Plain("-" + "1" * 301)])
def test_numbers_too_large_to_be_real(raw: object) -> None:
    with pytest.raises(PydanticCustomError) as exc:
        v.to_decimal(raw)
    assert exc.value.type == "too_large"


@given(st.text(alphabet="0123456789_+-.", max_size=12))
def test_plain_digit_fast_path_reads_as_yaml_does(text: str) -> None:
    """read_number's shortcut for `45_000_000` agrees with the YAML number rules."""
    expected = v._yaml_number(text)
    if expected is not None:
        assert v.read_number(Plain(text)) == expected
