"""The real console script in a real terminal (tmux): edit by keys, save, check file and panel."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from posttui.core import paths
from posttui.core.loader import load
from support.plans import SAMPLES
from support.terminal import Terminal


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[tuple[Terminal, Path]]:
    plan = tmp_path / "nordlys.post.toml"
    shutil.copy(SAMPLES / "nordlys-analytics.post.toml", plan)
    with Terminal(str(plan)) as term:
        yield term, plan


def test_edit_a_statement_by_keys_save_and_quit(terminal: tuple[Terminal, Path]) -> None:
    term, plan = terminal
    term.wait_for("Nordlys Analytics")
    before = term.wait_for("Findings (13)")
    assert "specific/vague" in before

    term.keys("F3")
    term.wait_for("Objectives: what do you want")
    term.settled()  # a person looks at a new screen before typing; Textual settles meanwhile
    term.keys("Enter")  # from the objective list into the first field, the statement
    term.keys("End")
    term.text(" from 2 to 6 posts a month")
    after = term.wait_for("Findings (12)")
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


@pytest.mark.parametrize(
    ("key", "section", "field", "tabs"),
    [
        ("F2", "people.segments", "name", 1),
        ("F3", "objectives", "statement", 1),
        ("F4", "strategy.initiatives", "description", 2),  # after the relationship
        ("F5", "technology.platforms", "name", 2),  # after the id
    ],
)
def test_delete_then_type_edits_the_item_shown(
    tmp_path: Path, key: str, section: str, field: str, tabs: int
) -> None:
    """The sequence that once wrote into the next item: list, delete, tab, type, save."""
    plan = tmp_path / "nordlys.post.toml"
    shutil.copy(SAMPLES / "nordlys-analytics.post.toml", plan)
    before = paths.get(load(plan).plan, section)
    with Terminal(str(plan), "--lang", "en") as term:
        term.wait_for("Findings (")
        term.keys(key)
        term.settled()
        term.keys("Escape", "Home", "d")
        term.wait_for("ctrl+z brings it back")
        term.keys(*["Tab"] * tabs)
        term.settled(0.5)
        term.text("!")
        term.settled(0.5)
        term.keys("C-s")
        term.wait_for("Saved nordlys.post.toml")
        term.keys("C-q")
        assert term.exit_status() == 0
    after = paths.get(load(plan).plan, section)
    assert [item.id for item in after] == [item.id for item in before[1:]]
    assert getattr(after[0], field) == getattr(before[1], field) + "!"  # the item shown
    assert [getattr(i, field) for i in after[1:]] == [getattr(i, field) for i in before[2:]]


def test_pick_rename_and_carry_through(tmp_path: Path) -> None:
    """By keys alone: pick a segment with ctrl+o, rename the objective's id in Norwegian
    letters, and find the file holding what the screen showed."""
    plan = tmp_path / "nordlys.post.toml"
    shutil.copy(SAMPLES / "nordlys-analytics.post.toml", plan)
    before = load(plan).plan
    with Terminal(str(plan), "--lang", "en") as term:
        term.wait_for("Findings (")
        term.keys("F3")
        term.wait_for("Objectives: what do you want")
        term.settled()  # a person looks at a new screen before typing
        term.keys("Down")
        term.wait_for("Grow LinkedIn company page followers from 500")  # in the form
        term.keys("Enter")
        term.settled(0.5)
        term.keys("Tab")  # from the statement to the id
        term.settled(0.5)
        term.keys("C-u")
        # A binding's key reaches the input after letters queued behind it: wait for it.
        term.wait_for("use lowercase letters")
        term.text("Følgere på LinkedIn")
        term.wait_for("The new id is carried to references: 1")
        for _ in range(3):
            term.keys("Tab")  # kind, whether it leads, then the segments
        term.settled(0.5)
        term.keys("C-o")
        term.wait_for("space tick")
        wanted = next(
            s for s in before.people.segments if s.id not in before.objectives[1].segments
        )
        term.text(wanted.id[:5])
        other = next(s for s in before.people.segments if s.id != wanted.id).name
        deadline = time.monotonic() + 60
        while other in term.screen() and time.monotonic() < deadline:
            time.sleep(0.05)  # the filter has taken what was typed
        term.keys("Space", "Enter")
        deadline = time.monotonic() + 60
        while "space tick" in term.screen() and time.monotonic() < deadline:
            time.sleep(0.05)  # the picker closes
        term.keys("C-s")
        term.wait_for("Saved nordlys.post.toml")
        term.keys("C-q")
        assert term.exit_status() == 0
    after = load(plan).plan
    assert after.objectives[1].id == "folgere-pa-linkedin"
    assert "folgere-pa-linkedin" in after.strategy.initiatives[0].objectives
    assert "linkedin-followers" not in {o for i in after.strategy.initiatives for o in i.objectives}
    assert wanted.id in after.objectives[1].segments
