"""Objectives: what to achieve, as SMART goals of the five Groundswell kinds."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import AwaitMount
from textual.widgets import Label, Static

from posttui.core import fields
from posttui.core.document import ItemKey
from posttui.core.model import DIRECTIONS, KINDS, Objective, Target
from posttui.core.terminal import preview
from posttui.core.vocabulary import (
    COMMON_METRICS,
    COMMON_PLATFORMS,
    COMMON_SOURCES,
    kind_choice,
    kind_explanation,
)
from posttui.ui.catalog import say
from posttui.ui.screens.base import PostScreen
from posttui.ui.state import Edited
from posttui.ui.widgets.button import LineButton
from posttui.ui.widgets.fields import (
    BoundField,
    ChoiceField,
    NotesField,
    ProseField,
    ReferenceField,
    TextField,
    ToggleField,
)
from posttui.ui.widgets.items import ItemList
from posttui.ui.widgets.smart import smart_letters, smart_summary
from posttui.ui.widgets.text import Text


class TargetRow(Horizontal):
    """One target: platform, metric, baseline and target, and a button to remove it
    (by mouse; by keys, ctrl+r in the row: tab never lands on it)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "remove", "Remove target", id="objectives.remove-target"),
        Binding("ctrl+t", "results", "Results", id="objectives.results"),
    ]

    def __init__(self, screen: ObjectivesScreen, objective: ItemKey, index: int) -> None:
        super().__init__(classes="target-row")
        self.owner = screen
        self.objective = objective
        self.index = index

    def on_mount(self) -> None:
        if self.owner.new_target == self.index:  # added by ctrl+n: typing goes on here
            self.call_after_refresh(self._focus_first)

    def bind(self, objective: ItemKey) -> None:
        self.objective = objective
        for field in self.query(BoundField):
            field.bind(objective)

    def follow(self, objective: ItemKey) -> None:
        self.objective = objective
        for field in self.query(BoundField):
            field.follow(objective)

    def compose(self) -> ComposeResult:
        target = f"targets[{self.index}]"
        directions = [(value, say(self, f"direction.{value}")) for value in DIRECTIONS]
        cells: list[BoundField] = [
            ReferenceField(
                "",
                f"{target}.platform",
                "technology.platforms",
                multiple=False,
                can_add=True,
                suggest=self.owner.platform_words,
            ),
            TextField("", f"{target}.source", fields.optional_slug, suggest=lambda: COMMON_SOURCES),
            TextField("", f"{target}.metric", fields.optional_slug, suggest=lambda: COMMON_METRICS),
            ChoiceField("", f"{target}.direction", directions),
            TextField("", f"{target}.baseline", fields.optional_number),
            TextField("", f"{target}.target", fields.optional_number),
        ]
        for cell in cells:  # named as their column where one is said to be invalid
            cell.title = say(self, f"objectives.{cell.key.rpartition('.')[2]}")
            cell.bind(self.objective)  # before it mounts: enabled then, styled once
        yield from cells
        tooltip = say(self, "objectives.remove-target")
        remove = LineButton("✕", classes="remove-target", tooltip=tooltip)
        remove.can_focus = False
        yield remove

    def _focus_first(self) -> None:
        if self.is_attached and self.owner.new_target == self.index:  # not replaced since
            self.owner.new_target = None
            self.query(BoundField).first().focus_editor()

    def action_remove(self) -> None:
        self.owner.remove_target(self.index)

    def action_results(self) -> None:
        """The target's results, to add, edit and delete (a dialog over the screen)."""
        from posttui.ui.screens.results import ResultsDialog

        self.app.push_screen(ResultsDialog(self.objective, self.index))


