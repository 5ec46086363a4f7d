"""The app as a user drives it: keys in, the saved plan file checked.

Every test works on a copy of a sample plan in tmp_path, moves around with the
keyboard (tab, enter, arrows, the f-keys), and reads back what ctrl+s wrote.
"""

from __future__ import annotations

import argparse
import gc
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual._compositor import LayoutUpdate
from textual.app import App
from textual.command import CommandPalette
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Checkbox, Input, OptionList, Static, TextArea

from posttui.cli import edit
from posttui.core import paths
from posttui.core.document import Document
from posttui.core.loader import load
from posttui.core.model import Segment
from posttui.core.writer import save
from posttui.ui.app import PostApp
from posttui.ui.commands import SHOWN
from posttui.ui.screens.base import PostScreen
from posttui.ui.screens.dialogs import Choice, LoadFailed, PlanDetails
from posttui.ui.widgets.fields import BoundField, ChoiceBox
from posttui.ui.widgets.findings import FindingList, FindingsPanel
from posttui.ui.widgets.footer import KeysFooter
from posttui.ui.widgets.items import ItemList
from posttui.ui.widgets.picker import Picker
from support.editing import (
    SIZE,
    being_built,
    built,
    built_ahead,
    burst,
    committed,
    editing,
    field_of,
    opened,
    pick,
    retype,
    screen_text,
    tab_to,
)
from support.plans import KAFE, NORDLYS, SAMPLES, TROMSO, saved


async def switch(pilot: Pilot[int], key: str) -> PostScreen:
    await pilot.press(key)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, PostScreen)
    return screen


def editor_value(field: BoundField) -> str:
    editor = field.query_one(".field-editor")
    if isinstance(editor, Input):
        return editor.value
    if isinstance(editor, TextArea):
        return editor.text
    raise TypeError(editor)


def field_at(app: PostApp, path: str) -> BoundField:
    return next(f for f in app.screen.query(BoundField) if f.path == path)


def error_of(field: BoundField) -> str:
    return str(field.query_one(".field-error").render()) if field.has_class("-invalid") else ""


# ---- People ----


async def test_a_choice_lists_its_choices_by_name_and_escape_changes_nothing(
    plan_copy,
) -> None:
    """Enter lists a choice field's values by name (no ids), the current one marked;
    escape leaves the value as it was, '(none)' unsets it, a click lists them too, and
    so does a letter, filtered by it; the explanation under the field follows the
    value, and the plan has what is shown."""
    path = plan_copy(KAFE)
    async with editing(path) as (app, pilot):
        field = await tab_to(pilot, "people.segments[0].linkage")
        box = field.query_one(ChoiceBox)
        hint = field.query_one(".field-hint", Static)
        assert box.value == "functional-output"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Picker)
        assert app.screen.query_one(Input).placeholder == "Filter by name"
        lines = [str(o.prompt) for o in app.screen.query_one(OptionList).options]
        assert lines == [
            "( ) (none)",
            "( ) Enabling",
            "( ) Functional input",
            "(x) Functional output",
            "( ) Normative",
            "( ) Diffuse",
        ]
        await pilot.press("down", "escape")
        await pilot.pause()
        assert app.plan.people.segments[0].linkage == "functional-output"
        assert box.value == "functional-output" and app.focused is box
        await pilot.press("enter", "up", "up", "up", "enter")  # from the third up to (none)
        await pilot.pause()
        assert app.plan.people.segments[0].linkage is None
        assert box.value is None and str(hint.render()) == ""
        await pilot.click(ChoiceBox)
        await pilot.pause()
        assert isinstance(app.screen, Picker)
        await pilot.press(*"diffuse", "enter")
        await pilot.pause()
        assert app.plan.people.segments[0].linkage == "diffuse"
        assert str(hint.render()).startswith("Diffuse:")
        # A letter lists the values it filters, as a Select searches as one types.
        await pilot.press(*"norm", "enter")
        await pilot.pause()
        assert app.plan.people.segments[0].linkage == "normative"


async def test_add_a_segment_and_fill_in_every_field(plan_copy) -> None:
    path = plan_copy(KAFE)
    async with editing(path) as (app, pilot):
        await pilot.pause()
        assert app.focused is app.screen.query_one("#items")
        await pilot.press("n")  # after the highlighted (first) segment
        assert field_of(app).path == "people.segments[1].name"
        await burst(pilot, *"Pensjonister i Trondheim")
        await pilot.press("tab")
        await retype(pilot, "pensjonister")
        await pilot.press("tab")
        await pick(pilot, "Normative")
        await tab_to(pilot, "people.segments[1].size")
        await burst(pilot, *"2 500")  # Norwegian thousands
        await pilot.press("tab")
        await burst(pilot, *"instagram, tiktok")
        await tab_to(pilot, "people.segments[1].involvement.debaters")
        await burst(pilot, *"12")
        await pilot.press("ctrl+s")
        await pilot.pause()

    segment = saved(path).people.segments[1]
    assert segment.name == "Pensjonister i Trondheim"
    assert segment.id == "pensjonister"
    assert segment.linkage == "normative"
    assert segment.size == 2500
    assert segment.platforms == ["instagram", "tiktok"]
    assert segment.involvement is not None
    assert segment.involvement.debaters == 12
    assert len(saved(path).people.segments) == 7


async def test_norwegian_averages_button_fixes_a_bad_involvement_sum(plan_copy) -> None:
    path = plan_copy(TROMSO)
    async with editing(path) as (app, pilot):
        await pilot.pause()
        assert ("people/involvement-sum", "jobbsokere") in [
            (f.rule, f.subject) for f in app.findings
        ]
        await pilot.press("down", "down", "down", "enter")  # jobbsokere, shares sum to 105
        await tab_to(pilot, "people.segments[3].involvement.advanced")
        await pilot.press("tab")
        assert app.focused is app.screen.query_one("#averages")
        await pilot.press("enter")
        await pilot.pause()
        shown = [
            editor_value(field_at(app, f"people.segments[3].involvement.{name}"))
            for name in ("socializers", "lurkers", "sporadics", "debaters", "advanced")
        ]
        assert shown == ["34", "29", "23", "9", "5"]
        assert "people/involvement-sum" not in [f.rule for f in app.findings]
        await pilot.press("ctrl+s")
        await pilot.pause()

    involvement = saved(path).people.segments[3].involvement
    assert involvement is not None
    assert tuple(involvement.shares()) == (34, 29, 23, 9, 5)


async def test_delete_a_segment_and_undo_brings_it_back(plan_copy) -> None:
    path = plan_copy(KAFE)
    before = [s.id for s in saved(path).people.segments]
    async with editing(path) as (app, pilot):
        await pilot.pause()
        await pilot.press("down", "down")  # the third segment: turister
        await pilot.press("d")
        await pilot.press("ctrl+s")
        await pilot.pause()
        after_delete = [s.id for s in saved(path).people.segments]
        assert after_delete == [i for i in before if i != "turister"]

        await pilot.press("ctrl+z")
        await pilot.pause()
        items = app.screen.query_one("#items", ItemList)
        assert items.row_count == len(before)
        assert editor_value(field_at(app, "people.segments[2].name")) == "Tilreisende og turister"
        await pilot.press("ctrl+s")
        await pilot.pause()

    assert [s.id for s in saved(path).people.segments] == before


async def test_undo_takes_back_a_new_segment_step_by_step(plan_copy) -> None:
    path = plan_copy(KAFE)
    async with editing(path) as (app, pilot):
        await pilot.pause()
        await burst(pilot, "n", *"Alle")
        await pilot.press("ctrl+z")  # the typing
        await pilot.pause()
        assert editor_value(field_at(app, "people.segments[1].name")) == "New segment"
        await pilot.press("ctrl+z")  # the new segment
        await pilot.pause()
        assert app.screen.query_one("#items", ItemList).row_count == 6
        assert "unsaved" not in app.sub_title
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert saved(path) == saved(SAMPLES / f"{KAFE}.post.toml")


async def test_delete_key_deletes_too(plan_copy) -> None:
    path = plan_copy(KAFE)
    async with editing(path) as (_app, pilot):
        await pilot.pause()
        await pilot.press("delete")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert "studenter" not in [s.id for s in saved(path).people.segments]


