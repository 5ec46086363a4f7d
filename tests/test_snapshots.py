"""Each POST screen on a sample plan, at a fixed size, against reviewed SVG snapshots."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from posttui.ui.app import PostApp
from posttui.ui.screens.base import PostScreen
from support.hostile import hostile_plan, plain_then_hostile, write_plan
from support.plans import SAMPLES

SIZE = (120, 40)


def showing(keys: list[str]) -> Any:
    """Press `keys`, then stop every cursor blinking so the snapshot is steady."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.press(*keys)
        await pilot.pause()
        for widget in pilot.app.screen.query(Input):
            widget.cursor_blink = False
        for area in pilot.app.screen.query(TextArea):
            area.cursor_blink = False
        await pilot.pause()
        # Drawn again: with blink off, a TextArea keeps a line drawn before its focus came
        # (its line cache leaves the focus out of the key), and the cursor would be missing.
        for area in pilot.app.screen.query(TextArea):
            area.notify_style_update()
            area.refresh()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize(
    ("plan", "keys"),
    [
        ("kafe-solsiden", []),
        ("kafe-solsiden", ["f3"]),
        ("kafe-solsiden", ["f4"]),
        ("kafe-solsiden", ["f5"]),
        ("nordlys-analytics", ["f3"]),
        ("nordlys-analytics", ["f5"]),
    ],
    ids=["people", "objectives", "strategy", "technology", "findings", "matrix-absent"],
)
def test_screen(snap_compare: Any, tmp_path: Path, plan: str, keys: list[str]) -> None:
    # A copy outside any git repository: the screens look the same wherever tests run.
    copy = tmp_path / f"{plan}.post.toml"
    shutil.copy(SAMPLES / copy.name, copy)
    app = PostApp(copy)
    assert snap_compare(app, terminal_size=SIZE, run_before=showing(keys))


def opened_then(keys: list[str]) -> Any:
    """Wait for the plan (f6 and f7 need it), and for the marks of fields changed since
    the last commit (half a second later), then press `keys` as `showing` does."""

    async def run_before(pilot: Pilot[Any]) -> None:
        while not isinstance(pilot.app.screen, PostScreen):
            await pilot.pause(0.05)
        await pilot.pause(1)
        await showing(keys)(pilot)

    return run_before


@pytest.mark.parametrize(
    "keys",
    [[], ["f3"], ["f4"], ["f5"], ["f6"]],
    ids=["people", "objectives", "strategy", "technology", "details"],
)
def test_hostile_screen(snap_compare: Any, tmp_path: Path, keys: list[str]) -> None:
    """Markup, escape sequences, bidi controls, invisible and wide characters in every
    text field: shown as typed or escaped, aligned by terminal cells."""
    path = write_plan(tmp_path / "hostile.post.toml", hostile_plan())
    app = PostApp(path, lang="en")
    assert snap_compare(app, terminal_size=SIZE, run_before=opened_then(keys))


def test_hostile_changes(snap_compare: Any, tmp_path: Path) -> None:
    """The changes since the last commit (f7) when the new values are hostile."""
    path = plain_then_hostile(tmp_path / "hostile.post.toml")
    app = PostApp(path, lang="en")
    assert snap_compare(app, terminal_size=SIZE, run_before=opened_then(["f7"]))


# ---- Every size a terminal is likely to have: the layout adapts ----

SIZES = [(80, 24), (100, 30), (120, 40), (200, 60)]
SIZE_IDS = ["80x24", "100x30", "120x40", "200x60"]


def opened_showing(keys: list[str]) -> Any:
    """Wait for the plan's first screen (or the guided start), then press `keys`."""

    async def run_before(pilot: Pilot[Any]) -> None:
        from posttui.ui.screens.guide import GuideScreen

        while not isinstance(pilot.app.screen, PostScreen | GuideScreen):
            await pilot.pause(0.05)
        await pilot.pause(0.2)
        await showing(keys)(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
@pytest.mark.parametrize(
    ("plan", "keys"),
    [
        ("kafe-solsiden", []),
        ("kafe-solsiden", ["f3", "enter"]),
        ("kafe-solsiden", ["f4"]),
        ("nordlys-analytics", ["f5"]),
        ("nordlys-analytics", ["f3", "f8"]),
        ("nordlys-analytics", ["f3", "f1"]),
    ],
    ids=["people", "objectives", "strategy", "technology", "findings-drawer", "help"],
)
def test_screen_at_size(
    snap_compare: Any, tmp_path: Path, plan: str, keys: list[str], size: tuple[int, int]
) -> None:
    copy = tmp_path / f"{plan}.post.toml"
    shutil.copy(SAMPLES / copy.name, copy)
    app = PostApp(copy)
    assert snap_compare(app, terminal_size=size, run_before=opened_showing(keys))


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_guide_at_size(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    """The guided start on a new plan: a segment named, then the linkage's choices."""
    app = PostApp(tmp_path / "new.post.toml", lang="en")
    keys = [*"Students in Trondheim", "enter", "enter", "enter", "enter"]
    assert snap_compare(app, terminal_size=size, run_before=opened_showing(keys))


def test_every_snapshot_has_its_test() -> None:
    """syrupy fails a run that leaves a snapshot unused, but not under pytest-xdist (each
    worker sees only its own tests), and the suite runs on xdist: a renamed or removed
    test would leave its SVG behind unnoticed."""
    folder = Path(__file__).parent / "__snapshots__"
    modules = sorted(path.name for path in folder.iterdir() if path.is_dir())
    assert "test_snapshots" in modules
    collect = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-n", "0"]
    files = [f"tests/{module}.py" for module in modules]
    done = subprocess.run(
        [*collect, "-p", "no:cacheprovider", *files],
        cwd=folder.parent.parent,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    collected = {line.strip() for line in done.stdout.splitlines() if "::" in line}
    snapshots = {
        f"tests/{module}.py::{svg.stem}"
        for module in modules
        for svg in (folder / module).glob("*.svg")
    }
    assert snapshots <= collected, sorted(snapshots - collected)
