"""The guided start as a user meets it: a new plan, one question at a time, by keys.

Every test answers with the keyboard and reads back the file ctrl+s wrote, or the
plan the answers went into; `posttui new` is run as the real console script.
"""

from __future__ import annotations

import contextlib
import os
import pty
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from posttui.core.loader import load
from posttui.core.model import Objective, Plan, PlanInfo, Segment
from posttui.core.rules import lint
from posttui.core.vocabulary import SMART
from posttui.core.writer import dumps
from posttui.ui.app import PostApp
from posttui.ui.screens.base import PostScreen
from posttui.ui.screens.guide import GuideScreen
from posttui.ui.widgets.items import ItemList
from posttui.ui.widgets.smart import smart_summary
from support.editing import burst, editing
from support.plans import SAMPLES, saved

POSTTUI = Path(sys.executable).with_name("posttui")
DEADLINE = date.today() + timedelta(days=365)


def app_on(
    path: Path, lang: str | None = None
) -> contextlib.AbstractAsyncContextManager[tuple[PostApp, Pilot[int]]]:
    """The app on `path` (in the plan's language unless `lang` says), its plan loaded
    and the first screen shown."""
    return editing(path, lang=lang)


def guide(app: PostApp) -> GuideScreen:
    assert isinstance(app.screen, GuideScreen), f"the guide is not shown: {app.screen!r}"
    return app.screen


def asked(app: PostApp) -> str:
    """The name of the question the guide asks now."""
    return guide(app).asking.question.name


def shown(app: PostApp, part: str) -> str:
    return str(guide(app).query_one(f"#guide-{part}").render())


async def say(pilot: Pilot[int], text: str = "") -> None:
    """Answer a typed question: replace what the field offers with `text`, then enter."""
    assert isinstance(pilot.app.focused, Input), pilot.app.focused
    await burst(pilot, "end", "ctrl+u", *text, "enter")


async def accept(pilot: Pilot[int]) -> None:
    """Answer with what the question offers."""
    await pilot.press("enter")
    await pilot.pause()


async def choose(pilot: Pilot[int], label: str) -> None:
    """Answer a choice: arrow to the answer shown as `label`, then enter."""
    choices = pilot.app.focused
    assert isinstance(choices, OptionList), choices
    await pilot.press("home")
    for _ in range(choices.option_count):
        option = choices.highlighted_option
        if option is not None and str(option.prompt) == label:
            await pilot.press("enter")
            await pilot.pause()
            return
        await pilot.press("down")
    raise AssertionError(f"no answer {label!r}")


async def answer_people(pilot: Pilot[int]) -> None:
    await say(pilot, "Studenter i Tromsø")
    await say(pilot, "Leser mye")
    await say(pilot, "12 000")
    await say(pilot, "instagram, tiktok")
    await choose(pilot, "Functional output")
    await choose(pilot, "Yes: 34/29/23/9/5, to adjust later")
    await choose(pilot, "No, on to Objectives")
    await skip_period(pilot)


async def skip_period(pilot: Pilot[int]) -> None:
    """The plan's period, asked once before the first objective: left empty."""
    assert isinstance(pilot.app, PostApp)
    assert asked(pilot.app) == "plan-period-start"
    await say(pilot)
    await say(pilot)


async def answer_objective(pilot: Pilot[int]) -> None:
    await choose(pilot, "Talking (marketing)")
    await say(pilot, "Reach 2000 followers in a year")
    await accept(pilot)  # the plan's only segment, offered
    await say(pilot, "followers")
    await say(pilot, "instagram")
    await say(pilot, "1 200")
    await say(pilot, "2000")
    await say(pilot, DEADLINE.isoformat())
    await say(pilot, "Kari")
    await say(pilot, "Full tables")


def palette_first(app: PostApp) -> str:
    """The first command the palette offers."""
    options = app.screen.query_one("CommandList", OptionList)
    return (
        str(options.get_option_at_index(0).prompt).splitlines()[0] if options.option_count else ""
    )


async def until(pilot: Pilot[int], done: Callable[[], bool], timeout: float = 60) -> None:
    """Wait until `done()` (a busy machine may take many times as long as an idle one)."""
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError("waited in vain")
        await pilot.pause(0.05)


# ---- the whole guide ----