async def test_shift_down_moves_a_segment_down(plan_copy) -> None:
    path = plan_copy(KAFE)
    before = [s.id for s in saved(path).people.segments]
    async with editing(path) as (app, pilot):
        await pilot.pause()
        await pilot.press("shift+down")
        items = app.screen.query_one("#items", ItemList)
        assert items.highlighted == 1  # the moved segment stays picked
        await pilot.press("enter")  # into its form
        assert editor_value(field_of(app)) == "Studenter i Trondheim"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [s.id for s in saved(path).people.segments] == [before[1], before[0], *before[2:]]


# ---- Objectives ----


async def test_edit_every_objective_field(plan_copy) -> None:
    path = plan_copy(KAFE)
    async with editing(path) as (app, pilot):
        await switch(pilot, "f3")
        await pilot.press("enter")  # from the list into the form
        assert field_of(app).path == "objectives[0].statement"
        await retype(pilot, "Nå 3 000 følgere på Instagram innen 30. juni 2027")
        await pilot.press("tab")
        await pilot.press("tab")  # past the id
        await pick(pilot, "Energizing (sales)")
        await tab_to(pilot, "objectives[0].segments")
        await retype(pilot, "studenter, turister")
        await pilot.press("tab")
        await retype(pilot, "Kari Nordmann")
        await pilot.press("tab")
        await retype(pilot, "Flere gjester om ettermiddagen")
        await pilot.press("tab")
        await retype(pilot, "2027-02-01")
        await pilot.press("tab")
        await retype(pilot, "2027-10-31")
        await pilot.press("ctrl+s")
        await pilot.pause()

    objective = saved(path).objectives[0]
    assert objective.statement == "Nå 3 000 følgere på Instagram innen 30. juni 2027"
    assert objective.kind == "energizing"
    assert objective.segments == ["studenter", "turister"]
    assert objective.owner == "Kari Nordmann"
    assert objective.why == "Flere gjester om ettermiddagen"
    assert objective.start == date(2027, 2, 1)
    assert objective.deadline == date(2027, 10, 31)


async def test_invalid_deadline_shows_an_error_and_keeps_the_plan(plan_copy) -> None:
    path = plan_copy(KAFE)
    async with editing(path) as (app, pilot):
        await switch(pilot, "f3")
        await pilot.press("enter")
        field = await tab_to(pilot, "objectives[0].deadline")
        await burst(pilot, "end", *["backspace"] * 5, *"13-01")  # 2027-06-30 -> 2027-13-01
        assert editor_value(field) == "2027-13-01"
        await pilot.pause()
        assert "YYYY-MM-DD" in error_of(field)
        assert "YYYY-MM-DD" in screen_text(app)
        assert app.plan.objectives[0].deadline == date(2027, 6, 30)
        assert "invalid text: 1" in app.sub_title
        await pilot.press("ctrl+s")  # save says which field holds invalid text
        await pilot.pause()
        assert isinstance(app.screen, Choice)
        assert "Deadline: a date as YYYY-MM-DD" in screen_text(app)
        assert buttons(app) == ["Go to the field", "Save the last valid values", "Cancel"]
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert saved(path).objectives[0].deadline == date(2027, 6, 30)
        assert editor_value(field) == "2027-13-01"  # the text stays, to be put right

        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # go to the field
        await pilot.pause()
        assert field_of(app) is field
        await retype(pilot, "2027-12-01")  # fixing it clears the error
        await pilot.pause()
        assert error_of(field) == ""
        assert "invalid" not in app.sub_title
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert saved(path).objectives[0].deadline == date(2027, 12, 1)


async def test_a_number_left_invalid_keeps_the_last_valid_value_and_says_so(plan_copy) -> None:
    path = plan_copy(NORDLYS)
    async with editing(path) as (app, pilot):
        await switch(pilot, "f3")
        await pilot.press("down", "down", "down", "enter")  # demo-requests: 120
        field = await tab_to(pilot, "objectives[3].targets[0].target")
        before = app.plan.objectives[3].targets[0].target
        await burst(pilot, "end", *["backspace"] * 3, *"1OO")
        await pilot.pause()
        assert error_of(field)
        assert app.plan.objectives[3].targets[0].target == 1  # the last valid value
        await pilot.press("ctrl+q")  # quitting says so too
        await pilot.pause()
        assert isinstance(app.screen, Choice)
        assert "Target: a number, such as 1200" in screen_text(app)  # named as its column
        await pilot.press("escape")
        await pilot.pause()
        await retype(pilot, str(before))
        await pilot.pause()
        assert app.plan.objectives[3].targets[0].target == before
        assert "unsaved" not in app.sub_title  # typed back to what the file holds


async def test_invalid_text_typed_fast_after_valid_text_stays_counted(plan_copy) -> None:
    """Keys arrive faster than edits are applied: the plan's late 'yes' to '5' must not
    clear the mark of the '5OO' the field shows by then."""
    path = plan_copy(NORDLYS)
    async with editing(path) as (app, pilot):
        await switch(pilot, "f3")
        await pilot.press("down", "down", "down", "enter")  # demo-requests: 120
        field = await tab_to(pilot, "objectives[3].targets[0].target")
        await pilot.press("end", *["backspace"] * 3)
        for character in "5OO":  # a burst, as from a terminal
            app.post_message(events.Key(character, character))
        for _ in range(5):
            await pilot.pause()
        assert editor_value(field) == "5OO"
        assert error_of(field)
        assert "invalid text: 1" in app.sub_title
        assert app.plan.objectives[3].targets[0].target == 5


async def test_typing_then_taking_it_back_is_not_unsaved(plan_copy) -> None:
    path = plan_copy(KAFE)
    async with editing(path) as (app, pilot):
        await pilot.press("enter", "end", "x")
        await pilot.pause()
        assert "unsaved" in app.sub_title
        await pilot.press("backspace")
        await pilot.pause()
        assert "unsaved" not in app.sub_title
        await pilot.press("x", "tab", "shift+tab", "backspace")  # in two steps, too
        await pilot.pause()
        assert "unsaved" not in app.sub_title


async def test_add_a_target_with_ctrl_n_and_fill_it_in(plan_copy) -> None:
    path = plan_copy(KAFE)
    async with editing(path) as (_app, pilot):
        await switch(pilot, "f3")
        await pilot.press("enter")
        await pilot.press("ctrl+n")
        await pilot.pause()
        field = field_of(_app)  # typing goes on in the new target, as the footer promises
        assert field is not None and field.path == "objectives[0].targets[1].platform"
        await burst(pilot, *"tiktok")
        await pilot.press("tab", "tab")  # where it is measured: the platform's own insights
        await burst(pilot, *"reach")
        await pilot.press("tab", "tab")  # its direction: inferred from the numbers
        await burst(pilot, *"4000")
        await pilot.press("tab")  # the target, 0 until typed: typing replaces the 0
        await burst(pilot, *"9000")
        assert editor_value(field_of(_app)) == "9000"
        await pilot.press("ctrl+s")
        await pilot.pause()

    targets = saved(path).objectives[0].targets
    assert len(targets) == 2
    new = targets[1]
    assert (new.platform, new.metric, new.baseline, new.target) == ("tiktok", "reach", 4000, 9000)


@pytest.mark.parametrize("key", ["owner", "why"])  # one line, and wrapping text
async def test_typing_after_an_undo_goes_after_the_value(plan_copy, key: str) -> None:
    # An undo (or ctrl+n) reloads the form: the field typed in had its cursor sent to
    # the start, and the next keys landed before its value ("zinstagram-folgere").
    path = plan_copy(KAFE)
    async with editing(path) as (app, pilot):
        await switch(pilot, "f3")
        await pilot.press("enter")
        before = getattr(app.plan.objectives[0], key)
        await tab_to(pilot, f"objectives[0].{key}")
        await burst(pilot, *"abc")
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.press("X")
        await pilot.pause()
        assert getattr(app.plan.objectives[0], key) == before + "X"


