"""The editor as a test drives it: the real app opened on a plan at a terminal size,
its plan loaded, and helpers to move around, type, pick and read the screen.

    async with editing(path) as (app, pilot):   # or the `editor` fixture in conftest.py
        await tab_to(pilot, "objectives[0].owner")
        await retype(pilot, "Kari")
        assert "Kari" in screen_text(app)

`editing` is the one way tests open the app: on `path`, at 120x40 in English unless told
otherwise (the samples are partly Norwegian; tests/test_app_nb.py has it in Norwegian).
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from rich.console import Console
from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import OptionList

from posttui.ui.app import PostApp
from posttui.ui.widgets.fields import BoundField, ChoiceBox
from posttui.ui.widgets.picker import Picker, folded

SIZE = (120, 40)


async def opened(pilot: Pilot[int]) -> None:
    """Wait until the app has loaded its plan and shows its first screen (or shows why it
    could not load it)."""
    app = pilot.app
    assert isinstance(app, PostApp)
    for _ in range(100):
        if (app.plan_loaded and app.screen.is_mounted) or app.load_error is not None:
            break
        await pilot.pause()
    await pilot.pause()


def built(app: PostApp, mode: str) -> Screen[Any] | None:
    """The screen of `mode` if the app has built it, shown or not (else None)."""
    try:
        stack = app.get_screen_stack(mode)
    except KeyError:
        return None
    return stack[0] if stack and stack[0].is_mounted else None


async def being_built(app: PostApp, mode: str) -> Screen[Any]:
    """Wait, a turn of the event loop at a time, until the app has made the screen of
    `mode` to build it ahead: returned before it is mounted."""
    for _ in range(100_000):
        with contextlib.suppress(KeyError):
            if stack := app.get_screen_stack(mode):
                return stack[0]
        await asyncio.sleep(0)
    raise AssertionError(f"{mode} was not built ahead")


async def built_ahead(pilot: Pilot[int]) -> None:
    """Wait until the app has built every screen (PostApp.build_ahead)."""
    app = pilot.app
    assert isinstance(app, PostApp)
    for _ in range(100):
        if all(built(app, mode) for mode in app.MODES):
            return
        await pilot.pause(0.05)
    raise AssertionError(f"screens not built: {[m for m in app.MODES if not built(app, m)]}")


@contextlib.asynccontextmanager
async def editing(
    path: Path,
    *,
    size: tuple[int, int] = SIZE,
    lang: str | None = "en",
    build_ahead: bool = True,
    **options: Any,
) -> AsyncIterator[tuple[PostApp, Pilot[int]]]:
    """The app on `path` at `size`, in `lang` (None: the plan's or the locale's), with
    its plan loaded (or its load error shown); `build_ahead` as PostApp's; `options` go
    to `run_test` (`notifications=True`, say)."""
    app = PostApp(path, lang=lang, build_ahead=build_ahead)
    async with app.run_test(size=size, **options) as pilot:
        await opened(pilot)
        yield app, pilot


def screen_text(app: PostApp) -> str:
    """What the terminal shows, as plain text (the dialogs with what is behind them)."""
    console = Console(
        width=app.size.width,
        height=app.size.height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text(styles=False)


def field_of(app: PostApp) -> BoundField | None:
    """The form field whose editor has the focus."""
    focused = app.focused
    if focused is None:
        return None
    for node in focused.ancestors_with_self:
        if isinstance(node, BoundField):
            return node
    return None


async def tab_to(pilot: Pilot[int], path: str, *, key: str = "tab") -> BoundField:
    """Press tab until the field editing `path` ('objectives[0].owner') has the focus."""
    for _ in range(60):
        field = field_of(pilot.app)
        if field is not None and field.path == path:
            return field
        await pilot.press(key)
    raise AssertionError(f"tab never reached {path}; focus is on {pilot.app.focused!r}")


async def burst(pilot: Pilot[int], *keys: str) -> None:
    """Press `keys` (key names or characters, as `Pilot.press` takes them) all at once,
    as a terminal delivers a fast typist's keys, and wait until the app has handled
    them. The app takes them in turn (tests/test_keys.py), so this types what a press
    per key types, many times faster."""
    app = pilot.app
    assert isinstance(app, PostApp)
    for key in keys:
        if len(key) == 1:
            app.post_message(events.Key(_character_to_key(key), key))
        else:
            app.post_message(events.Key(key, " " if key == "space" else None))
    await app.gate.settled()
    await pilot.pause()


async def retype(pilot: Pilot[int], text: str) -> None:
    """Clear the focused one-line input and type `text`."""
    await burst(pilot, "end", "ctrl+u", *text)


async def pick(pilot: Pilot[int], label: str) -> None:
    """Open the focused choice's list with enter, filter it by `label`, choose with enter."""
    assert isinstance(pilot.app.focused, ChoiceBox)
    await pilot.press("enter")
    await pilot.pause()
    picker = pilot.app.screen
    assert isinstance(picker, Picker)
    await pilot.press(*folded(label))
    await pilot.pause()
    option = picker.query_one(OptionList).highlighted_option
    assert option is not None and str(option.prompt).endswith(f") {label}"), option
    await pilot.press("enter")
    await pilot.pause()


def committed(path: Path) -> None:
    """`path` committed in a new git repository in its folder (so that the changes view,
    f7, has a last commit to compare with)."""
    folder = path.parent
    for args in (
        ["init", "-q"],
        ["config", "user.email", "team@example.com"],
        ["config", "user.name", "Team"],
        ["add", path.name],
        ["commit", "-qm", "plan"],
    ):
        subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)