async def test_walking_the_whole_guide_by_keys_makes_a_smart_plan(tmp_path: Path) -> None:
    path = tmp_path / "kafe.post.toml"
    async with app_on(path) as (app, pilot):
        assert asked(app) == "segment-name"
        assert "People" in shown(app, "progress")
        await answer_people(pilot)
        assert asked(app) == "objective-kind"
        await answer_objective(pilot)
        assert asked(app) == "objective-another"
        assert "S M A R T   all met" in shown(app, "explanation")
        await choose(pilot, "No, on to Strategy")
        await say(pilot, "From café to hub")
        await say(pilot, "Weekly Reels")
        assert asked(app) == "technology-platforms"
        assert guide(app).query_one(Input).value == "instagram, tiktok"  # where the segment is
        await say(pilot, "instagram, tiktok")
        await pilot.pause()
        assert isinstance(app.screen, PostScreen)
        assert app.current_mode == "people"  # no findings: People, to go on from
        await pilot.press("ctrl+s")
        await pilot.pause()

    plan = saved(path)
    (segment,) = plan.people.segments
    assert segment.id == "studenter-i-tromso"
    assert segment.name == "Studenter i Tromsø"
    assert segment.description == "Leser mye"
    assert (segment.size, segment.linkage) == (12000, "functional-output")
    assert segment.platforms == ["instagram", "tiktok"]
    assert segment.involvement is not None
    assert segment.involvement.shares() == (34, 29, 23, 9, 5)
    (objective,) = plan.objectives
    assert objective.kind == "talking"
    assert objective.statement == "Reach 2000 followers in a year"
    assert objective.segments == ["studenter-i-tromso"]
    (target,) = objective.targets
    assert (target.platform, target.metric, target.baseline, target.target) == (
        "instagram",
        "followers",
        1200,
        2000,
    )
    assert (objective.deadline, objective.owner, objective.why) == (DEADLINE, "Kari", "Full tables")
    assert plan.strategy.relationship == "From café to hub"
    (initiative,) = plan.strategy.initiatives
    assert initiative.description == "Weekly Reels"
    assert initiative.objectives == [objective.id]
    assert [platform.id for platform in plan.technology.platforms] == ["instagram", "tiktok"]
    smart = {group for _, group in SMART}
    assert [f.rule for f in lint(plan) if f.group in smart] == []


async def test_a_guide_with_findings_ends_on_the_first_and_says_what_next(tmp_path: Path) -> None:
    path = tmp_path / "kafe.post.toml"
    async with app_on(path) as (app, pilot):
        await say(pilot, "Students")
        for _ in range(3):
            await say(pilot)  # who, size, platforms: skipped
        await choose(pilot, "Not sure yet")
        await choose(pilot, "No, not now")
        await choose(pilot, "No, on to Objectives")
        await skip_period(pilot)
        await choose(pilot, "Not sure yet")
        await say(pilot, "Grow")
        while isinstance(app.screen, GuideScreen):
            if isinstance(app.focused, OptionList):
                await choose(pilot, "No, on to Strategy")
            else:
                await say(pilot)
        await pilot.pause()
        first = app.findings[0]
        assert app.current_mode == first.path.partition(".")[0].partition("[")[0]
        messages = [n.message for n in app._notifications]
        assert any(f"{len(app.findings)} findings are left" in m for m in messages), messages


# ---- leaving, going back, skipping, undoing ----


async def test_escape_midway_keeps_what_was_answered(tmp_path: Path) -> None:
    path = tmp_path / "kafe.post.toml"
    async with app_on(path) as (app, pilot):
        await say(pilot, "Pensjonister")
        await say(pilot, "Naboer")
        assert asked(app) == "segment-size"
        await burst(pilot, *"300", "escape")  # typed, not entered: not an answer
        await pilot.pause()
        assert isinstance(app.screen, PostScreen)
        assert app.current_mode == "people"
        await pilot.press("ctrl+s")
        await pilot.pause()

    (segment,) = saved(path).people.segments
    assert (segment.name, segment.description, segment.size) == (
        "Pensjonister",
        "Naboer",
        None,
    )
    assert saved(path).objectives == []


async def test_escape_at_an_objective_lands_on_it_and_f4_on_strategy(tmp_path: Path) -> None:
    async with app_on(tmp_path / "kafe.post.toml") as (app, pilot):
        await answer_people_quickly(pilot, "Locals")
        await choose(pilot, "No, on to Objectives")
        await skip_period(pilot)
        await choose(pilot, "Talking (marketing)")
        await say(pilot, "Reach 500 members by May")
        await say(pilot)
        assert asked(app) == "target-metric"  # no target yet: its objective is the nearest
        await pilot.press("escape")
        await pilot.pause()
        assert app.current_mode == "objectives"
        assert app.screen.query_one("#items", ItemList).highlighted == 0
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        assert (app.current_mode, isinstance(app.screen, PostScreen)) == ("strategy", True)


