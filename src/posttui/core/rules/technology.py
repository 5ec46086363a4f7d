"""Technology, chosen last: only platforms where the audience is."""

from __future__ import annotations

from collections.abc import Iterator

from posttui.core.rules.registry import Context, Hit, rule


@rule("technology/audience-absent")
def audience_absent(ctx: Context) -> Iterator[Hit]:
    for path, objective in ctx.objectives():
        named = ctx.named_segments(objective) if objective.segments else None
        present = ctx.present if named is None else {p for s in named for p in s.platforms}
        for index, target in enumerate(objective.targets):
            if target.platform and target.platform not in present:
                params = {
                    "platform": target.platform,
                    "segments": ", ".join(objective.segments),
                }
                variant = ".any" if named is None else ""
                yield Hit(objective.id, f"{path}.targets[{index}].platform", variant, params)


@rule("technology/not-in-mix")
def not_in_mix(ctx: Context) -> Iterator[Hit]:
    for path, objective in ctx.objectives():
        for index, target in enumerate(objective.targets):
            if target.platform and target.platform not in ctx.mix:
                params = {"platform": target.platform}
                yield Hit(objective.id, f"{path}.targets[{index}].platform", "", params)


@rule("technology/no-platform")
def no_platform(ctx: Context) -> Iterator[Hit]:
    for path, objective in ctx.objectives():
        for index, target in enumerate(objective.targets):
            if not target.platform:
                yield Hit(objective.id, f"{path}.targets[{index}].platform", "", {"n": index + 1})


@rule("technology/unused-platform")
def unused_platform(ctx: Context) -> Iterator[Hit]:
    for index, platform in enumerate(ctx.plan.technology.platforms):
        if platform.id not in ctx.present:
            params = {"platform": platform.id}
            yield Hit(platform.id, f"technology.platforms[{index}].id", "", params)
