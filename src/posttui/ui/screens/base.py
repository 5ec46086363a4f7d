"""What every POST screen has: header, an item list with its form, the findings panel."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Static

from posttui.core import paths
from posttui.core.document import ItemKey
from posttui.ui.state import PlanState, state
from posttui.ui.widgets.fields import BoundField
from posttui.ui.widgets.findings import FindingsPanel
from posttui.ui.widgets.items import ItemList
from posttui.ui.widgets.steps import StepBar
from posttui.ui.words import Speaking, say


class PostScreen(Speaking[None]):
    """A POST step: a list of items on the left, the selected one's form beside it.

    Its words are the app's language when composed; a new language composes it again.
    """

    STEP: ClassVar[str]
    SECTION: ClassVar[str]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "focus_list", "Back to list", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(name=self.STEP)
        self._stale = True
        self._new_words = False  # the language changed since it was composed
        self._shown: Any = None  # the item object the form shows

    @property
    def post_app(self) -> PlanState:
        return state(self)

    def compose(self) -> ComposeResult:
        yield Header()
        yield StepBar(self.STEP)
        with Horizontal(id="main"):
            with Vertical(id="items-pane"):
                yield Static(Content(say(self, f"intro.{self.STEP}")), classes="intro")
                yield self.item_list()
                yield from self.compose_aside()
            with VerticalScroll(id="form", can_focus=False):
                yield from self.compose_form_header()
                yield Static(Content(say(self, f"empty.{self.STEP}")), id="form-empty")
                with Vertical(id="item-form"):
                    yield from self.compose_form()
                yield from self.compose_form_extras()
            yield FindingsPanel()
        yield Footer(compact=True)

    def item_list(self) -> ItemList:
        raise NotImplementedError

    def compose_aside(self) -> ComposeResult:
        """Widgets under the item list (bars, maps)."""
        yield from ()

    def compose_form_header(self) -> ComposeResult:
        """Above the item's fields: fields of the step itself."""
        yield from ()

    def compose_form(self) -> ComposeResult:
        """The fields of the selected item."""
        yield from ()

    def compose_form_extras(self) -> ComposeResult:
        """Below the fields: editors of the item's own lists (targets)."""
        yield from ()

    @property
    def items(self) -> ItemList:
        return self.query_one(ItemList)

    def on_mount(self) -> None:
        self.watch(self.app, "revision", self._plan_changed, init=False)
        self.watch(self.app, "findings", self._findings_changed, init=False)
        self.watch(self.app, "changed", self._mark_changes, init=False)
        self.watch(self.app, "lang", self._language_changed, init=False)

    async def on_screen_resume(self) -> None:
        if self._new_words:
            await self._speak()
        elif self._stale:
            self.refresh_all()

    def _language_changed(self) -> None:
        self._new_words = True
        if self in self.app.screen_stack:  # on show, if only under a dialog: at once
            self.call_later(self._speak)

    async def _speak(self) -> None:
        """Compose again in the app's language, and show the plan there."""
        if not self._new_words:
            return
        self._new_words = False
        await self.recompose()
        self.refresh_all()
        if self.is_current:
            self.items.focus()

    def refresh_all(self) -> None:
        """Everything from the plan again: after load, undo, redo, reload."""
        self._stale = False
        self.items.sync()
        self.sync_form()
        self.plan_changed()
        self.query_one(FindingsPanel).show(self.post_app.findings)

    def _plan_changed(self) -> None:
        if self.is_current:
            self.items.sync()
            self._follow_selection()
            self.plan_changed()
        else:
            self._stale = True

    def _findings_changed(self) -> None:
        if self.is_current:
            self.items.sync()
            self.query_one(FindingsPanel).show(self.post_app.findings)
            self.findings_changed()
        else:
            self._stale = True

    def plan_changed(self) -> None:
        """Update views that follow the plan (not the form being typed in)."""

    def findings_changed(self) -> None:
        """Update views that follow the findings."""

    def on_item_list_picked(self) -> None:
        # The highlight now, not the event's: a late event must not undo a newer pick.
        self._follow_selection()

    @property
    def index(self) -> int | None:
        """Where the selected item is (None: the list is empty)."""
        return self.items.highlighted if self.items.row_count else None

    @property
    def base(self) -> str | None:
        index = self.index
        return None if index is None else f"{self.SECTION}[{index}]"

    @property
    def chosen(self) -> ItemKey | None:
        """The selected item, by id."""
        index = self.index
        return None if index is None else self.post_app.key(self.SECTION, index)

    def _follow_selection(self) -> None:
        """Make the form show the selected item: bound anew when another item is selected
        (the one shown was deleted, moved away, or replaced), only told its new place or
        id when it is the same item."""
        index = self.index
        item = None if index is None else self.items.items[index]
        if item is not self._shown:
            self.bind_form(index)
        elif self.chosen is not None:
            for field in self.query_one("#item-form").query(BoundField):
                field.follow(self.chosen)
            self.form_followed(self.chosen)

    def show_item(self, index: int | None, *, added: bool = False) -> None:
        """Select the item at `index` after the list changed; a new one is filled in."""
        self.items.sync()
        if index is not None:
            self.items.pick(index)
        self._follow_selection()
        if added:
            first = self.query_one("#item-form").query(BoundField).first()
            first.focus_editor(select=True)

    def bind_form(self, index: int | None, *, force: bool = False) -> None:
        item = None if index is None else self.post_app.key(self.SECTION, index)
        self._shown = None if index is None else self.items.items[index]
        self.query_one("#form-empty").display = item is None
        self.query_one("#item-form").display = item is not None
        for field in self.query_one("#item-form").query(BoundField):
            if force or field.target != item:
                field.bind(item)
        self.form_bound(None if index is None else f"{self.SECTION}[{index}]")
        self._mark_changes()

    def form_bound(self, base: str | None) -> None:
        """Hook: the form now shows the item at `base`."""

    def form_followed(self, item: ItemKey) -> None:
        """Hook: the item the form shows is now where and what `item` says."""

    def _mark_changes(self) -> None:
        """Mark the fields whose value differs from the last commit."""
        changed = self.post_app.changed
        for field in self.query(BoundField):
            field.set_class(field.base is not None and field.path in changed, "-changed")

    def sync_form(self) -> None:
        """Reload every field from the plan (after undo, redo, reload, restore)."""
        self.items.sync()
        for field in self.query(BoundField):
            if field.fixed is not None:
                field.bind(field.fixed)
        self.bind_form(self.index, force=True)

    def action_focus_list(self) -> None:
        self.items.focus()

    def item(self) -> Any:
        return None if self.base is None else paths.get(self.post_app.plan, self.base)

    def focus_path(self, path: str) -> None:
        """Show and focus what `path` names: its item in the list, then its field."""
        if self._stale:
            self.refresh_all()
        index = _index_in(path, self.SECTION)
        if index is not None:
            self.items.pick(index)
            self.bind_form(index)
        # After a refresh, so that fields mounted for the item (targets) are there.
        self.call_after_refresh(self._focus_field, path)

    def _focus_field(self, path: str) -> None:
        fields = [f for f in self.query(BoundField) if f.base is not None]
        best = max(fields, key=lambda f: _shared_prefix(f.path, path), default=None)
        if best is not None and _shared_prefix(best.path, path) > len(self.base or ""):
            best.focus_editor()
        else:
            self.items.focus()


def _index_in(path: str, section: str) -> int | None:
    steps = paths.steps(path)
    depth = len(paths.steps(section))
    if steps[:depth] == paths.steps(section) and len(steps) > depth:
        step = steps[depth]
        return step if isinstance(step, int) else None
    return None


def _shared_prefix(a: str, b: str) -> int:
    length = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        length += 1
    return length
