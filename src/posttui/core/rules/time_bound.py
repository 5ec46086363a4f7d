"""time-bound/*: an objective is due by a date (its own, or the end of the plan's period)."""

from __future__ import annotations

from collections.abc import Iterator

from posttui.core.model import Objective
from posttui.core.progress import reached_on
from posttui.core.rules.registry import Context, Hit, Severity, objective_rule


@objective_rule("time-bound/no-deadline")
def no_deadline(ctx: Context, objective: Objective) -> Iterator[Hit]:
    if ctx.deadline(objective) is None:
        yield Hit("deadline")


@objective_rule("time-bound/passed")
def passed(ctx: Context, objective: Objective) -> Iterator[Hit]:
    if objective.deadline and objective.deadline < ctx.today:
        # Every target with a value reached it (by a result): said so, with the last date.
        valued = [target for target in objective.targets if target.target is not None]
        reached = [reached_on(target) for target in valued]
        if valued and None not in reached:
            last = max(day for day in reached if day is not None)
            yield Hit("deadline", ".reached", {"deadline": objective.deadline, "reached": last})
            return
        yield Hit("deadline", "", {"deadline": objective.deadline, "today": ctx.today})


@objective_rule("time-bound/start-after-deadline")
def start_after_deadline(ctx: Context, objective: Objective) -> Iterator[Hit]:
    if objective.start and objective.deadline and objective.start > objective.deadline:
        yield Hit("start", "", {"start": objective.start, "deadline": objective.deadline})


@objective_rule("time-bound/outside-period", Severity.INFO)
def outside_period(ctx: Context, objective: Objective) -> Iterator[Hit]:
    if objective.start and ctx.period_start and objective.start < ctx.period_start:
        yield Hit("start", ".start", {"start": objective.start, "period": ctx.period_start})
    if objective.deadline and ctx.period_end and objective.deadline > ctx.period_end:
        params = {"deadline": objective.deadline, "period": ctx.period_end}
        yield Hit("deadline", ".deadline", params)
