"""pydantic errors -> SK002 problems with a location and a message in both languages."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ValidationError

from sinkron.findings import Problem
from sinkron.i18n import Msg
from sinkron.load.source import Path, SourceMap

MESSAGES: dict[str, Msg] = {
    "missing": Msg("missing required field '{field}'", "kolom wajib '{field}' belum diisi"),
    "unknown_key": Msg("unknown key '{key}'{hint}", "kunci '{key}' tidak dikenal{hint}"),
    "not_a_number": Msg("'{value}' is not a number; write the number alone, e.g. 12500000 "
                        "or 12,5 (no words such as 'juta')",
                        "'{value}' bukan angka; tulis angkanya saja, mis. 12500000 atau 12,5 "
                        "(tanpa kata seperti 'juta')"),
    "too_large": Msg("a number too large to be real (more than 300 digits); check this value",
                     "angka terlalu besar untuk masuk akal (lebih dari 300 digit); periksa "
                     "nilai ini"),
    "not_finite": Msg("'{value}' is not a finite number", "'{value}' bukan angka yang sah"),
    "money_fraction": Msg("'{value}' has a fraction of a rupiah; write whole rupiah",
                          "'{value}' mengandung pecahan rupiah; tulis dalam rupiah bulat"),
    "not_whole": Msg("'{value}' is not a whole number (write thousands without dots: 4210)",
                     "'{value}' bukan bilangan bulat (tulis ribuan tanpa titik: 4210)"),
    "negative": Msg("{value} is negative; write a number of 0 or more",
                    "{value} bernilai negatif; isi dengan angka 0 atau lebih"),
    "bad_year": Msg("'{value}' is not a year; write it as 2025",
                    "'{value}' bukan tahun; tulis seperti 2025"),
    "year_is_date": Msg("a date ({value}) where a year is expected; write only the year, e.g. 2025",
                        "tanggal ({value}) diisi pada kolom tahun; tulis tahunnya saja, mis. 2025"),
    "year_range": Msg("year {value} is outside 2000..2100", "tahun {value} di luar 2000..2100"),
    "bad_bool": Msg("'{value}' is not true/false", "'{value}' bukan true/false (ya/tidak)"),
    "not_text": Msg("expected text, found '{value}'", "seharusnya teks, tertulis '{value}'"),
    "empty_text": Msg("this value must not be empty", "nilai ini tidak boleh kosong"),
    "bad_activity_code": Msg(
        "'{value}' is not an activity code; write bidang.sub_bidang.kegiatan, e.g. 2.2.02",
        "'{value}' bukan kode kegiatan; tulis bidang.sub_bidang.kegiatan, mis. 2.2.02"),
    "bad_code_pattern": Msg("'{value}' is not an activity code or pattern (2.2.02, 2.2.*, 4.*)",
                            "'{value}' bukan kode atau pola kode kegiatan (2.2.02, 2.2.*, 4.*)"),
    "bad_village_code": Msg("'{value}' is not a village code; write PP.KK.CC.DDDD, "
                            "e.g. \"35.05.04.2014\" (in quotes)",
                            "'{value}' bukan kode desa; tulis PP.KK.CC.DDDD, "
                            "mis. \"35.05.04.2014\" (dalam tanda petik)"),
    "bad_regency_code": Msg("'{value}' is not a regency code; write PP.KK, e.g. \"35.05\"",
                            "'{value}' bukan kode kabupaten; tulis PP.KK, mis. \"35.05\""),
    "not_snake": Msg("'{value}' must be lower_snake_case (letters, digits, _)",
                     "'{value}' harus huruf kecil_dengan_garis_bawah (huruf, angka, _)"),
    "choice": Msg("'{value}' is not one of {expected}",
                  "'{value}' bukan salah satu dari {expected}"),
    "mapping": Msg("expected a mapping (key: value), found {found}",
                   "seharusnya pemetaan (kunci: nilai), tertulis {found}"),
    "list": Msg("expected a list (- item), found {found}",
                "seharusnya daftar (- butir), tertulis {found}"),
    "too_short": Msg("needs at least one entry", "minimal harus berisi satu entri"),
    "other": Msg("invalid value: {detail}", "nilai tidak valid: {detail}"),
}

_HINT = Msg("; did you mean '{name}'?", "; mungkin maksudnya '{name}'?")


# the tags of model.targets.TargetValue, which pydantic puts into error locations
UNION_TAGS = ("@band", "@value")


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """The nearest of `choices`, for a "did you mean"."""
    options = list(choices)
    lowered = {c.lower(): c for c in options}
    if word.lower() in lowered:
        return lowered[word.lower()]
    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[close[0]] if close else None


def hint(word: str, choices: Iterable[str]) -> Any:
    """A "; did you mean 'x'?" tail, or an empty one."""
    from sinkron.i18n import L

    name = suggest(word, choices)
    if name is None:
        return L("", "")
    text = _HINT(name=name)
    return L(text.en, text.id)


def _unwrap(tp: Any) -> list[Any]:
    """The model classes and containers an annotation may hold."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        return [x for a in typing.get_args(tp) for x in _unwrap(a)]
    return [tp]


def fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys allowed in the mapping at `loc` inside `model` (for "did you mean")."""
    candidates: list[Any] = [model]
    for part in loc:
        nxt: list[Any] = []
        for c in candidates:
            if isinstance(c, type) and issubclass(c, BaseModel) and isinstance(part, str):
                f = c.model_fields.get(part)
                if f is not None:
                    nxt += _unwrap(f.annotation)
            elif typing.get_origin(c) in (list, dict):
                nxt += _unwrap(typing.get_args(c)[-1])
        candidates = nxt
    return [name for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)
            for name in c.model_fields]


def found(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(str(value))[:60]


def problems_from(exc: ValidationError, model: type[BaseModel], prefix: Path,
                  source: SourceMap) -> list[Problem]:
    """One SK002 problem per pydantic error, each at its own position."""
    out: list[Problem] = []
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if p not in UNION_TAGS)
        kind = err["type"]
        ctx = err.get("ctx") or {}
        value = err.get("input")
        is_key = bool(loc) and loc[-1] == "[key]"
        if is_key:
            loc = loc[:-1]
        path = prefix + tuple(loc)
        location = source.key(path) if is_key else source.value(path)
        if kind == "missing":
            location = source.value(path[:-1])
            text = MESSAGES["missing"](field=loc[-1] if loc else "?")
        elif kind == "extra_forbidden":
            key = str(loc[-1])
            text = MESSAGES["unknown_key"](key=key, hint=hint(key, fields_at(model, loc[:-1])))
            location = source.key(path)
        elif kind in MESSAGES:
            text = MESSAGES[kind](**{k: v for k, v in ctx.items() if k == "value"}) \
                if "{value}" in MESSAGES[kind].en else MESSAGES[kind]()
        elif kind == "literal_error":
            text = MESSAGES["choice"](value=str(value), expected=ctx.get("expected", ""))
        elif kind in ("dict_type", "model_type", "model_attributes_type"):
            text = MESSAGES["mapping"](found=found(value))
        elif kind == "list_type":
            text = MESSAGES["list"](found=found(value))
        elif kind == "too_short":
            text = MESSAGES["too_short"]()
        elif kind in ("string_type", "str_type"):
            text = MESSAGES["not_text"](value=found(value))
        else:
            text = MESSAGES["other"](detail=err["msg"])
        out.append(Problem("SK002", text, location, path=path))
    return out