async def test_enter_pressed_faster_than_the_screen_answers_the_question_shown(
    tmp_path: Path,
) -> None:
    async with app_on(tmp_path / "kafe.post.toml") as (app, pilot):
        editor = guide(app).query_one(Input)
        await burst(pilot, *"Locals")
        # Two enters in the queue before the first is handled: both carry "Locals".
        editor.post_message(Input.Submitted(editor, "Locals"))
        editor.post_message(Input.Submitted(editor, "Locals"))
        await pilot.pause()
        assert asked(app) == "segment-size"
        (segment,) = app.plan.people.segments
        assert (segment.name, segment.description) == ("Locals", "")


async def test_back_asks_again_and_a_new_answer_replaces_the_old(tmp_path: Path) -> None:
    async with app_on(tmp_path / "kafe.post.toml") as (app, pilot):
        await say(pilot, "Studenter")
        await say(pilot, "Lesende")
        await pilot.press("shift+tab")
        assert asked(app) == "segment-description"
        await pilot.press("shift+tab")
        assert asked(app) == "segment-name"
        assert guide(app).query_one(Input).value == "Studenter"  # the answer given
        await say(pilot, "Studenter ved NTNU")
        assert asked(app) == "segment-description"
        assert guide(app).query_one(Input).value == "Lesende"
        (segment,) = app.plan.people.segments  # renamed, not a second one
        assert (segment.id, segment.name) == ("studenter", "Studenter ved NTNU")
        await say(pilot)
        await say(pilot)
        await say(pilot, "instagram")
        await choose(pilot, "Normative")
        await pilot.press("shift+tab")
        assert asked(app) == "segment-linkage"
        highlighted = guide(app).query_one(OptionList).highlighted_option
        assert highlighted is not None and str(highlighted.prompt) == "Normative"


async def test_another_segment_starts_a_new_one_and_back_returns_to_the_first(
    tmp_path: Path,
) -> None:
    async with app_on(tmp_path / "kafe.post.toml") as (app, pilot):
        await answer_people_quickly(pilot, "Studenter")
        await choose(pilot, "Yes, another segment")
        assert asked(app) == "segment-name"
        assert "segment 2" in shown(app, "progress")
        assert guide(app).query_one(Input).value == ""
        await pilot.press("shift+tab")
        assert asked(app) == "segment-another"
        await choose(pilot, "Yes, another segment")
        await answer_people_quickly(pilot, "Pensjonister")
        await choose(pilot, "No, on to Objectives")
        await skip_period(pilot)
        assert [s.name for s in app.plan.people.segments] == ["Studenter", "Pensjonister"]


async def answer_people_quickly(pilot: Pilot[int], name: str) -> None:
    await say(pilot, name)
    for _ in range(3):
        await say(pilot)
    await choose(pilot, "Not sure yet")
    await choose(pilot, "No, not now")


async def test_empty_answers_skip_a_whole_step_and_leave_the_plan_empty(tmp_path: Path) -> None:
    async with app_on(tmp_path / "kafe.post.toml") as (app, pilot):
        assert "skips" in shown(app, "hint")
        await say(pilot)  # no segment: People skipped
        assert asked(app) == "plan-period-start"
        assert "skips" in shown(app, "hint")
        await say(pilot)
        await say(pilot)  # no period
        assert asked(app) == "objective-kind"
        await choose(pilot, "Not sure yet")
        assert asked(app) == "objective-statement"
        await say(pilot)  # no objective: the rest of Objectives skipped
        assert asked(app) == "strategy-relationship"
        await say(pilot)
        await say(pilot)
        assert asked(app) == "technology-platforms"
        await say(pilot)
        await pilot.pause()
        assert isinstance(app.screen, PostScreen)
        assert dumps(app.plan) == dumps(Plan.new("Kafe"))  # nothing answered, nothing made