async def test_remove_a_target_by_key_never_by_tab_and_enter(plan_copy) -> None:
    path = plan_copy(NORDLYS)
    async with editing(path, notifications=True) as (app, pilot):
        await switch(pilot, "f3")
        await pilot.press("down", "enter")  # linkedin-followers, one target
        await pilot.press("ctrl+n")
        await pilot.pause()
        await tab_to(pilot, "objectives[1].targets[1].platform")
        await burst(pilot, *"youtube")
        # Tab from a target's last cell goes to the next target, not to its remove button.
        await tab_to(pilot, "objectives[1].targets[0].target", key="shift+tab")
        await pilot.press("tab")
        assert field_of(app) is not None
        assert field_of(app).path == "objectives[1].targets[1].platform"
        await pilot.press("shift+tab", "ctrl+r")  # removes the target the cursor is in
        await pilot.pause()
        assert len(app.screen.query(".remove-target")) == 1
        assert "ctrl+z brings it back" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()

    targets = saved(path).objectives[1].targets
    assert [t.platform for t in targets] == ["youtube"]


async def test_an_id_typed_through_another_objectives_id_stays_with_its_objective(
    plan_copy,
) -> None:
    path = plan_copy(NORDLYS)
    async with editing(path) as (app, pilot):
        await switch(pilot, "f3")
        last = app.plan.objectives[-1].id
        await pilot.press("n")  # after the first objective
        await pilot.press("tab")
        await retype(pilot, f"{last}-2027")  # passes through `last`
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert field_of(app).path == "objectives[1].id"
        assert field_of(app).query_one(Input).value == f"{last}-2027"
    ids = [objective.id for objective in saved(path).objectives]
    assert ids[1] == f"{last}-2027"
    assert ids[-1] == last


async def test_remove_a_target_with_its_button(plan_copy) -> None:
    path = plan_copy(NORDLYS)
    async with editing(path) as (app, pilot):
        await switch(pilot, "f3")
        await pilot.press("down", "enter")
        await pilot.click(".remove-target")
        await pilot.pause()
        assert app.plan.objectives[1].targets == []
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert len(app.plan.objectives[1].targets) == 1
        assert len(app.screen.query(".remove-target")) == 1


async def test_add_a_target_with_its_button_by_click_and_by_enter(plan_copy) -> None:
    path = plan_copy(NORDLYS)
    async with editing(path) as (app, pilot):
        await switch(pilot, "f3")
        await pilot.press("down", "enter")  # one target
        await pilot.click("#add-target")
        await pilot.pause()
        assert len(app.plan.objectives[1].targets) == 2
        assert len(app.screen.query(".remove-target")) == 2
        app.screen.query_one("#add-target").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert len(app.plan.objectives[1].targets) == 3
        assert "Add target" in screen_text(app)


# ---- Strategy ----


async def test_relationship_and_a_new_initiative(plan_copy) -> None:
    path = plan_copy(KAFE)
    async with editing(path) as (app, pilot):
        await switch(pilot, "f4")
        await pilot.press("tab")
        assert field_of(app).path == "strategy.relationship"
        await burst(pilot, "f7", *"Fra forbipasserende til stamgjester")
        await pilot.press("escape")  # back to the list
        await pilot.press("n")
        assert field_of(app).path == "strategy.initiatives[1].description"
        await burst(pilot, *"Ukentlig quiz i Stories")
        await pilot.press("tab")
        await retype(pilot, "quiz")
        await pilot.press("tab")
        await burst(pilot, *"instagram-folgere, sesongmeny")
        await pilot.press("tab")
        await burst(pilot, *"stories, polls")
        await pilot.press("tab")
        await burst(pilot, *"instagram")
        await pilot.press("tab")
        await burst(pilot, *"1/week")
        await pilot.press("ctrl+s")
        await pilot.pause()

    strategy = saved(path).strategy
    assert strategy.relationship == "Fra forbipasserende til stamgjester"
    initiative = strategy.initiatives[1]
    assert initiative.id == "quiz"
    assert initiative.description == "Ukentlig quiz i Stories"
    assert initiative.objectives == ["instagram-folgere", "sesongmeny"]
    assert initiative.content == ["stories", "polls"]
    assert initiative.platforms == ["instagram"]
    assert initiative.cadence == "1/week"
    assert len(strategy.initiatives) == 6


# ---- Technology ----


async def test_add_a_platform_to_the_mix(plan_copy) -> None:
    path = plan_copy(KAFE)
    async with editing(path) as (app, pilot):
        await switch(pilot, "f5")
        await pilot.press("end", "n")  # after the last platform
        assert field_of(app).path == "technology.platforms[4].id"
        await burst(pilot, *"youtube")
        await pilot.press("tab")
        await burst(pilot, *"YouTube")
        await pilot.press("tab")
        await burst(pilot, *"Oppskriftsvideoer fra kjøkkenet")
        await pilot.press("ctrl+s")
        await pilot.pause()

    platform = saved(path).technology.platforms[4]
    assert (platform.id, platform.name, platform.role) == (
        "youtube",
        "YouTube",
        "Oppskriftsvideoer fra kjøkkenet",
    )


# ---- Plan details ----


async def test_plan_details_title_and_language(plan_copy) -> None:
    path = plan_copy(KAFE)
    async with editing(path) as (app, pilot):
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, PlanDetails)
        assert field_of(app).path == "plan.title"
        await retype(pilot, "Solsiden 2028")
        await tab_to(pilot, "plan.language")
        await pick(pilot, "English")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PostScreen)
        assert app.title == "Solsiden 2028"
        assert "Solsiden 2028" in screen_text(app).splitlines()[0]  # the header
        await pilot.press("ctrl+s")
        await pilot.pause()

    info = saved(path).plan
    assert info.title == "Solsiden 2028"
    assert info.language == "en"


async def test_f6_opens_plan_details_from_a_notes_field(plan_copy) -> None:
    path = plan_copy(KAFE)
    async with editing(path) as (app, pilot):
        await pilot.pause()
        await pilot.press("enter")
        await tab_to(pilot, "people.segments[0].description")
        await pilot.press("f6")  # the step bar promises "f6 Plan details"
        await pilot.pause()
        assert isinstance(app.screen, PlanDetails)


# ---- The live findings panel ----


def panel_title(app: PostApp) -> str:
    return str(app.screen.query_one("#findings-title").render())


def panel_rules(app: PostApp) -> list[str]:
    rows = app.screen.query_one(FindingList).rows
    return [row if isinstance(row, str) else f"{row.rule} {row.subject}" for row in rows]


async def test_typing_a_number_clears_the_vague_finding_live(plan_copy) -> None:
    path = plan_copy(NORDLYS)
    original = path.read_bytes()
    async with editing(path) as (app, pilot):
        await switch(pilot, "f3")
        vague = [(f.rule, f.subject) for f in app.findings if f.rule == "specific/vague"]
        assert vague == [("specific/vague", "brand-linkedin")]
        count = len(app.findings)
        assert panel_title(app) == f"Findings ({count})"
        assert any("specific/vague" in row for row in panel_rules(app))

        await pilot.press("enter")  # Improve our brand on LinkedIn
        await burst(pilot, "end", *" to 2000 followers")
        await pilot.pause()

        assert not [f for f in app.findings if f.rule == "specific/vague"]
        assert panel_title(app) == f"Findings ({count - 1})"
        assert not any("specific/vague" in row for row in panel_rules(app))
        assert "specific/vague" not in screen_text(app)

        await switch(pilot, "f2")  # every screen's panel follows
        assert panel_title(app) == f"Findings ({count - 1})"
    assert path.read_bytes() == original  # nothing saved


async def choose_finding(pilot: Pilot[int], rule: str) -> str:
    """Tab into the findings panel, arrow to the finding of `rule`, press enter."""
    app = pilot.app
    finding = next(f for f in app.findings if f.rule == rule)
    panel = app.screen.query_one(FindingsPanel)
    options = panel.query_one(FindingList)
    if not panel.display:  # a drawer below the wide layout: f8 opens it
        await pilot.press("f8")
    for _ in range(60):
        if options.has_focus:
            break
        await pilot.press("tab")
    for _ in range(options.row_count):
        if options.finding(options.highlighted) == finding:
            break
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()
    return finding.path


