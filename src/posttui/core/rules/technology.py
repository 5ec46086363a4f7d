"""Technology, chosen last: only platforms where the audience is."""

from __future__ import annotations

from collections.abc import Iterator

from posttui.core.model import Objective
from posttui.core.rules.registry import Context, Hit, objective_rule, rule


@objective_rule("technology/audience-absent")
def audience_absent(ctx: Context, objective: Objective) -> Iterator[Hit]:
    named = ctx.named_segments(objective) if objective.segments else None
    present = ctx.present if named is None else {p for s in named for p in s.platforms}
    for index, target in enumerate(objective.targets):
        if target.platform and target.platform not in present:
            params = {"platform": target.platform, "segments": ", ".join(objective.segments)}
            variant = ".any" if named is None else ""
            yield Hit(f"targets[{index}].platform", variant, params)


@objective_rule("technology/not-in-mix")
def not_in_mix(ctx: Context, objective: Objective) -> Iterator[Hit]:
    for index, target in enumerate(objective.targets):
        if target.platform and target.platform not in ctx.mix:
            yield Hit(f"targets[{index}].platform", "", {"platform": target.platform})


@objective_rule("technology/no-platform")
def no_platform(ctx: Context, objective: Objective) -> Iterator[Hit]:
    for index, target in enumerate(objective.targets):
        if not target.platform:
            yield Hit(f"targets[{index}].platform", "", {"n": index + 1})


@rule("technology/unused-platform")
def unused_platform(ctx: Context) -> Iterator[Hit]:
    for index, platform in enumerate(ctx.plan.technology.platforms):
        if platform.id not in ctx.present:
            params = {"platform": platform.id}
            yield Hit(f"technology.platforms[{index}].id", "", params, platform.id)