async def test_a_needed_answer_is_asked_for_again(tmp_path: Path) -> None:
    async with app_on(tmp_path / "kafe.post.toml") as (app, pilot):
        await say(pilot, "Studenter")
        await pilot.press("shift+tab")
        assert "needs an answer" in shown(app, "hint")  # the segment exists: it keeps a name
        await say(pilot)
        assert asked(app) == "segment-name"
        assert "required" in shown(app, "live")
        await say(pilot, "Studenter")
        await say(pilot)
        await say(pilot, "many")
        assert asked(app) == "segment-size"
        assert "a number" in shown(app, "live")
        (segment,) = app.plan.people.segments
        assert (segment.name, segment.size) == ("Studenter", None)


async def test_each_answer_is_one_undo_step(tmp_path: Path) -> None:
    async with app_on(tmp_path / "kafe.post.toml") as (app, pilot):
        await say(pilot, "Studenter")
        await say(pilot, "Lesende")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.plan.people.segments[0].description == ""
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.plan.people.segments == []
        assert asked(app) == "segment-name"  # the segment is gone: asked for anew
        assert guide(app).query_one(Input).value == ""
        await say(pilot, "Pensjonister")
        assert [s.name for s in app.plan.people.segments] == ["Pensjonister"]


# ---- the plan's period and the objective that leads ----

START, END = date(2027, 1, 1), date(2027, 12, 31)
ODD = "Reach [@click=app.quit]x[/] 500 members by May"  # plan text, never markup


async def answer_objective_quickly(pilot: Pilot[int], statement: str) -> None:
    await choose(pilot, "Not sure yet")
    await say(pilot, statement)
    assert isinstance(pilot.app, PostApp)
    while asked(pilot.app) != "objective-another":
        await say(pilot)


async def two_objectives(pilot: Pilot[int]) -> None:
    """From the second objective's kind: two objectives made, on to the lead."""
    await answer_objective_quickly(pilot, "Reach 2000 followers by June")
    await choose(pilot, "Yes, another objective")
    await answer_objective_quickly(pilot, ODD)
    await choose(pilot, "No, on to Strategy")


async def test_the_period_and_the_lead_are_written_to_the_plan(tmp_path: Path) -> None:
    path = tmp_path / "kafe.post.toml"
    async with app_on(path) as (app, pilot):
        await answer_people_quickly(pilot, "Locals")
        await choose(pilot, "No, on to Objectives")
        assert asked(app) == "plan-period-start"
        assert shown(app, "question") == "Which period does the plan cover? From (YYYY-MM-DD)"
        assert "due when the period ends" in shown(app, "explanation")
        assert "skips" in shown(app, "hint")
        await say(pilot, START.isoformat())
        assert asked(app) == "plan-period-end"
        assert "time-bound/outside-period" in shown(app, "explanation")
        await say(pilot, END.isoformat())
        assert (app.plan.plan.period_start, app.plan.plan.period_end) == (START, END)
        assert asked(app) == "objective-kind"
        await two_objectives(pilot)
        assert asked(app) == "objective-primary"
        assert shown(app, "question") == "Which objective leads?"
        assert "Groundswell's advice: pick one" in shown(app, "explanation")
        choices = guide(app).query_one(OptionList)
        prompts = [str(choices.get_option_at_index(i).prompt) for i in range(3)]
        assert prompts == ["Reach 2000 followers by June", ODD, "None yet"]
        highlighted = choices.highlighted_option  # none leads yet: that is what is offered
        assert highlighted is not None and str(highlighted.prompt) == "None yet"
        await choose(pilot, ODD)
        assert asked(app) == "strategy-relationship"
        first, second = app.plan.objectives
        assert (first.primary, second.primary) == (False, True)
        await pilot.press("shift+tab")
        assert asked(app) == "objective-primary"
        await choose(pilot, "Reach 2000 followers by June")  # another: one leads, still
        assert [o.primary for o in app.plan.objectives] == [True, False]
        await pilot.press("ctrl+z")  # the whole choice is one undo step
        await pilot.pause()
        assert [o.primary for o in app.plan.objectives] == [False, True]
        assert app.is_running
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()

    plan = saved(path)
    assert plan.format == 2
    assert (plan.plan.period_start, plan.plan.period_end) == (START, END)
    assert [o.primary for o in plan.objectives] == [False, True]
    assert plan.objectives[1].statement == ODD


