"""Where a plan refers to its own items by id, so that a rename reaches every reference.

Segments are named by objectives; objectives by initiatives; platforms by segments,
initiatives and targets.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from posttui.core.model import Plan

# The sections whose items have ids, by what their items are.
SECTIONS = {
    "segment": "people.segments",
    "objective": "objectives",
    "initiative": "strategy.initiatives",
    "platform": "technology.platforms",
}


def referring(plan: Plan, section: str) -> Iterator[tuple[str, Any]]:
    """Each path that names items of `section` by id, with its value (a list of ids,
    or one id)."""
    if section == "people.segments":
        for i, objective in enumerate(plan.objectives):
            yield f"objectives[{i}].segments", objective.segments
    elif section == "objectives":
        for i, initiative in enumerate(plan.strategy.initiatives):
            yield f"strategy.initiatives[{i}].objectives", initiative.objectives
    elif section == "technology.platforms":
        for i, segment in enumerate(plan.people.segments):
            yield f"people.segments[{i}].platforms", segment.platforms
        for i, initiative in enumerate(plan.strategy.initiatives):
            yield f"strategy.initiatives[{i}].platforms", initiative.platforms
        for i, objective in enumerate(plan.objectives):
            for t, target in enumerate(objective.targets):
                yield f"objectives[{i}].targets[{t}].platform", target.platform


def renamed(plan: Plan, section: str, old: str, new: str) -> dict[str, Any]:
    """The values that every reference to `old` in `section` takes when it is renamed
    `new`, by path (only the paths that name `old`)."""
    return {
        path: rename_in(value, old, new)
        for path, value in referring(plan, section)
        if value == old or (isinstance(value, list) and old in value)
    }


# Deleting these takes their id out of the lists that name them; a platform dropped
# from the mix stays where the audience is (segments) and where it is aimed at, for
# the findings to point out.
DROPPED_WITH_ITEM = ("people.segments", "objectives")


def dropped(plan: Plan, section: str, gone: str) -> dict[str, Any]:
    """The lists that name `gone` (an item of `section` being deleted), without it."""
    if section not in DROPPED_WITH_ITEM:
        return {}
    return {
        path: [ref for ref in value if ref != gone]
        for path, value in referring(plan, section)
        if gone in value
    }


def rename_in(value: Any, old: str, new: str) -> Any:
    """A reference's value (a list of ids, or one id) with `old` renamed `new`."""
    if isinstance(value, list):
        return [new if ref == old else ref for ref in value]
    return new if value == old else value
