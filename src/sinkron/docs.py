"""The rule reference (docs/rules.md, docs/aturan.md), generated from the rule catalogue.

Regenerate after adding or changing a rule: `python -m sinkron.docs` (from the repository
root; it writes both files). A test fails when the committed files differ from this output.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sinkron.i18n import Lang, Msg
from sinkron.rules.registry import Example, Rule, catalogue

FILES: dict[Lang, str] = {"en": "docs/rules.md", "id": "docs/aturan.md"}

T_TITLE = Msg("sinkron rule reference", "Referensi aturan sinkron")
T_GENERATED = Msg("Generated from the rule catalogue by `python -m sinkron.docs`; do not edit "
                  "by hand. `sinkron rules CODE` shows the same on the command line.",
                  "Dibuat dari katalog aturan dengan `python -m sinkron.docs`; jangan diubah "
                  "manual. `sinkron rules KODE` menampilkan isi yang sama di baris perintah.")
T_INTRO = Msg("Every problem sinkron reports is a finding with a code. Codes never change "
              "meaning: write them (or the names) in waivers, `policy.ignore`, `policy.severity`, "
              "`--select` and `--ignore`. Severity is the default; `policy.severity` in the "
              "targets changes it per code.",
              "Setiap masalah yang dilaporkan sinkron adalah temuan berkode. Arti kode tidak "
              "pernah berubah: tulis kode (atau namanya) pada pengecualian (`waive`), "
              "`policy.ignore`, `policy.severity`, `--select` dan `--ignore`. Tingkat yang "
              "tertulis adalah bawaan; `policy.severity` di berkas target dapat mengubahnya.")
T_COLUMNS = (Msg("code", "kode"), Msg("name", "nama"), Msg("severity", "tingkat"),
             Msg("can be waived", "dapat dikecualikan"), Msg("finding", "temuan"))
T_YES = Msg("yes", "ya")
T_NO = Msg("no", "tidak")
T_WHY = Msg("Why it matters", "Mengapa penting")
T_BAD = Msg("Failing example", "Contoh yang memicu temuan")
T_GOOD = Msg("Passing example", "Contoh yang lolos")
T_GIVES = Msg("Gives", "Hasilnya")
T_AT = Msg("{code} at line {line} of {file}", "{code} pada baris {line} di {file}")
T_IN = Msg("{code} on {file}", "{code} pada {file}")
T_BASE = Msg("The base example, unchanged.", "Contoh dasar, tanpa perubahan.")
T_REST = Msg("Sections not shown are those of the base example (a clean plan of Desa Plosorejo "
             "and targets of Kabupaten Blitar).",
             "Bagian yang tidak ditampilkan sama dengan contoh dasar (rencana Desa Plosorejo "
             "yang bersih dan target Kabupaten Blitar).")
T_PLAN = Msg("plan file", "berkas rencana")
T_PLAN2 = Msg("second plan file", "berkas rencana kedua")
T_TARGETS = Msg("targets file", "berkas target")
FAMILIES: dict[str, Msg] = {
    "SK0": Msg("SK0xx: reading files", "SK0xx: pembacaan berkas"),
    "SK1": Msg("SK1xx: references and identity", "SK1xx: rujukan dan identitas"),
    "SK2": Msg("SK2xx: coverage", "SK2xx: cakupan dukungan kegiatan"),
    "SK3": Msg("SK3xx: targets", "SK3xx: target"),
    "SK4": Msg("SK4xx: budget", "SK4xx: anggaran"),
    "SK5": Msg("SK5xx: data quality", "SK5xx: mutu data"),
}


def _template(msg: Msg, lang: Lang) -> str:
    """A rule's text as written (summaries have no placeholders to fill)."""
    return msg.id if lang == "id" else msg.en


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _file_name(tag: str, lang: Lang) -> str:
    names = {"plan": T_PLAN, "plan2": T_PLAN2, "targets": T_TARGETS}
    return names[tag]().get(lang) if tag in names else f"`{tag}`"


def _example(title: Msg, example: Example, lang: Lang) -> list[str]:
    out = [f"**{title().get(lang)}**", ""]
    blocks = [(_file_name("plan" if n == 0 else "plan2", lang), text)
              for n, text in enumerate(example.plans) if text]
    if example.targets:
        blocks.append((_file_name("targets", lang), example.targets))
    blocks.extend((f"`{name}`", text) for name, text in example.files)
    if not blocks:
        out += [T_BASE().get(lang), ""]
    for name, text in blocks:
        out += [f"{name}:", "", "```yaml", text.rstrip("\n"), "```", ""]
    if example.expect:
        found = [T_AT(code=code, line=line, file=_file_name(tag, lang)).get(lang) if line
                 else T_IN(code=code, file=_file_name(tag, lang)).get(lang)
                 for code, tag, line in example.expect]
        out += [f"{T_GIVES().get(lang)}: " + "; ".join(found) + ".", ""]
    return out


def _rule(rule: Rule, lang: Lang) -> list[str]:
    waivable = (T_YES if rule.waivable else T_NO)().get(lang)
    cols = [c().get(lang) for c in T_COLUMNS]
    out = [f"### {rule.code} {rule.name}", "",
           f"{cols[2].capitalize()}: **{rule.severity.value}** · {cols[3].capitalize()}: "
           f"{waivable}", "",
           _template(rule.summary, lang), "",
           f"*{T_WHY().get(lang)}:* {_template(rule.why, lang)}", ""]
    if rule.bad.expect:  # SK000 has no input that triggers it
        out += _example(T_BAD, rule.bad, lang)
    out += _example(T_GOOD, rule.good, lang)
    return out


def rule_reference(lang: Lang) -> str:
    """The whole rule reference as Markdown, in `lang`."""
    rules = list(catalogue().values())
    cols = [c().get(lang) for c in T_COLUMNS]
    out = [f"# {T_TITLE().get(lang)}", "", f"<!-- {T_GENERATED().get(lang)} -->", "",
           T_INTRO().get(lang), "", "| " + " | ".join(cols) + " |",
           "|" + " --- |" * len(cols)]
    for r in rules:
        waivable = (T_YES if r.waivable else T_NO)().get(lang)
        out.append(f"| [{r.code}](#{r.code.lower()}-{r.name}) | {r.name} | {r.severity.value} "
                   f"| {waivable} | {_cell(_template(r.summary, lang))} |")
    out += ["", T_REST().get(lang), ""]
    family = None
    for r in rules:
        if r.code[:3] != family:
            family = r.code[:3]
            title = FAMILIES.get(family, Msg(f"{family}xx", f"{family}xx"))
            out += [f"## {title().get(lang)}", ""]
        out += _rule(r, lang)
    return "\n".join(out).rstrip("\n") + "\n"


def write(root: Path) -> list[Path]:
    """Write docs/rules.md and docs/aturan.md under `root`; the paths written."""
    written = []
    for lang, name in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(rule_reference(lang), "utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for p in write(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()):
        print(p)
