"""Crash recovery: unsaved edits journaled beside the plan, and offered back after a crash.

The journal on its own (files, order, who left what), the editor with Pilot (the
journal follows edits, saves and quits; what a crash left is offered, restored,
discarded or kept), and the real `posttui` in tmux killed with SIGKILL.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot

from posttui.core.journal import Journal, found
from posttui.core.loader import LoadError, load
from posttui.core.model import Plan, Segment
from posttui.core.writer import dumps
from posttui.ui.app import PostApp
from posttui.ui.recovery import when
from posttui.ui.screens.base import PostScreen
from posttui.ui.screens.dialogs import Choice, LoadFailed
from posttui.ui.screens.guide import GuideScreen
from support.editing import editing, screen_text
from support.plans import KAFE, NORDLYS, sample_plan, saved

POSTTUI = Path(sys.executable).with_name("posttui")


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    """An English sample plan, last saved a minute ago."""
    path = tmp_path / f"{NORDLYS}.post.toml"
    shutil.copyfile(sample_plan(NORDLYS), path)
    aged(path, 60)
    return path


@pytest.fixture
def dead_pid() -> int:
    """The process id of a process that has ended (a posttui that crashed)."""
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    return int(done.stdout)


@pytest.fixture
def running_posttui() -> Iterator[int]:
    """The process id of another running posttui (as far as its command line tells)."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", "posttui"])
    try:
        yield process.pid
    finally:
        process.kill()
        process.wait()


def aged(path: Path, seconds: float) -> None:
    """Make `path` look last written `seconds` ago."""
    moment = time.time() - seconds
    os.utime(path, (moment, moment))


def left_behind(
    plan_path: Path, plan: Plan, pid: int, *, age: float = 0, tag: str = "beef"
) -> Path:
    """A recovery file as a session of process `pid` leaves it when it crashes."""
    path = plan_path.with_name(f".{plan_path.name}.{pid}.{tag}.recovery")
    path.write_text(dumps(plan), encoding="utf-8")
    aged(path, age)
    return path


def edited(plan_path: Path, **plan_fields: str) -> Plan:
    """The plan at `plan_path` with some fields of its [plan] table changed."""
    plan = load(plan_path).plan
    for key, value in plan_fields.items():
        setattr(plan.plan, key, value)
    return plan


def recovery_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.recovery"))


