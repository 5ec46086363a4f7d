"""SMART: Specific, Measurable, Attractive, Realistic, Time-bound objectives."""

from __future__ import annotations

import re
from collections.abc import Iterator

from posttui.core.model import Objective
from posttui.core.rules.registry import Context, Hit, objective_rule

VAGUE_WORDS = {
    "en": ("improve", "increase", "more", "better", "grow", "boost", "enhance", "maximize"),
    "nb": ("øke", "bedre", "forbedre", "mer", "flere", "styrke"),
}
_VAGUE = {
    lang: re.compile(r"\b(" + "|".join(words) + r")\b", re.IGNORECASE)
    for lang, words in VAGUE_WORDS.items()
}
_DIGIT = re.compile(r"\d")
MIN_WORDS = 4
AUDIENCE_METRICS = ("followers", "reach")
DAYS_PER_MONTH = 30.44


def vague_word(statement: str, language: str | None) -> str | None:
    """The first vague word of the plan's language (or of both) in `statement`."""
    for lang in (language,) if language else tuple(_VAGUE):
        if match := _VAGUE[lang].search(statement):
            return match.group(0)
    return None


@objective_rule("specific/vague")
def vague(ctx: Context, objective: Objective) -> Iterator[Hit]:
    words = len(objective.statement.split())
    if words < MIN_WORDS:
        yield Hit("statement", ".short", {"words": words})
    elif not _DIGIT.search(objective.statement) and (
        word := vague_word(objective.statement, ctx.plan.plan.language)
    ):
        yield Hit("statement", ".word", {"word": word})


@objective_rule("specific/no-audience")
def no_audience(ctx: Context, objective: Objective) -> Iterator[Hit]:
    if not objective.segments:
        yield Hit("segments")


@objective_rule("measurable/no-target")
def no_target(ctx: Context, objective: Objective) -> Iterator[Hit]:
    if not objective.targets:
        yield Hit("targets")


@objective_rule("measurable/no-baseline")
def no_baseline(ctx: Context, objective: Objective) -> Iterator[Hit]:
    for index, target in enumerate(objective.targets):
        if target.baseline is None:
            yield Hit(f"targets[{index}].baseline", "", {"n": index + 1})


@objective_rule("measurable/no-metric")
def no_metric(ctx: Context, objective: Objective) -> Iterator[Hit]:
    for index, target in enumerate(objective.targets):
        if not target.metric:
            yield Hit(f"targets[{index}].metric", "", {"n": index + 1})


@objective_rule("attractive/no-owner")
def no_owner(ctx: Context, objective: Objective) -> Iterator[Hit]:
    if not objective.owner.strip():
        yield Hit("owner")


@objective_rule("attractive/no-why")
def no_why(ctx: Context, objective: Objective) -> Iterator[Hit]:
    if not objective.why.strip():
        yield Hit("why")


@objective_rule("realistic/no-change")
def no_change(ctx: Context, objective: Objective) -> Iterator[Hit]:
    for index, target in enumerate(objective.targets):
        if target.baseline is not None and target.target == target.baseline:
            yield Hit(f"targets[{index}].target", "", {"value": target.target})


@objective_rule("realistic/growth")
def growth(ctx: Context, objective: Objective) -> Iterator[Hit]:
    start = objective.start or ctx.today
    if objective.deadline is None or objective.deadline <= start:
        return
    months = (objective.deadline - start).days / DAYS_PER_MONTH
    for index, target in enumerate(objective.targets):
        if not target.baseline or target.baseline < 0 or target.target < 0:
            continue
        monthly = (target.target / target.baseline) ** (1 / months) - 1
        if monthly > ctx.max_growth:
            params = {
                "baseline": target.baseline,
                "target": target.target,
                "months": months,
                "monthly": monthly,
                "limit": ctx.max_growth,
            }
            yield Hit(f"targets[{index}].target", "", params)


@objective_rule("realistic/exceeds-audience")
def exceeds_audience(ctx: Context, objective: Objective) -> Iterator[Hit]:
    if not ctx.names_only_known(objective):
        return
    sizes = [segment.size for segment in ctx.named_segments(objective)]
    if None in sizes:
        return
    audience = sum(size for size in sizes if size is not None)
    for index, target in enumerate(objective.targets):
        if target.metric in AUDIENCE_METRICS and target.target > audience:
            params = {"target": target.target, "metric": target.metric, "audience": audience}
            yield Hit(f"targets[{index}].target", "", params)


@objective_rule("time-bound/no-deadline")
def no_deadline(ctx: Context, objective: Objective) -> Iterator[Hit]:
    if objective.deadline is None:
        yield Hit("deadline")


@objective_rule("time-bound/passed")
def passed(ctx: Context, objective: Objective) -> Iterator[Hit]:
    if objective.deadline and objective.deadline < ctx.today:
        yield Hit("deadline", "", {"deadline": objective.deadline, "today": ctx.today})


@objective_rule("time-bound/start-after-deadline")
def start_after_deadline(ctx: Context, objective: Objective) -> Iterator[Hit]:
    if objective.start and objective.deadline and objective.start > objective.deadline:
        yield Hit("start", "", {"start": objective.start, "deadline": objective.deadline})
