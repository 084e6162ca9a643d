"""A targets workbook -> the plain data of a targets.yaml, with (sheet, cell) positions.

Sheets: indicators (one row per indicator), targets (indicator x year: a value, or min and
max), fund_shares (optional), settings (key/value rows: regency.code, period.start, ...).
"""

from __future__ import annotations

from pathlib import Path as FilePath
from typing import Any

from sinkron.findings import Location, Problem
from sinkron.i18n import Msg
from sinkron.load.source import Path
from sinkron.load.workbook import Bad, open_book
from sinkron.load.xlsx_layout import (
    LIST_SETTINGS,
    SETTINGS,
    SETTINGS_ALIASES,
    T_INDICATORS,
    T_SETTINGS,
    TARGET_SHEETS,
    split_list,
)
from sinkron.load.xlsx_sheets import read_sheets
from sinkron.load.xlsx_table import Doc, Table, bad_message, clean
from sinkron.model.errors import MESSAGES, hint

M_NO_SHEET = Msg("no {sheet} sheet in the workbook; targets need it",
                 "tidak ada lembar {sheet} dalam buku kerja; target memerlukannya")
M_UNKNOWN_SETTING = Msg("unknown setting '{key}'{hint}", "pengaturan '{key}' tidak dikenal{hint}")
M_DUP_SETTING = Msg("setting '{key}' is given twice (first at {first}); keep one",
                    "pengaturan '{key}' diisi dua kali (pertama di {first}); sisakan satu")
M_UNKNOWN_INDICATOR = Msg("indicator '{id}' is not in sheet '{sheet}'{hint}",
                          "indikator '{id}' tidak ada di lembar '{sheet}'{hint}")
M_VALUE_OR_BAND = Msg("give either a value or min and max for this year, not both",
                      "isi nilai, atau minimum dan maksimum, untuk tahun ini; jangan keduanya")
M_DUP_YEAR = Msg("a second target for {id} in {year} (first at {first}); keep one",
                 "target kedua untuk {id} pada tahun {year} (pertama di {first}); sisakan satu")

TARGET_FIELDS = ("id", "name", "unit", "direction", "weight", "priority", "project")


def _setting_key(raw: object) -> str:
    key = str(clean(raw)).strip().lower().replace(" ", "_")
    key = SETTINGS_ALIASES.get(key, key)
    if key not in SETTINGS and f"policy.{key}" in SETTINGS:
        key = f"policy.{key}"
    if key.startswith("severity."):
        key = "policy." + key
    return key


def read_targets_book(path: FilePath, file: str) -> tuple[Doc | None, list[Problem], bool]:
    """(plain targets data, problems, fatal)."""
    book, problems = open_book(path, file)
    if book is None:
        return None, problems, True
    try:
        sheets = read_sheets(book, TARGET_SHEETS)
    finally:
        book.close()
    if sheets.fatal:
        return None, sheets.problems, True
    problems = list(sheets.problems)
    doc = Doc(file)
    doc.source.values[()] = (next(iter(sheets.tables.values())).sheet, "A1") \
        if sheets.tables else ("", "A1")
    for layout in (T_INDICATORS, T_SETTINGS):
        if layout.key not in sheets.tables and not any(p.location.sheet for p in problems):
            problems.append(Problem("SK002", M_NO_SHEET(sheet=layout.label), Location(file)))
    if "settings" in sheets.tables:
        _settings(doc, sheets.tables["settings"], problems)
    ids: dict[str, int] = {}
    if "indicators" in sheets.tables:
        ids = _indicators(doc, sheets.tables["indicators"])
    if "targets" in sheets.tables:
        _targets(doc, sheets.tables["targets"], ids, problems,
                 sheets.tables.get("indicators"))
    if "fund_shares" in sheets.tables:
        _fund_shares(doc, sheets.tables["fund_shares"])
    return doc, problems, False


def _settings(doc: Doc, table: Table, problems: list[Problem]) -> None:
    seen: dict[str, Location] = {}
    for row, cells in table.rows:
        raw = table.raw(cells, "key")
        if isinstance(raw, Bad):  # an unusable key is said, never skipped silently
            problems.append(Problem("SK002", bad_message(raw), table.at(row, "key")))
            continue
        if raw is None:
            if table.raw(cells, "value") is not None:
                problems.append(Problem("SK002", MESSAGES["missing"](field="key"),
                                        table.at(row, "key")))
            continue
        key = _setting_key(raw)
        where = table.at(row, "key")
        if key.startswith("policy.severity."):
            path: Path = ("policy", "severity", str(clean(raw)).split(".")[-1])
        elif key in SETTINGS:
            path = SETTINGS[key]
        else:
            known = list(SETTINGS) + ["policy.severity.SK203"]
            problems.append(Problem("SK002", M_UNKNOWN_SETTING(key=str(clean(raw)),
                                                               hint=hint(key, known)), where))
            continue
        if key in seen:
            problems.append(Problem("SK002", M_DUP_SETTING(key=key, first=str(seen[key])),
                                    where, related=(seen[key],)))
            continue
        seen[key] = where
        target: dict[Any, Any] = doc.data
        for n, part in enumerate(path[:-1]):
            target = target.setdefault(str(part), {})
            doc.source.values.setdefault(path[: n + 1], table.pos(row, "key"))
        doc.source.keys[path] = table.pos(row, "key")
        if doc.put(target, path[-1], path, table, row, "value", cells) \
                and key in LIST_SETTINGS:
            target[path[-1]] = split_list(target[path[-1]])
            for j in range(len(target[path[-1]])):
                doc.source.values[path + (j,)] = table.pos(row, "value")


