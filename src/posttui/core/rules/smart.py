"""SMART: Specific, Measurable, Attractive, Realistic, Time-bound objectives."""

from __future__ import annotations

import re
from collections.abc import Iterator

from posttui.core.rules.registry import Context, Hit, rule

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


@rule("specific/vague")
def vague(ctx: Context) -> Iterator[Hit]:
    for path, objective in ctx.objectives():
        words = len(objective.statement.split())
        if words < MIN_WORDS:
            yield Hit(objective.id, f"{path}.statement", ".short", {"words": words})
        elif not _DIGIT.search(objective.statement) and (
            word := vague_word(objective.statement, ctx.plan.plan.language)
        ):
            yield Hit(objective.id, f"{path}.statement", ".word", {"word": word})


@rule("specific/no-audience")
def no_audience(ctx: Context) -> Iterator[Hit]:
    for path, objective in ctx.objectives():
        if not objective.segments:
            yield Hit(objective.id, f"{path}.segments")


@rule("measurable/no-target")
def no_target(ctx: Context) -> Iterator[Hit]:
    for path, objective in ctx.objectives():
        if not objective.targets:
            yield Hit(objective.id, f"{path}.targets")


@rule("measurable/no-baseline")
def no_baseline(ctx: Context) -> Iterator[Hit]:
    for path, objective in ctx.objectives():
        for index, target in enumerate(objective.targets):
            if target.baseline is None:
                yield Hit(objective.id, f"{path}.targets[{index}].baseline", "", {"n": index + 1})


@rule("measurable/no-metric")
def no_metric(ctx: Context) -> Iterator[Hit]:
    for path, objective in ctx.objectives():
        for index, target in enumerate(objective.targets):
            if not target.metric:
                yield Hit(objective.id, f"{path}.targets[{index}].metric", "", {"n": index + 1})


@rule("attractive/no-owner")
def no_owner(ctx: Context) -> Iterator[Hit]:
    for path, objective in ctx.objectives():
        if not objective.owner.strip():
            yield Hit(objective.id, f"{path}.owner")


@rule("attractive/no-why")
def no_why(ctx: Context) -> Iterator[Hit]:
    for path, objective in ctx.objectives():
        if not objective.why.strip():
            yield Hit(objective.id, f"{path}.why")


@rule("realistic/no-change")
def no_change(ctx: Context) -> Iterator[Hit]:
    for path, objective in ctx.objectives():
        for index, target in enumerate(objective.targets):
            if target.baseline is not None and target.target == target.baseline:
                params = {"value": target.target}
                yield Hit(objective.id, f"{path}.targets[{index}].target", "", params)


@rule("realistic/growth")
def growth(ctx: Context) -> Iterator[Hit]:
    for path, objective in ctx.objectives():
        start = objective.start or ctx.today
        if objective.deadline is None or objective.deadline <= start:
            continue
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
                yield Hit(objective.id, f"{path}.targets[{index}].target", "", params)


@rule("realistic/exceeds-audience")
def exceeds_audience(ctx: Context) -> Iterator[Hit]:
    for path, objective in ctx.objectives():
        if not ctx.names_only_known(objective):
            continue
        segments = ctx.named_segments(objective)
        sizes = [segment.size for segment in segments]
        if None in sizes:
            continue
        audience = sum(size for size in sizes if size is not None)
        for index, target in enumerate(objective.targets):
            if target.metric in AUDIENCE_METRICS and target.target > audience:
                params = {"target": target.target, "metric": target.metric, "audience": audience}
                yield Hit(objective.id, f"{path}.targets[{index}].target", "", params)


@rule("time-bound/no-deadline")
def no_deadline(ctx: Context) -> Iterator[Hit]:
    for path, objective in ctx.objectives():
        if objective.deadline is None:
            yield Hit(objective.id, f"{path}.deadline")


@rule("time-bound/passed")
def passed(ctx: Context) -> Iterator[Hit]:
    for path, objective in ctx.objectives():
        if objective.deadline and objective.deadline < ctx.today:
            params = {"deadline": objective.deadline, "today": ctx.today}
            yield Hit(objective.id, f"{path}.deadline", "", params)


@rule("time-bound/start-after-deadline")
def start_after_deadline(ctx: Context) -> Iterator[Hit]:
    for path, objective in ctx.objectives():
        if objective.start and objective.deadline and objective.start > objective.deadline:
            params = {"start": objective.start, "deadline": objective.deadline}
            yield Hit(objective.id, f"{path}.start", "", params)
