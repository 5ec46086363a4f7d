"""The real console script in a real terminal (tmux): edit by keys, save, check file and panel."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from posttui.core.loader import load
from terminal import Terminal

SAMPLES = Path(__file__).parent.parent / "sample_plans"


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[tuple[Terminal, Path]]:
    plan = tmp_path / "nordlys.post.toml"
    shutil.copy(SAMPLES / "nordlys-analytics.post.toml", plan)
    with Terminal(str(plan)) as term:
        yield term, plan


def test_edit_a_statement_by_keys_save_and_quit(terminal: tuple[Terminal, Path]) -> None:
    term, plan = terminal
    term.wait_for("Nordlys Analytics")
    before = term.wait_for("Findings (10)")
    assert "specific/vague" in before

    term.keys("F3")
    term.wait_for("Objectives: what do you want")
    time.sleep(1)  # a person looks at a new screen before typing; Textual settles meanwhile
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
    assert term.exit_status() == 0, "the app did not quit after a save"


def test_a_broken_plan_is_explained_left_alone_and_exits_2(tmp_path: Path) -> None:
    plan = tmp_path / "broken.post.toml"
    plan.write_text('format = 1\n[plan]\ntitle = "T"\n<<<<<<< ours\nnotes = "a"\n=======\n')
    before = plan.read_bytes()
    with Terminal(str(plan), "--lang", "en") as term:  # the file names no language
        screen = term.wait_for("Could not open")
        assert "conflict marker <<<<<<<" in " ".join(screen.split())  # long lines wrap
        assert "Traceback" not in screen
        term.keys("C-s")  # nothing to save: the file stays as it is
        term.keys("q")
        assert term.exit_status() == 2
    assert plan.read_bytes() == before