async def test_enter_on_a_target_finding_focuses_the_target_field(plan_copy) -> None:
    path = plan_copy(NORDLYS)
    async with editing(path) as (app, pilot):
        await switch(pilot, "f3")
        where = await choose_finding(pilot, "technology/audience-absent")
        assert where == "objectives[2].targets[0].platform"  # tiktok-awareness
        assert app.screen.query_one("#items", ItemList).highlighted == 2
        assert field_of(app).path == where
        await retype(pilot, "linkedin")
        await pilot.pause()
        assert "technology/audience-absent" not in [f.rule for f in app.findings]


async def test_enter_on_a_finding_from_another_screen_after_an_edit(plan_copy) -> None:
    path = plan_copy(NORDLYS)
    async with editing(path) as (app, pilot):
        await switch(pilot, "f3")
        await pilot.press("enter", "end", "!")  # an edit: the other screens catch up later
        await switch(pilot, "f5")
        where = await choose_finding(pilot, "time-bound/no-deadline")
        assert app.current_mode == "objectives"
        assert field_of(app).path == where == "objectives[0].deadline"


async def test_enter_on_a_finding_goes_to_its_field(plan_copy) -> None:
    path = plan_copy(NORDLYS)
    async with editing(path) as (app, pilot):
        await pilot.pause()  # the People screen
        where = await choose_finding(pilot, "attractive/no-owner")
        assert where == "objectives[3].owner"  # demo-requests
        assert app.current_mode == "objectives"
        assert app.screen.query_one("#items", ItemList).highlighted == 3
        assert field_of(app).path == where
        await burst(pilot, *"Ola Nordmann")  # the user types the missing owner right away
        await pilot.pause()
        assert app.plan.objectives[3].owner == "Ola Nordmann"
        assert "attractive/no-owner" not in [f.rule for f in app.findings]


# ---- The form edits what it shows ----


@pytest.mark.parametrize(
    ("key", "section", "first"),
    [
        ("f2", "people.segments", "name"),
        ("f3", "objectives", "statement"),
        ("f4", "strategy.initiatives", "description"),
        ("f5", "technology.platforms", "name"),
    ],
)
async def test_typing_after_a_delete_edits_the_item_shown(plan_copy, key, section, first) -> None:
    path = plan_copy(NORDLYS)
    async with editing(path) as (app, pilot):
        screen = await switch(pilot, key)
        await pilot.press("escape", "home", "d")
        await pilot.pause()
        items = paths.get(app.plan, section)
        shown = items[screen.items.highlighted]
        field = next(f for f in screen.query(BoundField) if f.key == first)
        assert editor_value(field) == str(getattr(shown, first))  # the form shows it
        field = await tab_to(pilot, f"{section}[{screen.items.highlighted}].{first}")
        await pilot.press("!")
        await pilot.pause()
        assert getattr(shown, first) == editor_value(field)
        assert "!" in editor_value(field)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert "!" in getattr(paths.get(saved(path), section)[0], first)


async def test_deleting_an_objective_takes_it_from_the_initiatives_too(plan_copy) -> None:
    path = plan_copy(NORDLYS)
    async with editing(path, notifications=True) as (app, pilot):
        served = [i.objectives for i in app.plan.strategy.initiatives]
        assert any("brand-linkedin" in ids for ids in served)
        await switch(pilot, "f3")
        await pilot.press("escape", "home", "d")  # brand-linkedin
        await pilot.pause()
        assert all("brand-linkedin" not in i.objectives for i in app.plan.strategy.initiatives)
        assert "plan/unknown-ref" not in [f.rule for f in app.findings]
        assert "no longer do: 1" in screen_text(app)
        await pilot.press("ctrl+z")  # both come back, in one step
        await pilot.pause()
        assert app.plan.objectives[0].id == "brand-linkedin"
        assert [i.objectives for i in app.plan.strategy.initiatives] == served
        await pilot.press("ctrl+y", "ctrl+s")
        await pilot.pause()
    assert "brand-linkedin" not in path.read_text()


async def test_renaming_an_id_renames_every_reference_as_one_undo_step(plan_copy) -> None:
    path = plan_copy(NORDLYS)
    async with editing(path, notifications=True) as (app, pilot):
        await switch(pilot, "f3")
        await pilot.press("down", "enter")
        field = await tab_to(pilot, "objectives[1].id")
        await retype(pilot, "Følgere")  # a Norwegian letter is a letter: folded, shown so
        await pilot.pause()
        assert editor_value(field) == "folgere"
        assert app.plan.objectives[1].id == "folgere"
        served = [i.objectives for i in app.plan.strategy.initiatives]
        assert "folgere" in served[0] and "linkedin-followers" not in served[0]
        assert "The new id is carried to references: 1" in screen_text(app)
        assert "plan/unknown-ref" not in [f.rule for f in app.findings]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.plan.objectives[1].id == "linkedin-followers"
        assert "linkedin-followers" in app.plan.strategy.initiatives[0].objectives
        assert editor_value(field) == "linkedin-followers"


async def test_a_new_items_id_is_made_from_its_name_in_whole_words(plan_copy) -> None:
    path = plan_copy(KAFE)  # a Norwegian plan
    async with editing(path) as (app, pilot):
        await pilot.press("n")
        await pilot.pause()
        await burst(pilot, *"Lokale familier i Tromsø")
        await pilot.pause()
        segment = app.plan.people.segments[1]
        assert segment.name == "Lokale familier i Tromsø"
        assert segment.id == "lokale-familier-i-tromso"


async def test_picking_segments_from_the_plan(plan_copy) -> None:
    from posttui.ui.widgets.picker import Picker

    path = plan_copy(KAFE)
    async with editing(path) as (app, pilot):
        await switch(pilot, "f3")
        await pilot.press("enter")
        field = await tab_to(pilot, "objectives[0].segments")
        before = list(app.plan.objectives[0].segments)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, Picker)
        others = [s.id for s in app.plan.people.segments if s.id not in before]
        await pilot.press(*others[0][:6], "space", "enter")
        await pilot.pause()
        order = [s.id for s in app.plan.people.segments]
        expected = sorted([*before, others[0]], key=order.index)
        assert app.plan.objectives[0].segments == expected
        assert editor_value(field) == ", ".join(expected)


async def test_picking_a_new_platform_adds_it_to_the_mix(plan_copy) -> None:
    path = plan_copy(KAFE)
    async with editing(path) as (app, pilot):
        await pilot.press("enter")
        await tab_to(pilot, "people.segments[0].platforms")
        await pilot.press("ctrl+o")
        await pilot.pause()
        await burst(pilot, *"mastodon", "enter")
        await pilot.pause()
        assert "mastodon" in app.plan.people.segments[0].platforms
        assert "mastodon" in [p.id for p in app.plan.technology.platforms]


async def test_enter_in_an_empty_description_adds_no_blank_line(plan_copy) -> None:
    path = plan_copy(KAFE)
    async with editing(path) as (app, pilot):
        screen = await switch(pilot, "f4")
        await pilot.press("escape", "n")
        await pilot.pause()
        await burst(pilot, "enter", "enter", *"Quiz")  # enter to begin typing, as in a form
        await pilot.pause()
        new = app.plan.strategy.initiatives[screen.items.highlighted]
        assert new.description == "Quiz"


