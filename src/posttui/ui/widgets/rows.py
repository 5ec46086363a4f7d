"""A list of fixed-height rows, drawn only where visible.

Plans can hold thousands of objectives and findings. A row here has a known
height (one or two lines, each cut to the width), so nothing is measured and only
the rows on screen are ever rendered: updating the list costs what is visible.
"""

from __future__ import annotations

import bisect
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.events import Click
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

STRIP_CACHE_SIZE = 4000


class RowList(ScrollView, can_focus=True):
    """Rows of one or two lines; the subclass says what each row shows."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "row-list--row",
        "row-list--cursor",
        "row-list--heading",
    }

    DEFAULT_CSS = """
    RowList {
        height: 1fr;
        overflow-x: hidden;
        background: $surface;
        & > .row-list--cursor {
            color: $block-cursor-blurred-foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .row-list--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
        & > .row-list--heading {
            color: $text-muted;
            text-style: bold;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "edge(-1)", "First", show=False),
        Binding("end", "edge(1)", "Last", show=False),
        Binding("enter", "select", "Select", show=False),
    ]

    highlighted: reactive[int | None] = reactive(None, init=False, always_update=True)

    class Highlighted(Message):
        def __init__(self, row_list: RowList, index: int | None) -> None:
            super().__init__()
            self.row_list = row_list
            self.index = index

    class Selected(Message):
        def __init__(self, row_list: RowList, index: int) -> None:
            super().__init__()
            self.row_list = row_list
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._starts: list[int] = [0]  # first line of each row, then the total
        self._selectable: list[bool] = []
        # Drawn lines by what they show, so that a redraw renders only what changed.
        self._strips: dict[tuple[object, ...], Strip] = {}

    # ---- for subclasses ----

    def row_lines(self, index: int) -> tuple[Content, ...]:
        """The lines of row `index` (as many as its height)."""
        raise NotImplementedError

    # ---- rows ----

    @property
    def row_count(self) -> int:
        return len(self._selectable)

    def set_rows(self, heights: list[int], selectable: list[bool] | None = None) -> None:
        """New rows; the highlight stays on the same index where it still can."""
        starts = [0]
        for height in heights:
            starts.append(starts[-1] + height)
        self._starts = starts
        self._selectable = selectable or [True] * len(heights)
        size = Size(self.scrollable_content_region.width, starts[-1])
        if self.size:
            self.virtual_size = size
        else:  # hidden (a closed drawer): no layout of the screen now; one comes on show
            self.set_reactive(RowList.virtual_size, size)
        self.refresh_rows()
        previous = self.highlighted
        self.highlighted = self._nearest(previous if previous is not None else 0, 1)

    def refresh_rows(self) -> None:
        """Draw the visible rows again: their content changed."""
        if len(self._strips) > STRIP_CACHE_SIZE:
            self._strips.clear()
        self.refresh()

    def _nearest(self, index: int, step: int) -> int | None:
        """The first selectable row from `index` on in direction `step`, else back."""
        count = self.row_count
        if not count:
            return None
        index = max(0, min(index, count - 1))
        for direction in (step, -step):
            at = index
            while 0 <= at < count:
                if self._selectable[at]:
                    return at
                at += direction
        return None

    # ---- drawing ----

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = self.scroll_offset.y + y
        if line >= self._starts[-1]:
            return Strip.blank(width, self.get_visual_style("row-list--row").rich_style)
        index = bisect.bisect_right(self._starts, line) - 1
        content = self.row_lines(index)[line - self._starts[index]]
        if index == self.highlighted:
            look = "row-list--cursor-focus" if self.has_focus else "row-list--cursor"
        else:
            look = "row-list--row" if self._selectable[index] else "row-list--heading"
        key = (content.plain, tuple(content.spans), look, width)
        if (strip := self._strips.get(key)) is None:
            strip = self._strips[key] = self._draw(content, look, width)
        return strip

    def _draw(self, content: Content, look: str, width: int) -> Strip:
        classes = ("row-list--cursor",) if look == "row-list--cursor-focus" else (look,)
        style = self.get_visual_style("row-list--row", *classes)
        line = content.truncate(width, ellipsis=True)
        return Visual.to_strips(self, line, width, 1, style, pad=True)[0]

    def on_resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self._starts[-1])
        self.refresh_rows()

    def on_focus(self) -> None:
        self.refresh_rows()

    def on_blur(self) -> None:
        self.refresh_rows()

    # ---- the highlight ----

    def watch_highlighted(self, index: int | None) -> None:
        self.refresh_rows()
        if index is not None and self.is_mounted:
            top, bottom = self._starts[index], self._starts[index + 1]
            if index == self._nearest(0, 1):
                top = 0  # the first row: the headings above it stay in view
            region = Region(0, top, self.scrollable_content_region.width, bottom - top)
            self.scroll_to_region(region, animate=False, force=True)
        self.post_message(self.Highlighted(self, index))

    def action_move(self, step: int) -> None:
        if self.highlighted is None:
            self.highlighted = self._nearest(0, 1)
            return
        target = self.highlighted + step
        if 0 <= target < self.row_count:
            found = self._nearest(target, step)
            if found is not None and (found - self.highlighted) * step > 0:
                self.highlighted = found

    def action_page(self, direction: int) -> None:
        if self.highlighted is None:
            return
        line = self._starts[self.highlighted] + direction * max(1, self.size.height - 1)
        index = bisect.bisect_right(self._starts, max(0, line)) - 1
        self.highlighted = self._nearest(index, direction)

    def action_edge(self, direction: int) -> None:
        self.highlighted = self._nearest(0 if direction < 0 else self.row_count - 1, -direction)

    def action_select(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Selected(self, self.highlighted))

    def on_click(self, event: Click) -> None:
        line = self.scroll_offset.y + event.y
        if 0 <= line < self._starts[-1]:
            index = bisect.bisect_right(self._starts, line) - 1
            if self._selectable[index]:
                self.highlighted = index