async def test_leaving_the_period_and_the_lead_empty_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "kafe.post.toml"
    async with app_on(path) as (app, pilot):
        await answer_people_quickly(pilot, "Locals")
        await choose(pilot, "No, on to Objectives")
        revision = app.revision
        await skip_period(pilot)
        assert asked(app) == "objective-kind"
        assert app.revision == revision  # not even an edit that changed nothing
        await two_objectives(pilot)
        revision = app.revision
        await choose(pilot, "None yet")
        assert asked(app) == "strategy-relationship"
        assert app.revision == revision
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()

    plan = saved(path)
    assert plan.format == 1  # nothing of format 2 said
    assert (plan.plan.period_start, plan.plan.period_end) == (None, None)
    assert [o.primary for o in plan.objectives] == [False, False]
    assert path.read_text(encoding="utf-8").startswith("format = 1")


async def test_none_yet_takes_the_lead_away_again(tmp_path: Path) -> None:
    async with app_on(tmp_path / "kafe.post.toml") as (app, pilot):
        await answer_people_quickly(pilot, "Locals")
        await choose(pilot, "No, on to Objectives")
        await skip_period(pilot)
        await two_objectives(pilot)
        await choose(pilot, ODD)
        await pilot.press("shift+tab")
        highlighted = guide(app).query_one(OptionList).highlighted_option
        assert highlighted is not None and str(highlighted.prompt) == ODD  # the one chosen
        await choose(pilot, "None yet")
        assert [o.primary for o in app.plan.objectives] == [False, False]


async def test_going_back_over_the_period_offers_and_replaces_it(tmp_path: Path) -> None:
    async with app_on(tmp_path / "kafe.post.toml") as (app, pilot):
        await answer_people_quickly(pilot, "Locals")
        await choose(pilot, "No, on to Objectives")
        await say(pilot, START.isoformat())
        await say(pilot, END.isoformat())
        assert asked(app) == "objective-kind"
        await pilot.press("shift+tab")
        assert asked(app) == "plan-period-end"
        assert guide(app).query_one(Input).value == END.isoformat()
        await pilot.press("shift+tab")
        assert asked(app) == "plan-period-start"
        assert guide(app).query_one(Input).value == START.isoformat()
        await say(pilot, "2027-02-01")
        await say(pilot)  # emptied: the end is taken away
        assert (app.plan.plan.period_start, app.plan.plan.period_end) == (date(2027, 2, 1), None)
        assert asked(app) == "objective-kind"
        await pilot.press("ctrl+z")  # the end back, and the question stays where it is
        await pilot.pause()
        assert app.plan.plan.period_end == END
        assert asked(app) == "objective-kind"


async def test_a_period_that_ends_before_it_starts_is_not_taken(tmp_path: Path) -> None:
    async with app_on(tmp_path / "kafe.post.toml") as (app, pilot):
        await say(pilot)  # no segment
        await say(pilot, END.isoformat())
        await say(pilot, START.isoformat())
        assert asked(app) == "plan-period-end"
        assert "The period ends before it starts" in shown(app, "live")
        assert app.plan.plan.period_end is None
        await say(pilot, "2027-13-01")
        assert "YYYY-MM-DD" in shown(app, "live")
        await say(pilot, END.isoformat())  # the same day: a period of one day
        assert app.plan.plan.period_end == END


async def test_the_lead_is_not_asked_with_fewer_than_two_objectives(tmp_path: Path) -> None:
    async with app_on(tmp_path / "kafe.post.toml") as (app, pilot):
        await answer_people_quickly(pilot, "Locals")
        await choose(pilot, "No, on to Objectives")
        await skip_period(pilot)
        await answer_objective_quickly(pilot, "Reach 2000 followers by June")
        await choose(pilot, "No, on to Strategy")
        assert asked(app) == "strategy-relationship"
        await pilot.press("shift+tab")
        assert asked(app) == "objective-another"  # back past the question not asked
        await choose(pilot, "Yes, another objective")
        await choose(pilot, "Not sure yet")
        await say(pilot)  # no second objective after all
        assert asked(app) == "strategy-relationship"
        assert len(app.plan.objectives) == 1


async def test_the_period_shows_the_objectives_outside_it_as_it_is_typed(tmp_path: Path) -> None:
    path = tmp_path / "kafe.post.toml"
    plan = Plan.new("Kafe")
    plan.objectives = [
        Objective(id="grow", statement="Reach 2000 followers by June", deadline=date(2028, 6, 1))
    ]
    plan.people.segments = [Segment(id="locals", name="Locals")]
    path.write_text(dumps(plan), encoding="utf-8")
    async with app_on(path) as (app, pilot):
        await pilot.press("ctrl+g")
        await pilot.pause()
        await say(pilot)  # no new segment
        assert asked(app) == "plan-period-start"
        await say(pilot)
        await pilot.press(*END.isoformat())
        assert "after the plan's period ends" in shown(app, "live")
        await burst(pilot, "ctrl+u", *"2028-12-31")
        assert "after the plan's period ends" not in shown(app, "live")


