"""The footer of the keys that work where the focus is."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeysFooter(Footer):
    """Textual's compact footer, cheaper to rebuild. Textual rebuilds it whenever the keys
    that work may have changed; this one looks after the next frame (a screen's first
    showing changes them several times before that frame, at each focus change), and
    rebuilds only when its screen shows and the keys differ from those shown. Its keys
    are compact when made, not once mounted (a restyle of each key)."""

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._rebuild_due = False
        self._shown: tuple[tuple[Any, ...], ...] | None = None  # the keys last built

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.set_reactive(FooterKey.compact, True)
                widget.add_class("-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen[Any]) -> None:
        self._bindings_ready = True
        if self._rebuild_due or not (screen.app.app_focus and self.is_attached):
            return
        if screen is self.screen:
            self._rebuild_due = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_due = False
        if not (self.is_attached and self.screen.is_current):
            return  # gone or left before the frame; rebuilt when it shows again
        keys = tuple(
            (binding.key, binding.description, binding.action, enabled, tooltip)
            for _, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show
        )
        if keys != self._shown:
            self._shown = keys
            await self.recompose()
