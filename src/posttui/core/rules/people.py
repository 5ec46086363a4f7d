"""people/*: who the audience is, how they take part, and whether any objective is for them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from posttui.core.rules.registry import Context, Hit, Severity, rule

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


@rule("people/untargeted-segment", Severity.INFO)
def untargeted_segment(ctx: Context) -> Iterator[Hit]:
    """A segment no objective is for; only once objectives name segments at all (a plan
    still being written names none yet, and a finding per segment would be noise)."""
    named = {ref for objective in ctx.plan.objectives for ref in objective.segments}
    if not named:
        return
    for index, segment in enumerate(ctx.plan.people.segments):
        if segment.id not in named:
            yield Hit(f"people.segments[{index}].id", "", {"segment": segment.id}, segment.id)
