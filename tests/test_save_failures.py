"""Saves that fail: a read-only file or folder, a full disk, a folder deleted under the app.

Each time the user is told in plain words what happened, the edits stay in the
editor, saving elsewhere is offered, and the file on disk is as it was.

The tests run as root in CI, and root may write where permissions say no. A read-only
file is refused by posttui itself (its permissions say no one writes it), so that test
needs nothing simulated. For a read-only folder the kernel's refusal is simulated
where root would be let through, so the test runs the same as any user.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from posttui.core.document import Document
from posttui.core.saving import elsewhere, why_not_written
from posttui.core.writer import read_only
from posttui.ui.app import PostApp
from posttui.ui.screens.base import PostScreen
from posttui.ui.screens.dialogs import Choice, SaveAs
from support.editing import editing
from support.plans import KAFE, NORDLYS, sample_plan, saved


@pytest.fixture
def plan_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An English sample plan in a folder of its own; the home folder is another one."""
    folder = tmp_path / "plans"
    folder.mkdir()
    path = folder / f"{NORDLYS}.post.toml"
    shutil.copyfile(sample_plan(NORDLYS), path)
    (tmp_path / "home").mkdir()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return path


@pytest.fixture
def read_only_folder(plan_path: Path) -> Iterator[Path]:
    """The plan's folder made read-only (0555), for real: posttui refuses it to root too,
    by its mode bits, though root's system calls would write there."""
    folder = plan_path.parent
    folder.chmod(0o555)
    try:
        yield folder
    finally:
        folder.chmod(0o755)


def question(app: PostApp) -> str:
    assert isinstance(app.screen, Choice), app.screen
    return app.screen.question


def leftovers(folder: Path) -> list[str]:
    """Temp files a failed save left (there must be none)."""
    return sorted(path.name for path in folder.glob("*.tmp"))


async def save_elsewhere(pilot, suggested: Path) -> None:
    """Answer 'Save elsewhere' and accept the suggested place."""
    await pilot.press("enter")  # Save elsewhere
    await pilot.pause()
    assert isinstance(pilot.app.screen, SaveAs)
    assert pilot.app.screen.suggestion == str(suggested)
    await pilot.press("enter")
    await pilot.pause()


# ---- in the editor ----


async def test_a_read_only_file_is_not_written_over(plan_path: Path) -> None:
    plan_path.chmod(0o444)
    original = plan_path.read_bytes()
    async with editing(plan_path) as (app, pilot):
        await pilot.press("enter", "end", *" EU")
        await pilot.press("ctrl+s")
        await pilot.pause()
        asked = question(app)
        assert "The file is read-only: posttui does not write over it." in asked
        assert "Your edits are still here, and nothing on disk was changed." in asked
        assert "unsaved" in app.sub_title
        assert app.plan.people.segments[0].name.endswith(" EU")
        assert plan_path.read_bytes() == original
        assert stat.S_IMODE(plan_path.stat().st_mode) == 0o444

        mine = plan_path.with_name(f"mine-{plan_path.name}")  # the folder takes files
        await save_elsewhere(pilot, mine)
        assert "unsaved" not in app.sub_title
        assert app.sub_title.startswith(mine.name)
    assert saved(mine).people.segments[0].name.endswith(" EU")
    assert plan_path.read_bytes() == original


async def test_a_read_only_folder_is_named_and_home_is_offered(
    plan_path: Path, read_only_folder: Path
) -> None:
    original = plan_path.read_bytes()
    async with editing(plan_path) as (app, pilot):
        await pilot.press("enter", "end", *" EU")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert f"The folder {read_only_folder} is read-only" in question(app)
        assert app.plan.people.segments[0].name.endswith(" EU")

        home = Path(os.environ["HOME"])
        await save_elsewhere(pilot, home / f"mine-{plan_path.name}")
        assert "unsaved" not in app.sub_title
    assert saved(home / f"mine-{plan_path.name}").people.segments[0].name.endswith(" EU")
    assert plan_path.read_bytes() == original
    assert leftovers(read_only_folder) == []


