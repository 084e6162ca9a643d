"""Plain data + source map -> validated models, with SK002/SK003 problems located.

No cascades: an activity or indicator entry with a problem is left out and the rest of the
file is still checked; a plan whose `village` or `plan` header fails takes no part in rules.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel, ValidationError

from sinkron.findings import Location, Problem
from sinkron.i18n import Msg, num
from sinkron.load.source import Path, SourceMap
from sinkron.model.errors import MESSAGES, found, hint, problems_from
from sinkron.model.plan import Activity, IndicatorEntry, PlanHeader, Village
from sinkron.model.targets import Targets
from sinkron.model.values import is_text_number, text_numbers_read

M = TypeVar("M", bound=BaseModel)

M_LOCAL = Msg("'{raw}' is a number written as text; read as {value}",
              "'{raw}' adalah angka yang ditulis sebagai teks; dibaca sebagai {value}")
M_WAIVE_REASON = Msg("the waiver of {code} needs a reason (who agreed, when)",
                     "pengecualian {code} wajib diberi alasan (siapa menyetujui, kapan)")
M_WAIVE_CODE = Msg("'{code}' is not a sinkron rule code or name{hint}",
                   "'{code}' bukan kode atau nama aturan sinkron{hint}")
M_NOT_WAIVABLE = Msg("{code} cannot be waived", "{code} tidak dapat dikecualikan")
M_KIND = Msg("cannot tell whether this is a plan or targets: a plan has 'village' and 'plan', "
             "targets have 'regency' and 'period'",
             "tidak dapat dibedakan apakah ini rencana desa atau target: rencana memuat "
             "'village' dan 'plan', target memuat 'regency' dan 'period'")

PLAN_KEYS = ("village", "plan", "indicators", "activities")
UNWAIVABLE = ("SK000", "SK001")


class Item(NamedTuple):
    """A validated entry of a list, with its path in the file (for locations)."""

    path: Path
    model: Any


@dataclass
class Plan:
    """A validated village plan with the positions of everything in it."""

    file: str
    source: SourceMap
    village: Village
    header: PlanHeader
    indicators: list[Item] = field(default_factory=list)
    activities: list[Item] = field(default_factory=list)
    waivers: dict[str, str] = field(default_factory=dict)  # plan-wide, canonical codes
    # what was left out for SK002, so rules that judge absence do not cascade from it
    left_out: set[str] = field(default_factory=set)  # "activities" and/or "indicators"
    left_out_ids: set[str] = field(default_factory=set)  # ids of left-out indicator entries
    memo: dict[str, Any] = field(default_factory=dict, repr=False)  # derived once per plan

    def complete(self, key: str) -> bool:
        """True when no entry of `key` ("activities", "indicators") was left out."""
        return key not in self.left_out

    @property
    def code(self) -> str:
        return self.village.code

    @property
    def year(self) -> int:
        return self.header.year

    def at(self, path: Path) -> Location:
        return self.source.value(path)

    def entry(self, indicator: str) -> Item | None:
        return next((i for i in self.indicators if i.model.id == indicator), None)

    def iter_activities(self) -> Iterator[tuple[Path, Activity]]:
        """(path, activity) pairs: an Item is that pair already, so no generator is needed
        (rules walk the activities many times per plan)."""
        return iter(self.activities)


def validate(model: type[M], raw: Any, prefix: Path, source: SourceMap,
             problems: list[Problem]) -> M | None:
    """Validate one piece; record its problems (SK002, SK003) and return it or None."""
    before = text_numbers_read()
    try:
        # the core validator itself: model_validate() adds a Python frame per activity
        obj: M = model.__pydantic_validator__.validate_python(raw)
    except ValidationError as exc:
        try:
            problems.extend(problems_from(exc, model, prefix, source))
        except (LookupError, TypeError, ValueError):  # an error errors.py cannot map (a key
            # named '@x' loses its loc there): still one finding per error, never a crash
            problems.extend(Problem("SK002", MESSAGES["other"](detail=err["msg"]),
                                    source.value(prefix + tuple(err["loc"])), path=prefix)
                            for err in exc.errors(include_url=False))
        return None
    if text_numbers_read() != before:  # only then can the walk find one (see values.py)
        problems.extend(text_numbers(raw, obj, prefix, source))
    return obj


def text_numbers(raw: Any, obj: Any, path: Path, source: SourceMap) -> Iterator[Problem]:
    """SK003 for every number that was written as text (walks raw data beside the model)."""
    if isinstance(raw, str):  # a leaf: only text can be a number written as text
        if isinstance(obj, int | float) and not isinstance(obj, bool) and is_text_number(raw):
            yield Problem("SK003", M_LOCAL(raw=str(raw).strip(), value=num(obj, 6)),
                          source.value(path), path=path)
        return
    if isinstance(obj, BaseModel):
        if not isinstance(raw, Mapping):
            return
        # __pydantic_fields__: the model_fields property costs a call on every access
        for name in type(obj).__pydantic_fields__:
            r = raw.get(name)
            if r is None or type(r) is bool:
                continue
            o = getattr(obj, name)
            if type(o) is str:  # a text field holds no number (most fields: skip the call)
                continue
            yield from text_numbers(r, o, path + (name,), source)
    elif isinstance(obj, list) and isinstance(raw, list):
        for i, (r, o) in enumerate(zip(raw, obj, strict=False)):
            yield from text_numbers(r, o, path + (i,), source)
    elif isinstance(obj, dict) and isinstance(raw, Mapping):
        for (rk, rv), ov in zip(raw.items(), obj.values(), strict=False):
            yield from text_numbers(rv, ov, path + (rk,), source)


def waivers(raw: Mapping[str, str], prefix: Path, source: SourceMap,
            codes: Mapping[str, str], problems: list[Problem]) -> dict[str, str] | None:
    """Waivers by canonical code; None when any is malformed (the item is then left out)."""
    out: dict[str, str] = {}
    ok = True
    for key, reason in raw.items():
        path = prefix + (key,)
        code = _lookup(key, codes)
        if code is None:
            known = sorted(set(codes.values())) + sorted(k for k in codes if k[:2] != "SK")
            problems.append(Problem("SK002", M_WAIVE_CODE(code=key, hint=hint(key, known)),
                                    source.key(path), path=path))
            ok = False
        elif code in UNWAIVABLE:
            problems.append(Problem("SK002", M_NOT_WAIVABLE(code=code), source.key(path),
                                    path=path))
            ok = False
        else:
            out[code] = reason
    return out if ok else None


def _reason_problems(problems: list[Problem]) -> list[Problem]:
    """A waiver with an empty reason gets a message that says what is missing."""
    out = []
    for p in problems:
        path = p.path or ()
        if len(path) >= 2 and path[-2] == "waive" and p.message == MESSAGES["empty_text"]():
            p = Problem("SK002", M_WAIVE_REASON(code=path[-1]), p.location, path=path)
        out.append(p)
    return out


def _item_key(path: Path) -> Path | None:
    if len(path) >= 2 and path[0] in ("activities", "indicators") and isinstance(path[1], int):
        return path[:2]
    return None


def build_plan(data: Any, source: SourceMap, codes: Mapping[str, str],
               earlier: list[Problem]) -> tuple[Plan | None, list[Problem]]:
    """Validate a loaded plan. `earlier` are the loader's problems (they may spoil items)."""
    problems: list[Problem] = []
    spoiled = {_item_key(p.path) for p in earlier if p.path is not None}
    header_ok = not any(p.path is not None and _item_key(p.path) is None for p in earlier)
    if not isinstance(data, Mapping):
        return None, problems
    for key in data:
        if key not in PLAN_KEYS:
            problems.append(Problem("SK002", MESSAGES["unknown_key"](
                key=key, hint=hint(key, PLAN_KEYS)), source.key((key,)), path=(key,)))
            header_ok = False
    for key in ("village", "plan"):
        if key not in data:
            problems.append(Problem("SK002", MESSAGES["missing"](field=key),
                                    source.value(()), path=()))
            header_ok = False
    village = validate(Village, data.get("village"), ("village",), source, problems) \
        if "village" in data else None
    header = validate(PlanHeader, data.get("plan"), ("plan",), source, problems) \
        if "plan" in data else None
    plan_waivers = (waivers(village.waive, ("village", "waive"), source, codes, problems)
                    if village is not None else None)
    # items are validated even when the header fails, so every problem shows in one run
    left_out: list[Any] = []
    items = {key: _items(data.get(key), key, model, source, codes, spoiled, problems, left_out)
             for key, model in (("indicators", IndicatorEntry), ("activities", Activity))}
    if village is None or header is None or plan_waivers is None or not header_ok:
        return None, _reason_problems(problems)
    plan = Plan(source.file, source, village, header, items["indicators"], items["activities"],
                waivers=plan_waivers)
    for key, raw in left_out:
        plan.left_out.add(key)
        if key == "indicators" and isinstance(raw, Mapping) and isinstance(raw.get("id"), str):
            plan.left_out_ids.add(raw["id"].strip())
    return plan, _reason_problems(problems)


