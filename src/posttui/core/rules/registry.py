"""The rule registry: findings, the context rules look things up in, and `lint`.

Each rule yields hits (subject, key path, message variant and parameters); `lint`
turns them into findings with the rule's id, severity and catalog message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cached_property
from typing import Any

from posttui.core.messages import message
from posttui.core.model import Objective, Plan, Segment


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
    subject: str
    path: str
    variant: str = ""
    params: dict[str, Any] | None = None


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

    def objectives(self) -> Iterable[tuple[str, Objective]]:
        """Each objective with its key path."""
        return self._objectives

    @cached_property
    def _objectives(self) -> list[tuple[str, Objective]]:
        return [(f"objectives[{i}]", o) for i, o in enumerate(self.plan.objectives)]

    def named_segments(self, objective: Objective) -> list[Segment]:
        """The known segments an objective names, each once."""
        return [
            self.segments[ref] for ref in dict.fromkeys(objective.segments) if ref in self.segments
        ]

    def names_only_known(self, objective: Objective) -> bool:
        """The objective names segments, and every one of them exists."""
        return bool(objective.segments) and all(r in self.segments for r in objective.segments)


Check = Callable[[Context], Iterator[Hit]]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severity: Severity
    check: Check


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity = Severity.WARNING) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        RULES[rule_id] = Rule(rule_id, severity, check)
        return check

    return register


def lint(plan: Plan, today: date | None = None, lang: str = "en") -> list[Finding]:
    """Every finding of every rule on `plan`, in rule order."""
    context = Context(plan, today)
    return [
        Finding(
            rule.id,
            rule.severity,
            hit.subject,
            hit.path,
            message(f"{rule.id}{hit.variant}", lang, **(hit.params or {})),
        )
        for rule in RULES.values()
        for hit in rule.check(context)
    ]
