"""The regency's milestone for any year, and which side of it is weaker (formats.md).

A milestone is the target given for a year; otherwise a linear interpolation between the two
nearest known points (the regency baseline is one of them); before the first point the first
point's value, after the last the last. A band interpolates both ends; a scalar next to a
band counts as the band [v, v]. Values are compared unrounded, with a tolerance of 1e-9.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from sinkron.i18n import L, Msg, num
from sinkron.model.targets import Band, Indicator

TOLERANCE = 1e-9

M_AT_MOST = Msg("at most {value}", "paling tinggi {value}")
M_AT_LEAST = Msg("at least {value}", "paling rendah {value}")
M_BETWEEN = Msg("between {low} and {high}", "antara {low} dan {high}")


@dataclass(frozen=True, slots=True)
class Milestone:
    """A milestone: a value (low == high, band False) or a band [low, high]."""

    low: float
    high: float
    band: bool = False

    @classmethod
    def of(cls, target: float | Band) -> Milestone:
        """A target as written in targets: a number or a {min, max} band."""
        if isinstance(target, Band):
            return cls(target.min, target.max, band=True)
        return cls(target, target)

    def counts(self, direction: str) -> float | None:
        """The value that counts (cli.md): a band's max for decrease, its min for increase,
        none for within; a scalar is itself."""
        if not self.band:
            return self.low
        if direction == "decrease":
            return self.high
        if direction == "increase":
            return self.low
        return None


def points(indicator: Indicator) -> list[tuple[int, Milestone]]:
    """The known points of an indicator by year: its baseline and its targets.

    A target for the baseline's own year wins over the baseline (it is what the regency
    asks for that year)."""
    known: dict[int, Milestone] = {}
    if indicator.baseline is not None:
        known[indicator.baseline.year] = Milestone.of(indicator.baseline.value)
    for year, target in indicator.targets.items():
        known[year] = Milestone.of(target)
    return sorted(known.items())


def _between(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def milestone(indicator: Indicator, year: int) -> Milestone:
    """The regency milestone of `indicator` for `year`."""
    known = points(indicator)
    first_year, first = known[0]
    last_year, last = known[-1]
    if year <= first_year:
        return first
    if year >= last_year:
        return last
    for (y0, m0), (y1, m1) in pairwise(known):
        if y0 <= year <= y1:
            if year == y0:
                return m0
            if year == y1:
                return m1
            t = (year - y0) / (y1 - y0)
            return Milestone(_between(m0.low, m1.low, t), _between(m0.high, m1.high, t),
                             band=m0.band or m1.band)
    raise AssertionError("unreachable: points are sorted and cover the year")


def weaker(value: float, mark: Milestone, direction: str) -> bool:
    """True when `value` is on the weaker side of `mark`: above it for decrease (above a
    band's max), below it for increase (below its min), outside the band for within.
    Equal is not weaker."""
    above = value > mark.high + TOLERANCE
    below = value < mark.low - TOLERANCE
    if direction == "decrease":
        return above
    if direction == "increase":
        return below
    return above or below


def distance_outside(value: float, mark: Milestone) -> float:
    """How far `value` lies outside `mark` (0 inside it): `within` indicators move toward it."""
    return max(mark.low - value, value - mark.high, 0.0)


def shown(mark: Milestone) -> L:
    """A milestone for a message: `16.64`, or a band `7.8-7.86` (rounded for display only)."""
    if not mark.band:
        return num(mark.low)
    low, high = num(mark.low), num(mark.high)
    return L(f"{low.en}-{high.en}", f"{low.id}-{high.id}")


def goal(mark: Milestone, direction: str) -> L:
    """What meeting a milestone means: `at most 16.64`, `at least 7.74`, `between 1 and 2`."""
    if direction == "decrease":
        text = M_AT_MOST(value=num(mark.high))
    elif direction == "increase":
        text = M_AT_LEAST(value=num(mark.low))
    else:
        text = M_BETWEEN(low=num(mark.low), high=num(mark.high))
    return L(text.en, text.id)
