"""What the screens and widgets may read of the app, and the messages that carry their
edits up to it.

Attributes down, messages up: a widget never writes into the plan. It posts a message
naming the change (a field's new value for an item named by id, an item added, deleted
or moved), and the app, the one owner of the document, applies it and pushes the new
state down. Widgets read through `PlanState`, so none of them imports the app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, cast

from textual.message import Message

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from posttui.core.document import ItemKey
    from posttui.core.model import Plan
    from posttui.core.rules import Finding


class PlanState(Protocol):
    """The app as its widgets see it."""

    @property
    def plan(self) -> Plan: ...

    @property
    def lang(self) -> str: ...

    @property
    def findings(self) -> list[Finding]: ...

    @property
    def flags(self) -> dict[str, set[str]]:
        """For each subject, the SMART letters and steps it fails."""
        ...

    @property
    def changed(self) -> frozenset[str]:
        """Key paths that differ from the plan committed at HEAD."""
        ...

    def key(self, section: str, index: int) -> ItemKey:
        """The item at `index` of `section`, by id."""
        ...

    def made_id(self, section: str, name: str) -> str:
        """The id a new item of `section` named `name` gets, in the plan's language."""
        ...


def state(node: DOMNode) -> PlanState:
    """The state of the app `node` is in (the app is checked against PlanState)."""
    return cast("PlanState", node.app)


class Edited(Message):
    """A new value for `key` (a path inside the item) of the item `item` names, or for
    the plan's own table field at path `key` when `item` is None.

    Typed: one undo step per field typed in. Not typed (a button, a list of targets):
    an undo step of its own, and the form shows the plan anew.
    """

    def __init__(
        self, field: Refusing, item: ItemKey | None, key: str, value: Any, *, typing: bool = True
    ) -> None:
        super().__init__()
        self.field = field
        self.item = item
        self.key = key
        self.value = value
        self.typing = typing


class Refusing(Protocol):
    """A field the app can tell that the plan refused a value it sent."""

    def refused(self, reason: str, value: Any) -> None: ...


class Invalid(Message):
    """A field's text does not parse (`reason`), or parses again (None): the plan keeps
    the field's last valid value meanwhile."""

    def __init__(self, field: object, label: str, reason: str | None) -> None:
        super().__init__()
        self.field = field
        self.label = label
        self.reason = reason


class Added(Message):
    """Add `item` to `section` after the item `after` names (None: at the end); `show`:
    select it, to be filled in (not when it is added from another item's form)."""

    def __init__(
        self, section: str, item: Any, after: ItemKey | None, *, show: bool = True
    ) -> None:
        super().__init__()
        self.section = section
        self.item = item
        self.after = after
        self.show = show


class Deleted(Message):
    """Delete the item `item` names."""

    def __init__(self, item: ItemKey, noun: str) -> None:
        super().__init__()
        self.item = item
        self.noun = noun


class Moved(Message):
    """Move the item `item` names by `offset` places."""

    def __init__(self, item: ItemKey, offset: int) -> None:
        super().__init__()
        self.item = item
        self.offset = offset