def _items(raw_items: Any, key: str, model: type[BaseModel], source: SourceMap,
           codes: Mapping[str, str], spoiled: set[Path | None], problems: list[Problem],
           left_out: list[Any]) -> list[Item]:
    """The valid entries of `indicators` or `activities`; the others become problems and
    are noted in `left_out` as (key, raw entry)."""
    if raw_items is None:
        return []
    if not isinstance(raw_items, list):
        problems.append(Problem("SK002", MESSAGES["list"](found=found(raw_items)),
                                source.value((key,)), path=(key,)))
        return []
    out: list[Item] = []
    for i, raw in enumerate(raw_items):
        path: Path = (key, i)
        obj = validate(model, raw, path, source, problems)
        if obj is None or path in spoiled:
            left_out.append((key, raw))
            continue
        if isinstance(obj, Activity) and obj.waive:  # (an empty `waive` stays as it is)
            w = waivers(obj.waive, path + ("waive",), source, codes, problems)
            if w is None:
                left_out.append((key, raw))
                continue
            obj.waive = w
        out.append(Item(path, obj))
    return out


def build_targets(data: Any, source: SourceMap,
                  codes: Mapping[str, str]) -> tuple[Targets | None, list[Problem]]:
    """Validate targets; any SK002 here means nothing can be checked (exit 2)."""
    problems: list[Problem] = []
    path: Path
    if not isinstance(data, Mapping):
        return None, problems
    targets = validate(Targets, data, (), source, problems)
    if targets is None:
        return None, problems
    policy = targets.policy
    ids = [i.id for i in targets.indicators]
    seen: dict[str, int] = {}
    for n, ind in enumerate(targets.indicators):
        if ind.id in seen:
            problems.append(Problem("SK002", M_DUP_ID(id=ind.id, first=seen[ind.id] + 1),
                                    source.value(("indicators", n, "id")),
                                    path=("indicators", n, "id")))
        seen.setdefault(ind.id, n)
    for n, share in enumerate(policy.fund_shares):
        for j, ident in enumerate(share.supports):
            if ident not in ids:
                path = ("policy", "fund_shares", n, "supports", j)
                problems.append(Problem("SK002", M_UNKNOWN_ID(id=ident, hint=hint(ident, ids)),
                                        source.value(path), path=path))
    severity = {}
    for key, level in policy.severity.items():
        path = ("policy", "severity", key)
        code = _policy_code(key, source.key(path), path, codes, problems)
        if code is not None:
            severity[code] = level
    policy.severity = severity
    canonical: list[str] = []
    for j, key in enumerate(policy.ignore):
        path = ("policy", "ignore", j)
        code = _policy_code(key, source.value(path), path, codes, problems)
        if code is not None:
            canonical.append(code)
    policy.ignore = canonical
    if any(p.code == "SK002" for p in problems):
        return None, problems
    return targets, problems


