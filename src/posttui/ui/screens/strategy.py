"""Strategy: how the relationship with the audience should change, and the initiatives."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from posttui.core import fields
from posttui.core.model import Initiative
from posttui.core.terminal import printable
from posttui.core.vocabulary import COMMON_CONTENT
from posttui.ui.screens.base import PostScreen
from posttui.ui.widgets.fields import NotesField, TextField
from posttui.ui.widgets.items import ItemList, unique_id
from posttui.ui.widgets.text import Text


def initiative_label(initiative: Initiative) -> tuple[Content, Content]:
    serves = ", ".join(initiative.objectives) or "no objective"
    return Content.styled(printable(initiative.id), "bold"), Content.styled(
        printable(f"serves {serves}"), "$text-muted"
    )


def new_initiative(initiatives: list[Any]) -> Initiative:
    return Initiative(id=unique_id("initiative", initiatives))


class StrategyScreen(PostScreen):
    STEP = "strategy"
    SECTION = "strategy.initiatives"
    INTRO = "Strategy: how should the relationship change, and what will you do?"
    EMPTY = "No initiatives yet. Press n in the list to add one."

    def item_list(self) -> ItemList:
        return ItemList(self.SECTION, "initiative", initiative_label, new_initiative, id="items")

    def compose_aside(self) -> ComposeResult:
        yield Text(id="unserved")

    def compose_form_header(self) -> ComposeResult:
        yield NotesField("Relationship", "relationship", fixed="strategy")
        yield Static(
            Content("How should the relationship with the audience change: from what, to what?"),
            classes="form-note",
        )
        yield Static(Content.styled("Initiative", "bold"), classes="form-heading")

    def compose_form(self) -> ComposeResult:
        yield NotesField("Description", "description")
        yield TextField("Id", "id", fields.slug)
        yield TextField(
            "Serves",
            "objectives",
            fields.slugs,
            placeholder="objective ids",
            suggest=self.objective_words,
        )
        yield TextField(
            "Content",
            "content",
            fields.slugs,
            placeholder="video, images",
            suggest=lambda: COMMON_CONTENT,
        )
        yield TextField(
            "Platforms", "platforms", fields.slugs, placeholder="instagram", suggest=self.mix
        )
        yield TextField("Cadence", "cadence", placeholder="1/week")
        yield NotesField("Notes", "notes")

    def objective_words(self) -> Iterable[str]:
        return [objective.id for objective in self.post_app.plan.objectives]

    def mix(self) -> Iterable[str]:
        return [platform.id for platform in self.post_app.plan.technology.platforms]

    def plan_changed(self) -> None:
        plan = self.post_app.plan
        served = {ref for initiative in plan.strategy.initiatives for ref in initiative.objectives}
        unserved = [o for o in plan.objectives if o.id not in served]
        lines = [Content.styled("Objectives no initiative serves", "bold")]
        lines += [Content.styled(f"  {printable(o.id)}", "$warning") for o in unserved]
        if not unserved:
            lines.append(Content.styled("  none: every objective is served", "$success"))
        self.query_one("#unserved", Text).show(Content("\n").join(lines))
