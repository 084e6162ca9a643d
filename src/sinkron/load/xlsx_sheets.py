"""Which sheet of a workbook is which layout sheet; reading the ones that are."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from sinkron.findings import Location, Note, Problem
from sinkron.i18n import Msg
from sinkron.load.workbook import Book
from sinkron.load.xlsx_layout import Layout, normalise
from sinkron.load.xlsx_table import CLOSE, Table, find_table

M_DUP_SHEET = Msg("sheets '{first}' and '{second}' are both read as {key}; rename or delete one",
                  "lembar '{first}' dan '{second}' sama-sama terbaca sebagai {key}; ganti nama "
                  "atau hapus salah satunya")
M_CLOSE_SHEET = Msg("sheet '{sheet}' is not read; did you mean '{name}'?",
                    "lembar '{sheet}' tidak dibaca; mungkin maksudnya '{name}'?")
M_HIDDEN = Msg("sheet '{sheet}' is hidden; sinkron read it like the others",
               "lembar '{sheet}' tersembunyi; sinkron tetap membacanya")


@dataclass
class Sheets:
    tables: dict[str, Table] = field(default_factory=dict)  # layout key -> table
    problems: list[Problem] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    fatal: bool = False  # SK001: the workbook cannot be used at all


def read_sheets(book: Book, layouts: tuple[Layout, ...],
                extras: str | None = None) -> Sheets:
    """The layout sheets of `book` as tables; `extras` names the layout with count columns."""
    out = Sheets()
    names = {normalise(n): lay for lay in layouts for n in lay.names}
    matched: dict[str, str] = {}  # layout key -> sheet title
    unmatched: list[str] = []
    for title, is_hidden in book.sheets():
        layout = names.get(normalise(title))
        if layout is None:
            unmatched.append(title)
            continue
        where = Location(book.file, sheet=title, cell="A1")
        if layout.key in matched:
            out.problems.append(Problem("SK002", M_DUP_SHEET(
                first=matched[layout.key], second=title, key=layout.label), where))
            continue
        matched[layout.key] = title
        if is_hidden:
            out.notes.append(Note(M_HIDDEN(sheet=title), where))
    for title in unmatched:
        norm = normalise(title)
        close = [lay for lay in layouts if lay.key not in matched
                 and any(difflib.SequenceMatcher(None, norm, normalise(n)).ratio() >= CLOSE
                         for n in lay.names)]
        if close:
            out.problems.append(Problem("SK002", M_CLOSE_SHEET(sheet=title,
                                                               name=close[0].label),
                                        Location(book.file, sheet=title, cell="A1")))
    for layout in layouts:
        if layout.key not in matched:
            continue
        sheet, problems = book.read(matched[layout.key])
        out.problems.extend(problems)
        if sheet is None:
            out.fatal = True
            return out
        table, problems = find_table(sheet, layout, book.file, extras=layout.key == extras)
        out.problems.extend(problems)
        if table is not None:
            out.tables[layout.key] = table
    return out