# ---- live hints ----


async def test_the_statement_is_checked_as_it_is_typed(tmp_path: Path) -> None:
    async with app_on(tmp_path / "kafe.post.toml") as (app, pilot):
        await answer_people_quickly(pilot, "Students")
        await choose(pilot, "No, on to Objectives")
        await skip_period(pilot)
        await choose(pilot, "Talking (marketing)")
        assert "SMART" in shown(app, "explanation") and "Time-bound" in shown(app, "explanation")
        assert guide(app).query_one(Input).value == ""  # not the placeholder statement
        await burst(pilot, *"Grow")
        assert "too short" in shown(app, "live")
        await burst(pilot, *" our reach now")
        assert "'Grow' without a number is vague" in shown(app, "live")
        await burst(pilot, *" to 2000 followers")  # 2000 alone reads as a year
        live = shown(app, "live")
        assert "vague" not in live and "The statement is specific enough." in live
        assert app.plan.objectives[0].statement == "New objective"  # typed, not yet answered


async def test_the_guides_smart_line_is_the_one_the_objectives_form_shows(tmp_path: Path) -> None:
    """Not 'all met' beside a findings panel that lists no target, owner or deadline."""
    async with app_on(tmp_path / "kafe.post.toml") as (app, pilot):
        await answer_people(pilot)
        await choose(pilot, "Talking (marketing)")
        await say(pilot, "Reach 2000 followers in a year")
        await accept(pilot)
        assert asked(app) == "target-metric"  # nothing typed: no target made to foresee
        (objective,) = app.plan.objectives
        rules = {f.rule for f in app.findings if f.subject == objective.id}
        assert {"measurable/no-target", "attractive/no-owner", "time-bound/no-deadline"} <= rules
        form = str(smart_summary(app.flags[objective.id], "en"))
        assert form == "S M A R T   fails: measurable, attractive, time-bound"
        assert shown(app, "live").splitlines()[0] == form
        await say(pilot)  # no target
        assert asked(app) == "objective-deadline"
        assert shown(app, "live").splitlines()[0] == form
        await pilot.press(*DEADLINE.isoformat())  # foreseen as typed
        assert shown(app, "live").splitlines()[0] == "S M A R T   fails: measurable, attractive"
        await pilot.press("ctrl+u")
        assert shown(app, "live").splitlines()[0] == form
        while asked(app) != "objective-another":
            await say(pilot)
        assert str(smart_summary(app.flags[objective.id], "en")) in shown(app, "explanation")


async def test_a_target_where_the_segments_are_not_is_warned_of(tmp_path: Path) -> None:
    async with app_on(tmp_path / "kafe.post.toml") as (app, pilot):
        await say(pilot, "Students")
        await say(pilot)
        await say(pilot)
        await say(pilot, "instagram")
        await choose(pilot, "Not sure yet")
        await choose(pilot, "No, not now")
        await choose(pilot, "No, on to Objectives")
        await skip_period(pilot)
        await choose(pilot, "Talking (marketing)")
        await say(pilot, "Reach 2000 followers by June")
        await burst(pilot, "ctrl+u", *"studnets")
        assert "Unknown segment 'studnets'" in shown(app, "live")
        await say(pilot, "students")
        await say(pilot, "followers")
        assert "Its segments are on: instagram." in shown(app, "explanation")
        await burst(pilot, *"linkedin")
        assert "none of this objective's segments" in shown(app, "live")
        await burst(pilot, "ctrl+u", *"instagram")
        assert "none of this objective's segments" not in shown(app, "live")


async def test_technology_warns_of_a_platform_where_no_segment_is(tmp_path: Path) -> None:
    async with app_on(tmp_path / "kafe.post.toml") as (app, pilot):
        await say(pilot, "Students")
        await say(pilot)
        await say(pilot)
        await say(pilot, "tiktok")
        await choose(pilot, "Not sure yet")
        await choose(pilot, "No, not now")
        await choose(pilot, "No, on to Objectives")
        await skip_period(pilot)
        await choose(pilot, "Not sure yet")
        await say(pilot)
        await say(pilot)
        await say(pilot)
        assert asked(app) == "technology-platforms"
        assert "tiktok: Students" in shown(app, "explanation")
        await burst(pilot, *", linkedin")
        assert "No segment is on linkedin" in shown(app, "live")


