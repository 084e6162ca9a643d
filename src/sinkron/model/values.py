"""The shared value rules of formats.md: codes, money, decimals, years, booleans.

Each reader takes what the loader gives (a :class:`Plain` YAML scalar, quoted text, or an
Excel cell value) and returns the canonical value or raises ``PydanticCustomError`` whose
type names a bilingual message in :mod:`sinkron.model.errors`.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator
from pydantic_core import PydanticCustomError

from sinkron.load.yaml import Plain

# A YAML 1.2 number as written in a plain scalar (underscores allowed, as formats.md shows).
_YAML_INT = re.compile(r"[-+]?[0-9][0-9_]*")
_YAML_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?")
_YAML_SPECIAL = {".nan": math.nan, ".NaN": math.nan, ".NAN": math.nan, ".inf": math.inf,
                 ".Inf": math.inf, ".INF": math.inf, "+.inf": math.inf, "-.inf": -math.inf,
                 "-.Inf": -math.inf, "-.INF": -math.inf, "+.Inf": math.inf, "+.INF": math.inf}
_RUPIAH = re.compile(r"^(rp\.?|idr)\s*", re.IGNORECASE)
_LOCAL = re.compile(r"[-+]?[0-9][0-9.]*(,[0-9]+)?")


def _err(kind: str, **ctx: Any) -> PydanticCustomError:
    return PydanticCustomError(kind, kind, ctx)


def is_text_number(raw: object) -> bool:
    """True when `raw` is text (not a YAML number, not a numeric cell) that reads as a number."""
    if not isinstance(raw, str):
        return False
    if isinstance(raw, Plain) and _yaml_number(raw) is not None:
        return False
    try:
        _local_number(raw)
    except PydanticCustomError:
        return False
    return True


def _yaml_number(text: str) -> float | int | None:
    if text in _YAML_SPECIAL:
        return _YAML_SPECIAL[text]
    if _YAML_INT.fullmatch(text):
        return int(text.replace("_", ""))
    if _YAML_FLOAT.fullmatch(text):
        return float(text.replace("_", ""))
    return None


# How many numbers so far were read from text the Indonesian way (`4,13`, quoted "1.250.000"):
# exactly the values SK003 reports. model.build walks an entry for SK003 only when this moved
# while validating it; most entries hold no such number, and the walk costs more than they do.
_text_numbers_read = 0


def text_numbers_read() -> int:
    """How many numbers written as text were read so far (a counter; compare two readings)."""
    return _text_numbers_read


def _local_number(text: str) -> float | int:
    """Read a number written the Indonesian way: `4,13`, `1.250.000`, `Rp 45.000.000,00`."""
    s = _RUPIAH.sub("", text.strip()).replace(" ", "").replace("\u00a0", "")
    if not _LOCAL.fullmatch(s):
        raise _err("not_a_number", value=text)
    whole, _, frac = s.partition(",")
    if "." in whole:
        groups = whole.lstrip("+-").split(".")
        if len(groups) == 2 and len(groups[1]) != 3 and not frac:
            return float(whole)  # "4.5": an ordinary decimal
        if any(len(g) != 3 for g in groups[1:]) or not groups[0]:
            raise _err("not_a_number", value=text)
        whole = whole.replace(".", "")
    if frac:
        return float(f"{whole}.{frac}")
    return int(whole)


MAX_DIGITS = 300  # no planning figure has more; float() overflows past about 308
_TOO_LARGE = 10**MAX_DIGITS


def read_number(raw: object) -> float | int:
    """Any accepted spelling of a number; bools are not numbers."""
    if type(raw) is Plain and len(raw) <= MAX_DIGITS:
        # fast path for the usual YAML `45_000_000`: exactly what _YAML_INT accepts unsigned
        digits = raw.replace("_", "")
        if digits.isdigit() and digits.isascii() and raw[0] != "_":
            return int(digits)
    if isinstance(raw, bool) or raw is None:
        raise _err("not_a_number", value=raw)
    if isinstance(raw, int | float):
        if isinstance(raw, int) and abs(raw) >= _TOO_LARGE:
            raise _err("too_large")
        return raw
    if isinstance(raw, str):
        if len(raw) > MAX_DIGITS and sum(ch.isdigit() for ch in raw) > MAX_DIGITS:
            raise _err("too_large")  # before int() or float() can overflow on it
        if isinstance(raw, Plain):
            n = _yaml_number(raw)
            if n is not None:
                return n
        n = _local_number(raw)
        global _text_numbers_read
        _text_numbers_read += 1
        return n
    raise _err("not_a_number", value=raw)


def to_decimal(raw: object) -> float:
    n = float(read_number(raw))
    if not math.isfinite(n):
        raise _err("not_finite", value=raw)
    return n


def to_money(raw: object) -> int:
    n = read_number(raw)
    if isinstance(n, float):
        if not math.isfinite(n):
            raise _err("not_finite", value=raw)
        if not n.is_integer():
            raise _err("money_fraction", value=raw)
        n = int(n)
    return n


def to_whole(raw: object) -> int:
    n = read_number(raw)
    if isinstance(n, float):
        if not math.isfinite(n) or not n.is_integer():
            raise _err("not_whole", value=raw)
        n = int(n)
    return n


def to_year(raw: object) -> int:
    if hasattr(raw, "year") and not isinstance(raw, str | int | float):  # an Excel date cell
        raise _err("year_is_date", value=str(raw))
    try:
        n = to_whole(raw)
    except PydanticCustomError:
        raise _err("bad_year", value=raw) from None
    if not 2000 <= n <= 2100:
        raise _err("year_range", value=n)
    return n


_TRUE = {"true", "ya", "yes", "y", "1"}
_FALSE = {"false", "tidak", "no", "n", "0"}


def to_bool(raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int | float) and raw in (0, 1):
        return bool(raw)
    if isinstance(raw, str):
        low = raw.strip().lower()
        if low in _TRUE:
            return True
        if low in _FALSE:
            return False
    raise _err("bad_bool", value=raw)


def to_text(raw: object) -> str:
    """Text; a number cell becomes its digits, nothing else is coerced."""
    if isinstance(raw, str):  # the common case first (a str is never a bool, int or None)
        text = str(raw).strip()
        if not text:
            raise _err("empty_text")
        return text
    if isinstance(raw, bool) or raw is None:
        raise _err("not_text", value=raw)
    if isinstance(raw, int):
        return str(raw)
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    raise _err("not_text", value=raw)


_CODE_PARTS = re.compile(r"\d{1,2}")


def to_activity_code(raw: object) -> str:
    """`2.2.02`, `2.2.2`, `2 2 02`, `02.02.02`, `02.02.02.` -> `2.2.02`."""
    if not isinstance(raw, str):
        raise _err("bad_activity_code", value=raw)
    return _activity_code(str(raw))


_CODE_SEPARATORS = re.compile(r"[.\s]+")


# a plan repeats a few hundred codes across thousands of activities: remember the readings
# (a pure function of the text, returning an immutable str; errors are not cached)
@lru_cache(maxsize=4096)
def _activity_code(raw: str) -> str:
    s = raw.strip().rstrip(".")
    parts = _CODE_SEPARATORS.split(s)
    if len(parts) != 3 or not all(_CODE_PARTS.fullmatch(p) for p in parts):
        raise _err("bad_activity_code", value=raw)
    b, sb, k = (int(p) for p in parts)
    if b == 0 or sb == 0:
        raise _err("bad_activity_code", value=raw)
    return f"{b}.{sb}.{k:02d}"


def to_code_pattern(raw: object) -> str:
    """`2.2.02`, `2.2.*`, `4.*` (prefix patterns on canonical codes)."""
    if not isinstance(raw, str):
        raise _err("bad_code_pattern", value=raw)
    s = raw.strip().rstrip(".")
    if s.endswith("*"):
        head = s[:-1].rstrip(".")
        parts = re.split(r"[.\s]+", head) if head else []
        if not 1 <= len(parts) <= 2 or not all(_CODE_PARTS.fullmatch(p) for p in parts):
            raise _err("bad_code_pattern", value=raw)
        return ".".join(str(int(p)) for p in parts) + ".*"
    try:
        return to_activity_code(s)
    except PydanticCustomError:
        raise _err("bad_code_pattern", value=raw) from None


def code_matches(code: str, pattern: str) -> bool:
    if pattern.endswith("*"):
        return code.startswith(pattern[:-1])
    return code == pattern


_VILLAGE = re.compile(r"\d{2}\.\d{2}\.\d{2}\.\d{4}")
_REGENCY = re.compile(r"\d{2}\.\d{2}")
_SNAKE = re.compile(r"[a-z][a-z0-9_]*")


def to_village_code(raw: object) -> str:
    s = to_text(raw)
    if not _VILLAGE.fullmatch(s):
        raise _err("bad_village_code", value=s)
    return s


def to_regency_code(raw: object) -> str:
    s = to_text(raw)
    if not _REGENCY.fullmatch(s):
        raise _err("bad_regency_code", value=s)
    return s


def to_snake(raw: object) -> str:
    s = to_text(raw)
    if not _SNAKE.fullmatch(s):
        raise _err("not_snake", value=s)
    return s


def _non_negative(n: int) -> int:
    if n < 0:
        raise _err("negative", value=n)
    return n


Decimal = Annotated[float, BeforeValidator(to_decimal)]
Money = Annotated[int, BeforeValidator(to_money)]
Whole = Annotated[int, BeforeValidator(to_whole)]
Count = Annotated[int, BeforeValidator(to_whole), AfterValidator(_non_negative)]
Year = Annotated[int, BeforeValidator(to_year)]
Flag = Annotated[bool, BeforeValidator(to_bool)]
Text = Annotated[str, BeforeValidator(to_text)]
ActivityCode = Annotated[str, BeforeValidator(to_activity_code)]
CodePattern = Annotated[str, BeforeValidator(to_code_pattern)]
VillageCode = Annotated[str, BeforeValidator(to_village_code)]
RegencyCode = Annotated[str, BeforeValidator(to_regency_code)]
Snake = Annotated[str, BeforeValidator(to_snake)]
