"""What the report says about a plan, in its language, before it is drawn as
Markdown or HTML: every text here is plain and unescaped; the formats escape it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from posttui import __version__
from posttui.core import matrix, vocabulary
from posttui.core.catalog import Number
from posttui.core.model import (
    INVOLVEMENT_TYPES,
    NORWEGIAN_INVOLVEMENT,
    Initiative,
    Objective,
    Plan,
    Segment,
)
from posttui.core.progress import ObjectiveProgress, TargetProgress, by_risk, plan_progress
from posttui.core.report.catalog import REPORT
from posttui.core.rules import Finding, Severity, lint
from posttui.core.rules.registry import Context, by_group, flags
from posttui.core.vocabulary import group_title


@dataclass(frozen=True, slots=True)
class Letter:
    """One SMART letter of one objective."""

    letter: str
    name: str
    passed: bool


@dataclass(frozen=True, slots=True)
class Share:
    """One of Brandtzæg's user types in a segment."""

    type: str
    name: str
    share: float
    average: int


SPARK = "▁▂▃▄▅▆▇█"
SPARK_POINTS = 24  # at most this many values in a text sparkline


@dataclass(frozen=True, slots=True)
class Trend:
    """One target's progress with its figures written for the report (plain text)."""

    progress: TargetProgress
    status: str  # "on-track", "behind" or "unknown"
    figures: list[tuple[str, str]]  # (name, value): baseline, latest, ... status
    description: str  # what its chart shows, in a sentence


