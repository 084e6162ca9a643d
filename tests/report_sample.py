"""A Report built by hand for the reporter tests: every kind of finding, two villages,
a projection, fund shares, and plan text that tries to escape each format."""

from __future__ import annotations

from sinkron.findings import (
    Finding,
    IndicatorInfo,
    Location,
    ProjectionRow,
    Report,
    Severity,
)
from sinkron.i18n import Text
from sinkron.rules.context import FundShareResult, IndicatorValues, PlanSummary

INJECTION = '=HYPERLINK("http://x","y")'
HOSTILE = "Jalan\x01desa\x1b[31m \u202eevil | <b>x</b> %0A\r\n::error::pwned, a:b"


def _text(en: str, id_: str | None = None) -> Text:
    return Text(en, id_ or en)


def _summary(code: str, name: str, year: int, by_indicator: dict[str, int], total: int,
             linked: int, values: dict[str, IndicatorValues],
             shares: list[FundShareResult] | None = None) -> PlanSummary:
    return PlanSummary(
        f"plans/{name.lower()}.yaml", Location(f"plans/{name.lower()}.yaml", 2, 3), code, name,
        "Kademangan", year, 4000, {"children_under_5": 300}, values, {},
        budget_total=total, budget_linked=linked, budget_by_indicator=by_indicator,
        addressed={i for i in by_indicator}, fund_shares=shares or [])


def sample_report() -> Report:
    """Five findings (one waived, one from a workbook), two plans, two projection rows."""
    yaml_file = "plans/plosorejo.yaml"
    findings = [
        Finding("SK002", "schema-violation", Severity.ERROR,
                _text("unknown key 'nmae'; did you mean 'name'?",
                      "kunci 'nmae' tidak dikenal; maksudnya 'name'?"),
                Location(yaml_file, 29, 5), village="35.05.04.2014", year=2025),
        Finding("SK201", "unlinked-activity", Severity.WARNING,
                _text(f"activity 2.3.10 '{INJECTION}' supports no indicator"),
                Location(yaml_file, 22, 5), village="35.05.04.2014", activity="2.3.10",
                year=2025),
        Finding("SK201", "unlinked-activity", Severity.WARNING,
                _text(f"activity 2.3.11 '{HOSTILE}' supports no indicator"),
                Location(yaml_file, 30, 5), village="35.05.04.2014", activity="2.3.11",
                year=2025, waived=True, waive_reason="Akses jalan ke Posyandu, | disepakati"),
        Finding("SK105", "unknown-activity-code", Severity.WARNING,
                _text("activity code 9.9.99 is not in the nomenclature"),
                Location("plans/desa.xlsx", sheet="kegiatan", cell="B7"),
                village="35.05.04.2001", activity="9.9.99", year=2025),
        Finding("SK103", "duplicate-plan", Severity.ERROR, _text("two plans for one village"),
                Location("plans/b.yaml", 2, 9), village="35.05.04.2001", year=2025,
                related=(Location("plans/desa.xlsx", sheet="desa", cell="A2"),)),
        Finding("SK004", "skipped-file", Severity.INFO, _text("not a plan file"),
                Location("plans/notes.txt")),
    ]
    report = Report(targets="targets.yaml", findings=findings, files=3, villages=2,
                    activities=7)
    report.files_read = ["plans/b.yaml", "plans/clean.yaml", "plans/desa.xlsx", yaml_file]
    report.indicators = [
        IndicatorInfo("stunting", "Prevalensi stunting", "percent", "decrease", True, True),
        IndicatorInfo("kemiskinan", "Tingkat kemiskinan", "percent", "decrease", True, True),
        IndicatorInfo("rls", "Rata-rata lama sekolah", "years", "increase", False, True)]
    report.summaries = [
        _summary("35.05.04.2014", "Plosorejo", 2025, {"stunting": 45_000_000,
                                                       "kemiskinan": 45_000_000},
                 645_000_000, 45_000_000,
                 {"stunting": IndicatorValues(19.5, 2024, 17.0, 2025)},
                 [FundShareResult("ketahanan_pangan", "Ketahanan pangan", "DD", 100_000_000,
                                  850_000_000, 0.2, None)]),
        _summary("35.05.04.2001", INJECTION, 2025, {"rls": 0}, 200_000_000, 0,
                 {"stunting": IndicatorValues(9.0, 2024, None, None)},
                 [FundShareResult("blt", None, "DD", 50_000_000, 500_000_000, None, 0.15)]),
    ]
    report.projection = [
        ProjectionRow("kemiskinan", 2025, 7.86, (7.80, 7.86), 8.5, 2, 1, 0.004, False),
        ProjectionRow("stunting", 2025, 16.64, None, 14.0, 2, 2, 0.008, True),
    ]
    return report