class ObjectivesScreen(PostScreen):
    STEP = "objectives"
    SECTION = "objectives"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "add_target", "Add target", id="objectives.add-target"),
    ]
    new_target: int | None = None  # the target ctrl+n added, its row not yet shown
    _rows: AwaitMount | None = None  # the target rows last mounted

    def item_list(self) -> ItemList:
        return ItemList(
            self.SECTION, "objective", self.objective_label, self.new_objective, id="items"
        )

    def new_objective(self, objectives: list[Any]) -> Objective:
        statement = say(self, "objectives.new")
        return Objective(id=self.post_app.made_id(self.SECTION, statement), statement=statement)

    def objective_label(self, objective: Objective) -> tuple[Content, Content]:
        flagged = self.post_app.flags.get(objective.id, set())
        # ★ marks the objective chosen to lead.
        lead = ("★ ", "$accent") if objective.primary else ""
        first = Content.assemble(
            smart_letters(flagged), lead, (preview(objective.id), "$text-muted")
        )
        return first, Content(preview(objective.statement))

    def compose_form(self) -> ComposeResult:
        lang = self.post_app.lang
        date = say(self, "field.date")
        yield Text(id="smart-status")
        yield ProseField(say(self, "objectives.statement"), "statement", fields.required)
        yield TextField(say(self, "field.id"), "id", fields.slug, fold=fields.fold_id)
        yield ChoiceField(
            say(self, "objectives.kind"),
            "kind",
            [(value, kind_choice(value, lang)) for value in KINDS],
            explain={value: kind_explanation(value, lang) for value in KINDS},
        )
        yield ToggleField(
            say(self, "objectives.primary"), "primary", say(self, "objectives.primary-hint")
        )
        yield ReferenceField(
            say(self, "objectives.segments"),
            "segments",
            "people.segments",
            placeholder=say(self, "objectives.segments-hint"),
            suggest=self.segment_words,
        )
        owner, why = say(self, "objectives.owner-hint"), say(self, "objectives.why-hint")
        yield TextField(say(self, "objectives.owner"), "owner", placeholder=owner)
        yield ProseField(say(self, "objectives.why"), "why", placeholder=why)
        yield TextField(
            say(self, "objectives.start"), "start", fields.optional_date, placeholder=date
        )
        yield TextField(
            say(self, "objectives.deadline"), "deadline", fields.optional_date, placeholder=date
        )
        yield NotesField(say(self, "field.notes"), "notes")

    def compose_form_extras(self) -> ComposeResult:
        with Vertical(id="targets"):
            yield Static(Content.styled(say(self, "objectives.targets"), "bold"))
            with Horizontal(classes="target-row", id="target-header"):
                for name in ("platform", "source", "metric", "direction", "baseline", "target"):
                    yield Label(say(self, f"objectives.{name}"))
            yield Vertical(*self._first_rows(), id="target-rows")
            add = say(self, "objectives.add-target")
            yield LineButton(add, id="add-target")

    def _first_rows(self) -> list[TargetRow]:
        """The rows of the first objective (the list selects it first), made with the
        form: they show in its first frame, not in a frame after it."""
        objectives = self.post_app.plan.objectives
        if not objectives:
            return []
        return self._target_rows(self.post_app.key(self.SECTION, 0), len(objectives[0].targets))

    def _target_rows(self, objective: ItemKey, count: int) -> list[TargetRow]:
        return [TargetRow(self, objective, index) for index in range(count)]

    def segment_words(self) -> Iterable[str]:
        return [segment.id for segment in self.post_app.plan.people.segments]

    def platform_words(self) -> Iterable[str]:
        mix = [platform.id for platform in self.post_app.plan.technology.platforms]
        return [*mix, *(p for p in COMMON_PLATFORMS if p not in mix)]

    def form_bound(self, base: str | None) -> None:
        self.query_one("#targets").display = base is not None
        self._show_smart()
        self._show_targets(rebind=True)

    def form_followed(self, item: ItemKey) -> None:
        for row in self.query(TargetRow):
            row.follow(item)

    def plan_changed(self) -> None:
        self._show_targets(rebind=False)  # a target added or removed, by key or by undo

    def _show_targets(self, *, rebind: bool) -> None:
        """One row per target of the objective shown; rows kept while their count is."""
        chosen = self.chosen
        objective = self.item()
        rows = self.query_one("#target-rows")
        wanted = len(objective.targets) if objective is not None else 0
        current = list(rows.query(TargetRow))
        if chosen is not None and len(current) == wanted:
            for row in current:
                row.bind(chosen) if rebind else row.follow(chosen)
            return
        rows.remove_children()
        if chosen is not None:
            self._rows = rows.mount_all(self._target_rows(chosen, wanted))

    async def form_mounted(self) -> None:
        if self._rows is not None:
            await self._rows

    def findings_changed(self) -> None:
        self._show_smart()

    def _show_smart(self) -> None:
        objective = self.item()
        status = self.query_one("#smart-status", Text)
        if objective is None:
            status.show(Content(""))
            return
        flagged = self.post_app.flags.get(objective.id, set())
        status.show(smart_summary(flagged, self.post_app.lang))

    def action_add_target(self) -> None:
        objective, chosen = self.item(), self.chosen
        if objective is None or chosen is None:
            return
        self.new_target = len(objective.targets)  # focused once its row is there
        self._edit_targets(chosen, [*objective.targets, Target(target=0)])

    def remove_target(self, index: int) -> None:
        objective, chosen = self.item(), self.chosen
        if objective is None or chosen is None or index >= len(objective.targets):
            return
        self._edit_targets(chosen, [t for i, t in enumerate(objective.targets) if i != index])
        self.notify(say(self, "objectives.removed-target"), markup=False)

    def _edit_targets(self, chosen: ItemKey, targets: list[Target]) -> None:
        self.post_message(Edited(self, chosen, "targets", targets, typing=False))

    def refused(self, reason: str, value: Any) -> None:
        """A list of targets is always a plan's: nothing to show."""

    def on_line_button_pressed(self, event: LineButton.Pressed) -> None:
        if event.button.id == "add-target":
            self.action_add_target()
        elif event.button.has_class("remove-target"):
            row = event.button.parent
            assert isinstance(row, TargetRow)
            self.remove_target(row.index)
