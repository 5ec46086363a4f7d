"""A one-line button, as the forms use them."""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget

PRESSED_SECONDS = 0.2  # how long a press shows, as Textual's Button shows it


class LineButton(Widget, can_focus=True):
    """Textual's compact Button: its look, its key (enter), its click and its message.

    Button brings the stylesheet of all its variants (7 KB), which Textual parses and
    matches against the screen once one shows: 2 % of a start, for People's one button.
    The dialogs' buttons, shown later, stay Textual's."""

    ALLOW_SELECT = False
    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "press", "Press button", show=False)]
    DEFAULT_CSS = """
    LineButton {
        width: auto;
        min-width: 16;
        height: 1;
        line-pad: 1;
        text-align: center;
        pointer: pointer;
        text-style: bold;
        color: $button-foreground;
        background: $surface;
        &:hover { background: $surface-darken-1; }
        &:focus { text-style: $button-focus-text-style; background-tint: $foreground 5%; }
        &.-active { background: $surface; tint: $background 30%; }
        &:ansi { background: ansi_default; &:hover { background: $ansi-background; } }
    }
    """

    class Pressed(Message):
        def __init__(self, button: LineButton) -> None:
            super().__init__()
            self.button = button

        @property
        def control(self) -> LineButton:
            return self.button

    def __init__(
        self,
        label: str,
        *,
        id: str | None = None,
        classes: str | None = None,
        tooltip: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.label = Content(label)
        if tooltip is not None:
            self.tooltip = tooltip

    def render(self) -> Content:
        return self.label

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return self.label.cell_length + 2  # and a cell of line-pad each side

    async def _on_click(self, event: events.Click) -> None:
        event.stop()
        self.action_press()

    def action_press(self) -> None:
        if self.has_class("-active"):
            return
        self.add_class("-active")
        self.set_timer(PRESSED_SECONDS, partial(self.remove_class, "-active"))
        self.post_message(self.Pressed(self))
