"""measurable/*: each objective has targets, each target a metric, a baseline and a value."""

from __future__ import annotations

from collections.abc import Iterator

from posttui.core.model import DEFAULT_REPORT_EVERY, Objective
from posttui.core.rules.registry import Context, Hit, Severity, objective_rule, targets_lacking


@objective_rule("measurable/no-target")
def no_target(ctx: Context, objective: Objective) -> Iterator[Hit]:
    if not objective.targets:
        yield Hit("targets")


@objective_rule("measurable/no-baseline")
def no_baseline(ctx: Context, objective: Objective) -> Iterator[Hit]:
    return targets_lacking(objective, "baseline")


@objective_rule("measurable/no-metric")
def no_metric(ctx: Context, objective: Objective) -> Iterator[Hit]:
    return targets_lacking(objective, "metric")


@objective_rule("measurable/no-target-value")
def no_target_value(ctx: Context, objective: Objective) -> Iterator[Hit]:
    return targets_lacking(objective, "target")


@objective_rule("measurable/stale-results", Severity.INFO)
def stale_results(ctx: Context, objective: Objective) -> Iterator[Hit]:
    """A target followed up once, not lately: its latest result is more than `[settings]
    report_every` days (default 31) before today, and the objective is not yet due."""
    deadline = ctx.deadline(objective)
    if deadline is not None and deadline < ctx.today:
        return
    every = ctx.plan.settings.report_every or DEFAULT_REPORT_EVERY
    for index, target in enumerate(objective.targets):
        if not target.results:
            continue
        at, latest = max(enumerate(target.results), key=lambda pair: (pair[1].date, pair[0]))
        days = (ctx.today - latest.date).days
        if days > every:
            params = {"target": target.label(), "date": latest.date, "days": days, "every": every}
            yield Hit(f"targets[{index}].results[{at}].date", "", params)