# ---- when the guide starts ----


async def test_the_guide_starts_on_a_new_path_and_on_a_plan_fresh_from_new(
    tmp_path: Path,
) -> None:
    fresh = tmp_path / "fresh.post.toml"
    fresh.write_text(dumps(Plan.new("Fresh")), encoding="utf-8")
    for path in (tmp_path / "missing.post.toml", fresh):
        async with app_on(path) as (app, _):
            assert asked(app) == "segment-name"


async def test_the_guide_does_not_start_on_a_sample_plan(tmp_path: Path) -> None:
    path = tmp_path / "kafe.post.toml"
    shutil.copyfile(SAMPLES / "kafe-solsiden.post.toml", path)
    async with app_on(path) as (app, _):
        assert isinstance(app.screen, PostScreen)


async def test_the_palette_and_ctrl_g_start_the_guide_on_a_plan_with_items(
    tmp_path: Path,
) -> None:
    path = tmp_path / "kafe.post.toml"
    shutil.copyfile(SAMPLES / "kafe-solsiden.post.toml", path)
    async with app_on(path, lang="en") as (app, pilot):  # the plan's own language: nb
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await burst(pilot, *"guided start")
        await until(pilot, lambda: palette_first(app) == "Plan: guided start")
        await pilot.press("enter")
        await pilot.pause()
        assert asked(app) == "segment-name"
        count = len(app.plan.people.segments)
        assert f"segment {count + 1}" in shown(app, "progress")  # a new one, after the others
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PostScreen)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert asked(app) == "segment-name"
        assert not app.doc.dirty  # asking changes nothing


async def test_the_guide_speaks_norwegian(tmp_path: Path) -> None:
    async with app_on(tmp_path / "kafe.post.toml", lang="nb") as (app, pilot):
        assert shown(app, "question") == "Gi et navn til en gruppe du vil nå."
        assert "spørsmål 1 av 7" in shown(app, "progress")
        await say(pilot, "Studenter")
        for _ in range(3):
            await say(pilot)
        await choose(pilot, "Funksjonell output")
        assert "Sosialiseringsbrukere 34 %" in shown(app, "explanation")
        await choose(pilot, "Ja: 34/29/23/9/5, juster senere")
        await choose(pilot, "Nei, videre til Objectives")
        assert shown(app, "question") == "Hvilken periode gjelder planen? Fra (ÅÅÅÅ-MM-DD)"
        assert "time-bound/outside-period" in shown(app, "explanation")
        await skip_period(pilot)
        await choose(pilot, "Snakke (markedsføring)")
        assert "S · Spesifikt" in shown(app, "explanation")
        await burst(pilot, *"Øke antall følgere nå")
        assert "vag" in shown(app, "live")
    assert app.plan.objectives[0].kind == "talking"


async def test_plan_text_in_the_guide_is_shown_as_text(tmp_path: Path) -> None:
    name = "Students [@click=app.quit]x[/]"
    async with app_on(tmp_path / "kafe.post.toml") as (app, pilot):
        await answer_people_quickly(pilot, name)
        await choose(pilot, "No, on to Objectives")
        await skip_period(pilot)
        await choose(pilot, "Not sure yet")
        await say(pilot, "Reach 2000 followers by June")
        assert asked(app) == "objective-segments"
        listed = "students-click-app-quit-x: Students [@click=app.quit]x[/]"
        assert listed in shown(app, "explanation")
        assert app.is_running


# ---- ids ----


def norwegian_plan(path: Path) -> Path:
    plan = Plan.new("Kafe")
    plan.plan = PlanInfo(title="Kafe", language="nb")
    path.write_text(dumps(plan), encoding="utf-8")
    return path


