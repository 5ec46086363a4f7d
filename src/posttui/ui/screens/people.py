"""People: who the audience is (segments, stakeholder map) and how they take part."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Button, Static

from posttui.core import fields
from posttui.core.model import INVOLVEMENT_TYPES, LINKAGES, NORWEGIAN_INVOLVEMENT, Involvement
from posttui.core.model import Segment as SegmentModel
from posttui.core.terminal import printable
from posttui.core.vocabulary import LINKAGES as LINKAGE_WORDS
from posttui.core.vocabulary import linkage_choice, linkage_explanation
from posttui.ui.screens.base import PostScreen
from posttui.ui.widgets.fields import ChoiceField, NotesField, TextField
from posttui.ui.widgets.involvement import LABELS, InvolvementBars
from posttui.ui.widgets.items import ItemList, unique_id
from posttui.ui.widgets.text import Text


def segment_label(segment: SegmentModel) -> tuple[Content, Content]:
    platforms = ", ".join(segment.platforms) or "no platforms"
    return Content(printable(segment.name or segment.id)), Content.styled(
        printable(platforms), "$text-muted"
    )


def new_segment(segments: list[Any]) -> SegmentModel:
    return SegmentModel(id=unique_id("segment", segments), name="New segment")


def stakeholder_map(segments: list[SegmentModel]) -> Content:
    """Segments grouped by linkage, as on a stakeholder map."""
    lines = [Content.styled("Stakeholder map", "bold")]
    for linkage in (*LINKAGES, None):
        members = [s for s in segments if s.linkage == linkage]
        if not members:
            continue
        title = LINKAGE_WORDS[linkage][0] if linkage else "No linkage set"
        lines.append(Content.styled(title, "$accent"))
        lines.extend(Content(f"  {printable(s.name or s.id)}") for s in members)
    return Content("\n").join(lines)


class PeopleScreen(PostScreen):
    STEP = "people"
    SECTION = "people.segments"
    INTRO = "People: who is your audience, and how do they take part?"
    EMPTY = "No segments yet. Press n in the list to add one."

    def item_list(self) -> ItemList:
        return ItemList(self.SECTION, "segment", segment_label, new_segment, id="items")

    def compose_aside(self) -> ComposeResult:
        yield InvolvementBars(id="bars")
        yield Text(id="stakeholder-map")

    def compose_form(self) -> ComposeResult:
        yield TextField("Name", "name", fields.required)
        yield TextField("Id", "id", fields.slug)
        yield ChoiceField(
            "Linkage",
            "linkage",
            [(value, linkage_choice(value)) for value in LINKAGES],
            explain={value: linkage_explanation(value) for value in LINKAGES},
        )
        yield TextField("Size", "size", fields.count, placeholder="estimated head-count")
        yield TextField(
            "Platforms",
            "platforms",
            fields.slugs,
            placeholder="instagram, tiktok",
        )
        yield NotesField("Description", "description")
        yield Static(
            Content.styled("Involvement, % of the segment", "bold"), classes="form-heading"
        )
        for name in INVOLVEMENT_TYPES:
            yield TextField(LABELS[name], f"involvement.{name}", fields.share)
        yield Button("Norwegian averages", id="averages", compact=True)
        yield NotesField("Notes", "notes")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "averages" and self.base is not None:
            shares = dict(zip(INVOLVEMENT_TYPES, NORWEGIAN_INVOLVEMENT, strict=True))
            self.post_app.edit(f"{self.base}.involvement", Involvement.model_validate(shares))
            self.post_app.history.seal()
            self.sync_form()

    def plan_changed(self) -> None:
        segment = self.item()
        self.query_one(InvolvementBars).draw(segment.involvement if segment else None)
        self.query_one("#stakeholder-map", Text).show(
            stakeholder_map(self.post_app.plan.people.segments)
        )

    def form_bound(self, base: str | None) -> None:
        self.plan_changed()
