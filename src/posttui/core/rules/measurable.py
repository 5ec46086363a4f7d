"""measurable/*: each objective has targets, each target a metric, a baseline and a value."""

from __future__ import annotations

from collections.abc import Iterator

from posttui.core.model import Objective
from posttui.core.rules.registry import Context, Hit, objective_rule, targets_lacking


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
