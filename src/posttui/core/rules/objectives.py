"""objectives/*: each objective has a Groundswell function, a strategy that serves it and an
audience that suits it; and the plan has one objective that leads."""

from __future__ import annotations

from collections.abc import Iterator

from posttui.core.model import Objective
from posttui.core.rules.registry import Context, Hit, Severity, objective_rule, rule

# Groundswell objectives that need an audience that talks back.
ACTIVE_KINDS = ("energizing", "supporting", "embracing")
MIN_ACTIVE_SHARE = 10
# More objectives than this, and none chosen to lead, is a plan without focus.
MAX_OBJECTIVES_WITHOUT_FOCUS = 3


@objective_rule("objectives/no-strategy", Severity.INFO)
def no_strategy(ctx: Context, objective: Objective) -> Iterator[Hit]:
    if objective.id not in ctx.served:
        yield Hit("id")


@objective_rule("objectives/audience-fit")
def audience_fit(ctx: Context, objective: Objective) -> Iterator[Hit]:
    if objective.kind not in ACTIVE_KINDS or not ctx.names_only_known(objective):
        return
    segments = ctx.named_segments(objective)
    shares = [
        (s.involvement.debaters or 0) + (s.involvement.advanced or 0)
        for s in segments
        if s.involvement is not None
    ]
    if len(shares) == len(segments) and max(shares) < MIN_ACTIVE_SHARE:
        yield Hit("kind", "", {"kind": objective.kind, "share": max(shares)})


@objective_rule("objectives/no-kind")
def no_kind(ctx: Context, objective: Objective) -> Iterator[Hit]:
    if objective.kind is None:
        yield Hit("kind")


@rule("objectives/no-focus", Severity.INFO)
def no_focus(ctx: Context) -> Iterator[Hit]:
    objectives = ctx.plan.objectives
    if len(objectives) > MAX_OBJECTIVES_WITHOUT_FOCUS and not any(o.primary for o in objectives):
        yield Hit("objectives", "", {"count": len(objectives)}, "plan")


# Plan-wide although each finding is an objective's: whether an objective is the first
# primary one depends on the objectives before it.
@rule("objectives/several-primary")
def several_primary(ctx: Context) -> Iterator[Hit]:
    first: str | None = None
    for index, objective in enumerate(ctx.plan.objectives):
        if not objective.primary:
            continue
        if first is None:
            first = objective.id
        else:
            yield Hit(f"objectives[{index}].primary", "", {"first": first}, objective.id)
