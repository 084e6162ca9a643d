"""What values a unit allows (SK305), and the checks that must skip impossible values.

`percent` lies in 0..100. Rates (`per_...`, `..._rate`), counts, rupiah amounts and years
cannot be negative. Other units (`index` and any other snake_case word) have no fixed range:
sinkron does not guess one.
"""

from __future__ import annotations

from sinkron.i18n import Msg, Text

PERCENT = frozenset({"percent", "persen"})
NON_NEGATIVE = frozenset({"count", "rupiah", "years", "tahun", "jumlah"})

M_PERCENT = Msg("a percentage lies between 0 and 100", "persentase berada di antara 0 dan 100")
M_NEGATIVE = Msg("a {unit} value cannot be negative", "nilai {unit} tidak boleh negatif")


def _non_negative(unit: str) -> bool:
    return unit in NON_NEGATIVE or unit.startswith("per_") or unit.endswith("_rate")


def impossible(value: float, unit: str) -> bool:
    """True when `value` cannot be a value of `unit`."""
    if unit in PERCENT:
        return not 0 <= value <= 100
    return _non_negative(unit) and value < 0


def allowed(unit: str) -> Text:
    """What the unit allows, for a message."""
    if unit in PERCENT:
        return M_PERCENT()
    return M_NEGATIVE(unit=unit)
