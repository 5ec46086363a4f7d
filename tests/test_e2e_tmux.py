"""The real console script in a real terminal (tmux): edit by keys, save, check file and panel."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from posttui.core.loader import load

SAMPLES = Path(__file__).parent.parent / "sample_plans"
POSTTUI = Path(sys.executable).with_name("posttui")

if shutil.which("tmux") is None:
    if os.environ.get("POSTTUI_REQUIRE_TMUX"):
        raise RuntimeError("tmux is required here (POSTTUI_REQUIRE_TMUX is set) but missing")
    pytest.skip("tmux is not installed", allow_module_level=True)


class Terminal:
    def __init__(self, name: str) -> None:
        self.name = name

    def keys(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def text(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-l", "-t", self.name, *keys], check=True)

    def screen(self) -> str:
        result = subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.name], capture_output=True, text=True
        )
        return result.stdout

    def wait_for(self, text: str, timeout: float = 15) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never showed; the screen was:\n{self.screen()}")

    def running(self) -> bool:
        result = subprocess.run(
            ["tmux", "list-panes", "-t", self.name, "-F", "#{pane_dead}"],
            capture_output=True,
            text=True,
        )
        return result.returncode == 0 and result.stdout.strip() == "0"


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[tuple[Terminal, Path]]:
    plan = tmp_path / "nordlys.post.toml"
    shutil.copy(SAMPLES / "nordlys-analytics.post.toml", plan)
    name = f"posttui-{uuid.uuid4().hex[:8]}"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", name, "-x", "120", "-y", "40",
         f"{POSTTUI} {plan}; sleep 5"],
        check=True,
        env={**os.environ, "TERM": "xterm-256color"},
    )  # fmt: skip
    subprocess.run(["tmux", "set-option", "-t", name, "remain-on-exit", "on"], check=False)
    try:
        yield Terminal(name), plan
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], check=False)


def test_edit_a_statement_by_keys_save_and_quit(terminal: tuple[Terminal, Path]) -> None:
    term, plan = terminal
    term.wait_for("Nordlys Analytics")
    before = term.wait_for("Findings (10)")
    assert "specific/vague" in before

    term.keys("F3")
    term.wait_for("Objectives: what do you want")
    time.sleep(0.5)  # a person looks at a new screen before typing; Textual focuses it meanwhile
    term.keys("Enter")  # from the objective list into the first field, the statement
    term.keys("End")
    term.text(" from 2 to 6 posts a month")
    after = term.wait_for("Findings (9)")
    assert "specific/vague" not in after
    term.wait_for("● unsaved")

    term.keys("C-s")
    term.wait_for("Saved nordlys.post.toml")
    statement = load(plan).plan.objectives[0].statement
    assert statement == "Improve our brand on LinkedIn from 2 to 6 posts a month"

    term.keys("C-q")
    deadline = time.monotonic() + 10
    while "Nordlys Analytics" in term.screen() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert "Nordlys Analytics" not in term.screen(), "the app did not quit after a save"


def test_a_broken_plan_is_explained_left_alone_and_exits_2(tmp_path: Path) -> None:
    plan = tmp_path / "broken.post.toml"
    plan.write_text('format = 1\n[plan]\ntitle = "T"\n<<<<<<< ours\nnotes = "a"\n=======\n')
    before = plan.read_bytes()
    name = f"posttui-{uuid.uuid4().hex[:8]}"
    command = f"{POSTTUI} {plan} --lang en; echo exit=$?; sleep 5"  # it names no language
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", name, "-x", "120", "-y", "40", command], check=True
    )
    term = Terminal(name)
    try:
        screen = term.wait_for("Could not open")
        assert "conflict marker <<<<<<<" in screen
        assert "Traceback" not in screen
        term.keys("C-s")  # nothing to save: the file stays as it is
        term.keys("q")
        term.wait_for("exit=2")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], check=False)
    assert plan.read_bytes() == before