async def test_keys_typed_while_the_plan_loads_are_kept_in_order(plan_copy) -> None:
    path = plan_copy(NORDLYS)
    app = PostApp(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3", "enter", "end", *" now")  # before the plan has loaded
        await opened(pilot)
        await pilot.pause()
        assert app.plan.objectives[0].statement.endswith(" now")


# ---- Undo, redo, unsaved ----


async def test_undo_and_redo_of_typing_show_in_the_form(plan_copy) -> None:
    path = plan_copy(KAFE)
    async with editing(path) as (app, pilot):
        await switch(pilot, "f3")
        await pilot.press("enter")
        field = field_of(app)
        original = app.plan.objectives[0].statement
        await burst(pilot, "end", *" og mer")
        assert app.plan.objectives[0].statement == original + " og mer"

        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.plan.objectives[0].statement == original
        assert editor_value(field) == original

        await pilot.press("ctrl+y")
        await pilot.pause()
        assert app.plan.objectives[0].statement == original + " og mer"
        assert editor_value(field) == original + " og mer"


async def test_undo_on_another_screen_shows_when_you_come_back(plan_copy) -> None:
    path = plan_copy(KAFE)
    async with editing(path) as (app, pilot):
        await switch(pilot, "f3")
        await pilot.press("enter")
        original = app.plan.objectives[0].statement
        await burst(pilot, "end", *" nå")
        await switch(pilot, "f2")
        await pilot.press("ctrl+z")
        await switch(pilot, "f3")
        assert editor_value(field_at(app, "objectives[0].statement")) == original
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert saved(path).objectives[0].statement == original


async def test_unsaved_marker_follows_edits_and_saves(plan_copy) -> None:
    path = plan_copy(KAFE)
    async with editing(path) as (app, pilot):
        await pilot.pause()
        assert "unsaved" not in app.sub_title
        await burst(pilot, "enter", "end", *" AS")
        await pilot.pause()
        assert "unsaved" in app.sub_title
        assert "unsaved" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "unsaved" not in app.sub_title
        assert "unsaved" not in screen_text(app)
    assert saved(path).people.segments[0].name == "Studenter i Trondheim AS"


async def test_undo_back_to_the_saved_state_is_not_unsaved(plan_copy) -> None:
    path = plan_copy(KAFE)
    async with editing(path) as (app, pilot):
        await pilot.pause()
        await burst(pilot, "enter", "end", *" AS")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "unsaved" not in app.sub_title


# ---- Quitting ----


def buttons(app: PostApp) -> list[str]:
    return [str(button.label) for button in app.screen.query("Button")]


async def test_quit_with_unsaved_changes_asks_and_cancel_keeps_the_app(plan_copy) -> None:
    path = plan_copy(KAFE)
    async with editing(path) as (app, pilot):
        await pilot.pause()
        await pilot.press("d")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, Choice)
        assert buttons(app) == ["Save and quit", "Quit without saving", "Cancel"]

        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, PostScreen)

        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("tab", "tab", "enter")  # Cancel
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, PostScreen)
        assert "unsaved" in app.sub_title


async def test_quit_without_saving_leaves_the_file_as_it_was(plan_copy) -> None:
    path = plan_copy(KAFE)
    original = path.read_bytes()
    async with editing(path) as (app, pilot):
        await pilot.pause()
        await burst(pilot, "enter", *"xyz")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, Choice)
        await pilot.press("tab", "enter")  # Quit without saving
        await pilot.pause()
    assert app.return_code == 0
    assert path.read_bytes() == original


async def test_save_and_quit_writes_the_edit(plan_copy) -> None:
    path = plan_copy(KAFE)
    async with editing(path) as (app, pilot):
        await pilot.pause()
        await burst(pilot, "enter", "end", *" AS")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("enter")  # Save and quit
        await pilot.pause()
    assert app.return_code == 0
    assert saved(path).people.segments[0].name == "Studenter i Trondheim AS"


async def test_quit_without_changes_does_not_ask(plan_copy) -> None:
    path = plan_copy(KAFE)
    async with editing(path) as (app, pilot):
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


# ---- Files that are new, broken or commented ----


async def test_a_new_path_is_a_new_plan_written_on_save(tmp_path: Path) -> None:
    path = tmp_path / "lansering.post.toml"
    async with editing(path) as (app, pilot):
        await pilot.pause()
        assert "unsaved" in app.sub_title
        await pilot.press("escape")  # out of the guided start an empty plan opens with
        await burst(pilot, "n", *"Alle")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "unsaved" not in app.sub_title
    plan = saved(path)
    assert plan.plan.title == "Lansering"
    assert [s.name for s in plan.people.segments] == ["Alle"]


CONFLICTED = """\
<<<<<<< HEAD
title = "Ours"
=======
title = "Theirs"
>>>>>>> other
"""


def break_plan(path: Path, how: str) -> bytes:
    text = path.read_text(encoding="utf-8")
    if how == "conflict":
        text = re.sub(r"^title = .*\n", CONFLICTED, text, count=1, flags=re.MULTILINE)
    else:
        text = text.replace('language = "nb"\n', 'language = "nb"\ntitel = "Typo"\n')
    path.write_text(text, encoding="utf-8")
    return path.read_bytes()


@pytest.mark.parametrize(("how", "says"), [("conflict", "conflict"), ("unknown-key", "titel")])
async def test_a_broken_plan_shows_why_and_is_never_written(plan_copy, how, says) -> None:
    path = plan_copy(KAFE)
    original = break_plan(path, how)
    async with editing(path) as (app, pilot):
        await pilot.pause()
        assert isinstance(app.screen, LoadFailed)
        text = screen_text(app)
        assert says in text.lower()
        assert app.load_error is not None
        message = app.load_error.problems[0].message
        assert " ".join(message.split()) in " ".join(text.split())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert path.read_bytes() == original
        await pilot.press("f2", "n", "ctrl+s", "f6", "ctrl+s")
        await pilot.pause()
        assert path.read_bytes() == original
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 2
    assert path.read_bytes() == original


async def test_the_load_error_stays_in_view(plan_copy) -> None:
    path = plan_copy(KAFE)
    break_plan(path, "unknown-key")
    async with editing(path) as (app, pilot):
        await pilot.pause()
        for key in ("f2", "f3", "f4", "f5", "f6"):
            await pilot.press(key)
            await pilot.pause()
            # Not an empty stand-in plan whose edits could never be saved.
            assert isinstance(app.screen, LoadFailed), key


async def test_q_on_the_load_error_quits(plan_copy) -> None:
    path = plan_copy(KAFE)
    original = break_plan(path, "conflict")
    async with editing(path) as (app, pilot):
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 2
    assert path.read_bytes() == original


def with_comment(path: Path) -> bytes:
    text = path.read_text(encoding="utf-8")
    path.write_text("# Kladd: ikke del før mandag\n" + text, encoding="utf-8")
    return path.read_bytes()


async def test_a_plan_with_comments_asks_before_saving(plan_copy) -> None:
    path = plan_copy(KAFE)
    original = with_comment(path)
    async with editing(path) as (app, pilot):
        await pilot.pause()
        await burst(pilot, "enter", "end", *" AS")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Choice)
        assert "comments" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert path.read_bytes() == original

        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("tab", "enter")  # Cancel
        await pilot.pause()
        assert isinstance(app.screen, PostScreen)
        assert path.read_bytes() == original
        assert "unsaved" in app.sub_title

        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # Save without the comments
        await pilot.pause()
    assert saved(path).people.segments[0].name == "Studenter i Trondheim AS"
    assert "#" not in path.read_text(encoding="utf-8").splitlines()[0]


async def test_save_and_quit_on_a_plan_with_comments_asks_first(plan_copy) -> None:
    path = plan_copy(KAFE)
    original = with_comment(path)
    async with editing(path) as (app, pilot):
        await pilot.pause()
        await pilot.press("d", "ctrl+q")
        await pilot.pause()
        await pilot.press("enter")  # Save and quit
        await pilot.pause()
        # Overwriting the comments needs its own yes, as with ctrl+s.
        assert isinstance(app.screen, Choice)
        assert "comments" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert path.read_bytes() == original
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("tab", "enter")  # Quit without saving
        await pilot.pause()
    assert path.read_bytes() == original


# ---- Plan text is data ----

CLICK = "[@click=app.quit]x[/]"

HOSTILE = f"""\
format = 1

[plan]
title = "Plan [/ {CLICK} [bold]x"

[[people.segments]]
id = "hostile"
name = "Seg {CLICK} [bold]x [/ \\u001b[2Jend"
platforms = ["instagram"]

[[objectives]]
id = "hostile-goal"
statement = "Nå 500 {CLICK} [bold]x [/ \\u001b[2J følgere innen 2027"
segments = ["hostile"]
"""


async def test_editing_a_one_line_field_keeps_its_line_breaks(plan_copy) -> None:
    path = plan_copy(KAFE)
    text = path.read_text(encoding="utf-8")
    text = text.replace('why = "Instagram er', 'why = "Kort sagt:\\nInstagram er', 1)
    path.write_text(text, encoding="utf-8")
    why = saved(path).objectives[0].why
    assert why.startswith("Kort sagt:\nInstagram er")
    async with editing(path) as (_app, pilot):
        await switch(pilot, "f3")
        await pilot.press("enter")
        await tab_to(pilot, "objectives[0].why")
        await pilot.press("end", "!")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert saved(path).objectives[0].why == why + "!"


