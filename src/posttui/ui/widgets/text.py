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
        """Show `content`; the screen is laid out again only if its height changes
        (`layout=False` where it cannot: one fixed line)."""
        key = (content.plain, tuple(content.spans))
        if key != self._shown:
            self._shown = key
            self.update(content, layout=layout and self._resizes(content))

    def _resizes(self, content: Content) -> bool:
        """Whether `content` takes another height than what is shown (as wide as its
        container, the text only wraps; of auto width, any text may resize it)."""
        width = self.content_size.width
        if not width or (self.styles.width is not None and self.styles.width.is_auto):
            return True
        return content.get_height(self.styles.get_rules(), width) != self.content_size.height
