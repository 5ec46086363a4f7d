"""Segments x platforms: where each segment is, where targets are set, and where
a target is set on a platform its audience is absent from (in the error colour)."""

from __future__ import annotations

from textual.content import Content

from posttui.core.model import Plan
from posttui.core.terminal import printable
from posttui.ui.widgets.text import Text

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


def matrix(plan: Plan, width: int = 80) -> Content:
    """The matrix in `width` cells: names are cut to fit, the legend says what they are."""
    columns = platform_columns(plan)
    if not plan.people.segments or not columns:
        return Content("Add segments under People and platforms here to see the matrix.")
    targets = targeted(plan)
    mix = {platform.id for platform in plan.technology.platforms}
    names = [printable(s.name or s.id) for s in plan.people.segments]
    first = min(max(len(n) for n in ["Segment", *names]), 24) + 2
    cell = max(3, min(max(len(c) for c in columns) + 2, (width - first) // len(columns)))
    header: list[tuple[str, str] | str] = [(f"{'Segment':<{first}}", "$text-muted")]
    for column in columns:
        style = "bold" if column in mix else "$text-muted"
        header.append((f"{column[: cell - 1]:<{cell}}", style))
    rows = [Content.assemble(*header)]
    for name, segment in zip(names, plan.people.segments, strict=True):
        cells: list[tuple[str, str] | str] = [f"{name[: first - 2]:<{first}}"]
        for column in columns:
            symbol, style = _cell(column in segment.platforms, (segment.id, column) in targets)
            cells.append((f"{symbol:<{cell}}", style))
        rows.append(Content.assemble(*cells))
    cut = [c for c in columns if len(c) > cell - 1]
    legend = [
        Content.styled(f"{PRESENT} present", "$success"),
        Content.styled(f"{TARGET} target where the segment is", "$accent"),
        Content.styled(f"{ABSENT_TARGET} target where the segment is absent", "bold $error"),
        Content.styled("grey: not in the platform mix", "$text-muted"),
    ]
    if cut:
        legend.append(Content(", ".join(f"{c[: cell - 1]} = {c}" for c in cut)))
    return Content("\n").join([*rows, Content(""), *legend])


def _cell(present: bool, aimed: bool) -> tuple[str, str]:
    if aimed:
        return (TARGET, "bold $accent") if present else (ABSENT_TARGET, "bold $error")
    return (PRESENT, "$success") if present else (EMPTY, "$text-muted")


class PlatformMatrix(Text):
    """The matrix, drawn again to fit when its width changes."""

    DEFAULT_CSS = "PlatformMatrix { height: auto; padding: 0 1; }"

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self._plan: Plan | None = None

    def draw(self, plan: Plan) -> None:
        self._plan = plan
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        if self._plan is not None:
            self.show(matrix(self._plan, self.content_region.width or 80))
