"""The rule catalogue: every code with its name, severity, docs, examples and checks.

A rule's code, name, default severity, summary, why it matters, and a failing and a passing
example sit in its own module beside its check; `sinkron rules` renders them and the test
suite runs the examples as test cases. The engine, not the rule, stamps code and severity.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sinkron.findings import Problem, Severity
from sinkron.i18n import Msg

if TYPE_CHECKING:
    from sinkron.model.build import Plan
    from sinkron.rules.context import Context, PlanSummary


@dataclass(frozen=True)
class Example:
    """Plan files (YAML fragments) and an optional targets fragment, with what they give.

    Each fragment is completed from the base plan / base targets (rules/examples.py) for
    every top-level key it does not set; the fragment's own lines come first, so `expect`
    gives (code, "plan" | "plan2" | "targets", line within the fragment).
    """

    plans: tuple[str, ...] = ()
    targets: str | None = None
    files: tuple[tuple[str, str], ...] = ()  # other files beside the plans: (name, text)
    expect: tuple[tuple[str, str, int], ...] = ()


PlanCheck = Callable[["Plan", "Context"], Iterable[Problem]]
TargetsCheck = Callable[["Context"], Iterable[Problem]]
RegencyCheck = Callable[[Sequence["PlanSummary"], "Context"], Iterable[Problem]]


@dataclass
class Rule:
    code: str
    name: str
    severity: Severity
    summary: Msg
    why: Msg
    bad: Example
    good: Example
    waivable: bool = True
    plan_check: PlanCheck | None = None
    targets_check: TargetsCheck | None = None
    regency_check: RegencyCheck | None = None
    messages: dict[str, Msg] = field(default_factory=dict)

    def on_plan(self, fn: PlanCheck) -> PlanCheck:
        self.plan_check = fn
        return fn

    def on_targets(self, fn: TargetsCheck) -> TargetsCheck:
        self.targets_check = fn
        return fn

    def on_regency(self, fn: RegencyCheck) -> RegencyCheck:
        self.regency_check = fn
        return fn

    @property
    def family(self) -> str:
        return self.code[:3]


REGISTRY: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    """Add a rule to the catalogue; a code or name used twice is a programming error."""
    if rule.code in REGISTRY:
        raise ValueError(f"rule code {rule.code} registered twice")
    if any(r.name == rule.name for r in REGISTRY.values()):
        raise ValueError(f"rule name {rule.name} registered twice")
    REGISTRY[rule.code] = rule
    return rule


def rule(code: str, name: str, severity: str, summary: Msg, why: Msg, bad: Example,
         good: Example, **kw: Any) -> Rule:
    """Declare and register a rule (its checks are attached with on_plan/on_targets/...)."""
    return register(Rule(code, name, Severity(severity), summary, why, bad, good, **kw))


def catalogue() -> dict[str, Rule]:
    """All rules, by code, in code order."""
    import sinkron.rules  # noqa: F401  (imports every rule module)

    return dict(sorted(REGISTRY.items()))


def code_names() -> dict[str, str]:
    """Code or name -> code, for everything that accepts either."""
    out: dict[str, str] = {}
    for code, r in catalogue().items():
        out[code] = code
        out[r.name] = code
    return out


def resolve(spec: str) -> list[str]:
    """Codes named by a code, a name or a prefix (`SK2`), for --select and --ignore."""
    spec = spec.strip()
    rules = catalogue()
    if spec.upper() in rules:
        return [spec.upper()]
    by_name = {r.name: c for c, r in rules.items()}
    if spec.lower() in by_name:
        return [by_name[spec.lower()]]
    return [c for c in rules if c.startswith(spec.upper())] if spec else []
