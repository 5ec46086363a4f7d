"""Segments x platforms: where each segment is, where targets are set, and where
a target is set on a platform its audience is absent from (in the error colour)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from posttui.core.model import Plan
from posttui.core.terminal import printable

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


def matrix(plan: Plan) -> Content:
    columns = platform_columns(plan)
    if not plan.people.segments or not columns:
        return Content("Add segments under People and platforms here to see the matrix.")
    targets = targeted(plan)
    mix = {platform.id for platform in plan.technology.platforms}
    width = max(len(c) for c in columns) + 2
    names = [printable(s.name or s.id)[:24] for s in plan.people.segments]
    first = max(len(n) for n in names) + 2
    header: list[tuple[str, str] | str] = [(f"{'Segment':<{first}}", "$text-muted")]
    for column in columns:
        style = "bold" if column in mix else "$text-muted"
        header.append((f"{column[: width - 1]:<{width}}", style))
    rows = [Content.assemble(*header)]
    for name, segment in zip(names, plan.people.segments, strict=True):
        cells: list[tuple[str, str] | str] = [f"{name:<{first}}"]
        for column in columns:
            present = column in segment.platforms
            aimed = (segment.id, column) in targets
            symbol, style = _cell(present, aimed)
            cells.append((f"{symbol:<{width}}", style))
        rows.append(Content.assemble(*cells))
    legend = Content.assemble(
        (f"{PRESENT} present  ", "$success"),
        (f"{TARGET} target where present  ", "$accent"),
        (f"{ABSENT_TARGET} target where absent  ", "bold $error"),
        ("grey column: not in the mix", "$text-muted"),
    )
    return Content("\n").join([*rows, Content(""), legend])


def _cell(present: bool, aimed: bool) -> tuple[str, str]:
    if aimed:
        return (TARGET, "bold $accent") if present else (ABSENT_TARGET, "bold $error")
    return (PRESENT, "$success") if present else (EMPTY, "$text-muted")


class PlatformMatrix(Static):
    DEFAULT_CSS = "PlatformMatrix { height: auto; padding: 0 1; }"

    def show(self, plan: Plan) -> None:
        self.update(matrix(plan))
