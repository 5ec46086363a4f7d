"""The rule registry: findings, the context rules look things up in, and `lint`.

Each rule yields hits (subject, key path, message variant and parameters); `lint`
turns them into findings with the rule's id, severity and catalog message.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from posttui.core.catalog import FINDINGS, localized
from posttui.core.model import Objective, Plan, Segment, Target
from posttui.core.vocabulary import GROUPS


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    subject: str
    path: str
    message: str

    @property
    def group(self) -> str:
        """The SMART letter or POST step: the rule id's first part."""
        return self.rule.partition("/")[0]

    def to_json(self) -> dict[str, str]:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "subject": self.subject,
            "path": self.path,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule found: where (a key path), which message variant, its parameters.

    A plan-wide rule names the subject; an objective's rule leaves it to the registry
    and gives the path inside the objective (`targets[0].baseline`).
    """

    path: str
    variant: str = ""
    params: dict[str, Any] | None = None
    subject: str = ""


DEFAULT_MAX_MONTHLY_GROWTH = 0.15


class Context:
    """What the rules look up, built once per run."""

    def __init__(self, plan: Plan, today: date | None = None) -> None:
        self.plan = plan
        self.today = today or plan.plan.as_of or date.today()
        self.segments: dict[str, Segment] = {}
        for segment in plan.people.segments:
            self.segments.setdefault(segment.id, segment)
        self.served = {ref for i in plan.strategy.initiatives for ref in i.objectives}
        self.mix = {platform.id for platform in plan.technology.platforms}
        self.present = {p for segment in plan.people.segments for p in segment.platforms}
        self.max_growth = plan.settings.max_monthly_growth or DEFAULT_MAX_MONTHLY_GROWTH
        self.period_start = plan.plan.period_start
        self.period_end = plan.plan.period_end
        self._named: dict[int, list[Segment]] = {}

    def deadline(self, objective: Objective) -> date | None:
        """When the objective is due: its own deadline, else the end of the plan's period."""
        return objective.deadline or self.period_end

    def named_segments(self, objective: Objective) -> list[Segment]:
        """The known segments an objective names, each once."""
        key = id(objective)
        if (named := self._named.get(key)) is None:
            unique = dict.fromkeys(objective.segments)
            named = self._named[key] = [self.segments[r] for r in unique if r in self.segments]
        return named

    def names_only_known(self, objective: Objective) -> bool:
        """The objective names segments, and every one of them exists."""
        return bool(objective.segments) and all(r in self.segments for r in objective.segments)


def targets_lacking(objective: Objective, key: str, *, unless: str = "") -> Iterator[Hit]:
    """A hit at each of the objective's targets that leaves `key` unset (and `unless`, if
    given, too), numbered from 1 for the message: what measurable/no-baseline,
    measurable/no-metric, measurable/no-target-value and technology/no-platform share."""
    for index, target in enumerate(objective.targets):
        if getattr(target, key) is None and (not unless or getattr(target, unless) is None):
            yield Hit(f"targets[{index}].{key}", "", {"n": index + 1})


def targets_with(objective: Objective, key: str) -> Iterator[tuple[int, Target]]:
    """Each target of the objective (with its index) that sets `key`."""
    for index, target in enumerate(objective.targets):
        if getattr(target, key) is not None:
            yield index, target


PlanCheck = Callable[[Context], Iterator[Hit]]
ObjectiveCheck = Callable[[Context, Objective], Iterator[Hit]]


@dataclass(slots=True)
class Rule:
    id: str
    severity: Severity
    plan_checks: list[PlanCheck] = field(default_factory=list)
    objective_checks: list[ObjectiveCheck] = field(default_factory=list)


RULES: dict[str, Rule] = {}


def _registered(rule_id: str, severity: Severity) -> Rule:
    return RULES.setdefault(rule_id, Rule(rule_id, severity))


def rule(rule_id: str, severity: Severity = Severity.WARNING) -> Callable[[PlanCheck], PlanCheck]:
    """A check over the whole plan."""

    def register(check: PlanCheck) -> PlanCheck:
        _registered(rule_id, severity).plan_checks.append(check)
        return check

    return register


def objective_rule(
    rule_id: str, severity: Severity = Severity.WARNING
) -> Callable[[ObjectiveCheck], ObjectiveCheck]:
    """A check of one objective at a time (its subject is the objective)."""

    def register(check: ObjectiveCheck) -> ObjectiveCheck:
        _registered(rule_id, severity).objective_checks.append(check)
        return check

    return register


# An objective's findings, by rule: (path inside the objective, message).
Found = dict[str, list[tuple[str, str]]]
_OBJECTIVE_PATH = re.compile(r"objectives\[(\d+)\]")


