"""technology/*: chosen last, only platforms where the audience is.

One cause, one finding: a segment without platforms (people/no-platforms) is the cause
of platforms no segment lists and of targets on platforms the segment is not on, so
those are not reported while it is.
"""

from __future__ import annotations

from collections.abc import Iterator

from posttui.core.model import Objective
from posttui.core.rules.registry import (
    Context,
    Hit,
    objective_rule,
    rule,
    targets_lacking,
    targets_with,
)


@objective_rule("technology/audience-absent")
def audience_absent(ctx: Context, objective: Objective) -> Iterator[Hit]:
    named = ctx.named_segments(objective) if objective.segments else None
    audience = ctx.plan.people.segments if named is None else named
    if audience and not any(segment.platforms for segment in audience):
        return  # where they are is not known yet: people/no-platforms says so
    present = ctx.present if named is None else {p for s in named for p in s.platforms}
    for index, target in targets_with(objective, "platform"):
        if target.platform not in present:
            params = {"platform": target.platform, "segments": ", ".join(objective.segments)}
            variant = ".any" if named is None else ""
            yield Hit(f"targets[{index}].platform", variant, params)


@objective_rule("technology/not-in-mix")
def not_in_mix(ctx: Context, objective: Objective) -> Iterator[Hit]:
    for index, target in targets_with(objective, "platform"):
        if target.platform not in ctx.mix:
            yield Hit(f"targets[{index}].platform", "", {"platform": target.platform})


@objective_rule("technology/no-platform")
def no_platform(ctx: Context, objective: Objective) -> Iterator[Hit]:
    """A target measured nowhere: no platform, and no other `source` either."""
    return targets_lacking(objective, "platform", unless="source")


@rule("technology/unused-platform")
def unused_platform(ctx: Context) -> Iterator[Hit]:
    if any(not segment.platforms for segment in ctx.plan.people.segments):
        return  # people/no-platforms is the cause: where the segment is is not known yet
    for index, platform in enumerate(ctx.plan.technology.platforms):
        if platform.id not in ctx.present:
            params = {"platform": platform.id}
            yield Hit(f"technology.platforms[{index}].id", "", params, platform.id)
