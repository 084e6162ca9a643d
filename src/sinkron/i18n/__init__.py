"""Messages in English and Indonesian.

Every text a user sees is a :class:`Msg` (two templates) rendered into a :class:`Text`
(both languages, already formatted). Findings carry a Text; reporters pick the language,
so one run can write a terminal report in one language and a workbook in the other.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from string import Formatter
from typing import Literal

Lang = Literal["en", "id"]
LANGS: tuple[Lang, ...] = ("en", "id")


@dataclass(frozen=True, slots=True)
class Text:
    """A message in both languages."""

    en: str
    id: str

    def get(self, lang: Lang) -> str:
        return self.id if lang == "id" else self.en


@dataclass(frozen=True, slots=True)
class L:
    """A value that reads differently per language (a number with a decimal comma)."""

    en: str
    id: str

    def get(self, lang: Lang) -> str:
        return self.id if lang == "id" else self.en


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}


@dataclass(frozen=True, slots=True)
class Msg:
    """Two templates with the same placeholders; calling it renders a Text."""

    en: str
    id: str

    def __post_init__(self) -> None:
        if not self.en or not self.id:
            raise ValueError(f"message lacks a language: {self.en!r} / {self.id!r}")
        if placeholders(self.en) != placeholders(self.id):
            raise ValueError(f"placeholders differ: {self.en!r} / {self.id!r}")

    def __call__(self, **kw: object) -> Text:
        if not any(isinstance(v, L) for v in kw.values()):  # most calls (one per finding)
            return Text(self.en.format(**kw), self.id.format(**kw))
        en = {k: (v.en if isinstance(v, L) else v) for k, v in kw.items()}
        id_ = {k: (v.id if isinstance(v, L) else v) for k, v in kw.items()}
        return Text(self.en.format(**en), self.id.format(**id_))


def num(value: float | int | None, digits: int = 2) -> L:
    """A number for a message: up to `digits` decimals, trailing zeros dropped."""
    if value is None:
        return L("n/a", "t/a")
    if isinstance(value, int) or float(value).is_integer():
        whole = f"{int(value):,}"
        return L(whole, whole.replace(",", "."))
    text = f"{value:,.{digits}f}".rstrip("0").rstrip(".")
    return L(text, text.replace(",", "_").replace(".", ",").replace("_", "."))


def pct(share: float | None, digits: int = 1) -> L:
    """A share (0.2) as a percentage for a message (20%)."""
    if share is None:
        return L("n/a", "t/a")
    n = num(share * 100, digits)
    return L(n.en + "%", n.id + "%")


def rupiah(amount: int | float) -> L:
    n = num(round(amount), 0)
    return L("Rp " + n.en, "Rp " + n.id)


def default_lang(env: Mapping[str, str] | None = None) -> Lang:
    value = (env if env is not None else os.environ).get("SINKRON_LANG", "").strip().lower()
    return "id" if value.startswith("id") else "en"
