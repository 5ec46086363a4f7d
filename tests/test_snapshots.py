"""Each POST screen on a sample plan, at a fixed size, against reviewed SVG snapshots."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from posttui.ui.app import PostApp

SAMPLES = Path(__file__).parent.parent / "sample_plans"
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
