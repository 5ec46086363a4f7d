"""A list of plan items (segments, objectives, ...) to pick, add, delete and reorder."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, cast

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message

from posttui.core import paths
from posttui.ui.state import Added, Deleted, Moved, state
from posttui.ui.widgets.rows import RowList

# An item's label: its title line and a line under it.
Labeller = Callable[[Any], tuple[Content, Content]]
Factory = Callable[[list[Any]], Any]


class ItemList(RowList):
    """The items of one section of the plan, two lines each; the labels follow the plan."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n,insert", "add", "New", id="list.new"),
        Binding("delete,d", "delete", "Delete", id="list.delete"),
        Binding("shift+up", "reorder(-1)", "Move up", show=False, id="list.move-up"),
        Binding("shift+down", "reorder(1)", "Move down", show=False, id="list.move-down"),
    ]

    class Picked(Message):
        """The highlighted item changed (index None: the list is empty)."""

        def __init__(self, item_list: ItemList, index: int | None) -> None:
            super().__init__()
            self.item_list = item_list
            self.index = index

    def __init__(
        self, section: str, noun: str, label: Labeller, factory: Factory, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.section = section
        self.noun = noun
        self.label = label
        self.factory = factory
        self._picked: int | None = -1

    @property
    def items(self) -> list[Any]:
        return cast(list[Any], paths.get(state(self).plan, self.section))

    def row_lines(self, index: int) -> tuple[Content, ...]:
        return self.label(self.items[index])

    def sync(self) -> None:
        """Follow the plan: new rows when items came or went, else redraw what shows."""
        count = len(self.items)
        if count != self.row_count:
            self.set_rows([2] * count)
        else:
            self.refresh_rows()
        self._announce()

    def _announce(self) -> None:
        index = self.highlighted if self.row_count else None
        if index != self._picked:
            self._picked = index
            self.post_message(self.Picked(self, index))

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()
        self._announce()

    def action_select(self) -> None:
        # Straight into the form, in this key's turn: keys typed next land in a field.
        self.screen.focus_next()

    def on_row_list_selected(self, event: RowList.Selected) -> None:
        event.stop()

    def pick(self, index: int) -> None:
        if 0 <= index < self.row_count:
            self.highlighted = index
            self._announce()

    def _chosen(self) -> Any:
        index = self.highlighted
        return None if index is None or not self.row_count else state(self).key(self.section, index)

    def action_add(self) -> None:
        items = self.items
        self.post_message(Added(self.section, self.factory(items), self._chosen()))

    def action_delete(self) -> None:
        if (chosen := self._chosen()) is not None:
            self.post_message(Deleted(chosen, self.noun))

    def action_reorder(self, offset: int) -> None:
        if (chosen := self._chosen()) is not None:
            self.post_message(Moved(chosen, offset))