class Linter:
    """Lints one plan again and again, as it is edited.

    What an objective's own rules found is kept per objective: after an edit inside
    one objective only that objective is checked again (the plan-wide rules always
    run). Any other edit can change what every objective is checked against, so it
    forgets everything.
    """

    def __init__(self, lang: str = "en") -> None:
        self.lang = lang
        self._found: dict[int, tuple[Objective, Found]] = {}
        self._today: date | None = None

    def forget(self, plan: Plan, path: str) -> None:
        """The value at `path` changed."""
        if match := _OBJECTIVE_PATH.match(path):
            index = int(match.group(1))
            if index < len(plan.objectives):
                self._found.pop(id(plan.objectives[index]), None)
        elif path != "objectives":  # a new order or new items leave each one's findings
            self._found.clear()

    def lint(self, plan: Plan, today: date | None = None) -> list[Finding]:
        """Every finding of every rule on `plan`, in rule order."""
        context = Context(plan, today)
        if context.today != self._today:
            self._found.clear()
            self._today = context.today
        # What each objective's rules found, gathered by rule, in objective order.
        by_rule: dict[str, list[tuple[int, str, str, str]]] = {}
        for index, objective in enumerate(plan.objectives):
            for rule_id, hits in self._objective(context, objective).items():
                by_rule.setdefault(rule_id, []).extend(
                    (index, objective.id, path, text) for path, text in hits
                )
        findings: list[Finding] = []
        for rule in RULES.values():
            for check in rule.plan_checks:
                findings.extend(
                    Finding(rule.id, rule.severity, hit.subject, hit.path, self._message(rule, hit))
                    for hit in check(context)
                )
            findings.extend(
                Finding(rule.id, rule.severity, subject, f"objectives[{index}].{path}", text)
                for index, subject, path, text in by_rule.get(rule.id, ())
            )
        self._drop_gone(plan)
        return findings

    def _objective(self, context: Context, objective: Objective) -> Found:
        cached = self._found.get(id(objective))
        if cached is not None and cached[0] is objective:
            return cached[1]
        found: Found = {}
        for rule, check in _objective_checks():
            for hit in check(context, objective):
                found.setdefault(rule.id, []).append((hit.path, self._message(rule, hit)))
        self._found[id(objective)] = (objective, found)
        return found

    def _drop_gone(self, plan: Plan) -> None:
        """Forget objectives the plan no longer holds (deleted, or a draft's)."""
        if len(self._found) > len(plan.objectives):
            kept = {id(objective) for objective in plan.objectives}
            self._found = {key: found for key, found in self._found.items() if key in kept}

    def _message(self, rule: Rule, hit: Hit) -> str:
        params = localized(hit.params or {}, self.lang)
        return FINDINGS(f"{rule.id}{hit.variant}", self.lang, **params)


@functools.cache
def _objective_checks() -> list[tuple[Rule, ObjectiveCheck]]:
    """Every objective check with its rule, in rule order (once all are registered)."""
    return [(rule, check) for rule in RULES.values() for check in rule.objective_checks]


def by_group(findings: Iterable[Finding]) -> list[tuple[str, list[Finding]]]:
    """Each group (a rule id's first part) with its findings, in `GROUPS` order; groups
    without findings left out."""
    members: dict[str, list[Finding]] = {group: [] for group in GROUPS}
    for finding in findings:
        members.setdefault(finding.group, []).append(finding)
    return [(group, found) for group, found in members.items() if found]


# From this many findings of one rule on, a list shows them as one row with a count.
MIN_GROUPED = 3


@dataclass(frozen=True, slots=True)
class RuleGroup:
    """The findings of one rule, shown as one row with a count that opens to the list."""

    rule: str
    severity: Severity
    findings: tuple[Finding, ...]

    @property
    def count(self) -> int:
        return len(self.findings)

    @property
    def group(self) -> str:
        return self.rule.partition("/")[0]


def collapsed(
    findings: Iterable[Finding], at_least: int = MIN_GROUPED
) -> list[Finding | RuleGroup]:
    """`findings` in their order, except that the findings of a rule with `at_least` or
    more are gathered into one `RuleGroup`, where the first of them stood."""
    found = list(findings)
    by_rule: dict[str, list[Finding]] = {}
    for finding in found:
        by_rule.setdefault(finding.rule, []).append(finding)
    rows: list[Finding | RuleGroup] = []
    for finding in found:
        same = by_rule[finding.rule]
        if len(same) < at_least:
            rows.append(finding)
        elif finding is same[0]:
            rows.append(RuleGroup(finding.rule, finding.severity, tuple(same)))
    return rows


def flags(findings: Iterable[Finding]) -> dict[str, set[str]]:
    """For each subject, the SMART letters and POST steps (finding groups) it fails."""
    flagged: dict[str, set[str]] = {}
    for finding in findings:
        flagged.setdefault(finding.subject, set()).add(finding.group)
    return flagged


def lint(plan: Plan, today: date | None = None, lang: str = "en") -> list[Finding]:
    """Every finding of every rule on `plan`, in rule order."""
    return Linter(lang).lint(plan, today)
