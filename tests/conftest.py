"""Fixtures every test shares."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from support.editing import editing
from support.plans import KAFE, sample_plan


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """Two workers per core for `-n auto`: many tests wait (on tmux, a subprocess, the
    editor's timers), and the second worker keeps the core busy meanwhile. On 2 cores
    the suite takes 4.0-4.8 minutes so, against 6.3-7.2 with one worker per core."""
    return 2 * len(os.sched_getaffinity(0))


@pytest.fixture(autouse=True)
def settings_file(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """A settings file of the test's own (none at first): no test reads or writes the
    settings of whoever runs the tests, nor the posttui processes it starts."""
    path = tmp_path_factory.mktemp("settings") / "config.toml"
    monkeypatch.setenv("POSTTUI_CONFIG", str(path))
    return path


@pytest.fixture(autouse=True)
def terminal_size_from_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """No COLUMNS or LINES in the environment: posttui, started by a test on a pty or in
    tmux, takes its size from its terminal. pytest-xdist's workers have COLUMNS=80 and
    LINES=24 in theirs, which Textual would read first (shutil.get_terminal_size), and
    the editor in a 120x40 tmux pane drew itself at 80x24."""
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)


@pytest.fixture
def plan_copy(tmp_path: Path) -> Callable[[str], Path]:
    """Copies a sample plan (by its name, without .post.toml) into tmp_path."""

    def copy(name: str = KAFE) -> Path:
        path = tmp_path / f"{name}.post.toml"
        shutil.copyfile(sample_plan(name), path)
        return path

    return copy


@pytest.fixture
def editor() -> Callable[..., contextlib.AbstractAsyncContextManager[tuple[Any, Any]]]:
    """`async with editor(path, size=(120, 40), lang="en") as (app, pilot)`: the real app
    on `path`, its plan loaded (or its load error shown); `support.editing.editing`."""
    return editing