async def click_text(pilot: Pilot[int], needle: str) -> None:
    """Click on every place the screen shows `needle`."""
    places = [
        (line.find(needle), y)
        for y, line in enumerate(screen_text(pilot.app).splitlines())
        if needle in line
    ]
    assert places, f"{needle!r} is not on the screen"
    for place in places:
        await pilot.click(offset=place)


async def test_markup_and_escapes_in_a_plan_are_shown_as_text(tmp_path: Path) -> None:
    path = tmp_path / "hostile.post.toml"
    path.write_text(HOSTILE, encoding="utf-8")
    async with editing(path) as (app, pilot):
        await pilot.pause()
        assert isinstance(app.screen, PostScreen)
        text = screen_text(app)
        assert f"Plan [/ {CLICK} [bold]x" in text  # the header
        assert f"Seg {CLICK}" in text  # the list
        assert "[bold]x [/ \\x1b[2Jend" in text  # the escape shown, not sent
        assert "\x1b" not in text
        await click_text(pilot, "x[/]")
        await pilot.press("escape", "enter")  # back to the list, into the form
        await pilot.pause()
        assert editor_value(field_of(app)).startswith(f"Seg {CLICK} [bold]x [/ ")
        assert "\x1b" not in screen_text(app)

        await switch(pilot, "f3")
        text = screen_text(app)
        assert f"Nå 500 {CLICK}" in text
        assert "\x1b" not in text
        await click_text(pilot, "x[/]")
        await pilot.press("enter")
        await click_text(pilot, "x[/]")
        await pilot.pause()

        await pilot.press("f6")
        await pilot.pause()
        assert f"Plan [/ {CLICK} [bold]x" in screen_text(app)
        await pilot.press("escape")
        await switch(pilot, "f5")
        await switch(pilot, "f4")
        assert "\x1b" not in screen_text(app)
        assert app.is_running  # nothing quit the app


# ---- The command palette ----


def palette_prompts(app: PostApp) -> list[str]:
    options = app.screen.query_one("CommandList", OptionList)
    return [
        str(options.get_option_at_index(i).prompt).splitlines()[0]
        for i in range(options.option_count)
    ]


async def test_palette_lists_the_screens_and_save(plan_copy) -> None:
    path = plan_copy(KAFE)
    async with editing(path) as (app, pilot):
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        prompts = palette_prompts(app)  # before typing: every command
        for title in ("People", "Objectives", "Strategy", "Technology", "Progress"):
            assert f"{title}: open" in prompts
        assert "Plan: save" in prompts

        await burst(pilot, *"Strat", "enter")
        await pilot.pause()
        assert app.current_mode == "strategy"


async def test_palette_runs_save(plan_copy) -> None:
    path = plan_copy(KAFE)
    async with editing(path) as (app, pilot):
        await pilot.pause()
        await pilot.press("d")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await burst(pilot, *"Plan: save")
        await pilot.pause()
        assert palette_prompts(app)[0] == "Plan: save"
        await pilot.press("enter")
        await pilot.pause()
        assert "unsaved" not in app.sub_title
    assert "studenter" not in [s.id for s in saved(path).people.segments]


async def test_palette_finds_an_objective_by_words_of_its_statement(plan_copy) -> None:
    path = plan_copy(KAFE)
    async with editing(path) as (app, pilot):
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await burst(pilot, *"Kaffeklubben medlemmer")
        await pilot.pause()
        assert palette_prompts(app)[0].startswith("Objective: Bygge Facebook-gruppen")
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "objectives"
        items = app.screen.query_one("#items", ItemList)
        assert items.highlighted == 4
        statement = field_at(app, "objectives[4].statement")
        assert editor_value(statement).startswith("Bygge Facebook-gruppen «Kaffeklubben Solsiden»")


async def test_palette_lists_the_best_hundred_of_thousands_best_first(tmp_path: Path) -> None:
    path = tmp_path / "big.post.toml"
    plan = load(SAMPLES / f"{KAFE}.post.toml").plan
    plan.people.segments += [
        Segment(id=f"kunder-{n}", name=f"Kunder i kommune {n}") for n in range(1000)
    ]
    save(plan, path)
    async with editing(path) as (app, pilot):
        await pilot.press("ctrl+p")
        await pilot.pause()
        prompts = palette_prompts(app)
        ours = [prompt for prompt in prompts if prompt.split(":")[0] in ("People", "Segment")]
        assert len(ours) < SHOWN and "People: open" in ours  # the screens come first
        await burst(pilot, *"kommune 9")
        await app.workers.wait_for_complete()
        await pilot.pause()
        prompts = palette_prompts(app)
        assert len(prompts) == SHOWN  # of the 111 "kommune 9…", the phrase itself first
        assert prompts[0] == "Segment: Kunder i kommune 9"
        await pilot.press("enter")
        await pilot.pause()
        items = app.screen.query_one("#items", ItemList)
        assert app.current_mode == "people"
        assert plan.people.segments[items.highlighted or 0].id == "kunder-9"


# ---- Changes on disk ----


