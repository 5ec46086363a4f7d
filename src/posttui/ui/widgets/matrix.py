"""Segments x platforms: where each segment is, where targets are set, and where
a target is set on a platform its audience is absent from (in the error colour)."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from textual.content import Content

from posttui.core.matrix import (
    ABSENT_TARGET,
    EMPTY,
    PRESENT,
    TARGET,
    left_out,
    legend,
    platform_columns,
    rows,
)
from posttui.core.model import Plan
from posttui.core.terminal import preview, printable
from posttui.ui.widgets.text import Text
from posttui.ui.words import WORDS, language

NAME_CELLS = 24  # the widest the segment column gets

_STYLES = {
    PRESENT: "$success",
    TARGET: "bold $accent",
    ABSENT_TARGET: "bold $error",
    EMPTY: "$text-muted",
}
_LEGEND = {**_STYLES, TARGET: "$accent"}  # the words under the cells: only the error bold


def matrix(plan: Plan, width: int = 80, lang: str = "en") -> Content:
    """The matrix in `width` cells: names are cut to fit, the legend says what they are.
    Widths are terminal cells, not characters: a CJK character or an emoji takes two."""
    columns = platform_columns(plan)
    if not plan.people.segments or not columns:
        return Content(WORDS("matrix.empty", lang))
    mix = {platform.id for platform in plan.technology.platforms}
    marked = rows(plan, columns)
    # Cut before escaping: a 20 MB name costs what its first cells do.
    names = [printable((s.name or s.id)[:NAME_CELLS]) for s, _ in marked]
    heading = WORDS("matrix.segment", lang)
    first = min(max(cell_len(n) for n in [heading, *names]), NAME_CELLS) + 2
    cell = max(3, min(max(len(c) for c in columns) + 2, (width - first) // len(columns)))
    header: list[tuple[str, str] | str] = [(set_cell_size(heading, first), "$text-muted")]
    for column in columns:
        style = "bold" if column in mix else "$text-muted"
        header.append((set_cell_size(column[: cell - 1], cell), style))
    lines = [Content.assemble(*header)]
    for name, (_, marks) in zip(names, marked, strict=True):
        cells: list[tuple[str, str] | str] = [set_cell_size(name, first - 2) + "  "]
        cells += [(set_cell_size(symbol, cell), _STYLES[symbol]) for symbol in marks]
        lines.append(Content.assemble(*cells))
    lines += [Content.styled(line, "$text-muted") for line in left_out(plan, lang)]
    cut = [c for c in columns if len(c) > cell - 1]
    explained = [Content.styled(f"{mark} {words}", _LEGEND[mark]) for mark, words in legend(lang)]
    explained.append(Content.styled(WORDS("matrix.not-in-mix", lang), "$text-muted"))
    if cut:
        explained.append(Content(", ".join(f"{c[: cell - 1]} = {preview(c)}" for c in cut)))
    return Content("\n").join([*lines, Content(""), *explained])


class PlatformMatrix(Text):
    """The matrix, drawn again to fit when its width changes."""

    DEFAULT_CSS = "PlatformMatrix { height: auto; padding: 0 1; }"

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self._plan: Plan | None = None
        self._width = 0

    def draw(self, plan: Plan) -> None:
        self._plan = plan
        self._draw()

    def on_resize(self) -> None:
        if self.content_region.width != self._width:  # a height change needs no new text
            self._draw()

    def _draw(self) -> None:
        if self._plan is not None:
            self._width = self.content_region.width
            self.show(matrix(self._plan, self._width or 80, language(self)))
