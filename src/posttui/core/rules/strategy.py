"""strategy/*: the relationship to change, and initiatives that each serve an objective."""

from __future__ import annotations

from collections.abc import Iterator

from posttui.core.rules.registry import Context, Hit, Severity, rule


@rule("strategy/no-relationship", Severity.INFO)
def no_relationship(ctx: Context) -> Iterator[Hit]:
    if ctx.plan.objectives and not ctx.plan.strategy.relationship.strip():
        yield Hit("strategy.relationship")


@rule("strategy/orphan-initiative")
def orphan_initiative(ctx: Context) -> Iterator[Hit]:
    for index, initiative in enumerate(ctx.plan.strategy.initiatives):
        if not initiative.objectives:
            yield Hit(f"strategy.initiatives[{index}].objectives", subject=initiative.id)
