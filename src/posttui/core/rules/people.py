"""People: who the audience is and how they take part."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from posttui.core.rules.registry import Context, Hit, rule

INVOLVEMENT_TOLERANCE = 1


def off_hundred(shares: Iterable[float]) -> float | None:
    """The shares' sum when it is off 100 % by more than the tolerance, else None.

    Rounded: decimal shares such as 41.3 + 42.4 + 15.3 sum to 98.99999999999999.
    """
    total = round(sum(shares), 9)
    return total if abs(total - 100) > INVOLVEMENT_TOLERANCE else None


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
        if (total := off_hundred(segment.involvement.shares())) is not None:
            path = f"people.segments[{index}].involvement"
            yield Hit(path, "", {"total": total}, segment.id)
