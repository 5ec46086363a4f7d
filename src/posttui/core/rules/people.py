"""People: who the audience is and how they take part."""

from __future__ import annotations

from collections.abc import Iterator

from posttui.core.rules.registry import Context, Hit, rule

INVOLVEMENT_TOLERANCE = 1


@rule("people/no-platforms")
def no_platforms(ctx: Context) -> Iterator[Hit]:
    for index, segment in enumerate(ctx.plan.people.segments):
        if not segment.platforms:
            yield Hit(f"people.segments[{index}].platforms", subject=segment.id)


@rule("people/involvement-sum")
def involvement_sum(ctx: Context) -> Iterator[Hit]:
    for index, segment in enumerate(ctx.plan.people.segments):
        if segment.involvement is None:
            continue
        # Rounded: decimal shares such as 41.3 + 42.4 + 15.3 sum to 98.99999999999999.
        total = round(sum(segment.involvement.shares()), 9)
        if abs(total - 100) > INVOLVEMENT_TOLERANCE:
            path = f"people.segments[{index}].involvement"
            yield Hit(path, "", {"total": total}, segment.id)
