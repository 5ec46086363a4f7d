"""strategy/*: the relationship to change, and initiatives that each serve an objective."""

from __future__ import annotations

from collections.abc import Iterator

from posttui.core.rules.registry import Context, Hit, Severity, rule


@rule("strategy/no-relationship", Severity.INFO)
def no_relationship(ctx: Context) -> Iterator[Hit]:
    if ctx.plan.objectives and not ctx.plan.strategy.relationship.strip():
        yield Hit("strategy.relationship")


@rule("strategy/platform-not-in-mix")
def platform_not_in_mix(ctx: Context) -> Iterator[Hit]:
    """An initiative on a platform the mix does not have (a typo, or a platform left out
    of Technology). While the mix is empty Technology is not done yet: nothing to say."""
    if not ctx.mix:
        return
    for index, initiative in enumerate(ctx.plan.strategy.initiatives):
        for at, platform in enumerate(initiative.platforms):
            if platform not in ctx.mix:
                path = f"strategy.initiatives[{index}].platforms[{at}]"
                yield Hit(path, params={"platform": platform}, subject=initiative.id)


@rule("strategy/orphan-initiative")
def orphan_initiative(ctx: Context) -> Iterator[Hit]:
    for index, initiative in enumerate(ctx.plan.strategy.initiatives):
        if not initiative.objectives:
            yield Hit(f"strategy.initiatives[{index}].objectives", subject=initiative.id)
