"""What `sinkron rules [CODE]` prints: the rule catalogue, or one rule explained with its examples.

The examples are the same ones the test suite runs: YAML fragments that replace whole
sections of a small, clean base plan and base targets (rules/examples.py). Lines where the
failing example gives a finding are marked; a finding that lands in a part taken from the
base is shown with that line.
"""

from __future__ import annotations

import difflib
import io
import re
import textwrap

from rich.console import Console
from rich.table import Table
from rich.text import Text

from sinkron.i18n import Lang, Msg
from sinkron.rules.examples import BASE_PLAN, BASE_TARGETS, complete, run_example, tag
from sinkron.rules.registry import Example, Rule, catalogue, resolve

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
FAMILIES = {
    "SK0": Msg("SK0xx reading files", "SK0xx pembacaan berkas"),
    "SK1": Msg("SK1xx references and identity", "SK1xx rujukan dan identitas"),
    "SK2": Msg("SK2xx coverage: does village spending reach regency indicators?",
               "SK2xx cakupan: apakah belanja desa menjangkau indikator kabupaten?"),
    "SK3": Msg("SK3xx targets: do village targets add up to the regency's?",
               "SK3xx target: apakah target desa, bila dijumlahkan, mencapai target kabupaten?"),
    "SK4": Msg("SK4xx budget", "SK4xx anggaran"),
    "SK5": Msg("SK5xx data quality", "SK5xx kualitas data"),
}
H_CATALOGUE = Msg("sinkron rules: {count} codes (`sinkron rules CODE` explains one)",
                  "aturan sinkron: {count} kode (`sinkron rules KODE` menjelaskan satu aturan)")
COLS = (Msg("code", "kode"), Msg("name", "nama"), Msg("severity", "tingkat"),
        Msg("what it finds", "yang diperiksa"))
H_WHY = Msg("Why it matters", "Mengapa penting")
H_BAD = Msg("Failing example", "Contoh yang gagal")
H_GOOD = Msg("Passing example", "Contoh yang lolos")
H_FILE = Msg("{file} (other sections as in the base example)",
             "{file} (bagian lain seperti contoh dasar)")
H_GIVES = Msg("gives {code} at {file}:{line}", "menghasilkan {code} di {file}:{line}")
H_GIVES_FILE = Msg("gives {code} for {file}", "menghasilkan {code} untuk {file}")
H_NONE = Msg("gives no {code} finding", "tidak menghasilkan temuan {code}")
H_NO_EXAMPLE = Msg("(raised by sinkron itself; no example plan triggers it)",
                   "(dimunculkan oleh sinkron sendiri; tidak ada contoh rencana yang memicunya)")
H_DEFAULT = Msg("default severity {severity}; change it with policy.severity, switch it off with "
                "policy.ignore or --ignore {code}",
                "tingkat bawaan {severity}; ubah dengan policy.severity, matikan dengan "
                "policy.ignore atau --ignore {code}")
H_FIXED = Msg("severity {severity}; it cannot be ignored or waived",
              "tingkat {severity}; tidak dapat diabaikan atau dikecualikan")
M_UNKNOWN = Msg("unknown rule code or name '{spec}' (`sinkron rules` lists them all){hint}",
                "kode atau nama aturan '{spec}' tidak dikenal (`sinkron rules` menampilkan "
                "semuanya){hint}")
M_HINT = Msg("; did you mean {code} ({name})?", "; mungkin maksudnya {code} ({name})?")
_CODE = re.compile(r"SK\d{3}", re.IGNORECASE)
_BASED = re.compile(r"plan\d*|targets")  # example files completed from the base example


def _paragraph(console: Console, text: str, indent: int, style: str = "") -> None:
    """Wrapped, indented text without trailing spaces (the output is often piped to a file)."""
    pad = " " * indent
    for line in textwrap.wrap(text, width=max(console.width - indent, 40)):
        console.print(Text(pad + line, style=style))


def catalogue_tables(rules: list[Rule], lang: Lang) -> list[Table]:
    """The catalogue: one table per family (code, name, severity, summary), aligned alike."""
    tables: list[Table] = []
    for r in rules:
        if not tables or tables[-1].title != FAMILIES[r.family]().get(lang):
            table = Table(title=FAMILIES[r.family]().get(lang), title_justify="left",
                          title_style="bold", show_edge=False, show_header=not tables)
            for width, col in zip((5, 26, 8, None), COLS, strict=True):
                table.add_column(col().get(lang), width=width, no_wrap=width is not None)
            tables.append(table)
        tables[-1].add_row(r.code, r.name,
                           Text(r.severity.value, style=STYLE[r.severity.value]),
                           r.summary().get(lang))
    return tables


def _fragments(example: Example) -> list[tuple[str, str, str]]:
    """(tag, file name, fragment) of an example, in the order the test writes them."""
    out = []
    for n, text in enumerate(example.plans):
        tag = "plan" if n == 0 else f"plan{n + 1}"
        out.append((tag, f"plans/{tag}.yaml", text))
    if example.targets:
        out.append(("targets", "targets.yaml", example.targets))
    out.extend((name, f"plans/{name}", text) for name, text in example.files)
    return out


