"""A target's results (ctrl+t in its row on the Objectives screen): dated values of its
metric, added, edited and deleted by keyboard, shown in date order.

Every change is an edit of the objective the app applies, like any field's: a value typed
is `targets[T].results[R].value` of the objective by id (a BoundField's edit, merged while
typed), a result added or deleted is the whole new list `targets[T].results`, one undo
step. The dialog reads the plan back after every revision (undo and redo too).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from posttui.core import fields, paths
from posttui.core.document import ItemKey
from posttui.core.i18n import norwegian
from posttui.core.model import Objective, Result, Target
from posttui.core.progress import target_progress
from posttui.core.results import parse_number
from posttui.core.terminal import preview
from posttui.ui.catalog import language, say
from posttui.ui.screens.speaking import Speaking
from posttui.ui.state import Edited, state
from posttui.ui.widgets.button import LineButton
from posttui.ui.widgets.fields import LINE_BREAK, TextField
from posttui.ui.widgets.footer import KeysFooter
from posttui.ui.widgets.text import Text


def required_date(raw: str) -> date:
    value = fields.optional_date(raw)
    if value is None:
        raise fields.FieldError("date")
    return value


def number_in(lang: str) -> fields.Parser:
    """A value as people of `lang` write it: `1 200`, `1,5` in Norwegian, `1,200.5`."""
    decimal = "," if norwegian(lang) else "."

    def parse(raw: str) -> int | float:
        try:
            return parse_number(raw, decimal)
        except ValueError:
            raise fields.FieldError("number") from None

    return parse


def in_date_order(results: list[Result]) -> list[int]:
    """The indices of `results` in date order (the order the writer saves them in)."""
    return sorted(range(len(results)), key=lambda index: results[index].date)


class ResultRow(Horizontal):
    """One result: date, value, source and note; ctrl+r deletes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "remove_result", "Delete result", id="results.delete"),
    ]

    def __init__(self, dialog: ResultsDialog, index: int) -> None:
        super().__init__(classes="result-row")
        self.dialog = dialog
        self.index = index

    def compose(self) -> ComposeResult:
        at = f"{self.dialog.target_path}.results[{self.index}]"
        cells = {
            "date": TextField("", f"{at}.date", required_date, placeholder=say(self, "field.date")),
            "value": TextField("", f"{at}.value", number_in(language(self))),
            "source": TextField("", f"{at}.source", fields.optional_slug),
            "note": TextField("", f"{at}.note"),
        }
        for name, cell in cells.items():
            cell.bind(self.dialog.objective)  # before it mounts: enabled then, styled once
            yield cell.add_class(f"result-{name}")  # its column's width (styles)

    def action_remove_result(self) -> None:
        self.dialog.remove_result(self.index)


