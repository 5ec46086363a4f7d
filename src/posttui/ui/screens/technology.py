"""Technology, chosen last: the platform mix, and where the audience is."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.content import Content

from posttui.core import fields
from posttui.core.model import Platform
from posttui.core.terminal import preview
from posttui.ui.catalog import say
from posttui.ui.screens.base import PostScreen
from posttui.ui.widgets.fields import NotesField, TextField
from posttui.ui.widgets.items import ItemList
from posttui.ui.widgets.matrix import MatrixScroll, PlatformMatrix


def platform_label(platform: Platform) -> tuple[Content, Content]:
    return Content(preview(platform.name or platform.id)), Content.styled(
        preview(platform.role), "$text-muted"
    )


class TechnologyScreen(PostScreen):
    STEP = "technology"
    SECTION = "technology.platforms"

    def item_list(self) -> ItemList:
        return ItemList(self.SECTION, "platform", platform_label, self.new_platform, id="items")

    def new_platform(self, platforms: list[Any]) -> Platform:
        return Platform(id=self.post_app.made_id(self.SECTION, ""))

    def compose_form(self) -> ComposeResult:
        yield TextField(say(self, "field.id"), "id", fields.slug, fold=fields.fold_id)
        yield TextField(say(self, "field.name"), "name")
        role = say(self, "technology.role-hint")
        yield TextField(say(self, "technology.role"), "role", placeholder=role)
        yield NotesField(say(self, "field.notes"), "notes")

    def compose_form_extras(self) -> ComposeResult:
        with MatrixScroll(id="matrix-scroll", can_focus=False):  # never wrapped
            yield PlatformMatrix(id="matrix")

    def plan_changed(self) -> None:
        self.query_one(PlatformMatrix).draw(self.post_app.plan)