def _full(tag: str, fragment: str) -> list[str]:
    if tag.startswith("plan"):
        return complete(fragment, BASE_PLAN).splitlines()
    if tag == "targets":
        return complete(fragment, BASE_TARGETS).splitlines()
    return fragment.splitlines()


def _messages(example: Example, code: str, lang: Lang) -> dict[tuple[str, int], list[str]]:
    """(file tag, line) -> the messages the example really gives for `code`."""
    try:
        found = run_example(example)
    except Exception:  # the catalogue must show even if an example cannot run
        return {}
    out: dict[tuple[str, int], list[str]] = {}
    for f in found:
        if f.code == code:
            out.setdefault((tag(f.location.file), f.location.line or 0), []).append(
                f.message.get(lang))
    return out


def print_example(console: Console, title: Msg, example: Example, code: str, lang: Lang) -> None:
    """One example: its fragments with marked lines, then what it gives, with the message."""
    console.print(Text(title().get(lang), style="bold"))
    for where, name, text in _fragments(example):
        if not text.strip():
            continue
        head = H_FILE(file=name).get(lang) if _BASED.fullmatch(where) else name
        console.print(Text("  " + head, style="dim"))
        marks: dict[int, list[str]] = {}
        for c, t, at in example.expect:
            if t == where:
                marks.setdefault(at, []).append(c)
        for n, written in enumerate(text.rstrip("\n").splitlines(), start=1):
            row = Text(f"  {n:3} | ", style="dim")
            row.append(written)
            if n in marks:
                row.append("   <- " + ", ".join(sorted(set(marks[n]))), style="bold")
            console.print(row)
    files = {where: name for where, name, _ in _fragments(example)}
    messages = _messages(example, code, lang) if example.expect else {}
    for c, where, line in example.expect:
        name = files.get(where) or ("targets.yaml" if where == "targets" else f"plans/{where}"
                                    + (".yaml" if where.startswith("plan") else ""))
        if line == 0:
            console.print("  " + H_GIVES_FILE(code=c, file=name).get(lang))
        else:
            frag = next((t for g, _, t in _fragments(example) if g == where), "")
            full = _full(where, frag)
            outside = line > len(frag.splitlines()) and 0 < line <= len(full)
            tail = f"  ({full[line - 1].strip()})" if outside else ""
            console.print("  " + H_GIVES(code=c, file=name, line=line).get(lang) + tail)
        for message in messages.get((where, line), []):
            _paragraph(console, message, 4, "italic")
    if not example.expect:
        console.print("  " + H_NONE(code=code).get(lang))
    console.print()


def explain(console: Console, r: Rule, lang: Lang) -> None:
    """One rule: summary, why, severity, and its failing and passing examples."""
    head = Text(f"{r.code} {r.name} ", style="bold")
    head.append(f"({r.severity.value})", style=STYLE[r.severity.value])
    console.print(head)
    _paragraph(console, r.summary().get(lang), 0)
    sev = (H_DEFAULT if r.waivable else H_FIXED)(severity=r.severity.value, code=r.code)
    console.print(Text(sev.get(lang), style="dim"))
    console.print()
    console.print(Text(H_WHY().get(lang), style="bold"))
    _paragraph(console, r.why().get(lang), 2)
    console.print()
    if r.bad.expect:
        print_example(console, H_BAD, r.bad, r.code, lang)
    else:
        console.print(Text(H_BAD().get(lang), style="bold"))
        console.print("  " + H_NO_EXAMPLE().get(lang))
        console.print()
    print_example(console, H_GOOD, r.good, r.code, lang)


def nearest(spec: str, rules: dict[str, Rule]) -> str | None:
    """The code a mistyped code or name most likely meant."""
    s = spec.strip()
    if _CODE.fullmatch(s):
        number = int(s[2:])
        return min(rules, key=lambda c: (abs(int(c[2:]) - number), c))
    names = {r.name: c for c, r in rules.items()}
    close = difflib.get_close_matches(s.lower(), list(names) + [c.lower() for c in rules],
                                      n=1, cutoff=0.5)
    if not close:
        return None
    return names.get(close[0], close[0].upper())


def render(spec: str | None, lang: Lang, color: bool = False, width: int = 110) -> str | None:
    """The text `sinkron rules [spec]` prints; None when `spec` names no rule."""
    rules = catalogue()
    out = io.StringIO()
    console = Console(file=out, force_terminal=color, no_color=not color, width=width,
                      highlight=False, emoji=False, markup=False)
    codes = resolve(spec) if spec else list(rules)
    if not codes:
        return None
    if spec and len(codes) == 1:
        explain(console, rules[codes[0]], lang)
    else:
        console.print(Text(H_CATALOGUE(count=len(codes)).get(lang), style="bold"))
        for table in catalogue_tables([rules[c] for c in codes], lang):
            console.print()
            console.print(table)
    return out.getvalue()