class ResultsDialog(Speaking[None], ModalScreen[None]):
    """The results of target `index` of the objective `objective` names."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        Binding("ctrl+n", "add_result", "Add result", id="results.add"),
    ]

    def __init__(self, objective: ItemKey, index: int) -> None:
        super().__init__()
        self.objective = objective
        self.index = index
        self._order: list[int] = []  # the result indices of the rows shown, top to bottom
        self._then: Callable[[], None] | None = None  # to do once the rows are rebuilt

    @property
    def target_path(self) -> str:
        return f"targets[{self.index}]"

    def _found(self) -> tuple[Objective, Target] | None:
        """The objective and target shown, where they are now (None: gone)."""
        plan = state(self).plan
        for at, objective in enumerate(plan.objectives):
            if objective.id == self.objective.id:
                self.objective = ItemKey(self.objective.section, objective.id, at)
                if self.index < len(objective.targets):
                    return objective, objective.targets[self.index]
                return None
        return None

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog results-dialog"):
            yield Text(id="results-title", classes="dialog-title")
            yield Text(id="results-status")
            with Horizontal(classes="result-row", id="results-header"):
                for name in ("date", "value", "source", "note"):
                    yield Label(say(self, f"results.{name}"), classes=f"result-{name}")
            yield Vertical(id="result-rows")
            yield Static(Content(say(self, "results.none")), id="results-empty")
            with Horizontal(id="results-buttons"):
                yield LineButton(say(self, "results.add"), id="add-result")
                yield LineButton(say(self, "results.close"), id="close-results")
            yield Static(Content(say(self, "results.keys")), classes="results-keys")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "revision", self._plan_changed, init=False)
        self._then = self._focus_latest
        self._show()

    def _focus_latest(self) -> None:
        """The latest result's value (typing corrects it), or the add button."""
        if self._order:
            self._focus_key(f"{self.target_path}.results[{self._order[-1]}].value")
        else:
            self.query_one("#add-result").focus()

    def _plan_changed(self) -> None:
        if self.is_attached:
            self._show()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        # A date typed into a row puts the row in its place once the focus leaves it.
        self.call_after_refresh(self._show)

    def _show(self) -> None:
        """Show the plan's results: rows rebuilt in date order when the results are not
        those shown (added, deleted, undone, a date changed), else each field shown anew
        unless it holds what is being typed."""
        found = self._found()
        if found is None:
            self.dismiss()
            return
        objective, target = found
        self._show_status(objective, target)
        order = in_date_order(target.results)
        self.query_one("#results-empty").display = not order
        # A row whose date is being typed keeps its place until the focus leaves it.
        moved_only = len(order) == len(self._order) and self._typing_date()
        if order != self._order and not moved_only:
            self._rebuild(order)
            return
        for field in self.query(TextField):
            field.follow(self.objective)
            self._refresh_field(field)

    def _typing_date(self) -> bool:
        focused = self.focused
        return (
            isinstance(focused, Input)
            and isinstance(focused.parent, TextField)
            and focused.parent.key.endswith(".date")
        )

    def _refresh_field(self, field: TextField) -> None:
        value = paths.get(state(self).plan, field.path)
        editor = field.query_one(Input)
        if editor.has_focus or field.invalid is not None:
            try:
                text = editor.value.replace(LINE_BREAK, "\n")
                if field.parser(text) == value:
                    return  # what is typed is what the plan holds
            except fields.FieldError:
                return  # text being typed that does not parse yet: kept
        elif editor.value == fields.show(value):
            return
        field.bind(self.objective)

    def _rebuild(self, order: list[int]) -> None:
        focused = self.focused
        keep = (
            focused.parent.key
            if focused is not None and isinstance(focused.parent, TextField)
            else None
        )
        self._order = order
        rows = self.query_one("#result-rows")
        removed = rows.remove_children()
        mounted = rows.mount_all(ResultRow(self, index) for index in order)
        then, self._then = self._then, None
        if then is None and keep is not None:
            then = partial(self._focus_key, keep)

        async def settled() -> None:
            await removed
            await mounted
            if then is not None:
                then()

        self.call_later(settled)

    def _focus_key(self, key: str, *, select: bool = False) -> None:
        for field in self.query(TextField):
            if field.key == key:
                field.focus_editor(select=select)
                return

    def _show_status(self, objective: Objective, target: Target) -> None:
        from posttui.ui.screens.progress import target_lines

        lang = language(self)
        title = say(self, "results.title", target=preview(target.label()))
        self.query_one("#results-title", Text).show(
            Content.assemble(
                (title, "bold"),
                "\n",
                (say(self, "results.of", objective=preview(objective.statement)), "$text-muted"),
            )
        )
        plan = state(self).plan
        progress = target_progress(
            target, objective, self.index, plan.plan.as_of, plan.plan.period_end
        )
        lines = target_lines(progress, lang)
        self.query_one("#results-status", Text).show(Content("\n").join(lines))

    # ---- adding and deleting: the whole new list, one undo step ----

    def action_add_result(self) -> None:
        found = self._found()
        if found is None:
            return
        _, target = found
        today = date.today()
        taken = [i for i, result in enumerate(target.results) if result.date == today]
        if taken:
            self.notify(say(self, "results.today-taken"), markup=False)
            self._focus_key(f"{self.target_path}.results[{taken[-1]}].value")
            return
        latest = max(target.results, key=lambda result: result.date, default=None)
        value: Any = latest.value if latest else (target.baseline or 0)
        results = sorted([*target.results, Result(date=today, value=value)], key=lambda r: r.date)
        index = next(i for i, result in enumerate(results) if result.date == today)
        key = f"{self.target_path}.results[{index}].value"
        self._then = lambda: self._focus_key(key, select=True)  # typing replaces it
        self._edit(results)

    def remove_result(self, index: int) -> None:
        found = self._found()
        if found is None or index >= len(found[1].results):
            return
        results = list(found[1].results)
        removed = results.pop(index)
        position = self._order.index(index) if index in self._order else 0
        self._then = lambda: self._focus_row(position)
        self._edit(results)
        self.notify(say(self, "results.deleted", date=removed.date.isoformat()), markup=False)

    def _focus_row(self, position: int) -> None:
        rows = list(self.query(ResultRow))
        if rows:
            rows[min(position, len(rows) - 1)].query(TextField).first().focus_editor()
        else:
            self.query_one("#add-result").focus()

    def _edit(self, results: list[Result]) -> None:
        key = f"{self.target_path}.results"
        self.post_message(Edited(self, self.objective, key, results, typing=False))

    def refused(self, reason: str, value: Any) -> None:
        """A list of results made here is always a plan's: nothing to show."""

    def on_line_button_pressed(self, event: LineButton.Pressed) -> None:
        event.stop()
        if event.button.id == "add-result":
            self.action_add_result()
        elif event.button.id == "close-results":
            self.dismiss()