def _lookup(key: str, codes: Mapping[str, str]) -> str | None:
    """The canonical code of a code or a name as written."""
    return codes.get(key.strip().upper()) or codes.get(key.strip().lower())


def _policy_code(key: str, at: Location, path: Path, codes: Mapping[str, str],
                 problems: list[Problem]) -> str | None:
    """A code named in policy.severity or policy.ignore; SK002 when unknown or fixed."""
    code = _lookup(key, codes)
    if code is None or code in UNWAIVABLE:
        text = M_WAIVE_CODE(code=key, hint=hint(key, codes)) if code is None \
            else M_FIXED(code=code)
        problems.append(Problem("SK002", text, at, path=path))
        return None
    return code


M_DUP_ID = Msg("indicator id '{id}' is defined twice (first as entry {first})",
               "id indikator '{id}' didefinisikan dua kali (pertama pada entri {first})")
M_UNKNOWN_ID = Msg("unknown indicator id '{id}'{hint}", "id indikator '{id}' tidak dikenal{hint}")
M_FIXED = Msg("{code} cannot be ignored or change severity",
              "{code} tidak dapat diabaikan atau diubah tingkatnya")


def kind_of(data: Any) -> str | None:
    """'plan', 'targets' or None, by content (for `sinkron validate`)."""
    if isinstance(data, Mapping):
        if "village" in data or "plan" in data:
            return "plan"
        if "regency" in data or "period" in data:
            return "targets"
    return None
