"""Who may read what posttui writes: every file it writes (a saved plan, the temp file of a
save, the crash-recovery journal, `fmt`, `merge` and `export -o`) is never readable by
more people than the plan, whatever the umask; the journal is its owner's alone; a
link planted under the journal's name is never followed; many planted recovery files
do not turn into many questions; a read-only folder is refused, by its mode bits,
even to root."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from posttui.cli import main
from posttui.core import writer
from posttui.core.document import Document
from posttui.core.journal import Journal, found
from posttui.core.loader import load
from posttui.core.writer import dumps, write_atomic
from support.plans import SAMPLES

NORDLYS = SAMPLES / "nordlys-analytics.post.toml"

PLAN_MODES = (0o600, 0o644)
UMASKS = (0o022, 0o077)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@contextmanager
def umask(value: int) -> Iterator[None]:
    old = os.umask(value)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def temp_modes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The mode of each temp file as it is renamed into place (the real rename runs)."""
    seen: list[int] = []
    real_replace = os.replace

    def replace(source: str | Path, target: str | Path) -> None:
        seen.append(mode(Path(source)))
        real_replace(source, target)

    monkeypatch.setattr(writer.os, "replace", replace)
    return seen


def plan_of_mode(folder: Path, plan_mode: int, text: str | None = None) -> Path:
    path = folder / "plan.post.toml"
    if text is None:
        shutil.copyfile(NORDLYS, path)
    else:
        path.write_text(text, encoding="utf-8")
    path.chmod(plan_mode)
    return path


def no_looser(written: int, plan_mode: int) -> bool:
    """No permission bit that the plan lacks."""
    return written & ~plan_mode == 0


@pytest.mark.parametrize("plan_mode", PLAN_MODES)
@pytest.mark.parametrize("mask", UMASKS)
def test_a_saved_plan_and_its_temp_file_keep_the_plans_mode(
    tmp_path: Path, plan_mode: int, mask: int, temp_modes: list[int]
) -> None:
    path = plan_of_mode(tmp_path, plan_mode)
    document = Document.open(path)
    document.plan.plan.title = "Edited"
    with umask(mask):
        document.save()
    assert mode(path) == plan_mode
    assert temp_modes == [plan_mode]


@pytest.mark.parametrize("plan_mode", PLAN_MODES)
@pytest.mark.parametrize("mask", UMASKS)
def test_the_journal_and_its_temp_file_are_the_owners_alone(
    tmp_path: Path, plan_mode: int, mask: int, temp_modes: list[int]
) -> None:
    path = plan_of_mode(tmp_path, plan_mode)
    plan = load(path).plan
    journal = Journal(path)
    try:
        with umask(mask):
            journal.record(plan).result()
            journal.record(plan).result()  # written again over the first
        assert mode(journal.path) == 0o600
        assert temp_modes == [0o600, 0o600]
    finally:
        journal.clear().result()
        journal.close()


@pytest.mark.parametrize("plan_mode", PLAN_MODES)
@pytest.mark.parametrize("mask", UMASKS)
def test_commands_write_files_no_looser_than_the_plan(
    tmp_path: Path, plan_mode: int, mask: int, temp_modes: list[int]
) -> None:
    messy = NORDLYS.read_text(encoding="utf-8").replace("\n\n", "\n")  # fmt has work to do
    plan = plan_of_mode(tmp_path, plan_mode, messy)
    with umask(mask):
        assert main(["fmt", str(plan)]) == 0
    assert mode(plan) == plan_mode

    base = plan_of_mode(tmp_path, plan_mode).rename(tmp_path / "base.post.toml")
    ours = plan_of_mode(tmp_path, plan_mode).rename(tmp_path / "ours.post.toml")
    theirs = plan_of_mode(tmp_path, plan_mode).rename(tmp_path / "theirs.post.toml")
    theirs.write_text(theirs.read_text().replace("2027-06-30", "2027-09-30", 1))
    with umask(mask):
        assert main(["merge", str(base), str(ours), str(theirs)]) == 0
    assert mode(ours) == plan_mode
    assert "2027-09-30" in ours.read_text()

    # A report is a new file: the umask's mode, and never more than the plan allows.
    report = tmp_path / "report.md"
    with umask(mask):
        assert main(["export", str(ours), "-o", str(report)]) == 0
    assert mode(report) == 0o666 & ~mask & plan_mode
    assert all(no_looser(written, plan_mode) for written in temp_modes), temp_modes
    assert len(temp_modes) == 3


