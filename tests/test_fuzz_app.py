"""Fuzzing the app: random keys on every screen never crash it, and never leave a
saved file that does not load.

Hypothesis draws the keys (derandomized: the same sequences in every run). One
example is one app on a fresh copy of a sample plan in a git repository (so that
the changes view opens too), driven through several key sequences, each typed at once
as a terminal may deliver a fast typist's keys; after each sequence the app must still
run, and every plan file in the folder must load.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import itertools
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.command import CommandPalette

from posttui.core.loader import load
from posttui.core.writer import TEMP_SUFFIX
from posttui.ui.app import PostApp
from posttui.ui.screens.dialogs import PlanDetails
from support.editing import burst, committed, editing
from support.plans import KAFE, NORDLYS, TROMSO, sample_plan

# Every key the app or its widgets bind, and typing: what a user might press. Not
# ctrl+q, which ends the run, nor ctrl+p: the palette's commands reach outside the
# app (a screenshot into the Downloads folder, say); a test below covers its crash.
STEPS = ["f2", "f3", "f4", "f5"]
KEYS = [
    *STEPS,
    *["f1", "f6", "f7", "ctrl+g", "ctrl+s", "ctrl+z", "ctrl+y", "ctrl+n", "insert"],
    *["tab", "shift+tab", "up", "down", "left", "right", "home", "end", "pageup", "pagedown"],
    *["shift+up", "shift+down", "enter", "escape", "space", "backspace", "delete", "ctrl+u"],
    *["n", "d", "a", "x", "y", "q", "0", "7", "-", ",", ".", "ø", "[", "/", "@", "\u202e"],
]
# Not a key: a pause, in which the timers fire between two keys as they do for a
# user (the changes marked, the recovery file written, the file on disk looked at).
WAIT, WAIT_SECONDS = "wait", 0.6
# Short sequences, many of them: the app is checked after each one. 12 apps of 25
# sequences: 300 sequences, some 600 keys, about a minute.
sequences = st.lists(st.sampled_from([*KEYS, WAIT]), min_size=1, max_size=3)
APPS, SEQUENCES = 12, 25


def plan_in_git(folder: Path, name: str) -> Path:
    path = folder / f"{name}.post.toml"
    shutil.copyfile(sample_plan(name), path)
    committed(path)
    return path


Files = dict[Path, tuple[int, int]]


def on_disk(folder: Path) -> Files:
    """The files of `folder` with their size and time of change: what a save changes."""
    files = {}
    for path in folder.iterdir():
        with contextlib.suppress(FileNotFoundError):  # a temp file renamed meanwhile
            stat = path.stat()
            files[path] = (stat.st_size, stat.st_mtime_ns)
    return files


def assert_saved_files_load(app: PostApp, folder: Path, before: Files) -> Files:
    """What the app wrote since `before` loads; when the app says its plan is saved,
    the file holds that plan. No temp file of a save of a plan is left behind (the
    recovery file is written in the background: its temp file may come and go)."""
    now = on_disk(folder)
    temp_of_a_plan = tuple(f".{path.name}." for path in now if path.name.endswith(".post.toml"))
    left = [p for p in now if p.name.endswith(TEMP_SUFFIX) and p.name.startswith(temp_of_a_plan)]
    assert not left, "a save left its temp file"
    for path, stamp in now.items():
        if stamp != before.get(path) and path.name.endswith(".post.toml"):
            plan = load(path).plan
            if path == app.path and not app.doc.dirty:
                assert plan == app.plan, "the app says it is saved, but the file differs"
    return now


async def drive(path: Path, start: str, keys: list[list[str]]) -> None:
    try:
        async with editing(path) as (app, pilot):
            await pilot.press(start)
            files = on_disk(path.parent)
            for sequence in keys:
                for waiting, run in itertools.groupby(sequence, lambda key: key == WAIT):
                    await (pilot.pause(WAIT_SECONDS) if waiting else burst(pilot, *run))
                assert app.return_code is None, f"the app stopped after {sequence}"
                files = assert_saved_files_load(app, path.parent, files)
    finally:
        # The app freezes what it loaded for good (gc.freeze: one app per process);
        # a dozen apps in one test process would keep all of it.
        gc.unfreeze()


@settings(
    max_examples=APPS,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    name=st.sampled_from([KAFE, NORDLYS, TROMSO]),
    start=st.sampled_from(STEPS),
    keys=st.lists(sequences, min_size=SEQUENCES, max_size=SEQUENCES),
)
def test_random_keys_never_crash_the_app(
    tmp_path_factory: pytest.TempPathFactory, name: str, start: str, keys: list[list[str]]
) -> None:
    path = plan_in_git(tmp_path_factory.mktemp("app"), name)
    asyncio.run(drive(path, start, keys))


# ---- crashes the fuzzing found ----


async def test_ctrl_p_with_the_palette_under_a_dialog_does_not_crash(tmp_path: Path) -> None:
    # ctrl+p, then f6 (the plan's details open above the palette), then ctrl+p again:
    # a second palette had the first one's id, and Textual stopped the app.
    path = plan_in_git(tmp_path, KAFE)
    async with editing(path) as (app, pilot):
        await pilot.press("ctrl+p", "f6", "ctrl+p")
        await pilot.pause()
        assert app.return_code is None
        assert [type(screen) for screen in app.screen_stack].count(CommandPalette) == 1
        assert isinstance(app.screen, PlanDetails)