@dataclass
class Report:
    plan: Plan
    lang: str
    today: date
    findings: list[Finding]
    flagged: dict[str, set[str]] = field(default_factory=dict)
    version: str = __version__

    def say(self, key: str, **params: Any) -> str:
        return REPORT(key, self.lang, **params)

    def number(self, value: float) -> str:
        """1850 -> '1,850' (en) or '1 850' (nb, with a no-break space); 2.5 -> '2,5' in nb."""
        whole = float(value).is_integer()
        return format(Number(int(value) if whole else value, self.lang), ",")

    def share(self, value: float) -> str:
        return format(Number(value, self.lang), "g")

    # -- the plan at a glance --

    def figures(self) -> list[tuple[str, str]]:
        plan = self.plan
        smart = sum(all(letter.passed for letter in self.smart(o)) for o in plan.objectives)
        return [
            (self.say("figure.segments"), str(len(plan.people.segments))),
            (self.say("figure.objectives"), str(len(plan.objectives))),
            (self.say("figure.smart"), f"{smart}/{len(plan.objectives)}"),
            (self.say("figure.initiatives"), str(len(plan.strategy.initiatives))),
            (self.say("figure.platforms"), str(len(plan.technology.platforms))),
            (self.say("figure.findings"), str(len(self.findings))),
        ]

    def counts(self) -> str:
        """'errors: 0, warnings: 2, info: 1'."""
        return ", ".join(
            self.say(f"count.{severity.value}", count=self.count(severity)) for severity in Severity
        )

    def count(self, severity: Severity) -> int:
        return sum(finding.severity is severity for finding in self.findings)

    # -- People --

    def linkage(self, segment: Segment) -> str:
        return vocabulary.linkage_choice(segment.linkage, self.lang) if segment.linkage else ""

    def size(self, segment: Segment) -> str:
        return self.number(segment.size) if segment.size is not None else ""

    def involvement(self, segment: Segment) -> list[Share] | None:
        if segment.involvement is None:
            return None
        return self._shares(segment.involvement.shares())

    def average(self) -> list[Share]:
        """Brandtzæg's shares of Norwegian users: the yardstick beside every segment."""
        return self._shares(NORWEGIAN_INVOLVEMENT)

    def _shares(self, shares: tuple[float, ...]) -> list[Share]:
        return [
            Share(kind, vocabulary.involvement_name(kind, self.lang), share, average)
            for kind, share, average in zip(
                INVOLVEMENT_TYPES, shares, NORWEGIAN_INVOLVEMENT, strict=True
            )
        ]

    # -- Objectives --

    def kind(self, objective: Objective) -> str:
        """The Groundswell kind, and whether the objective is the one that leads."""
        kind = vocabulary.kind_choice(objective.kind, self.lang) if objective.kind else ""
        if objective.primary:
            primary = self.say("objective.primary")
            return f"{kind} · {primary}" if kind else primary
        return kind

    def smart(self, objective: Objective) -> list[Letter]:
        """S, M, A, R and T, each failed when a finding of its group is about the objective:
        the rule the editor's side panel follows."""
        failing = self.flagged.get(objective.id, set())
        return [
            Letter(letter, vocabulary.smart_name(letter, self.lang), group not in failing)
            for letter, group in vocabulary.SMART
        ]

    def smart_note(self, letters: list[Letter]) -> str:
        failed = [letter.name for letter in letters if not letter.passed]
        if not failed:
            return self.say("smart.all-met")
        return self.say("smart.fails", letters=", ".join(failed))

    def also(self, objective: Objective) -> str:
        """'' or 'Also in the findings: Technology': the objective's findings outside SMART."""
        smart = {group for _, group in vocabulary.SMART}
        failing = self.flagged.get(objective.id, set()) - smart
        if not failing:
            return ""
        titles = [group_title(group, self.lang) for group in vocabulary.GROUPS if group in failing]
        return self.say("smart.also", groups=", ".join(titles))

    def audience(self, objective: Objective) -> list[str]:
        """The names of the segments an objective is for (the id of an unknown one)."""
        return [self._segment_names.get(ref, ref) for ref in objective.segments]

    @cached_property
    def _segment_names(self) -> dict[str, str]:
        # The first of two segments with one id is the one the rules look at.
        return {segment.id: segment.name for segment in reversed(self.plan.people.segments)}

    def deadline(self, objective: Objective) -> str:
        """The deadline (else the end of the plan's period), with the start where one is set."""
        if objective.deadline:
            deadline = objective.deadline.isoformat()
        elif end := self.plan.plan.period_end:
            deadline = self.say("objective.period-end", date=end.isoformat())
        else:
            deadline = self.say("unset")
        if objective.start:
            deadline += f" ({self.say('objective.start', date=objective.start.isoformat())})"
        return deadline

    def owner(self, objective: Objective) -> str:
        return objective.owner if objective.owner.strip() else self.say("unset")

    def targets(self, objective: Objective) -> list[str]:
        unset = self.say("unset")
        lines = []
        for target in objective.targets:
            params = {
                # A target measured off any one platform (a survey, say) names its source.
                "platform": target.platform or target.source or unset,
                "metric": target.metric or unset,
                "target": unset if target.target is None else self.number(target.target),
            }
            if target.direction == "maintain":
                hold = "target.hold" if target.baseline is None else "target.hold-from"
                baseline = "" if target.baseline is None else self.number(target.baseline)
                lines.append(self.say(hold, baseline=baseline, **params))
            elif target.baseline is None:
                lines.append(self.say("target.to", **params))
            else:
                lines.append(
                    self.say("target.from-to", baseline=self.number(target.baseline), **params)
                )
        return lines

    # -- Strategy --

    def details(self, initiative: Initiative) -> list[tuple[str, str]]:
        """What an initiative serves, where, with what and how often: the ones given."""
        details = [
            ("serves", ", ".join(initiative.objectives)),
            ("platforms", ", ".join(initiative.platforms)),
            ("content", ", ".join(initiative.content)),
            ("cadence", initiative.cadence.strip()),
        ]
        return [(self.say(f"strategy.{key}"), value) for key, value in details if value]

    # -- Technology --

    @cached_property
    def columns(self) -> list[str]:
        return matrix.platform_columns(self.plan)

    def column_name(self, column: str) -> str:
        """A platform's name from the mix, else its id."""
        name = self._platform_names.get(column, "")
        return name if name.strip() else column

    def in_mix(self, column: str) -> bool:
        return column in self._platform_names

    @cached_property
    def _platform_names(self) -> dict[str, str]:
        # The first of two platforms with one id is the one that names it.
        return {p.id: p.name for p in reversed(self.plan.technology.platforms)}

    def matrix(self) -> list[tuple[Segment, list[str]]]:
        return matrix.rows(self.plan, self.columns)

    def legend(self) -> list[tuple[str, str]]:
        return matrix.legend(self.lang)

    def left_out(self) -> list[str]:
        """What the matrix does not draw (thousands of segments or platforms)."""
        return matrix.left_out(self.plan, self.lang)

    # -- Findings --

    def groups(self) -> list[tuple[str, list[Finding]]]:
        """Each group's title with its findings, in report order; empty groups left out."""
        return [(group_title(group, self.lang), found) for group, found in by_group(self.findings)]

    def severity(self, finding: Finding) -> str:
        return self.say(f"severity.{finding.severity.value}")

    # -- Progress (plans with results) --

    @cached_property
    def has_results(self) -> bool:
        """Whether any target has a result: only then has the report a progress section."""
        return any(t.results for o in self.plan.objectives for t in o.targets)

    def progress(self) -> list[tuple[ObjectiveProgress, list[Trend]]]:
        """The objectives with results, most at risk first, each with its targets' trends
        (as `posttui progress` measures them on the report's date)."""
        if not self.has_results:
            return []
        found = by_risk(plan_progress(self.plan, self.today))
        return [
            (objective, [self.trend(t) for t in objective.targets])
            for objective in found
            if any(t.results for t in objective.targets)
        ]

    def figure(self, value: float | None, decimals: int = 0, sign: bool = False) -> str:
        """A computed figure rounded for reading: '1,613', '+187.5' ('-' for none)."""
        if value is None:
            return "-"
        return format(Number(value, self.lang), f"{'+' if sign else ''},.{decimals}f")

    def trend(self, t: TargetProgress) -> Trend:
        status = {True: "on-track", False: "behind", None: "unknown"}[t.on_track]
        said = self.say(f"progress.{status}")
        if t.reached is not None:
            said += f" · {self.say('progress.reached', date=t.reached.isoformat())}"
        latest = self.value(t.latest)
        if t.latest_date is not None:
            latest += f" ({t.latest_date.isoformat()})"
        percent = self.figure(t.percent)
        figures = [
            (self.say("progress.baseline"), self.value(t.baseline)),
            (self.say("progress.latest"), latest),
            (self.say("progress.goal"), self.value(t.target)),
            (self.say("progress.percent"), percent if t.percent is None else f"{percent} %"),
            (self.say("progress.needed"), self.pace(t.pace_needed)),
            (self.say("progress.actual"), self.pace(t.pace_actual)),
            (self.say("progress.forecast"), self.figure(t.forecast)),
            (self.say("progress.status"), said),
        ]
        return Trend(t, status, figures, self._description(t, said))

    def value(self, value: float | None) -> str:
        return "-" if value is None else self.number(value)

    def pace(self, value: float | None) -> str:
        return self.figure(value, 1, sign=True)

    def _description(self, t: TargetProgress, status: str) -> str:
        latest = self.value(t.latest)
        day = t.latest_date.isoformat() if t.latest_date else "-"
        count = len(t.results)
        if None in (t.baseline, t.start, t.target, t.deadline, t.forecast):
            return self.say(
                "progress.chart-short",
                target=t.label,
                count=count,
                latest=latest,
                date=day,
                status=status,
            )
        return self.say(
            "progress.chart",
            target=t.label,
            baseline=self.value(t.baseline),
            start=t.start.isoformat() if t.start else "-",
            count=count,
            latest=latest,
            date=day,
            goal=self.value(t.target),
            deadline=t.deadline.isoformat() if t.deadline else "-",
            forecast=self.figure(t.forecast),
            status=status,
        )

    @staticmethod
    def sparkline(t: TargetProgress) -> str:
        """The baseline and the results as block characters from the lowest to the
        highest of them and the target value (at most `SPARK_POINTS` of them, evenly
        picked, the latest always)."""
        values = [value for _, value in t.results]
        if t.baseline is not None:
            values.insert(0, t.baseline)
        if len(values) > SPARK_POINTS:
            last = len(values) - 1
            values = [values[round(i * last / (SPARK_POINTS - 1))] for i in range(SPARK_POINTS)]
        scale = values if t.target is None else [*values, t.target]
        low, high = min(scale, default=0), max(scale, default=0)
        if high == low:
            return SPARK[3] * len(values)
        top = len(SPARK) - 1
        return "".join(SPARK[round((value - low) * top / (high - low))] for value in values)

    def step(self, step: str) -> tuple[str, str]:
        """A POST step's name and the question it answers."""
        return vocabulary.step_name(step, self.lang), vocabulary.step_question(step, self.lang)


def gather(plan: Plan, lang: str, today: date | None = None) -> Report:
    """The report on `plan` in `lang`; deadlines are checked against `today` (else the
    plan's `as_of`, else the real date), as `posttui check` does."""
    findings = lint(plan, today, lang)
    return Report(plan, lang, Context(plan, today).today, findings, flags(findings))
