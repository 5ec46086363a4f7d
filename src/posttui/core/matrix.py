"""Segments x platforms: where each segment is, where targets are set on it, and
where a target is set on a platform its audience is absent from.

The editor's matrix and the report draw from these marks.
"""

from __future__ import annotations

from posttui.core.model import Plan, Segment

PRESENT, TARGET, ABSENT_TARGET, EMPTY = "●", "◎", "✕", "·"


def platform_columns(plan: Plan) -> list[str]:
    """The mix first, then platforms only segments or targets mention."""
    columns = [platform.id for platform in plan.technology.platforms]
    mentioned = [p for s in plan.people.segments for p in s.platforms]
    mentioned += [t.platform for o in plan.objectives for t in o.targets if t.platform]
    for platform in mentioned:
        if platform not in columns:
            columns.append(platform)
    return columns


def targeted(plan: Plan) -> set[tuple[str, str]]:
    """(segment id, platform) pairs on which some objective for the segment sets a target."""
    return {
        (segment, target.platform)
        for objective in plan.objectives
        for segment in objective.segments
        for target in objective.targets
        if target.platform
    }


def mark(present: bool, aimed: bool) -> str:
    """A cell: a target where the segment is or is absent, else whether it is there."""
    if aimed:
        return TARGET if present else ABSENT_TARGET
    return PRESENT if present else EMPTY


def rows(plan: Plan, columns: list[str]) -> list[tuple[Segment, list[str]]]:
    """Each segment with its mark in every column."""
    aimed = targeted(plan)
    return [
        (
            segment,
            [mark(c in segment.platforms, (segment.id, c) in aimed) for c in columns],
        )
        for segment in plan.people.segments
    ]
