"""Strategy: how the relationship with the audience should change, and the initiatives."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from posttui.core import fields
from posttui.core.model import Initiative
from posttui.core.terminal import preview
from posttui.core.vocabulary import COMMON_CONTENT
from posttui.ui.catalog import say
from posttui.ui.screens.base import PostScreen
from posttui.ui.widgets.fields import NotesField, ReferenceField, TextField
from posttui.ui.widgets.items import ItemList
from posttui.ui.widgets.text import Text


class StrategyScreen(PostScreen):
    STEP = "strategy"
    SECTION = "strategy.initiatives"

    def item_list(self) -> ItemList:
        return ItemList(
            self.SECTION, "initiative", self.initiative_label, self.new_initiative, id="items"
        )

    def new_initiative(self, initiatives: list[Any]) -> Initiative:
        return Initiative(id=self.post_app.made_id(self.SECTION, ""))

    def initiative_label(self, initiative: Initiative) -> tuple[Content, Content]:
        if initiative.objectives:
            serves = say(self, "strategy.serves", objectives=", ".join(initiative.objectives))
        else:
            serves = say(self, "strategy.no-objective")
        return Content.styled(preview(initiative.id), "bold"), Content.styled(
            preview(serves), "$text-muted"
        )

    def compose_aside(self) -> ComposeResult:
        yield Text(id="unserved")

    def compose_form_header(self) -> ComposeResult:
        yield NotesField(say(self, "strategy.relationship"), "relationship", fixed="strategy")
        yield Static(Content(say(self, "strategy.relationship-hint")), classes="form-note")
        yield Static(
            Content.styled(say(self, "strategy.initiative"), "bold"), classes="form-heading"
        )

    def compose_form(self) -> ComposeResult:
        yield NotesField(say(self, "field.description"), "description")
        yield TextField(say(self, "field.id"), "id", fields.slug, fold=fields.fold_id)
        yield ReferenceField(
            say(self, "strategy.objectives"),
            "objectives",
            "objectives",
            placeholder=say(self, "strategy.objectives-hint"),
            suggest=self.objective_words,
        )
        yield TextField(
            say(self, "strategy.content"),
            "content",
            fields.slugs,
            placeholder="video, images",
            suggest=lambda: COMMON_CONTENT,
        )
        yield ReferenceField(
            say(self, "field.platforms"),
            "platforms",
            "technology.platforms",
            can_add=True,
            placeholder="instagram",
            suggest=self.mix,
        )
        cadence = say(self, "strategy.cadence-hint")
        yield TextField(say(self, "strategy.cadence"), "cadence", placeholder=cadence)
        yield NotesField(say(self, "field.notes"), "notes")

    def objective_words(self) -> Iterable[str]:
        return [objective.id for objective in self.post_app.plan.objectives]

    def mix(self) -> Iterable[str]:
        return [platform.id for platform in self.post_app.plan.technology.platforms]

    def plan_changed(self) -> None:
        plan = self.post_app.plan
        served = {ref for initiative in plan.strategy.initiatives for ref in initiative.objectives}
        unserved = [o for o in plan.objectives if o.id not in served]
        lines = [Content.styled(say(self, "strategy.unserved"), "bold")]
        lines += [Content.styled(f"  {preview(o.id)}", "$warning") for o in unserved]
        if not unserved:
            lines.append(Content.styled(f"  {say(self, 'strategy.all-served')}", "$success"))
        self.query_one("#unserved", Text).show(Content("\n").join(lines))