def rewrite_on_disk(path: Path, old: str, new: str) -> None:
    """What a git checkout or another editor does: a new version of the file."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


async def wait_for_screen(pilot: Pilot[int], kind: type, showing: str) -> None:
    """Wait until a screen of `kind` is up and shows `showing` (the file is looked at
    every second; a busy machine may take many times that)."""
    app = pilot.app
    assert isinstance(app, PostApp)
    for _ in range(300):
        if isinstance(app.screen, kind) and showing in screen_text(app):
            return
        await pilot.pause(0.1)
    raise AssertionError(f"no {kind.__name__} showing {showing!r}; the screen is {app.screen}")


async def test_a_change_on_disk_is_noticed_and_reloaded(plan_copy) -> None:
    path = plan_copy(KAFE)
    async with editing(path) as (app, pilot):
        rewrite_on_disk(path, 'name = "Studenter i Trondheim"', 'name = "Studenter (NTNU)"')
        await wait_for_screen(pilot, Choice, "changed on disk")
        await pilot.press("enter")  # Reload
        await pilot.pause()
        assert app.plan.people.segments[0].name == "Studenter (NTNU)"
        assert "Studenter (NTNU)" in screen_text(app)
        assert "unsaved" not in app.sub_title


async def test_saving_over_a_change_on_disk_asks_and_can_go_elsewhere(plan_copy) -> None:
    path = plan_copy(KAFE)
    async with editing(path) as (app, pilot):
        await burst(pilot, "enter", "end", *" AS")  # an unsaved edit
        await pilot.pause()
        rewrite_on_disk(path, 'name = "Studenter i Trondheim"', 'name = "Studenter (NTNU)"')
        theirs = path.read_bytes()
        await pilot.pause(1.5)
        assert isinstance(app.screen, PostScreen)  # with edits, nothing pops up by itself
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Choice)
        assert "changed on disk" in screen_text(app)
        await pilot.press("escape")  # cancel
        await pilot.pause()
        assert path.read_bytes() == theirs

        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("tab", "tab", "enter")  # Save mine elsewhere
        await pilot.pause()
        await pilot.press("enter")  # the suggested name beside the plan
        await pilot.pause()
    assert path.read_bytes() == theirs  # their version is untouched
    mine = path.with_name(f"mine-{path.name}")
    assert saved(mine).people.segments[0].name == "Studenter i Trondheim AS"


async def test_overwrite_after_a_change_on_disk_writes_mine(plan_copy) -> None:
    path = plan_copy(KAFE)
    async with editing(path) as (app, pilot):
        await burst(pilot, "enter", "end", *" AS")
        await pilot.pause()
        rewrite_on_disk(path, "size = 14000", "size = 15000")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # Overwrite with mine
        await pilot.pause()
        assert "unsaved" not in app.sub_title
    plan = saved(path)
    assert plan.people.segments[0].name == "Studenter i Trondheim AS"
    assert plan.people.segments[0].size == 14000


# ---- Changes since the last commit ----


async def test_changes_since_the_last_commit_are_listed_and_marked(plan_copy) -> None:
    path = plan_copy(KAFE)
    committed(path)
    async with editing(path) as (app, pilot):
        await burst(pilot, "enter", "end", *" AS")  # the first segment's name
        await pilot.pause(0.8)  # marks follow half a second after the last edit
        field = field_of(app)
        assert field.path == "people.segments[0].name"
        assert field.has_class("-changed")

        await pilot.press("f7")
        await pilot.pause()
        text = screen_text(app)
        assert "Changes since the last commit (1)" in text
        assert "segment studenter: name" in text
        await pilot.press("enter")
        await pilot.pause()
        assert field_of(app).path == "people.segments[0].name"


async def test_no_changes_view_outside_git(plan_copy) -> None:
    path = plan_copy(KAFE)
    async with editing(path) as (app, pilot):
        assert app.doc.head is None
        assert not app.check_action("changes", ())
        await pilot.press("f7")
        await pilot.pause()
        assert isinstance(app.screen, PostScreen)
        assert not any(field.has_class("-changed") for field in app.screen.query(BoundField))


async def test_no_changes_view_when_the_committed_plan_does_not_load(plan_copy) -> None:
    path = plan_copy(KAFE)
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("[plan]", "[plan]\nstatment = 1", 1), encoding="utf-8")
    committed(path)  # a broken plan at HEAD
    path.write_text(good, encoding="utf-8")
    async with editing(path) as (app, pilot):
        await pilot.press("f7")
        await pilot.pause()
        assert isinstance(app.screen, PostScreen)  # no view of changes against nothing
        assert app.doc.head is None
        assert not app.check_action("changes", ())
        await pilot.pause(0.8)  # when the marks would follow
        assert not any(field.has_class("-changed") for field in app.screen.query(BoundField))


async def test_a_failed_save_says_why_and_offers_another_place(plan_copy, monkeypatch) -> None:
    path = plan_copy(KAFE)
    original = path.read_bytes()
    from posttui.core import writer

    def disk_full_there(target: Path, text: str) -> None:
        if target == path:
            raise OSError(28, "No space left on device")
        writer.write_atomic(target, text)

    monkeypatch.setattr("posttui.core.document.write_atomic", disk_full_there)
    async with editing(path) as (app, pilot):
        await burst(pilot, "enter", "end", *" AS")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, Choice)
        assert "The disk is full" in screen_text(app)
        assert "unsaved" in app.sub_title
        assert app.plan.people.segments[0].name == "Studenter i Trondheim AS"
        await pilot.press("enter")  # Save elsewhere
        await pilot.pause()
        await pilot.press("enter")  # the suggested name
        await pilot.pause()
        assert "unsaved" not in app.sub_title
        assert app.sub_title.startswith(f"mine-{path.name}")
    assert path.read_bytes() == original
    assert saved(path.with_name(f"mine-{path.name}")).people.segments[0].name.endswith(" AS")


def styles(app: PostApp) -> list[tuple[str, str | None, str, str, str]]:
    """How each widget of the screen shown is drawn: its background, colour, display."""
    return [
        (type(w).__name__, w.id, str(w.styles.background), str(w.styles.color), w.display)
        for w in app.screen.walk_children()
    ]


async def test_a_screen_shown_again_is_styled_as_a_new_one(plan_copy) -> None:
    """A screen keeps its styles while hidden rather than being styled anew on each visit:
    after another theme is chosen elsewhere, Objectives shown again looks as it does when
    first shown in that theme."""
    async with editing(plan_copy(KAFE)) as (app, pilot):
        await switch(pilot, "f3")
        await switch(pilot, "f2")
        app.theme = "textual-light"
        await pilot.pause()
        await switch(pilot, "f3")
        again = styles(app)
    async with editing(plan_copy(KAFE)) as (app, pilot):
        app.theme = "textual-light"
        await pilot.pause()
        await switch(pilot, "f3")
        fresh = styles(app)
    assert again == fresh


@pytest.mark.parametrize("ahead", [False, True], ids=["built-when-shown", "built-ahead"])
async def test_showing_a_screen_styles_its_fields_once(
    plan_copy, monkeypatch: pytest.MonkeyPatch, ahead: bool
) -> None:
    """Fields are styled as they mount, never again just after: a field enabled once
    bound, an input marked valid, a checkbox given its value each styled again with all
    it holds, the bulk of a first visit."""
    again: list[str] = []
    restyle = DOMNode.update_node_styles

    def counted(node: DOMNode, animate: bool = True) -> None:
        if node.is_attached and isinstance(node, (BoundField, Input, Checkbox)):
            again.append(f"{type(node).__name__} {getattr(node, 'path', '')}")
        restyle(node, animate)

    monkeypatch.setattr(DOMNode, "update_node_styles", counted)
    async with editing(plan_copy(KAFE), build_ahead=ahead) as (_app, pilot):
        for key in ["f3", "f4", "f5", "f2", "f3"]:
            await switch(pilot, key)
    assert again == []


async def test_no_switch_of_screens_holds_its_frames(plan_copy, monkeypatch) -> None:
    """Textual holds the frames of a switch for 50 ms (App.delay_update), so that a
    screen being built is not seen half done. A POST screen shows only once built, and
    whole in its first frame (tests/test_layout.py): a first showing (People as the plan
    opens, a first visit) and a screen shown again show in the next frame."""
    held: list[str] = []
    hold = App.delay_update

    def spied(app: App[Any], delay: float = 0.05) -> None:
        held.append(app.current_mode)  # the mode being left
        hold(app, delay)

    monkeypatch.setattr(App, "delay_update", spied)
    async with editing(plan_copy(KAFE)) as (app, pilot):
        for key in ["f3", "f2", "f3", "f4"]:
            await switch(pilot, key)
        assert app.current_mode == "strategy"
    assert held == []


async def test_screens_not_shown_yet_are_built_while_no_one_types(plan_copy) -> None:
    """Once the plan shows, the app builds the other screens, hidden: People stays as it
    was, and a first visit then shows the screen already built, with nothing made anew."""
    async with editing(plan_copy(KAFE)) as (app, pilot):
        focused = app.focused
        await built_ahead(pilot)
        assert type(app.screen).__name__ == "PeopleScreen"
        assert app.focused is focused and isinstance(focused, ItemList)
        objectives = built(app, "objectives")
        assert objectives is not None
        widgets = set(objectives.walk_children())
        await switch(pilot, "f3")
        assert app.screen is objectives
        assert set(objectives.walk_children()) == widgets
        assert "Øke antall Instagram-følgere blant studenter" in screen_text(app)


async def test_a_screen_built_ahead_shows_edits_made_before_its_first_visit(plan_copy) -> None:
    """Objectives, built while People showed, shows what People changed since: a segment
    renamed there is renamed in the objective's segments."""
    path = plan_copy(KAFE)
    async with editing(path) as (_app, pilot):
        await built_ahead(pilot)
        await pilot.press("enter")
        field = await tab_to(pilot, "people.segments[0].id")
        await retype(pilot, "studentene")
        await pilot.pause()
        screen = await switch(pilot, "f3")
        segments = next(f for f in screen.query(BoundField) if f.key == "segments")
        assert editor_value(segments).split(", ")[0] == "studentene"
        assert editor_value(field) == "studentene"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert saved(path).objectives[0].segments[0] == "studentene"


async def test_a_jump_to_a_screen_being_built_ahead_waits_for_it(plan_copy) -> None:
    """A jump (a finding chosen, a field named) to a screen the app is building, not yet
    mounted, lands on its field once it is."""
    app = PostApp(plan_copy(KAFE), lang="en")
    async with app.run_test(size=SIZE) as pilot:
        assert not (await being_built(app, "objectives")).is_mounted
        await app.go_to("objectives[0].owner")
        await pilot.pause()
        field = field_of(app)
        assert field is not None and field.path == "objectives[0].owner"
        assert type(app.screen).__name__ == "ObjectivesScreen"


