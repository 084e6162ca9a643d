"""A plans workbook -> one plain plan document per village (the shape of a YAML plan).

Rows of the funds, indicators and activities sheets go to the village their `village`
(kode_desa) cell names; with one village the column may be left out. A village's whole-plan
findings point at its row of the villages sheet.
"""

from __future__ import annotations

from pathlib import Path as FilePath
from typing import Any

from sinkron.findings import Location, Problem
from sinkron.i18n import Msg
from sinkron.load.workbook import Bad, open_book, ref
from sinkron.load.xlsx_layout import PLAN_SHEETS, VILLAGES
from sinkron.load.xlsx_route import PlansBook, Router, VillageDoc, waivers
from sinkron.load.xlsx_sheets import read_sheets
from sinkron.load.xlsx_table import Doc, Table, clean, count_name

M_NO_SHEET = Msg("no {sheet} sheet in the workbook (sheets: {found}); a plans workbook needs one "
                 "row per village there",
                 "tidak ada lembar {sheet} dalam buku kerja (lembar: {found}); buku kerja "
                 "rencana memerlukan satu baris per desa di sana")
M_NO_ROWS = Msg("sheet '{sheet}' holds no village; write one row per village under the header",
                "lembar '{sheet}' belum berisi desa; tulis satu baris per desa di bawah judul "
                "kolom")
M_TWO_YEARS = Msg("village {code} has a second row (years {first} and {second}); a workbook holds "
                  "one plan per village: put the other year in its own workbook",
                  "desa {code} memiliki baris kedua (tahun {first} dan {second}); satu buku kerja "
                  "memuat satu rencana per desa: pindahkan tahun lainnya ke buku kerja tersendiri")
M_DUP_PLAN = Msg("another plan for village {code}, year {year}: {other}; keep one",
                 "ada rencana lain untuk desa {code}, tahun {year}: {other}; pertahankan satu saja")


def read_plans_book(path: FilePath, file: str) -> PlansBook:
    """Every village of a plans workbook as plain data with (sheet, cell) positions."""
    book, problems = open_book(path, file)
    if book is None:
        return PlansBook(problems=problems, fatal=True)
    try:
        titles = [t for t, _ in book.sheets()]
        sheets = read_sheets(book, PLAN_SHEETS, extras="villages")
    finally:
        book.close()
    out = PlansBook(problems=sheets.problems, notes=sheets.notes, fatal=sheets.fatal)
    if sheets.fatal:
        return out
    table = sheets.tables.get("villages")
    if table is None:
        if not any(p.location.sheet is not None for p in sheets.problems):
            out.problems.append(Problem("SK002", M_NO_SHEET(sheet=VILLAGES.label,
                                                            found=", ".join(titles) or "-"),
                                        Location(file)))
        return out
    if not table.rows:
        out.problems.append(Problem("SK002", M_NO_ROWS(sheet=table.sheet), table.at(table.header)))
        return out
    by_key: dict[str, VillageDoc] = {}
    for row, cells in table.rows:
        village = _village(table, row, cells, file)
        first = by_key.get(village.key)
        if first is None:
            by_key[village.key] = village
        else:
            _duplicate(first, village, table)
        out.villages.append(village)
    Router(out, by_key, file).run(sheets.tables)
    return out


def _village(table: Table, row: int, cells: dict[int, Any], file: str) -> VillageDoc:
    doc = Doc(file)
    raw = table.raw(cells, "code")
    key = str(clean(raw)) if raw is not None and not isinstance(raw, Bad) else f"#{row}"
    v: dict[str, Any] = {}
    p: dict[str, Any] = {}
    anchor = table.pos(row, "code")
    for top in ((), ("village",), ("plan",)):
        doc.source.values[top] = anchor
    doc.source.keys[("village",)] = anchor
    for column in ("code", "name", "district", "population"):
        doc.put(v, column, ("village", column), table, row, column, cells)
    for column in ("document", "year"):
        doc.put(p, column, ("plan", column), table, row, column, cells)
    counts: dict[str, Any] = {}
    for col, header in table.extras.items():
        value = cells.get(col)
        if value is None:
            continue
        name = count_name(header)
        path = ("village", "counts", name)
        doc.source.keys[path] = (table.sheet, ref(table.header, col))
        doc.source.values[path] = (table.sheet, ref(row, col))
        if isinstance(value, Bad):
            doc.bad(value, path, (table.sheet, ref(row, col)))
        else:
            counts[name] = clean(value)
    if counts:
        v["counts"] = counts
    waivers(doc, v, ("village", "waive"), table, row, cells)
    doc.data = {"village": v, "plan": p}
    return VillageDoc(doc, row, key)


def _year(village: VillageDoc) -> object:
    return village.doc.data["plan"].get("year")


def _duplicate(first: VillageDoc, second: VillageDoc, table: Table) -> None:
    """A second row for a village: the same year is SK103 on both, another year SK002."""
    second.duplicate = True
    here, there = table.at(second.row, "code"), table.at(first.row, "code")
    if _year(first) == _year(second):
        for a, b, loc in ((first, second, there), (second, first, here)):
            other = table.at(b.row, "code")
            a.problems.append(Problem("SK103", M_DUP_PLAN(code=first.key, year=_year(first),
                                                          other=str(other)),
                                      loc, related=(other,)))
        return
    second.problems.append(Problem("SK002", M_TWO_YEARS(code=first.key, first=_year(first),
                                                        second=_year(second)),
                                   here, related=(there,)))


