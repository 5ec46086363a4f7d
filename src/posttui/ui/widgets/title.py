"""The title line at the top of every screen."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.content import Content
from textual.widget import Widget

# Textual's header: the icon in a column of 8 cells at the left (a cell of padding each
# side), the title centred between it and the 10 cells its clock would take.
ICON = "⭘"
ICON_CELLS = 8
CLOCK_CELLS = 10


class TitleBar(Widget, can_focus=False):
    """Textual's header (without a clock), drawn by one widget: Header is four, each
    styled, laid out and drawn on every screen built. The icon opens the command palette
    when clicked, and lights up under the mouse; the middle shows the title and subtitle
    as `App.format_title` has them, cut with an ellipsis when they do not fit."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {"title-bar--icon-hover"}
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
        .title-bar--icon-hover { background: $foreground 10%; }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._hover = False

    def on_mount(self) -> None:
        for node in (self.app, self.screen):
            self.watch(node, "title", self._retitle, init=False)
            self.watch(node, "sub_title", self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    def render(self) -> Content:
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        middle = max(self.size.width - ICON_CELLS - CLOCK_CELLS, 0)
        icon = Content(f" {ICON}".ljust(ICON_CELLS))
        if self._hover:
            icon = icon.stylize(self.get_visual_style("title-bar--icon-hover"))
        shown = app.format_title(title, sub_title).truncate(middle, ellipsis=True)
        return Content.assemble(icon, shown.pad_left((middle - shown.cell_length) // 2))

    def _on_icon(self, x: int) -> bool:
        return x < ICON_CELLS and self.app.ENABLE_COMMAND_PALETTE

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._show_hover(self._on_icon(event.x))

    def on_leave(self) -> None:
        self._show_hover(False)

    def _show_hover(self, hover: bool) -> None:
        if hover != self._hover:
            self._hover = hover
            self.refresh()

    async def on_click(self, event: events.Click) -> None:
        if self._on_icon(event.x):
            event.stop()
            await self.run_action("app.command_palette")
