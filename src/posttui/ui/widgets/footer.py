"""The footer of the keys that work where the focus is."""

from __future__ import annotations

from typing import Any, ClassVar, NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget


class DrawnKey(NamedTuple):
    """A key the footer shows, and the cells it takes."""

    key: str  # what a click presses
    display: str  # how the key is written (^s, f1)
    description: str
    enabled: bool
    start: int
    end: int


class KeysFooter(Widget, can_focus=False):
    """Textual's compact footer, drawn by one widget. Textual's is one widget a key, made
    anew at every change of the keys that work (each focus change, each screen shown),
    and a layout of the whole screen after it. This one draws its line again, with the
    keys that work when the frame is drawn.

    It looks the same: the keys on the left (cut at the right when they do not fit), the
    command palette's at the right edge; a key lights up under the mouse, a click
    presses it.
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "footer-key--item",
        "footer-key--key",
        "footer-key--description",
        "footer-key--hover",
        "footer-key--palette-edge",
    }
    DEFAULT_CSS = """
    KeysFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .footer-key--item { background: $footer-item-background; }
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .footer-key--hover { color: $footer-key-foreground; background: $block-hover-background; }
        .footer-key--palette-edge { color: $foreground 20%; }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._due = False
        self._shown: tuple[tuple[Any, ...], ...] | None = None  # the bindings drawn
        self._keys: list[DrawnKey] = []  # from the left
        self._palette: DrawnKey | None = None  # at the right edge
        self._hover: DrawnKey | None = None  # under the mouse

    @property
    def keys(self) -> list[tuple[str, str]]:
        """The keys it holds, as (key, description): from the left (the last may be cut
        off under the palette's), then the palette's."""
        palette = [self._palette] if self._palette else []
        return [(key.key, key.description) for key in [*self._keys, *palette]]

    def _placed_palette(self) -> DrawnKey | None:
        """The palette's key at the right edge, a cell's margin from it."""
        if (key := self._palette) is None:
            return None
        start = self.size.width - 1 - key.end
        return key._replace(start=start, end=start + key.end)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        # The keys are looked at when a frame draws the line: a new screen's first frame
        # draws it with the keys that work then. Drawn again after the frame, and only
        # on the screen shown: drawn at once, or while hidden, it would be drawn alone
        # over the screen before when its screen shows.
        if screen is self.screen and screen.app.app_focus:
            self._due = True
            if screen.is_current:
                self.call_after_refresh(self._redraw)

    def _redraw(self) -> None:
        if self._due and self.is_attached and self._update():  # not gone meanwhile
            self.refresh()

    def _update(self) -> bool:
        """Take the keys that work now; whether they changed."""
        self._due = False
        app = self.app
        bindings = self.screen.active_bindings
        palette = bindings.get(app.COMMAND_PALETTE_BINDING) if app.ENABLE_COMMAND_PALETTE else None
        shown = [
            (binding, enabled)
            for _, binding, enabled, _ in bindings.values()
            if binding.show and (palette is None or binding is not palette.binding)
        ]
        last = [(palette.binding, palette.enabled)] if palette else []
        drawn = tuple((b.key, b.description, b.action, enabled) for b, enabled in shown + last)
        if drawn == self._shown:
            return False
        self._shown = drawn
        self._keys = self._from_left(shown)
        self._palette = self._key(palette.binding, palette.enabled, 0) if palette else None
        self._hover = None
        return True

    def _from_left(self, shown: list[tuple[Binding, bool]]) -> list[DrawnKey]:
        """One key per action (its first binding), a cell apart."""
        keys: list[DrawnKey] = []
        actions: set[str] = set()
        for binding, enabled in shown:
            if binding.action not in actions:
                actions.add(binding.action)
                start = keys[-1].end + 1 if keys else 0
                keys.append(self._key(binding, enabled, start))
        return keys

    def _key(self, binding: Binding, enabled: bool, start: int) -> DrawnKey:
        display = self.app.get_key_display(binding)
        description = binding.description
        width = len(display) + (len(description) + 1 if description else 0)
        return DrawnKey(binding.key, display, description, enabled, start, start + width)

    def render(self) -> Text:
        if self._due:
            self._update()
        width = self.size.width
        line = Text(no_wrap=True, overflow="crop", end="")
        for key in self._keys:
            line.append(" " * (key.start - line.cell_len))
            line.append_text(self._drawn(key))
        if (palette := self._placed_palette()) is not None:
            line.truncate(max(palette.start - 1, 0))  # the keys that do not fit are cut
            line.append(" " * (palette.start - 1 - line.cell_len))
            edge = self.get_component_rich_style("footer-key--palette-edge")
            line.append("▏", self._item_style(palette) + edge)
            line.append_text(self._drawn(palette))
        line.truncate(width, pad=True)
        return line

    def _item_style(self, key: DrawnKey) -> Style:
        style = self.rich_style + self.get_component_rich_style("footer-key--item")
        if not key.enabled:
            style += Style(dim=True)
        if key == self._hover:
            style += self.get_component_rich_style("footer-key--hover")
        return style

    def _drawn(self, key: DrawnKey) -> Text:
        drawn = Text.assemble((key.display, self.get_component_rich_style("footer-key--key")))
        if key.description:
            described = self.get_component_rich_style("footer-key--description")
            drawn.append(f" {key.description}", described)
        drawn.stylize_before(self._item_style(key))
        return drawn

    def _key_at(self, x: int) -> DrawnKey | None:
        """The key drawn at `x`: not one cut off under the palette's."""
        palette = self._placed_palette()
        if palette is not None and x >= palette.start - 1:
            return palette if x >= palette.start else None
        return next((key for key in self._keys if key.start <= x < key.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if (hover := self._key_at(event.x)) != self._hover:
            self._hover = hover
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if (key := self._key_at(event.x)) is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
