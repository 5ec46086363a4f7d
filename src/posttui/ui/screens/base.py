"""What every POST screen has: header, an item list with its form, the findings panel."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from posttui.core import paths
from posttui.core.document import ItemKey
from posttui.ui.catalog import say
from posttui.ui.screens.speaking import Speaking
from posttui.ui.state import PlanState, state
from posttui.ui.widgets.fields import BoundField, focus
from posttui.ui.widgets.findings import FindingsPanel, FindingsSummary
from posttui.ui.widgets.footer import KeysFooter
from posttui.ui.widgets.items import ItemList
from posttui.ui.widgets.steps import StepBar
from posttui.ui.widgets.title import TitleBar


class PostScreen(Speaking[None]):
    """A POST step: a list of items on the left, the selected one's form beside it.

    Its words are the app's language when composed; a new language composes it again.
    """

    STEP: ClassVar[str]
    SECTION: ClassVar[str]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "focus_list", "Back to list", show=False, id="form.back-to-list"),
        Binding("ctrl+l", "toggle_list", "List", id="layout.list"),
        Binding("f8", "toggle_findings", "Findings", id="layout.findings"),
    ]
    # The layout follows the terminal's width (styles/posttui.tcss): wide, the list, the
    # form and the findings side by side; medium, the findings a drawer; narrow, one
    # column at a time. ctrl+l and f8 show or hide the list and the findings at any size.
    # (Textual declares it `ClassVar[...] | None`, which mypy reads as an instance variable.)
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012
        (0, "-narrow"),
        (100, "-medium"),
        (140, "-wide"),
    ]

    def __init__(self) -> None:
        # The breakpoint's class from the start, not from the first resize: a new class
        # then would style every widget of the screen again.
        width = self.app.size.width
        classes = self._get_breakpoint_classes(width, self.HORIZONTAL_BREAKPOINTS)
        super().__init__(name=self.STEP, classes=" ".join(classes))
        self._stale = True
        self._new_words = False  # the language changed since it was composed
        self._shown: Any = None  # the item object the form shows

    @property
    def post_app(self) -> PlanState:
        return state(self)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield StepBar(self.STEP)
        with Horizontal(id="main"):
            with Vertical(id="items-pane"):
                yield Static(Content(say(self, f"intro.{self.STEP}")), classes="intro")
                yield self.item_list()
                yield from self.compose_aside()
            with VerticalScroll(id="form", can_focus=False):
                yield from self._bound(self.compose_form_header())
                yield Static(Content(say(self, f"empty.{self.STEP}")), id="form-empty")
                with Vertical(id="item-form"):
                    yield from self._bound(self.compose_form())
                yield from self.compose_form_extras()
            yield FindingsPanel()
        yield FindingsSummary()
        yield KeysFooter()

    def _bound(self, widgets: ComposeResult) -> ComposeResult:
        """The fields of `widgets` bound before they mount, to the first item (which the
        list selects first): a field bound once mounted is enabled then, and styled
        again, with all it holds (about half of a screen's first showing)."""
        items = paths.get(self.post_app.plan, self.SECTION)
        first = self.post_app.key(self.SECTION, 0) if items else None
        for widget in widgets:
            if isinstance(widget, BoundField):
                widget.bind(widget.fixed if widget.fixed is not None else first)
            yield widget

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

    @on(events.ScreenResume)
    def _styled_already(self, event: events.ScreenResume) -> None:
        """Shown again, it keeps the styles it has: classes set while it was hidden
        styled their widgets at once, and a new theme styles every screen on the switch
        (App.switch_mode). Textual would style all its widgets again, a switch's main
        cost."""
        event.refresh_styles = False

    async def on_screen_resume(self) -> None:
        if not (self.is_attached and self.app.is_running):
            return  # closing: a screen being built ahead is taken down half made
        if self._new_words:
            await self._speak()
        elif self._stale:
            self.refresh_all()
        self._focus_in_view()  # in the screen's first frame, with the keys it offers

    def on_resize(self) -> None:
        self.call_after_refresh(self._focus_in_view)

    def _focus_in_view(self) -> None:
        """Keep the focus on something shown: where the list is hidden (narrow), keys
        go to the form's first field, not to a list no one sees (or nowhere). At once:
        a screen's first frame shows it, and the keys it offers."""
        focused = self.focused
        if focused is not None and all(node.display for node in focused.ancestors_with_self):
            return
        if self._shows("#items-pane"):
            focus(self.items, now=True)
        else:
            self.focus_form(now=True)

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
        self._show_findings()

    def _plan_changed(self) -> None:
        if self.is_current:
            self.items.sync()
            self._follow_selection()
            self.plan_changed()
        else:
            self._stale = True
            if self.items.row_count != len(self.items.items):
                # As many rows as items even now: a screen is drawn under a dialog, and
                # when shown again, before it has caught up with the plan.
                self.items.sync()

    def _findings_changed(self) -> None:
        if self.is_current:
            self.items.sync()
            self._show_findings()
            self.findings_changed()
        else:
            self._stale = True

    def _show_findings(self) -> None:
        findings = self.post_app.findings
        self.query_one(FindingsPanel).show(findings)
        self.query_one(FindingsSummary).show_findings(findings)

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

    async def form_mounted(self) -> None:
        """Hook: wait until the fields mounted for the item shown (targets) are there."""

    def _mark_changes(self) -> None:
        """Mark the fields whose value differs from the last commit."""
        changed = self.post_app.changed
        for field in self.query(BoundField):
            field.show_changed(field.base is not None and field.path in changed)

    def show_values(self, paths: set[str]) -> None:
        """Show anew the fields of `paths`, which an edit elsewhere set (an id that
        follows its item's name)."""
        for field in self.query(BoundField):
            if field.path in paths:
                field.bind(field.target)

    def sync_form(self) -> None:
        """Reload every field from the plan (after undo, redo, reload, restore)."""
        self.items.sync()
        for field in self.query(BoundField):
            if field.fixed is not None:
                field.bind(field.fixed)
        self.bind_form(self.index, force=True)

    # ---- the list and the findings, shown or hidden ----

    def _shows(self, selector: str) -> bool:
        """Whether the part `selector` names is shown at this size and with these toggles."""
        return self.query_one(selector).styles.display != "none"

    def action_focus_list(self) -> None:
        """Back to the list (escape): shown where it was hidden; a drawer of findings
        open over the form closes first."""
        if not self.has_class("-wide") and self._in_findings():
            self._close_findings()
            return
        self._show_list(True)
        self.items.focus()

    def action_toggle_list(self) -> None:
        shown = self._shows("#items-pane")
        self._show_list(not shown)
        if shown:
            if self._in(self.items):
                self.focus_form()
        else:
            self.set_class(False, "-findings-on")  # one column at a time where narrow
            self.items.focus()

    def _show_list(self, show: bool) -> None:
        self.set_class(show, "-list-on")
        self.set_class(not show, "-list-off")

    def action_toggle_findings(self) -> None:
        if self._shows("#findings"):
            self._close_findings()
            return
        self.set_class(True, "-findings-on")
        self.set_class(False, "-findings-off")
        if not self.has_class("-wide"):  # a drawer, or where narrow the one column shown
            if self.has_class("-narrow"):
                self.set_class(False, "-list-on")
            self.query_one("#findings-list").focus()

    def _close_findings(self) -> None:
        inside = self._in_findings()
        self.set_class(False, "-findings-on")
        self.set_class(True, "-findings-off")
        if inside:
            self.focus_form()

    def _in_findings(self) -> bool:
        return self._in(self.query_one(FindingsPanel))

    def _in(self, part: Widget) -> bool:
        focused = self.focused
        return focused is not None and (focused is part or part in focused.ancestors)

    def focus_form(self, *, now: bool = False) -> None:
        """Focus the form's first field (the list where there is no item to edit);
        `now`: before the next frame."""
        fields = [f for f in self.query_one("#form").query(BoundField) if f.target is not None]
        if fields:
            fields[0].focus_editor(now=now)
        else:
            focus(self.items, now=now)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The focus left the drawer of findings (a finding chosen, tab) or, where the
        list is a picker, the list: it closes, and the form shows again."""
        if self.has_class("-wide"):
            return
        if self.has_class("-findings-on") and not self._in(self.query_one(FindingsPanel)):
            self.set_class(False, "-findings-on")
        picker = self.has_class("-narrow") and self.has_class("-list-on")
        if picker and not self._in(self.query_one("#items-pane")):
            self.set_class(False, "-list-on")

    def focus_next(self, selector: str | type[Widget] = "*") -> Widget | None:
        # Enter in the list where it is a picker (narrow): the form shows in its place,
        # its first field focused in this key's turn, so keys typed next land there.
        if self.has_class("-narrow") and self.has_class("-list-on") and self._in(self.items):
            self.set_class(False, "-list-on")
            self.focus_form()
            return self.focused
        return super().focus_next(selector)

    def item(self) -> Any:
        return None if self.base is None else paths.get(self.post_app.plan, self.base)

    async def focus_path(self, path: str) -> None:
        """Show and focus what `path` names: its item in the list, then its field."""
        if self._stale:
            self.refresh_all()
        index = _index_in(path, self.SECTION)
        if index is not None:
            self.items.pick(index)
            self.bind_form(index)
        await self.form_mounted()
        self._focus_field(path)

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