def _indicators(doc: Doc, table: Table) -> dict[str, int]:
    items: list[dict[str, Any]] = doc.data.setdefault("indicators", [])
    ids: dict[str, int] = {}
    for row, cells in table.rows:
        path: Path = ("indicators", len(items))
        entry: dict[str, Any] = {}
        doc.source.values[path] = table.pos(row, "id")
        for column in TARGET_FIELDS:
            doc.put(entry, column, path + (column,), table, row, column, cells)
        baseline: dict[str, Any] = {}
        for f in ("year", "value", "source"):
            doc.put(baseline, f, path + ("baseline", f), table, row, f"baseline_{f}", cells)
        if baseline:
            entry["baseline"] = baseline
            doc.source.values[path + ("baseline",)] = table.pos(row, "baseline_year")
        raw: dict[str, Any] = {}
        if doc.put(raw, "codes", path + ("activity_codes",), table, row, "activity_codes",
                   cells):
            entry["activity_codes"] = split_list(raw["codes"])
            for j in range(len(entry["activity_codes"])):
                doc.source.values[path + ("activity_codes", j)] = \
                    table.pos(row, "activity_codes")
        entry["targets"] = {}
        doc.source.values[path + ("targets",)] = table.pos(row, "id")
        if "id" in entry:
            ids.setdefault(str(entry["id"]), len(items))
        items.append(entry)
    return ids


def _targets(doc: Doc, table: Table, ids: dict[str, int], problems: list[Problem],
             indicators: Table | None) -> None:
    items: list[dict[str, Any]] = doc.data.get("indicators", [])
    for row, cells in table.rows:
        raw = table.raw(cells, "indicator")
        if raw is None or isinstance(raw, Bad):
            if raw is not None or "indicator" not in table.missing:
                problems.append(Problem("SK002", MESSAGES["missing"](field="indicator"),
                                        table.at(row, "indicator")))
            continue
        ident = str(clean(raw))
        if ident not in ids:
            sheet = indicators.sheet if indicators else T_INDICATORS.label
            problems.append(Problem("SK002", M_UNKNOWN_INDICATOR(
                id=ident, sheet=sheet, hint=hint(ident, ids)), table.at(row, "indicator")))
            continue
        n = ids[ident]
        targets: dict[Any, Any] = items[n]["targets"]
        year = table.raw(cells, "year")
        if year is None or isinstance(year, Bad):
            if isinstance(year, Bad):
                doc.bad(year, ("indicators", n, "targets"), table.pos(row, "year"))
            else:
                problems.append(Problem("SK002", MESSAGES["missing"](field="year"),
                                        table.at(row, "year")))
            continue
        year = clean(year)
        path: Path = ("indicators", n, "targets", year)
        if year in targets or path in doc.source.keys:
            first = doc.source.keys[path]
            problems.append(Problem("SK002", M_DUP_YEAR(id=ident, year=year,
                                                        first=f"{first[0]}!{first[1]}"),
                                    table.at(row, "year")))
            continue
        doc.source.keys[path] = table.pos(row, "year")
        band: dict[str, Any] = {}
        for f in ("min", "max"):
            doc.put(band, f, path + (f,), table, row, f, cells)
        value: dict[str, Any] = {}
        doc.put(value, "value", path, table, row, "value", cells)
        if band and value:
            problems.append(Problem("SK002", M_VALUE_OR_BAND(), table.at(row, "value"),
                                    path=path))
        elif band:
            targets[year] = band
            doc.source.values[path] = table.pos(row, "min" if "min" in band else "max")
        elif value:
            targets[year] = value["value"]
        elif path not in doc.silenced:
            problems.append(Problem("SK002", MESSAGES["missing"](field="value"),
                                    table.at(row, "value"), path=path))


def _fund_shares(doc: Doc, table: Table) -> None:
    policy = doc.data.setdefault("policy", {})
    items: list[dict[str, Any]] = policy.setdefault("fund_shares", [])
    doc.source.values.setdefault(("policy",), table.pos(table.header))
    for row, cells in table.rows:
        path: Path = ("policy", "fund_shares", len(items))
        entry: dict[str, Any] = {}
        doc.source.values[path] = table.pos(row, "id")
        for column in ("id", "name", "fund", "min_share", "max_share"):
            doc.put(entry, column, path + (column,), table, row, column, cells)
        for column in ("codes", "supports", "years"):
            raw: dict[str, Any] = {}
            if doc.put(raw, column, path + (column,), table, row, column, cells):
                values = split_list(raw[column])
                if column == "years":  # "2025; 2026" are years, not numbers written as text
                    values = [int(v) if isinstance(v, str) and v.isascii() and v.isdigit()
                              and len(v) < 10 else v
                              for v in values]
                entry[column] = values
                for j in range(len(values)):
                    doc.source.values[path + (column, j)] = table.pos(row, column)
        items.append(entry)
