"""realistic/*: a target moves, at a pace that can be kept, within the audience there is."""

from __future__ import annotations

import math
from collections.abc import Iterator

from posttui.core.model import Objective, Target
from posttui.core.progress import meets, target_progress
from posttui.core.rules.registry import Context, Hit, objective_rule

AUDIENCE_METRICS = ("followers", "reach")
DAYS_PER_MONTH = 30.44


@objective_rule("realistic/no-change")
def no_change(ctx: Context, objective: Objective) -> Iterator[Hit]:
    for index, target in enumerate(objective.targets):
        if target.direction == "maintain" or target.target is None:
            continue  # holding a level is a change of its own
        if target.baseline is not None and target.target == target.baseline:
            yield Hit(f"targets[{index}].target", "", {"value": target.target})


def monthly_change(target: Target, months: float) -> tuple[str, float] | None:
    """The compound monthly pace a target needs: ("growth", rate) up, or ("decline", rate)
    down for a target whose direction is `decrease`; None where it cannot be worked out
    (no positive baseline, no value, a level to hold, a target of 0 to fall to)."""
    baseline, value = target.baseline, target.target
    if not baseline or baseline < 0 or value is None or value < 0:
        return None
    if target.direction == "decrease":
        if value == 0 or value >= baseline:
            return None
        return "decline", 1 - (value / baseline) ** (1 / months)
    if target.direction == "maintain":
        return None
    return "growth", (value / baseline) ** (1 / months) - 1


@objective_rule("realistic/growth")
def growth(ctx: Context, objective: Objective) -> Iterator[Hit]:
    start, deadline = objective.start or ctx.today, ctx.deadline(objective)
    if deadline is None or deadline <= start:
        return
    months = (deadline - start).days / DAYS_PER_MONTH
    for index, target in enumerate(objective.targets):
        change = monthly_change(target, months)
        if change is not None and change[1] > ctx.max_growth:
            params = {
                "baseline": target.baseline,
                "target": target.target,
                "months": months,
                "monthly": change[1],
                "limit": ctx.max_growth,
            }
            variant = ".decline" if change[0] == "decline" else ""
            yield Hit(f"targets[{index}].target", variant, params)


@objective_rule("realistic/exceeds-audience")
def exceeds_audience(ctx: Context, objective: Objective) -> Iterator[Hit]:
    if not ctx.names_only_known(objective):
        return
    sizes = [segment.size for segment in ctx.named_segments(objective)]
    if None in sizes:
        return
    audience = sum(size for size in sizes if size is not None)
    for index, target in enumerate(objective.targets):
        if target.metric not in AUDIENCE_METRICS or target.target is None:
            continue
        if target.target > audience:
            params = {"target": target.target, "metric": target.metric, "audience": audience}
            yield Hit(f"targets[{index}].target", "", params)


@objective_rule("realistic/behind-pace")
def behind_pace(ctx: Context, objective: Objective) -> Iterator[Hit]:
    """At the pace so far the target is missed: the value forecast at the deadline, on the
    straight line from the baseline at the start (else the first result's date) through
    the latest result, falls short of it (see `core.progress`)."""
    deadline = ctx.deadline(objective)
    if deadline is None or deadline <= ctx.today:
        return
    for index, target in enumerate(objective.targets):
        if target.baseline is None or target.target is None or not target.results:
            continue
        progress = target_progress(target, objective, index, ctx.today, ctx.period_end)
        expected, heading = progress.forecast, progress.heading
        if expected is None or heading is None or meets(expected, target.target, heading):
            continue
        params = {
            "target": target.label(),
            "actual": progress.pace_actual,
            # Rounded toward the miss: never 'about 2,000, not 2,000'.
            "forecast": math.ceil(expected) if heading == "decrease" else math.floor(expected),
            "deadline": deadline,
            "value": target.target,
            "needed": progress.pace_needed,
        }
        yield Hit(f"targets[{index}].target", "", params)
