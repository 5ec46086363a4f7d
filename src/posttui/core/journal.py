"""Crash recovery: unsaved edits journaled beside the plan, and found again after a crash.

Every editing session keeps its own recovery file beside the plan `NAME`:
`.NAME.PID.TAG.recovery` (hidden, and never ending in `.post.toml`, so no glob for
plans takes it for one), where TAG is 128 random bits, so nobody can plant a file or
a link under the name beforehand. It holds the canonical TOML of the plan as edited,
written atomically, in the background, in the order asked, readable by its owner
only (mode 0600, whatever the plan's), and a symlink found under its name is
replaced, never followed. A clean save or quit removes it; a crash or a kill leaves
it for the next session that opens the plan. The process id in the name tells a
file whose session is gone from one that a posttui still running on the same plan
writes. Only regular files the user owns are taken for recovery files: a link, or a
file someone else put beside the plan, is not.
"""

from __future__ import annotations

import glob
import os
import re
import stat
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from posttui.core.loader import load
from posttui.core.model import Plan
from posttui.core.writer import dumps, process_alive, random_tag, write_atomic

SUFFIX = ".recovery"
# What follows `.NAME.` in a recovery file's name: the process id and a random tag
# (32 hex digits; 4 in the names of earlier versions, whose files are still found).
_OWNER = re.compile(r"(\d+)\.(?:[0-9a-f]{4}|[0-9a-f]{32})" + re.escape(SUFFIX))
# A recovery file is readable and writable by its owner only.
MODE = 0o600


class Journal:
    """This session's recovery file for the plan at `plan`."""

    def __init__(self, plan: Path) -> None:
        self.plan = plan  # where the plan is saved: the recovery file goes beside it
        # The tag keeps a file of a dead process that had our id before us apart.
        self._owner = f"{os.getpid()}.{random_tag()}"
        # One thread, so that writes and removals happen in the order they were asked for.
        self._queue = ThreadPoolExecutor(max_workers=1, thread_name_prefix="posttui-journal")

    @property
    def path(self) -> Path:
        return self.plan.with_name(f".{self.plan.name}.{self._owner}{SUFFIX}")

    def record(self, plan: Plan) -> Future[None]:
        """Write `plan` to the recovery file, after what was asked for before.

        The thread serialises the plan while the editor may go on editing it: pydantic
        dumps it in one go while holding the interpreter lock, so the thread sees it
        between two edits, and every edit asks for another write after it.
        """
        return self._queue.submit(_write, self.path, plan)

    def clear(self) -> Future[None]:
        """Remove the recovery file: the plan is saved, or its edits dropped on purpose."""
        return self._queue.submit(self.path.unlink, missing_ok=True)

    def adopt(self, recovery: Recovery) -> Future[None]:
        """Make a recovery file whose plan was restored this session's own."""
        return self._queue.submit(os.replace, recovery.path, self.path)

    def close(self) -> None:
        """Wait until what was asked for is done; the recovery file stays, unless cleared."""
        self._queue.shutdown(wait=True)


def _write(path: Path, plan: Plan) -> None:
    write_atomic(path, dumps(plan), mode=MODE, follow_symlinks=False)


@dataclass(frozen=True)
class Recovery:
    """A recovery file of a plan, from another session."""

    path: Path
    pid: int
    written: float  # when it was last written, as a file's modification time
    running: bool  # its session still runs: another editor has unsaved edits of the plan

    def load(self) -> Plan:
        """The plan it holds; LoadError when it cannot be read."""
        return load(self.path).plan

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)

    def saved_since(self, plan: Path) -> float | None:
        """When the plan file at `plan` was saved, if that was after this file was written."""
        try:
            saved = plan.stat().st_mtime
        except OSError:
            return None  # no plan file: a new plan, or one moved away
        return saved if saved >= self.written else None


def found(plan: Path, *, besides: Journal | None = None) -> list[Recovery]:
    """The recovery files of the plan at `plan` but `besides`' own, newest first."""
    recoveries = []
    own = besides.path if besides is not None else None
    runs: dict[int, bool] = {}  # by process id: many files may name one process
    for path in plan.parent.glob(f".{glob.escape(plan.name)}.*{SUFFIX}"):
        owner = _OWNER.fullmatch(path.name.removeprefix(f".{plan.name}."))
        if owner is None or path == own:
            continue
        try:
            status = path.lstat()
        except OSError:
            continue  # removed meanwhile: its session ended cleanly
        if not stat.S_ISREG(status.st_mode) or status.st_uid != os.geteuid():
            continue  # a link, or a file someone else put here: not a session of ours
        pid = int(owner.group(1))
        if pid not in runs:
            runs[pid] = _posttui_runs(pid)
        recoveries.append(Recovery(path, pid, status.st_mtime, runs[pid]))
    return sorted(recoveries, key=lambda recovery: recovery.written, reverse=True)


def _posttui_runs(pid: int) -> bool:
    """Whether the process `pid` still runs posttui."""
    if pid == os.getpid():
        return False  # not this session's file: a process gone before us had our id
    if not process_alive(pid):
        return False
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True  # no /proc to tell a reused process id: take it for posttui
    return b"posttui" in command
