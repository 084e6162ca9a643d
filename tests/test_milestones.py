"""Milestones by interpolation (formats.md) and which side of them is weaker."""

from __future__ import annotations

import pytest

from sinkron.model.targets import Indicator
from sinkron.rules.milestones import Milestone, milestone, weaker


def indicator(targets: dict[int, object], baseline: tuple[int, float] | None = None,
              direction: str = "decrease") -> Indicator:
    data: dict[str, object] = {"id": "x", "name": "X", "unit": "percent",
                               "direction": direction, "targets": targets}
    if baseline is not None:
        data["baseline"] = {"year": baseline[0], "value": baseline[1]}
    return Indicator.model_validate(data)


STUNTING = indicator({2029: 12.0, 2045: 4.13}, (2024, 17.8))
POVERTY = indicator({2045: {"min": 0.6, "max": 1.8}}, (2024, 8.16))


def test_stunting_2025_is_16_64() -> None:
    m = milestone(STUNTING, 2025)
    assert m.low == pytest.approx(16.64) and m.high == pytest.approx(16.64)
    assert not m.band and m.counts("decrease") == pytest.approx(16.64)


def test_poverty_2025_is_the_band_7_80_to_7_86() -> None:
    m = milestone(POVERTY, 2025)
    assert m.band
    assert m.low == pytest.approx(8.16 - 7.56 / 21)  # 7.80
    assert m.high == pytest.approx(8.16 - 6.36 / 21)  # 7.857...
    assert round(m.low, 2) == 7.80 and round(m.high, 2) == 7.86
    assert m.counts("decrease") == m.high and m.counts("increase") == m.low
    assert m.counts("within") is None


def test_known_points_are_returned_as_given() -> None:
    assert milestone(STUNTING, 2029) == Milestone(12.0, 12.0)
    assert milestone(STUNTING, 2024) == Milestone(17.8, 17.8)
    assert milestone(POVERTY, 2045) == Milestone(0.6, 1.8, band=True)


def test_between_two_targets() -> None:
    assert milestone(STUNTING, 2037).low == pytest.approx(12.0 + (4.13 - 12.0) * 8 / 16)


def test_before_the_first_point_and_after_the_last() -> None:
    assert milestone(STUNTING, 2020) == Milestone(17.8, 17.8)
    assert milestone(STUNTING, 2050) == Milestone(4.13, 4.13)
    assert milestone(POVERTY, 2060) == Milestone(0.6, 1.8, band=True)


def test_without_baseline_the_only_target_holds_every_year() -> None:
    aki = indicator({2045: 6.30})
    assert milestone(aki, 2025) == milestone(aki, 2045) == Milestone(6.30, 6.30)


def test_a_target_for_the_baseline_year_wins() -> None:
    ind = indicator({2024: 15.0, 2029: 10.0}, (2024, 17.8))
    assert milestone(ind, 2024).low == 15.0


def test_two_bands_interpolate_both_ends() -> None:
    ind = indicator({2025: {"min": 2.0, "max": 4.0}, 2035: {"min": 1.0, "max": 2.0}},
                    direction="within")
    m = milestone(ind, 2030)
    assert (m.low, m.high, m.band) == (pytest.approx(1.5), pytest.approx(3.0), True)


@pytest.mark.parametrize(("value", "direction", "expected"), [
    (16.65, "decrease", True), (16.64, "decrease", False), (16.0, "decrease", False),
    (16.64 + 5e-10, "decrease", False),  # within the 1e-9 tolerance: equal
    (16.64 + 2e-9, "decrease", True),
    (16.63, "increase", True), (16.64, "increase", False), (17.0, "increase", False),
    (16.64 - 5e-10, "increase", False),
])
def test_weaker_than_a_value(value: float, direction: str, expected: bool) -> None:
    assert weaker(value, Milestone(16.64, 16.64), direction) is expected


@pytest.mark.parametrize(("value", "direction", "expected"), [
    (1.9, "decrease", True), (1.8, "decrease", False), (0.1, "decrease", False),
    (0.5, "increase", True), (0.6, "increase", False), (5.0, "increase", False),
    (0.5, "within", True), (1.9, "within", True), (0.6, "within", False), (1.2, "within", False),
])
def test_weaker_than_a_band(value: float, direction: str, expected: bool) -> None:
    assert weaker(value, Milestone(0.6, 1.8, band=True), direction) is expected
