"""Keys typed in a burst (a fast typist, keys batched over ssh, a busy machine) do what
the same keys do typed one at a time: each goes where the keys before it left the focus.

Textual hands a key to the focused widget and goes on to the next at once, so a key
typed right after enter in a list went to the list, not to the field enter opened.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from posttui.ui.app import PostApp
from support.editing import burst, editing, field_of, tab_to
from support.plans import NORDLYS, sample_plan

# Keys that move the focus, change the screen or the plan, and text.
KEYS = [
    "enter", "tab", "shift+tab", "escape", "end", "home", "down", "up", "f2", "f3", "f4",
    "f5", "n", "x", "7", "space", "backspace", "ctrl+z", "ctrl+n", "ctrl+l",
]  # fmt: skip


async def one_at_a_time(pilot: Pilot[int], *keys: str) -> None:
    """Each key pressed once the app has handled the one before."""
    app = pilot.app
    assert isinstance(app, PostApp)
    for key in keys:
        await pilot.press(key)
        await app.gate.settled()


def where(app: PostApp) -> dict[str, Any]:
    """What a user sees of the outcome: the screen, the plan, where the focus is and
    what the focused editor shows."""
    field, focused = field_of(app), app.focused
    shown = focused.value if isinstance(focused, Input) else None
    if isinstance(focused, TextArea):
        shown = focused.text
    return {
        "screen": type(app.screen).__name__,
        "plan": app.plan.model_dump(),
        "focus": (type(focused).__name__, field.path if field else getattr(focused, "id", None)),
        "shown": shown,
    }


async def typed(keys: list[str], *, at_once: bool) -> dict[str, Any]:
    """Where `keys` leave a copy of the Nordlys plan (a copy of its own: an edited plan
    left unsaved leaves a journal, which the next app to open it would offer back)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.post.toml"
        path.write_bytes(sample_plan(NORDLYS).read_bytes())
        return await typed_into(path, keys, at_once=at_once)


async def typed_into(path: Path, keys: list[str], *, at_once: bool) -> dict[str, Any]:
    async with editing(path) as (app, pilot):
        await (burst if at_once else one_at_a_time)(pilot, *keys)
        await pilot.pause()
        return where(app)


@pytest.mark.parametrize(
    "keys",
    [
        ["enter", "end", *" (Nordics)"],  # into the form from the list
        ["f3", "enter", "end", *" from 2 to 6 posts a month"],  # to a screen, then in
        ["f3", "enter", "end", "enter", "end", *"-x"],  # a statement's enter goes on
        ["enter", "tab", "end", *"-y", "tab", "tab", "end", *"9"],  # from field to field
        ["f4", "n", *"Quiz"],  # a new item: its placeholder replaced
        ["f3", "enter", "escape", "down", "enter", "end", *" z"],  # back to the list
        ["n", "f5", "ctrl+z", "f2", "x"],  # an add undone elsewhere: the list drawn as it is
        ["f3", "ctrl+n", "7", "7", "tab"],  # a new target: its first cell, focused a frame later
    ],
)
async def test_a_burst_of_keys_does_what_the_keys_do_one_at_a_time(keys: list[str]) -> None:
    slowly = await typed(keys, at_once=False)
    at_once = await typed(keys, at_once=True)
    assert at_once == slowly


async def test_text_typed_in_a_burst_after_enter_lands_in_the_field(plan_copy) -> None:
    async with editing(plan_copy(NORDLYS)) as (app, pilot):
        await burst(pilot, "f3", "enter", "end", *" from 2 to 6 posts a month")
        statement = app.plan.objectives[0].statement
        assert statement == "Improve our brand on LinkedIn from 2 to 6 posts a month"
        assert len(app.plan.objectives) == 7  # the 'n' of 'month' added no objective


async def test_settled_waits_for_keys_the_app_has_not_taken_yet(plan_copy) -> None:
    """Keys posted all at once are held only as the app takes them from its queue:
    waiting for them to settle waits for the last, not only for the app to go quiet
    (on a busy machine the outcome of a burst was read with its last enter held)."""
    async with editing(plan_copy(NORDLYS)) as (app, _pilot):
        for key in ["n", "enter", "space", "enter", "enter"]:
            app.post_message(events.Key(key, {"n": "n", "space": " "}.get(key)))
        await app.gate.settled()
        assert not app.gate.busy
        assert type(app.focused).__name__ == "Filter"  # the last enter listed the choices


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(keys=st.lists(st.sampled_from(KEYS), min_size=1, max_size=12))
def test_any_burst_of_keys_does_what_the_keys_do_one_at_a_time(keys: list[str]) -> None:
    async def both() -> tuple[dict[str, Any], dict[str, Any]]:
        return await typed(keys, at_once=False), await typed(keys, at_once=True)

    slowly, at_once = asyncio.run(both())
    assert at_once == slowly


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)])
async def test_every_frame_shows_the_text_typed_with_its_findings(
    plan_copy: Any, size: tuple[int, int]
) -> None:
    """A frame drawn while typing never shows the text with the findings of the text
    before it: the digit that makes a statement measurable and the finding that goes
    with it show in one frame (not the digit first, and the finding a frame or two
    later, which a typist sees flicker and which costs a frame per key)."""
    async with editing(plan_copy(NORDLYS), size=size) as (app, pilot):
        await pilot.press("f3")
        await pilot.pause()
        editor = (await tab_to(pilot, "objectives[0].statement")).query_one(TextArea)
        frames: list[tuple[bool, bool]] = []  # (a digit shown, the vague finding shown)
        display = app._display

        def drawn(screen: Any, update: Any) -> None:
            display(screen, update)
            if update is not None:
                vague = any(f.path == "objectives[0].statement" for f in app.findings)
                frames.append((any(c.isdigit() for c in editor.text), vague))

        app._display = drawn  # type: ignore[method-assign]
        for key in ["end", "space", "1", "backspace", "2", "backspace"]:
            await pilot.press(key)
            await pilot.pause()
        assert (True, False) in frames and (False, True) in frames
        assert all(digit != vague for digit, vague in frames), frames
