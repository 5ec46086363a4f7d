"""Segments x platforms: where each segment is, where targets are set, and where
a target is set on a platform its audience is absent from (in the error colour)."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from textual.containers import HorizontalScroll
from textual.content import Content
from textual.widget import Widget

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
from posttui.ui.catalog import WORDS, language
from posttui.ui.widgets.text import Text

NAME_CELLS = 40  # the widest the segment column gets
NAME_MIN = 12  # the narrowest: below that the matrix scrolls sideways instead
CELL_MAX = 14  # a platform column: its name and a space, cut beyond this

_STYLES = {
    PRESENT: "$success",
    TARGET: "bold $accent",
    ABSENT_TARGET: "bold $error",
    EMPTY: "$text-muted",
}
_LEGEND = {**_STYLES, TARGET: "$accent"}  # the words under the cells: only the error bold


def matrix(plan: Plan, width: int = 80, lang: str = "en") -> Content:
    """The matrix in `width` cells where it fits, never wrapped: the platform columns
    keep their width (wider than `width`, it scrolls sideways), the segment names get
    what is left; cut names and platforms are spelled out under the legend.
    Widths are terminal cells, not characters: a CJK character or an emoji takes two."""
    columns = platform_columns(plan)
    if not plan.people.segments or not columns:
        return Content(WORDS("matrix.empty", lang))
    mix = {platform.id for platform in plan.technology.platforms}
    marked = rows(plan, columns)
    # Cut before escaping: a 20 MB name costs what its first cells do.
    full = [printable((s.name or s.id)[:PREVIEW_CELLS]) for s, _ in marked]
    heading = WORDS("matrix.segment", lang)
    cell = max(3, min(max(len(c) for c in columns) + 1, CELL_MAX))
    room = width - cell * len(columns) - 2
    widest = max(cell_len(n) for n in [heading, *full])
    first = max(NAME_MIN, min(widest, room, NAME_CELLS)) + 2
    names = [cut(name, first - 2) for name in full]
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
    cut_names = [(n, f) for n, f in zip(names, full, strict=True) if n != f]
    cut_columns = [c for c in columns if len(c) > cell - 1]
    explained = [Content.styled(f"{mark} {words}", _LEGEND[mark]) for mark, words in legend(lang)]
    explained.append(Content.styled(WORDS("matrix.not-in-mix", lang), "$text-muted"))
    if cut_columns:
        spelled = ", ".join(f"{c[: cell - 1]} = {preview(c)}" for c in cut_columns)
        explained.append(Content(spelled))
    explained += [Content(f"{name} = {whole}") for name, whole in cut_names]
    return Content("\n").join([*lines, Content(""), *explained])


PREVIEW_CELLS = 200  # of a name: a 20 MB name costs what its first cells do


def cut(name: str, cells: int) -> str:
    """`name` in at most `cells` terminal cells, "…" at the end where it was cut."""
    if cell_len(name) <= cells:
        return name
    return set_cell_size(name, cells - 1).rstrip() + "…"


class PlatformMatrix(Text):
    """The matrix, drawn again to fit when its width changes."""

    DEFAULT_CSS = """
    PlatformMatrix { width: auto; height: auto; padding: 0 1; text-wrap: nowrap; }
    """

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self._plan: Plan | None = None
        self._width = 0

    def draw(self, plan: Plan) -> None:
        self._plan = plan
        self._draw()

    def fit(self) -> None:
        """Draw again if the width there is changed (a height change needs no new text)."""
        if self._room() != self._width:
            self._draw()

    def _room(self) -> int:
        """The width there is: the scrolling region the matrix lies in, less padding."""
        parent = self.parent
        width = parent.content_region.width if isinstance(parent, Widget) else 0
        return max(0, width - 2)

    def _draw(self) -> None:
        if self._plan is not None:
            self._width = self._room()
            self.show(matrix(self._plan, self._width or 80, language(self)))


class MatrixScroll(HorizontalScroll):
    """Where the matrix lies: it scrolls sideways when the matrix is wider than it, and
    has the matrix fit its width anew when that changes."""

    def on_resize(self) -> None:
        for child in self.query_children(PlatformMatrix):
            child.fit()