async def until(pilot: Pilot[int], condition: Callable[[], object], timeout: float = 30) -> None:
    """Wait until `condition()` holds."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > timeout:
            raise AssertionError(f"{condition} still does not hold after {timeout} s")
        await pilot.pause(0.05)


async def journaled(pilot: Pilot[int], folder: Path, count: int = 1) -> None:
    """Wait until `folder` holds `count` recovery files."""
    await until(pilot, lambda: len(recovery_files(folder)) == count)


def notices(app: PostApp) -> list[str]:
    """The notifications the app has shown."""
    return [notification.message for notification in app._notifications]


# ---- the journal ----


def test_the_journal_is_a_hidden_file_beside_the_plan_that_no_plan_glob_takes(
    plan_path: Path,
) -> None:
    plan = edited(plan_path, title="Edited")
    journal = Journal(plan_path)
    journal.record(plan).result()
    try:
        assert journal.path.parent == plan_path.parent
        assert journal.path.name.startswith(f".{plan_path.name}.{os.getpid()}.")
        assert sorted(plan_path.parent.glob("*.post.toml")) == [plan_path]
        assert sorted(plan_path.parent.glob("*.toml")) == [plan_path]
        assert journal.path.read_text(encoding="utf-8") == dumps(plan)  # canonical TOML
        assert load(journal.path).plan.plan.title == "Edited"
        journal.clear().result()
        assert recovery_files(plan_path.parent) == []
    finally:
        journal.close()


def test_writes_and_removals_happen_in_the_order_they_were_asked_for(plan_path: Path) -> None:
    versions = [edited(plan_path, title=f"V{n}") for n in range(10)]
    journal = Journal(plan_path)
    for version in versions:
        journal.record(version)
    journal.clear()
    journal.close()
    assert recovery_files(plan_path.parent) == []

    journal = Journal(plan_path)
    for version in versions:
        journal.record(version)
    journal.close()
    assert load(journal.path).plan.plan.title == "V9"


def test_found_tells_crashed_sessions_from_running_ones_and_leaves_out_its_own(
    plan_path: Path, dead_pid: int, running_posttui: int
) -> None:
    plan = edited(plan_path, title="Theirs")
    crashed = left_behind(plan_path, plan, dead_pid, age=20)
    running = left_behind(plan_path, plan, running_posttui, age=10)
    left_behind(plan_path.with_name("other.post.toml"), plan, dead_pid)  # another plan's
    plan_path.with_name(f".{plan_path.name}.notes.recovery").write_text("not ours")
    journal = Journal(plan_path)
    journal.record(plan).result()
    journal.close()

    recoveries = found(plan_path, besides=journal)

    assert [(r.path, r.pid, r.running) for r in recoveries] == [
        (running, running_posttui, True),
        (crashed, dead_pid, False),
    ]
    assert recoveries[1].load().plan.title == "Theirs"
    assert journal.path in [r.path for r in found(plan_path)]


def test_a_reused_process_id_does_not_pass_for_a_running_posttui(plan_path: Path) -> None:
    sleeper = subprocess.Popen(["sleep", "60"])  # alive, but not posttui
    try:
        left_behind(plan_path, load(plan_path).plan, sleeper.pid)
        [recovery] = found(plan_path)
        assert not recovery.running
    finally:
        sleeper.kill()
        sleeper.wait()


def test_a_plan_saved_after_its_recovery_file_and_an_unreadable_one(
    plan_path: Path, dead_pid: int
) -> None:
    newer = left_behind(plan_path, load(plan_path).plan, dead_pid, tag="0001")
    older = left_behind(plan_path, load(plan_path).plan, dead_pid, age=120, tag="0002")
    older.write_text('format = 1\n[plan]\ntitle = "T"\n<<<<<<< ours\n', encoding="utf-8")
    aged(older, 120)
    by_path = {r.path: r for r in found(plan_path)}
    assert by_path[newer].saved_since(plan_path) is None
    assert by_path[older].saved_since(plan_path) == plan_path.stat().st_mtime
    assert by_path[older].saved_since(plan_path.with_name("not-saved-yet.post.toml")) is None
    with pytest.raises(LoadError):
        by_path[older].load()


def test_when_a_recovery_file_was_written_is_said_as_people_say_it() -> None:
    now = datetime(2027, 3, 4, 16, 0)
    earlier = datetime(2027, 3, 4, 9, 5).timestamp()
    assert when(earlier, "en", now) == "today at 09:05"
    assert when(earlier, "nb", now) == "i dag kl. 09.05"
    days_ago = datetime(2027, 2, 28, 23, 59).timestamp()
    assert when(days_ago, "en", now) == "on 2027-02-28 at 23:59"
    assert when(days_ago, "nb", now) == "28.02.2027 kl. 23.59"


# ---- journaling in the editor ----


async def test_an_edit_is_journaled_within_a_second_and_a_save_removes_it(
    plan_path: Path,
) -> None:
    async with editing(plan_path) as (_app, pilot):
        await pilot.press("enter", "end")
        edited = time.time()
        await pilot.press(*" EU")
        await journaled(pilot, plan_path.parent)
        [journal] = recovery_files(plan_path.parent)
        assert journal.stat().st_mtime - edited < 1.0
        assert load(journal).plan.people.segments[0].name.endswith(" EU")
        assert journal.name.startswith(f".{plan_path.name}.")

        await pilot.press("ctrl+s")
        await journaled(pilot, plan_path.parent, 0)
        await pilot.pause(0.8)  # no late write brings it back
        assert recovery_files(plan_path.parent) == []
    assert saved(plan_path).people.segments[0].name.endswith(" EU")


async def test_typing_on_and_on_is_journaled_while_it_goes_on(plan_path: Path) -> None:
    async with editing(plan_path) as (_app, pilot):
        await pilot.press("enter", "end")
        start = time.time()
        written_after = None
        while time.time() - start < 2:  # keys as fast as they come: never a pause
            await pilot.press(*"xxxxx")
            if written_after is None and (journals := recovery_files(plan_path.parent)):
                # The file's own time, not when this loop looked (late on a busy machine).
                written_after = journals[0].stat().st_mtime - start
        assert written_after is not None, "nothing journaled while the typing went on"
        assert written_after < 1.5  # about a second after the first key


async def test_undo_back_to_the_saved_state_removes_the_journal(plan_path: Path) -> None:
    async with editing(plan_path) as (app, pilot):
        await pilot.press("enter", "end", *" EU")
        await journaled(pilot, plan_path.parent)
        await pilot.press("ctrl+z")
        await journaled(pilot, plan_path.parent, 0)
        assert "unsaved" not in app.sub_title


async def test_quitting_without_saving_removes_the_journal(plan_path: Path) -> None:
    original = plan_path.read_bytes()
    async with editing(plan_path) as (app, pilot):
        await pilot.press("enter", "end", *" EU")
        await journaled(pilot, plan_path.parent)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("tab", "enter")  # Quit without saving
        await pilot.pause()
    assert app.return_code == 0
    assert recovery_files(plan_path.parent) == []
    assert plan_path.read_bytes() == original


async def test_save_and_quit_leaves_no_recovery_file(plan_path: Path) -> None:
    async with editing(plan_path) as (_app, pilot):
        await pilot.press("enter", "end", *" EU")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("enter")  # Save and quit
        await pilot.pause()
    assert recovery_files(plan_path.parent) == []
    assert saved(plan_path).people.segments[0].name.endswith(" EU")


async def test_an_app_that_ends_without_quitting_keeps_even_its_latest_edit(
    plan_path: Path,
) -> None:
    async with editing(plan_path) as (_app, pilot):
        await pilot.press("enter", "end", *" EU")
        await journaled(pilot, plan_path.parent)
        await pilot.press(*" now")  # the app ends before this is due to be journaled
    [journal] = recovery_files(plan_path.parent)
    assert load(journal).plan.people.segments[0].name.endswith(" EU now")


async def test_a_journal_that_cannot_be_written_warns_once(plan_path: Path, monkeypatch) -> None:
    tried: list[Path] = []

    def disk_full(path: Path, text: str, **options: object) -> None:
        tried.append(path)
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr("posttui.core.journal.write_atomic", disk_full)
    async with editing(plan_path, notifications=True) as (app, pilot):
        await pilot.press("enter", "end", *" EU")
        await until(pilot, lambda: any("recovery file" in notice for notice in notices(app)))
        await pilot.press(*" and more")
        await until(pilot, lambda: len(tried) >= 2)
        await pilot.pause()
        warnings = [notice for notice in notices(app) if "recovery file" in notice]
        assert len(warnings) == 1
        assert "The disk is full" in warnings[0]
        assert "safe from a crash only once saved" in warnings[0]
        assert app.plan.people.segments[0].name.endswith(" EU and more")


# ---- what a crash left ----


async def test_edits_a_crash_left_are_offered_with_their_time_and_restored(
    plan_path: Path, dead_pid: int
) -> None:
    theirs = edited(plan_path, title="Recovered title", organization="Nordlys AS")
    leftover = left_behind(plan_path, theirs, dead_pid, age=5)
    original = plan_path.read_bytes()
    async with editing(plan_path) as (app, pilot):
        assert isinstance(app.screen, Choice)
        question = app.screen.question
        assert "unsaved edits from a session that ended without saving" in question
        assert when(leftover.stat().st_mtime, "en") in question
        assert plan_path.read_bytes() == original  # nothing written before an answer

        await pilot.press("enter")  # Restore the edits
        await pilot.pause()
        assert isinstance(app.screen, PostScreen)
        assert app.plan.plan.title == "Recovered title"
        assert "unsaved" in app.sub_title
        assert "Recovered title" in app.title
        assert not leftover.exists()
        [journal] = recovery_files(plan_path.parent)  # now this session's own
        assert load(journal).plan.plan.title == "Recovered title"

        await pilot.press("ctrl+s")
        await journaled(pilot, plan_path.parent, 0)
    plan = saved(plan_path)
    assert (plan.plan.title, plan.plan.organization) == ("Recovered title", "Nordlys AS")


async def test_discarding_removes_the_recovery_file_and_shows_the_plan_as_saved(
    plan_path: Path, dead_pid: int
) -> None:
    leftover = left_behind(plan_path, edited(plan_path, title="Lost"), dead_pid)
    async with editing(plan_path) as (app, pilot):
        await pilot.press("tab", "enter")  # Discard them
        await pilot.pause()
        assert not leftover.exists()
        assert app.plan.plan.title != "Lost"
        assert "unsaved" not in app.sub_title
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert recovery_files(plan_path.parent) == []


async def test_decide_later_keeps_the_file_and_this_session_journals_apart(
    plan_path: Path, dead_pid: int
) -> None:
    leftover = left_behind(plan_path, edited(plan_path, title="Later"), dead_pid)
    kept = leftover.read_bytes()
    async with editing(plan_path, notifications=True) as (app, pilot):
        await pilot.press("escape")  # Decide later
        await pilot.pause()
        assert any(str(leftover) in notice for notice in notices(app))
        await pilot.press("enter", "end", *" EU")
        await journaled(pilot, plan_path.parent, 2)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("tab", "enter")  # Quit without saving
        await pilot.pause()
    assert recovery_files(plan_path.parent) == [leftover]
    assert leftover.read_bytes() == kept

    async with editing(plan_path) as (app, pilot):  # offered again next time
        assert isinstance(app.screen, Choice)


async def test_a_recovery_file_older_than_the_plan_is_offered_with_a_warning(
    plan_path: Path, dead_pid: int
) -> None:
    left_behind(plan_path, edited(plan_path, title="Before the pull"), dead_pid, age=600)
    async with editing(plan_path) as (app, _pilot):
        assert isinstance(app.screen, Choice)
        assert isinstance(app.screen, Choice)
        question = app.screen.question
        assert "Careful: the file was saved after that" in question
        assert when(plan_path.stat().st_mtime, "en") in question


async def test_a_recovery_file_that_holds_nothing_new_goes_without_asking(
    plan_path: Path, dead_pid: int
) -> None:
    leftover = left_behind(plan_path, load(plan_path).plan, dead_pid)
    async with editing(plan_path) as (app, _pilot):
        assert isinstance(app.screen, PostScreen)
        assert not leftover.exists()


async def test_an_unreadable_recovery_file_is_reported_and_kept(
    plan_path: Path, dead_pid: int
) -> None:
    leftover = left_behind(plan_path, load(plan_path).plan, dead_pid)
    leftover.write_bytes(b'format = 1\n[plan]\ntitle = "half a wri')
    async with editing(plan_path, notifications=True) as (app, pilot):
        assert isinstance(app.screen, PostScreen)  # the plan opens as usual
        assert app.plan.plan.title.startswith("Nordlys Analytics")
        [message] = [notice for notice in notices(app) if "could not be read" in notice]
        assert str(leftover) in message
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert leftover.read_bytes() == b'format = 1\n[plan]\ntitle = "half a wri'


async def test_two_crashed_sessions_are_offered_newest_first(
    plan_path: Path, dead_pid: int
) -> None:
    older = left_behind(plan_path, edited(plan_path, title="Older"), dead_pid, age=30, tag="0001")
    newer = left_behind(plan_path, edited(plan_path, title="Newer"), dead_pid, age=10, tag="0002")
    async with editing(plan_path) as (app, pilot):
        await pilot.press("tab", "enter")  # Discard the newer
        await pilot.pause()
        assert not newer.exists()
        assert isinstance(app.screen, Choice)  # then the older is offered
        await pilot.press("enter")  # Restore
        await pilot.pause()
        assert app.plan.plan.title == "Older"
        assert not older.exists()


async def test_many_planted_recovery_files_give_a_few_questions_and_one_notice(
    plan_path: Path, dead_pid: int
) -> None:
    planted = [
        left_behind(
            plan_path, edited(plan_path, title=f"Planted {n}"), dead_pid, age=n, tag=f"{n:04x}"
        )
        for n in range(40)
    ]
    async with editing(plan_path, notifications=True) as (app, pilot):
        questions = []
        while isinstance(app.screen, Choice) and len(questions) < len(planted):
            questions.append(app.screen.question)
            await pilot.press("tab", "enter")  # Discard
            await pilot.pause()
        assert len(questions) == 3
        [more] = [notice for notice in notices(app) if "older recovery files" in notice]
        assert "37 older recovery files" in more
    assert [path for path in planted if path.exists()] == planted[3:]  # kept, not offered


async def test_another_posttui_with_unsaved_edits_is_named_and_its_file_left_alone(
    plan_path: Path, running_posttui: int
) -> None:
    theirs = left_behind(plan_path, edited(plan_path, title="Theirs"), running_posttui)
    kept = theirs.read_bytes()
    async with editing(plan_path, notifications=True) as (app, pilot):
        assert isinstance(app.screen, PostScreen)  # nothing to restore: it is not a crash
        [note] = [notice for notice in notices(app) if "another posttui" in notice]
        assert f"process {running_posttui}" in note
        await pilot.press("enter", "end", *" EU")
        await journaled(pilot, plan_path.parent, 2)
        mine = [path for path in recovery_files(plan_path.parent) if path != theirs]
        assert len(mine) == 1
        assert load(mine[0]).plan.people.segments[0].name.endswith(" EU")
    assert theirs.read_bytes() == kept


async def test_a_plan_that_failed_to_load_is_never_journaled(
    plan_path: Path, dead_pid: int
) -> None:
    leftover = left_behind(plan_path, edited(plan_path, title="Theirs"), dead_pid)
    plan_path.write_text(plan_path.read_text().replace("[settings]", "[setings]"))
    async with editing(plan_path) as (app, pilot):
        assert isinstance(app.screen, LoadFailed)
        await pilot.press("f2", "n", "x", "ctrl+s")
        await pilot.pause(0.8)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 2
    assert recovery_files(plan_path.parent) == [leftover]


async def test_a_new_plan_is_journaled_and_recovered_too(tmp_path: Path) -> None:
    path = tmp_path / "launch.post.toml"
    async with editing(path) as (_app, pilot):
        await pilot.press("escape")  # out of the guided start an empty plan opens with
        await pilot.press("n", *"Everyone")
        await journaled(pilot, tmp_path)
    assert not path.exists()  # the app ended without saving: as a crash would

    # This process's id is on the file, but not this session's tag: a process gone before.
    async with editing(path) as (app, pilot):
        assert isinstance(app.screen, Choice)
        await pilot.press("enter")  # Restore
        await pilot.pause()
        assert isinstance(app.screen, PostScreen)  # the plan is not empty: no guided start
        await pilot.press("ctrl+s")
        await journaled(pilot, tmp_path, 0)
    assert [s.name for s in saved(path).people.segments] == ["Everyone"]


async def test_an_empty_plan_starts_the_guide_once_the_offer_is_answered(
    tmp_path: Path, dead_pid: int
) -> None:
    path = tmp_path / "launch.post.toml"
    theirs = Plan.new("Launch")
    theirs.people.segments = [Segment(id="everyone", name="Everyone")]
    left_behind(path, theirs, dead_pid)
    async with editing(path) as (app, pilot):
        assert isinstance(app.screen, Choice)
        await pilot.press("tab", "tab", "enter")  # Decide later
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)


async def test_the_offer_speaks_the_plans_language(tmp_path: Path, dead_pid: int) -> None:
    path = tmp_path / f"{KAFE}.post.toml"
    shutil.copyfile(sample_plan(KAFE), path)
    aged(path, 60)
    left_behind(path, edited(path, title="Gjenopprettet"), dead_pid)
    async with editing(path, lang=None) as (app, _pilot):  # the plan's language, Norwegian
        assert isinstance(app.screen, Choice)
        assert "endringer som ikke ble lagret" in app.screen.question
        assert "Gjenopprett endringene" in screen_text(app)


# ---- the real app, killed ----


def test_a_killed_app_leaves_its_edits_and_the_next_one_restores_them(plan_path: Path) -> None:
    # Skips, or fails under POSTTUI_REQUIRE_TMUX, without tmux.
    from support.terminal import Terminal

    folder = plan_path.parent
    with Terminal(str(plan_path)) as term:
        term.wait_for("Findings (")
        term.settled()  # a person looks before typing; Textual settles meanwhile
        term.keys("Enter", "End")  # the first segment's name
        term.text(" (Nordics)")
        term.wait_for("● unsaved")
        deadline = time.monotonic() + 60  # journaled about a second after the edit
        while time.monotonic() < deadline and not any(
            "(Nordics)" in path.read_text(encoding="utf-8") for path in recovery_files(folder)
        ):
            time.sleep(0.05)
        pid = term.pid()
        os.kill(pid, signal.SIGKILL)
        assert term.exit_status() == 128 + signal.SIGKILL

    [recovery] = recovery_files(folder)
    assert recovery.name.startswith(f".{plan_path.name}.{pid}.")
    assert load(recovery).plan.people.segments[0].name.endswith(" (Nordics)")
    assert "(Nordics)" not in plan_path.read_text(encoding="utf-8")

    with Terminal(str(plan_path)) as term:
        term.wait_for("Restore the edits")
        term.keys("Enter")
        term.wait_for("● unsaved")
        term.keys("C-s")
        term.wait_for("Saved")
        deadline = time.monotonic() + 60
        while recovery_files(folder) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert recovery_files(folder) == []
        assert saved(plan_path).people.segments[0].name.endswith(" (Nordics)")
        term.keys("C-q")
        assert term.exit_status() == 0