async def test_ids_are_whole_words_of_the_plans_language(tmp_path: Path) -> None:
    path = norwegian_plan(tmp_path / "kafe.post.toml")
    async with app_on(path, lang="en") as (app, pilot):  # spoken: English; the plan: Norwegian
        await say(pilot, "Lokale familier i Tromsø som handler på lørdager")
        for _ in range(3):
            await say(pilot)
        await choose(pilot, "Not sure yet")
        await choose(pilot, "No, not now")
        await choose(pilot, "Yes, another segment")
        await say(pilot, "!!!")  # nothing to make an id of: the plan's word for a segment
        for _ in range(3):
            await say(pilot)
        await choose(pilot, "Not sure yet")
        await choose(pilot, "No, not now")
        await choose(pilot, "No, on to Objectives")
        await skip_period(pilot)
        await choose(pilot, "Talking (marketing)")  # begun by its kind: 'mal' till named
        assert app.plan.objectives[0].id == "mal"
        await say(pilot, "Nå 2 000 følgere på Instagram innen juni")
        assert asked(app) == "objective-segments"  # the objective is still the one asked about
        await say(pilot, "lokale-familier-i-tromso")
        while asked(app) != "objective-another":
            await say(pilot)
        await choose(pilot, "No, on to Strategy")
        await say(pilot)
        await say(pilot, "Ukentlige reels fra kjøkken til kafeen")
        await pilot.press("escape")
        await pilot.pause()
        plan = app.plan
    assert [s.id for s in plan.people.segments] == ["lokale-familier-i-tromso", "malgruppe"]
    (objective,) = plan.objectives
    assert objective.id == "na-2000-folgere-pa-instagram"  # 28: '...-innen' would be 34
    assert objective.segments == ["lokale-familier-i-tromso"]
    (initiative,) = plan.strategy.initiatives
    assert initiative.id == "ukentlige-reels-fra-kjokken"  # not '...-til'
    assert initiative.objectives == [objective.id]


async def test_undoing_the_statement_that_named_an_objective_keeps_to_it(tmp_path: Path) -> None:
    async with app_on(tmp_path / "kafe.post.toml") as (app, pilot):
        await answer_people_quickly(pilot, "Locals")
        await choose(pilot, "No, on to Objectives")
        await skip_period(pilot)
        await choose(pilot, "Talking (marketing)")
        await say(pilot, "Reach 500 members by May")
        assert [o.id for o in app.plan.objectives] == ["reach-500-members-by-may"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [o.id for o in app.plan.objectives] == ["objective"]
        assert asked(app) == "objective-segments"  # about the objective, by the id it has now
        await pilot.press("shift+tab")
        assert asked(app) == "objective-statement"
        await say(pilot, "Reach 600 members by May")
        assert asked(app) == "objective-segments"
        ((kind, made),) = [(o.kind, o.id) for o in app.plan.objectives]  # no second one
        assert (kind, made) == ("talking", "reach-600-members-by-may")


# ---- posttui new ----


def posttui_new(tmp_path: Path, *args: str, tty: bool = False) -> subprocess.CompletedProcess[str]:
    """`posttui new` as a script runs it (pipes), or with a terminal for stdin and stdout."""
    if not tty:
        return subprocess.run(
            [str(POSTTUI), "new", *args], cwd=tmp_path, capture_output=True, text=True, timeout=60
        )
    leader, follower = pty.openpty()
    try:
        return subprocess.run(
            [str(POSTTUI), "new", *args],
            cwd=tmp_path,
            stdin=follower,
            stdout=follower,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(follower)
        os.close(leader)


@pytest.mark.parametrize("tty", [False, True], ids=["piped", "no-guide-on-a-terminal"])
def test_new_only_creates_the_file_without_a_terminal_or_with_no_guide(
    tmp_path: Path, tty: bool
) -> None:
    result = posttui_new(tmp_path, "kafe.post.toml", *(["--no-guide"] if tty else []), tty=tty)
    assert result.returncode == 0, result.stderr
    assert load(tmp_path / "kafe.post.toml").plan.plan.title == "Kafe"


def test_new_on_a_terminal_opens_the_guide(tmp_path: Path) -> None:
    from support.terminal import Terminal  # skips this test where tmux is missing

    with Terminal("new", "kafe.post.toml", "--lang", "en", cwd=tmp_path) as term:
        term.wait_for("Name a group you want to reach.")
        term.text("Studenter i Trondheim")
        term.keys("Enter")
        term.wait_for("Who are they")
        term.keys("Escape")
        term.wait_for("Left the guide")
        term.keys("C-s")
        term.wait_for("Saved kafe.post.toml")
        term.keys("C-q")
        assert term.exit_status() == 0
    (segment,) = load(tmp_path / "kafe.post.toml").plan.people.segments
    assert segment.name == "Studenter i Trondheim"
