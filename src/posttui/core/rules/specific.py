"""specific/*: an objective says what, how much and for whom."""

from __future__ import annotations

from collections.abc import Iterator

from posttui.core.model import Objective
from posttui.core.rules.registry import Context, Hit, Severity, objective_rule
from posttui.core.rules.vague import MIN_WORDS, states_quantity, vague_word, word_count

# An objective for every segment of a plan this large is an objective for no one.
MIN_SEGMENTS_FOR_EVERYONE = 4


@objective_rule("specific/vague")
def vague(ctx: Context, objective: Objective) -> Iterator[Hit]:
    statement, language = objective.statement, ctx.plan.plan.language
    words = word_count(statement, at_most=MIN_WORDS)
    if words < MIN_WORDS:
        yield Hit("statement", ".short", {"words": words})
    elif not states_quantity(statement, language):
        if word := vague_word(statement, language):
            yield Hit("statement", ".word", {"word": word})
        else:
            yield Hit("statement", ".quantity")


@objective_rule("specific/no-audience")
def no_audience(ctx: Context, objective: Objective) -> Iterator[Hit]:
    if not objective.segments:
        yield Hit("segments")


@objective_rule("specific/everyone", Severity.INFO)
def everyone(ctx: Context, objective: Objective) -> Iterator[Hit]:
    if len(ctx.segments) >= MIN_SEGMENTS_FOR_EVERYONE and set(ctx.segments) <= set(
        objective.segments
    ):
        yield Hit("segments", "", {"count": len(ctx.segments)})