@pytest.mark.parametrize("how", ["quit", "end"])
@pytest.mark.parametrize("mode", ["objectives", "strategy", "technology", "progress"])
async def test_closing_while_a_screen_is_built_ahead_closes_cleanly(plan_copy, mode, how) -> None:
    """The app closed while it builds a screen ahead, by a quit (ctrl+q's App.exit: the
    screen is finished first) or as its session ends (the screen is taken down half
    built): nothing fails (run_test raises what did), and the quit is not lost."""
    app = PostApp(plan_copy(KAFE), lang="en")
    async with app.run_test(size=SIZE) as pilot:
        assert not (await being_built(app, mode)).is_mounted
        if how == "quit":
            app.exit(return_code=0)
            await pilot.pause(0.5)
            assert app.return_code == 0 and built(app, mode) is not None


async def test_screens_shown_are_spared_from_full_collections(plan_copy) -> None:
    """Screens live as long as the app: once each is built and drawn, a full collection
    no longer scans its objects (one took 12-75 ms within a switch of screens)."""
    async with editing(plan_copy(KAFE)) as (_app, pilot):
        await built_ahead(pilot)
        for key in ["f3", "f4", "f5", "f9", "f2"]:
            await pilot.press(key)
            await pilot.pause(0.1)
        assert len(gc.get_objects()) < 15_000  # each screen drawn makes about 12,000


async def test_the_plan_loads_right_after_the_first_frame(plan_copy, monkeypatch) -> None:
    """The opening frame (the plan's title, the POST steps) shows, and the plan loads at
    once: not after a frame more of the opening, which is about to be replaced."""
    full_frames: list[str] = []
    display = App._display

    def spied(app: App[Any], screen: Any, renderable: Any) -> None:
        if isinstance(renderable, LayoutUpdate) and not app._batch_count:  # written
            full_frames.append(type(screen).__name__)
        display(app, screen, renderable)

    drawn_before_loading: list[list[str]] = []
    open_plan = Document.open

    def spied_open(path: Path) -> Document:
        drawn_before_loading.append(list(full_frames))
        return open_plan(path)

    monkeypatch.setattr(App, "_display", spied)
    monkeypatch.setattr(Document, "open", spied_open)
    async with editing(plan_copy(KAFE)) as (app, _pilot):
        assert isinstance(app.screen, PostScreen)
    assert drawn_before_loading == [["Screen"]]


async def test_collections_off_for_the_start_are_on_once_the_plan_shows(
    plan_copy, tmp_path: Path
) -> None:
    """`posttui edit` starts with the garbage collector off: start-up makes little
    garbage, and each collection would scan all it built. Once the plan shows (or why it
    could not load), collections are on, and what start-up built is frozen: spared
    from every one of them."""
    broken = tmp_path / "broken.post.toml"
    broken.write_text("format = [\n", encoding="utf-8")
    for path in (plan_copy(KAFE), broken):
        gc.disable()
        try:
            frozen = gc.get_freeze_count()
            async with editing(path) as (app, _pilot):
                assert app.plan_loaded or isinstance(app.screen, LoadFailed)
                assert gc.isenabled(), path.name
                assert gc.get_freeze_count() > frozen
        finally:
            gc.enable()


def test_posttui_edit_starts_with_collections_off(monkeypatch, tmp_path: Path) -> None:
    running: list[bool] = []
    monkeypatch.setattr(PostApp, "run", lambda app: running.append(gc.isenabled()))
    try:
        edit.run(argparse.Namespace(plan=str(tmp_path / "new.post.toml"), lang="en"))
    finally:
        gc.enable()
    assert running == [False]


@pytest.mark.parametrize("ahead", [False, True], ids=["built-when-shown", "built-ahead"])
async def test_no_widget_is_styled_before_it_mounts(plan_copy, monkeypatch, ahead: bool) -> None:
    """Textual styles a widget at each change of its classes, also before it is mounted
    (an input made `compact`, a field made `disabled`): work done again as it mounts,
    for every field of every screen built."""
    early: list[str] = []
    apply = Stylesheet.apply

    def counted(stylesheet: Stylesheet, node: DOMNode, *args: Any, **kwargs: Any) -> None:
        if type(node) is not DOMNode and not node.is_attached:  # not a component's styles
            early.append(repr(node))
        apply(stylesheet, node, *args, **kwargs)

    monkeypatch.setattr(Stylesheet, "apply", counted)
    async with editing(plan_copy(KAFE), build_ahead=ahead) as (_app, pilot):
        for key in ["f3", "f4", "f5", "ctrl+n", "f2"]:
            await switch(pilot, key)
    assert early == []


async def test_moving_the_focus_through_a_form_lays_out_nothing(plan_copy, monkeypatch) -> None:
    """Tab, enter and escape through a form and back to the list change the keys the
    footer shows at every step: it draws its line again, and the screen is not laid out
    (Textual's footer, a widget a key, was made anew and the whole screen laid out)."""
    layouts: list[str] = []
    layout = Screen._refresh_layout

    def counted(screen: Screen[Any], *args: Any, **kwargs: Any) -> None:
        layouts.append(type(screen).__name__)
        layout(screen, *args, **kwargs)

    async with editing(plan_copy(NORDLYS)) as (app, pilot):
        await built_ahead(pilot)  # no screen laid out behind the one shown
        await switch(pilot, "f3")
        monkeypatch.setattr(Screen, "_refresh_layout", counted)
        seen: set[frozenset[tuple[str, str]]] = set()
        for key in ["enter", *["tab"] * 14, "escape"]:
            await pilot.press(key)
            await pilot.pause()
            assert footer_keys(app) == keys_to_show(app), key
            seen.add(frozenset(footer_keys(app)))
        assert len(seen) > 2  # the keys did change
        assert layouts == []  # while moving (not as the app closes its screens)


def footer_keys(app: PostApp) -> set[tuple[str, str]]:
    return set(app.screen.query_one(KeysFooter).keys)


def keys_to_show(app: PostApp) -> set[tuple[str, str]]:
    """The keys the focused widget and the screen offer, the first of each action: what
    the footer should show."""
    first: dict[str, tuple[str, str]] = {}
    for _, binding, _, _ in app.screen.active_bindings.values():
        if binding.show or binding.key == app.COMMAND_PALETTE_BINDING:
            first.setdefault(binding.action, (binding.key, binding.description))
    return set(first.values())


async def test_the_footer_shows_the_keys_of_wherever_the_focus_is(plan_copy) -> None:
    """The footer always shows the keys of the focused field, row or list: through the
    form and a target row (ctrl+r), across screens, and in the other language."""
    shown: set[tuple[str, str]] = set()
    async with editing(plan_copy(NORDLYS)) as (app, pilot):
        for key in ["f3", "down", "down", "enter", *["tab"] * 14, "escape", "f4", "f2", "f3"]:
            await pilot.press(key)
            await pilot.pause()
            assert footer_keys(app) == keys_to_show(app), key
            shown |= footer_keys(app)
        app.lang = "nb"
        await pilot.pause()
        assert footer_keys(app) == keys_to_show(app)
    assert ("ctrl+r", "Remove target") in shown


async def test_a_click_on_a_footer_key_presses_it(plan_copy) -> None:
    """A key lights up under the mouse, and a click presses it: f1 opens the key help,
    the palette's key at the right edge the command palette."""
    async with editing(plan_copy(KAFE)) as (app, pilot):
        footer = app.screen.query_one(KeysFooter)
        line = screen_text(app).splitlines()[-1]
        before = footer.render()
        await pilot.hover(KeysFooter, offset=(line.index("f1 Keys") + 1, 0))
        assert footer.render().spans != before.spans  # lit up
        await pilot.click(KeysFooter, offset=(line.index("^p palette") + 3, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        await pilot.click(KeysFooter, offset=(line.index("f1 Keys"), 0))
        await pilot.pause()
        assert app.screen.query("HelpPanel")


async def test_a_click_on_the_palettes_key_presses_it_not_a_key_cut_off_under_it(
    plan_copy,
) -> None:
    """At 80 columns the keys of Objectives run on under the palette's key: a click
    on it opens the palette, not the key cut off beneath it."""
    async with editing(plan_copy(KAFE), size=(80, 24)) as (app, pilot):
        await switch(pilot, "f3")
        line = screen_text(app).splitlines()[-1]
        assert "f1 Keys" not in line  # cut off under the palette's key
        await pilot.click(KeysFooter, offset=(line.index("^p palette") + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
