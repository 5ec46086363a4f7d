"""Text that redraws only when it really changes."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class Text(Static):
    """A Static whose `show` skips the update (and the layout it costs) when the text
    and its styles are what is shown already: the live views update on every key."""

    def __init__(
        self, content: Content | None = None, *, id: str | None = None, classes: str | None = None
    ) -> None:
        shown = content or Content("")
        super().__init__(shown, id=id, classes=classes)
        self._shown = (shown.plain, tuple(shown.spans))

    def show(self, content: Content, *, layout: bool = True) -> None:
        """Show `content`; `layout=False` where the size cannot change (one fixed line)."""
        key = (content.plain, tuple(content.spans))
        if key != self._shown:
            self._shown = key
            self.update(content, layout=layout)