async def test_a_full_disk_is_said_plainly_and_a_save_after_freeing_space_works(
    plan_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    original = plan_path.read_bytes()
    async with editing(plan_path) as (app, pilot):
        await pilot.press("enter", "end", *" EU")
        with monkeypatch.context() as full:
            full.setattr(os, "fsync", disk_full)
            await pilot.press("ctrl+s")
            await pilot.pause()
            asked = question(app)
        assert f"The disk is full (no room left in {plan_path.parent})." in asked
        assert plan_path.read_bytes() == original
        assert leftovers(plan_path.parent) == []  # the half-written temp file is gone

        await pilot.press("escape")  # Not now; then space is freed, and saving works
        await pilot.pause()
        assert isinstance(app.screen, PostScreen)
        assert "unsaved" in app.sub_title
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "unsaved" not in app.sub_title
    assert saved(plan_path).people.segments[0].name.endswith(" EU")


async def test_a_folder_deleted_under_the_app_is_said_and_home_is_offered(
    plan_path: Path,
) -> None:
    folder = plan_path.parent
    async with editing(plan_path) as (app, pilot):
        await pilot.press("enter", "end", *" EU")
        shutil.rmtree(folder)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "changed on disk" in question(app)  # asked first: the file is gone
        await pilot.press("enter")  # Overwrite with mine
        await pilot.pause()
        assert f"The folder {folder} does not exist (any more)" in question(app)
        assert app.plan.people.segments[0].name.endswith(" EU")

        home = Path(os.environ["HOME"])
        await save_elsewhere(pilot, home / f"mine-{plan_path.name}")
        assert "unsaved" not in app.sub_title
    assert saved(home / f"mine-{plan_path.name}").people.segments[0].name.endswith(" EU")
    assert not folder.exists()  # not made again behind the user's back


async def test_save_and_quit_that_fails_keeps_the_app_and_the_edits(plan_path: Path) -> None:
    plan_path.chmod(0o444)
    async with editing(plan_path) as (app, pilot):
        await pilot.press("enter", "end", *" EU")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("enter")  # Save and quit
        await pilot.pause()
        assert "is read-only" in question(app)
        await pilot.press("escape")  # Not now
        await pilot.pause()
        assert app.is_running
        assert "unsaved" in app.sub_title
        assert app.plan.people.segments[0].name.endswith(" EU")


async def test_a_failed_save_elsewhere_names_the_place_it_tried(plan_path: Path) -> None:
    plan_path.chmod(0o444)
    nowhere = plan_path.parent / "no-such-folder" / "copy.post.toml"
    async with editing(plan_path) as (app, pilot):
        await pilot.press("enter", "end", *" EU")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # Save elsewhere
        await pilot.pause()
        app.screen.query_one(Input).value = str(nowhere)
        await pilot.press("enter")
        await pilot.pause()
        asked = question(app)
        assert "Could not save copy.post.toml." in asked
        assert f"The folder {nowhere.parent} does not exist" in asked
        assert app.sub_title.endswith(f" {plan_path.name}")  # still editing the plan
        assert "unsaved" in app.sub_title


async def test_the_message_speaks_the_plans_language(tmp_path: Path) -> None:
    path = tmp_path / f"{KAFE}.post.toml"
    shutil.copyfile(sample_plan(KAFE), path)
    path.chmod(0o444)
    async with editing(path, lang=None) as (app, pilot):  # the plan's language, Norwegian
        await pilot.press("enter", "end", *" AS")
        await pilot.press("ctrl+s")
        await pilot.pause()
        asked = question(app)
        assert f"Kunne ikke lagre {path.name}. Filen er skrivebeskyttet" in asked
        assert "Endringene dine er fortsatt her" in asked


# ---- the words, cause by cause ----


def test_the_document_refuses_to_write_over_a_read_only_file(plan_path: Path) -> None:
    plan_path.chmod(0o444)
    original = plan_path.read_bytes()
    document = Document.open(plan_path)
    document.edit("plan.title", "Changed")
    with pytest.raises(PermissionError):
        document.save()
    assert plan_path.read_bytes() == original
    assert document.dirty


def test_read_only_is_what_the_permissions_say_even_for_root(tmp_path: Path) -> None:
    file = tmp_path / "plan.post.toml"
    file.write_text("")
    assert not read_only(file)
    file.chmod(0o444)
    assert read_only(file)
    tmp_path.chmod(0o555)
    try:
        assert read_only(tmp_path)
    finally:
        tmp_path.chmod(0o755)
    assert not read_only(tmp_path / "not-there")


@pytest.mark.parametrize(
    ("number", "says"),
    [
        (errno.ENOSPC, "The disk is full (no room left in {folder})."),
        (errno.EDQUOT, "Your disk quota is used up (no room left in {folder})."),
        (errno.EROFS, "The folder {folder} is on a disk that can only be read."),
        (errno.EACCES, "You do not have permission to write in {folder}."),
        (errno.EPERM, "You do not have permission to write in {folder}."),
        (errno.EIO, "The system said: Input/output error."),
    ],
)
def test_each_cause_in_plain_words(tmp_path: Path, number: int, says: str) -> None:
    error = OSError(number, os.strerror(number))
    why = why_not_written(error, tmp_path / "plan.post.toml", "en")
    assert why == says.format(folder=tmp_path)


def test_the_causes_in_norwegian(tmp_path: Path) -> None:
    path = tmp_path / "plan.post.toml"
    full = why_not_written(OSError(errno.ENOSPC, "full"), path, "nb")
    assert full == f"Disken er full (ikke mer plass i {tmp_path})."
    gone = why_not_written(OSError(errno.ENOENT, "gone"), tmp_path / "x" / "p.post.toml", "nb")
    assert gone.startswith(f"Mappen {tmp_path / 'x'} finnes ikke (lenger)")


def test_names_from_the_file_system_are_shown_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "evil\x1b]52;c;aGk=\x07"
    why = why_not_written(OSError(errno.ENOENT, "gone"), folder / "p.post.toml", "en")
    assert "\x1b" not in why and "\x07" not in why
    assert "\\x1b]52;c;aGk=\\x07" in why


def test_elsewhere_is_beside_the_plan_or_at_home(plan_path: Path) -> None:
    assert elsewhere(plan_path) == plan_path.with_name(f"mine-{plan_path.name}")
    home = Path(os.environ["HOME"])
    gone = plan_path.parent / "gone" / plan_path.name
    assert elsewhere(gone) == home / f"mine-{plan_path.name}"
    plan_path.parent.chmod(0o555)
    try:
        assert elsewhere(plan_path) == home / f"mine-{plan_path.name}"
    finally:
        plan_path.parent.chmod(0o755)
