"""Village plans being assembled from a workbook, and the rows of the funds, indicators and
activities sheets sent to the village their kode_desa names."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sinkron.findings import Location, Note, Problem
from sinkron.i18n import Msg
from sinkron.load.source import Path
from sinkron.load.workbook import Bad
from sinkron.load.xlsx_layout import VILLAGES, split_list
from sinkron.load.xlsx_table import Doc, Table, clean
from sinkron.model.errors import MESSAGES, hint

M_NO_VILLAGE_COLUMN = Msg("sheet '{sheet}' needs a column kode_desa (village): the workbook "
                          "holds {count} villages",
                          "lembar '{sheet}' memerlukan kolom kode_desa (village): buku kerja "
                          "memuat {count} desa")
M_WHICH = Msg("which village? write its code here: the workbook holds {count} villages",
              "desa yang mana? tulis kode desanya di sini: buku kerja memuat {count} desa")
M_UNKNOWN_VILLAGE = Msg("village '{code}' is not in sheet '{sheet}' ({rows} rows name it){hint}",
                        "desa '{code}' tidak ada di lembar '{sheet}' ({rows} baris menyebutnya)"
                        "{hint}")
M_DUP_FUND = Msg("fund '{fund}' is listed twice for this village (first at {first}); keep one row",
                 "sumber dana '{fund}' tercantum dua kali untuk desa ini (pertama di {first}); "
                 "sisakan satu baris")
M_REASON_ONLY = Msg("a waiver reason without a code; write the code (kode_pengecualian) or "
                    "delete the reason",
                    "alasan pengecualian tanpa kode; isi kode_pengecualian atau hapus alasannya")


@dataclass
class VillageDoc:
    """One villages-sheet row and everything the other sheets say about it."""

    doc: Doc
    row: int
    key: str
    problems: list[Problem] = field(default_factory=list)
    duplicate: bool = False  # a second row for the same village: not a plan of its own


@dataclass
class PlansBook:
    villages: list[VillageDoc] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # about the workbook as a whole
    notes: list[Note] = field(default_factory=list)
    fatal: bool = False

    @property
    def plans(self) -> list[VillageDoc]:
        return [v for v in self.villages if not v.duplicate]


def waivers(doc: Doc, target: dict[str, Any], prefix: Path, table: Table, row: int,
            cells: dict[int, Any]) -> None:
    """waive_code + waive_reason -> target["waive"] = {code: reason, ...}."""
    codes, reason = table.raw(cells, "waive_code"), table.raw(cells, "waive_reason")
    if codes is None and reason is None:
        return
    for column, value in (("waive_code", codes), ("waive_reason", reason)):
        if isinstance(value, Bad):
            doc.bad(value, prefix, table.pos(row, column))
            return
    if codes is None:
        doc.cell_problems.append(Problem("SK002", M_REASON_ONLY(), table.at(row, "waive_reason"),
                                         path=prefix))
        return
    text = clean(reason) if reason is not None else ""
    waive: dict[str, Any] = {}
    for code in split_list(clean(codes)):
        key = str(code)
        waive[key] = text
        doc.source.keys[prefix + (key,)] = table.pos(row, "waive_code")
        doc.source.values[prefix + (key,)] = table.pos(row, "waive_reason")
    doc.source.values[prefix] = table.pos(row, "waive_code")
    target["waive"] = waive


class Router:
    """Sends the rows of the funds, indicators and activities sheets to their village."""

    def __init__(self, book: PlansBook, by_key: dict[str, VillageDoc], file: str) -> None:
        self.book = book
        self.by_key = by_key
        self.file = file
        self.only = book.plans[0] if len(book.plans) == 1 else None
        self.unknown: dict[tuple[str, str], list[Location]] = {}

    def run(self, tables: dict[str, Table]) -> None:
        for key, add in (("funds", self.fund), ("indicators", self.indicator),
                         ("activities", self.activity)):
            table = tables.get(key)
            if table is None:
                continue
            if "village" not in table.columns and self.only is None:
                self.book.problems.append(Problem("SK002", M_NO_VILLAGE_COLUMN(
                    sheet=table.sheet, count=len(self.book.plans)), table.at(table.header)))
                continue
            for row, cells in table.rows:
                village = self.which(table, row, cells)
                if village is not None:
                    add(village.doc, table, row, cells)
        for (_sheet, code), places in self.unknown.items():
            self.book.problems.append(Problem("SK002", M_UNKNOWN_VILLAGE(
                code=code, sheet=_villages_title(self.book), rows=len(places),
                hint=hint(code, self.by_key)), places[0], related=tuple(places[1:4])))

    def which(self, table: Table, row: int, cells: dict[int, Any]) -> VillageDoc | None:
        raw = table.raw(cells, "village")
        if raw is None:
            if self.only is None:
                self.book.problems.append(Problem("SK002", M_WHICH(count=len(self.book.plans)),
                                                  table.at(row, "village")))
            return self.only
        if isinstance(raw, Bad):
            doc = Doc(self.file)
            doc.bad(raw, (), table.pos(row, "village"))
            self.book.problems.extend(doc.cell_problems)
            return None
        key = str(clean(raw))
        found = self.by_key.get(key)
        if found is None:
            self.unknown.setdefault((table.sheet, key), []).append(table.at(row, "village"))
        return found

    def fund(self, doc: Doc, table: Table, row: int, cells: dict[int, Any]) -> None:
        plan = doc.data["plan"]
        raw = table.raw(cells, "fund")
        if raw is None or isinstance(raw, Bad):
            if isinstance(raw, Bad):
                doc.bad(raw, ("plan", "funds"), table.pos(row, "fund"))
            elif "fund" not in table.missing:
                doc.cell_problems.append(Problem("SK002", MESSAGES["missing"](field="fund"),
                                                 table.at(row, "fund"), path=("plan", "funds")))
            return
        name = str(clean(raw))
        funds = plan.setdefault("funds", {})
        path: Path = ("plan", "funds", name)
        doc.source.values.setdefault(("plan", "funds"), table.pos(row, "fund"))
        if name in funds or path in doc.source.keys:
            first = doc.source.keys[path]
            doc.cell_problems.append(Problem("SK002", M_DUP_FUND(fund=name,
                                                                 first=f"{first[0]}!{first[1]}"),
                                             table.at(row, "fund"), path=path))
            return
        doc.source.keys[path] = table.pos(row, "fund")
        if not doc.put(funds, name, path, table, row, "amount", cells) \
                and path in doc.blanks:
            doc.cell_problems.append(Problem("SK002", MESSAGES["missing"](field="amount"),
                                             table.at(row, "amount"), path=path))

    def indicator(self, doc: Doc, table: Table, row: int, cells: dict[int, Any]) -> None:
        items = doc.data.setdefault("indicators", [])
        path: Path = ("indicators", len(items))
        entry: dict[str, Any] = {}
        doc.source.values[path] = table.pos(row, "id")
        doc.put(entry, "id", path + ("id",), table, row, "id", cells)
        for part, fields in (("baseline", ("year", "value", "source")),
                             ("target", ("year", "value"))):
            sub: dict[str, Any] = {}
            columns = [f"{part}_{f}" for f in fields]
            for f, column in zip(fields, columns, strict=True):
                doc.put(sub, f, path + (part, f), table, row, column, cells)
            if sub or any(path + (part, f) in doc.silenced for f in fields):
                entry[part] = sub
                filled = [c for c in columns if table.raw(cells, c) is not None]
                doc.source.values[path + (part,)] = table.pos(row, (filled or columns)[0])
        items.append(entry)

    def activity(self, doc: Doc, table: Table, row: int, cells: dict[int, Any]) -> None:
        items = doc.data.setdefault("activities", [])
        path: Path = ("activities", len(items))
        entry: dict[str, Any] = {}
        doc.source.values[path] = table.pos(row, "code")
        for column in ("code", "name", "budget", "fund", "location"):
            doc.put(entry, column, path + (column,), table, row, column, cells)
        raw: dict[str, Any] = {}
        if doc.put(raw, "supports", path + ("supports",), table, row, "supports", cells):
            entry["supports"] = split_list(raw["supports"])
            for j in range(len(entry["supports"])):
                doc.source.values[path + ("supports", j)] = table.pos(row, "supports")
        output: dict[str, Any] = {}
        doc.put(output, "volume", path + ("output", "volume"), table, row, "output_volume", cells)
        doc.put(output, "unit", path + ("output", "unit"), table, row, "output_unit", cells)
        if output:
            entry["output"] = output
            doc.source.values[path + ("output",)] = table.pos(
                row, "output_volume" if "volume" in output else "output_unit")
        waivers(doc, entry, path + ("waive",), table, row, cells)
        items.append(entry)


def _villages_title(book: PlansBook) -> str:
    for v in book.villages:
        return str(v.doc.source.values[()][0])
    return VILLAGES.label
