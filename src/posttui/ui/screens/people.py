"""People: who the audience is (segments, stakeholder map) and how they take part."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from posttui.core import fields
from posttui.core.catalog import Number
from posttui.core.model import INVOLVEMENT_TYPES, LINKAGES, NORWEGIAN_INVOLVEMENT, Involvement
from posttui.core.model import Segment as SegmentModel
from posttui.core.terminal import preview
from posttui.core.vocabulary import involvement_name, linkage_choice, linkage_explanation
from posttui.ui.catalog import WORDS, say
from posttui.ui.screens.base import PostScreen
from posttui.ui.state import Edited
from posttui.ui.widgets.button import LineButton
from posttui.ui.widgets.fields import ChoiceField, NotesField, ReferenceField, TextField
from posttui.ui.widgets.involvement import InvolvementBars
from posttui.ui.widgets.items import ItemList
from posttui.ui.widgets.text import Text

MAP_NAMES = 12  # names shown per linkage: the map has room for a dozen lines or so
MAP_NAME_LENGTH = 120  # characters of a name, wrapped to a few lines


# A longer label wraps in a form's label column (14 cells).
LABEL_FITS = 13


def stakeholder_map(segments: list[SegmentModel], lang: str = "en") -> Content:
    """Segments grouped by linkage, as on a stakeholder map."""
    lines = [Content.styled(WORDS("people.map", lang), "bold")]
    for linkage in (*LINKAGES, None):
        members = [s for s in segments if s.linkage == linkage]
        if not members:
            continue
        title = linkage_choice(linkage, lang) if linkage else WORDS("people.no-linkage", lang)
        lines.append(Content.styled(title, "$accent"))
        shown = members[:MAP_NAMES]
        lines.extend(Content(f"  {preview(s.name or s.id, MAP_NAME_LENGTH)}") for s in shown)
        if len(members) > len(shown):
            more = WORDS("people.map-more", lang, count=Number(len(members) - len(shown), lang))
            lines.append(Content.styled(more, "$text-muted"))
    return Content("\n").join(lines)


class PeopleScreen(PostScreen):
    STEP = "people"
    SECTION = "people.segments"

    def item_list(self) -> ItemList:
        return ItemList(self.SECTION, "segment", self.segment_label, self.new_segment, id="items")

    def segment_label(self, segment: SegmentModel) -> tuple[Content, Content]:
        platforms = ", ".join(segment.platforms) or say(self, "people.no-platforms")
        return Content(preview(segment.name or segment.id)), Content.styled(
            preview(platforms), "$text-muted"
        )

    def new_segment(self, segments: list[Any]) -> SegmentModel:
        name = say(self, "people.new")
        return SegmentModel(id=self.post_app.made_id(self.SECTION, name), name=name)

    def compose_aside(self) -> ComposeResult:
        yield InvolvementBars(id="bars")
        yield Text(id="stakeholder-map")

    def compose_form(self) -> ComposeResult:
        lang = self.post_app.lang
        yield TextField(say(self, "field.name"), "name", fields.required)
        yield TextField(say(self, "field.id"), "id", fields.slug, fold=fields.fold_id)
        yield ChoiceField(
            say(self, "people.linkage"),
            "linkage",
            [(value, linkage_choice(value, lang)) for value in LINKAGES],
            explain={value: linkage_explanation(value, lang) for value in LINKAGES},
        )
        yield TextField(
            say(self, "people.size"),
            "size",
            fields.count,
            placeholder=say(self, "people.size-hint"),
        )
        yield ReferenceField(
            say(self, "field.platforms"),
            "platforms",
            "technology.platforms",
            can_add=True,
            placeholder=say(self, "people.platforms-hint"),
        )
        yield NotesField(say(self, "field.description"), "description")
        yield Static(
            Content.styled(say(self, "people.involvement"), "bold"), classes="form-heading"
        )
        names = {name: involvement_name(name, lang) for name in INVOLVEMENT_TYPES}
        wide = max(map(len, names.values())) > LABEL_FITS  # sosialiseringsbrukere
        for name, label in names.items():
            field = TextField(label, f"involvement.{name}", fields.share)
            yield field.set_class(wide, "wide-label")
        yield LineButton(say(self, "people.averages"), id="averages")
        yield NotesField(say(self, "field.notes"), "notes")

    def on_line_button_pressed(self, event: LineButton.Pressed) -> None:
        if event.button.id == "averages" and (chosen := self.chosen) is not None:
            shares = dict(zip(INVOLVEMENT_TYPES, NORWEGIAN_INVOLVEMENT, strict=True))
            involvement = Involvement.model_validate(shares)
            self.post_message(Edited(self, chosen, "involvement", involvement, typing=False))

    def refused(self, reason: str, value: Any) -> None:
        """Brandtzæg's averages always fit: nothing to show."""

    def plan_changed(self) -> None:
        segment = self.item()
        self.query_one(InvolvementBars).draw(segment.involvement if segment else None)
        self.query_one("#stakeholder-map", Text).show(
            stakeholder_map(self.post_app.plan.people.segments, self.post_app.lang)
        )

    def form_bound(self, base: str | None) -> None:
        self.plan_changed()