def test_a_rewrite_keeps_the_files_owner_and_group(tmp_path: Path) -> None:
    path = plan_of_mode(tmp_path, 0o640)
    if os.geteuid() != 0:
        pytest.skip("only root may give a file to another user")
    os.chown(path, 4321, 4322)
    write_atomic(path, dumps(load(path).plan).replace("Nordlys", "Nordlys AS", 1))
    status = path.stat()
    assert (status.st_uid, status.st_gid, mode(path)) == (4321, 4322, 0o640)
    assert main(["fmt", str(path)]) == 0
    assert (path.stat().st_uid, path.stat().st_gid) == (4321, 4322)


def test_a_symlink_planted_at_the_journals_name_is_not_followed(tmp_path: Path) -> None:
    path = plan_of_mode(tmp_path, 0o600)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    journal = Journal(path)
    try:
        journal.path.symlink_to(victim)  # as if someone guessed the name
        journal.record(load(path).plan).result()
        assert victim.read_text() == "keep me"
        assert not journal.path.is_symlink() and mode(journal.path) == 0o600
    finally:
        journal.clear().result()
        journal.close()
    assert victim.read_text() == "keep me"


def test_the_journals_name_has_128_random_bits(tmp_path: Path) -> None:
    path = plan_of_mode(tmp_path, 0o600)
    names = set()
    for _ in range(20):
        journal = Journal(path)
        journal.close()
        tag = journal.path.name.removeprefix(f".{path.name}.{os.getpid()}.")
        tag = tag.removesuffix(".recovery")
        assert len(tag) == 32 and int(tag, 16) >= 0
        names.add(tag)
    assert len(names) == 20


def test_temp_files_are_made_anew_never_through_a_link(tmp_path: Path) -> None:
    target = tmp_path / "plan.post.toml"
    fd, tmp = writer.create_temp(target)
    os.close(fd)
    assert mode(tmp) == 0o600 and len(tmp.name.split(".")[-2]) == 32
    tmp.unlink()
    tmp.symlink_to(tmp_path / "elsewhere")
    with pytest.raises(FileExistsError):
        os.open(tmp, writer.NEW_FILE, 0o600)
    assert not (tmp_path / "elsewhere").exists()


def test_links_and_other_peoples_files_are_not_recovery_files(tmp_path: Path) -> None:
    path = plan_of_mode(tmp_path, 0o600)
    real = tmp_path / f".{path.name}.1.{'a' * 32}.recovery"
    real.write_text(dumps(load(path).plan))
    link = tmp_path / f".{path.name}.2.{'b' * 32}.recovery"
    link.symlink_to(real)
    assert [recovery.path for recovery in found(path)] == [real]
    if os.geteuid() == 0:
        os.chown(real, 4321, 4321)
        assert found(path) == []


def test_a_read_only_folder_is_refused_though_root_could_write_there(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    path = plan_of_mode(folder, 0o644)
    before = path.read_bytes()
    folder.chmod(0o555)
    try:
        # The system call itself: root's succeeds in a 0555 folder, anyone else's fails.
        probe = folder / "probe"
        try:
            probe.write_text("")
            probe.unlink()
            system_allows = True
        except PermissionError:
            system_allows = False
        assert system_allows == (os.geteuid() == 0)
        with pytest.raises(PermissionError):
            write_atomic(path, "format = 1\n")
        with pytest.raises(PermissionError):
            write_atomic(folder / "new.post.toml", "format = 1\n")
        assert main(["fmt", str(path)]) == 0  # already canonical: nothing to write
        assert main(["export", str(path), "-o", str(folder / "r.md")]) == 2
    finally:
        folder.chmod(0o755)
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["plan.post.toml"]
