"""Segments x platforms: where each segment is, where targets are set on it, and
where a target is set on a platform its audience is absent from.

The editor's matrix and the report draw from these marks, in these words, and both
stop at the same size: a matrix grows with segments times platforms.
"""

from __future__ import annotations

from posttui.core.catalog import Number
from posttui.core.i18n import Catalog
from posttui.core.model import Plan, Segment

PRESENT, TARGET, ABSENT_TARGET, EMPTY = "●", "◎", "✕", "·"

MAX_ROWS = 100  # segments drawn: the findings cover the rest
MAX_COLUMNS = 40  # platforms drawn: a mix has a handful; the findings cover the rest

MATRIX = Catalog(
    "matrix",
    en={
        "present": "present",
        "target": "target where the segment is",
        "absent": "target where the segment is absent",
        "more-segments": (
            "… and {count:,} more segment: the findings cover them all",
            "… and {count:,} more segments: the findings cover them all",
        ),
        "more-platforms": (
            "… and {count:,} more platform: the findings cover them all",
            "… and {count:,} more platforms: the findings cover them all",
        ),
    },
)


def legend(lang: str) -> list[tuple[str, str]]:
    """Each mark a cell can hold but the empty one, with what it means."""
    keys = {PRESENT: "present", TARGET: "target", ABSENT_TARGET: "absent"}
    return [(mark, MATRIX(key, lang)) for mark, key in keys.items()]


def left_out(plan: Plan, lang: str) -> list[str]:
    """What the matrix does not draw, a line for segments and one for platforms."""
    counts = {
        "more-segments": len(plan.people.segments) - MAX_ROWS,
        "more-platforms": len(_columns(plan)) - MAX_COLUMNS,
    }
    return [MATRIX(key, lang, count=Number(n, lang)) for key, n in counts.items() if n > 0]


def platform_columns(plan: Plan) -> list[str]:
    """The columns drawn: the mix first, then platforms only segments or targets mention."""
    return _columns(plan)[:MAX_COLUMNS]


def _columns(plan: Plan) -> list[str]:
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
    """The segments drawn, each with its mark in every column."""
    aimed = targeted(plan)
    return [
        (
            segment,
            [mark(c in segment.platforms, (segment.id, c) in aimed) for c in columns],
        )
        for segment in plan.people.segments[:MAX_ROWS]
    ]
