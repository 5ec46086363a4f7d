"""Objectives and strategy: every objective served, and suited to its audience."""

from __future__ import annotations

from collections.abc import Iterator

from posttui.core.model import Objective
from posttui.core.rules.registry import Context, Hit, Severity, objective_rule, rule

# Groundswell objectives that need an audience that talks back.
ACTIVE_KINDS = ("energizing", "supporting", "embracing")
MIN_ACTIVE_SHARE = 10


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


@rule("strategy/no-relationship", Severity.INFO)
def no_relationship(ctx: Context) -> Iterator[Hit]:
    if ctx.plan.objectives and not ctx.plan.strategy.relationship.strip():
        yield Hit("strategy.relationship")
