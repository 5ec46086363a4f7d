"""The real `posttui` in a real terminal: a tmux session, driven by keys, read from the screen.

Importing this skips the importing test (or module) where tmux is missing, and fails
instead when POSTTUI_REQUIRE_TMUX is set (as CI sets it).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

POSTTUI = str(Path(sys.executable).with_name("posttui"))

if shutil.which("tmux") is None:
    if os.environ.get("POSTTUI_REQUIRE_TMUX"):
        raise RuntimeError("tmux is required here (POSTTUI_REQUIRE_TMUX is set) but missing")
    pytest.skip("tmux is not installed", allow_module_level=True)


ENDED = "posttui ended: "
# The variables of the test's environment that posttui in tmux is given too.
PASSED = ("POSTTUI_CONFIG", "LANG", "LC_ALL", "LC_MESSAGES", "HOME", "PATH", "NO_COLOR")
# Deadlines for what the terminal shows: generous, as two pytest workers, Chromium
# and a busy machine may slow posttui down many times over; a passing test waits only
# as long as posttui takes.
WAIT_SECONDS = 60


class Terminal:
    """`posttui ARGS` in a new tmux session (120x40 unless `size` says otherwise; in the
    folder `cwd`, else this one) on a tmux server of its own, run by a shell that then
    prints how it ended."""

    def __init__(
        self, *args: str, size: tuple[int, int] = (120, 40), cwd: Path | None = None
    ) -> None:
        self.name = f"posttui-{uuid.uuid4().hex[:12]}"
        # posttui gets this test's settings file and locale, and no COLUMNS or LINES
        # (pytest-xdist's workers set them): it takes its size from the pane.
        passed = {name: os.environ[name] for name in PASSED if name in os.environ}
        unset = ["-u", "COLUMNS", "-u", "LINES"]
        assigned = [f"{name}={value}" for name, value in passed.items()]
        command = shlex.join(["env", *unset, *assigned, POSTTUI, *args])
        command = f"{command}; status=$?; echo; echo {ENDED}$status"
        width, height = map(str, size)
        # A tmux server of its own (its own socket): a server that others share exits
        # when their last session ends, and a session begun just then fails to start.
        self.tmux = ["tmux", "-L", self.name]
        new = [*self.tmux, "new-session", "-d", "-s", self.name, "-x", width, "-y", height]
        env = {**os.environ, "TERM": "xterm-256color"}
        subprocess.run([*new, "-c", str(cwd or Path.cwd()), command], check=True, env=env)
        self._tmux("set-option", "-t", self.name, "remain-on-exit", "on")

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *_: object) -> None:
        subprocess.run([*self.tmux, "kill-server"], check=False, capture_output=True)

    def _tmux(self, *args: str) -> str:
        done = subprocess.run([*self.tmux, *args], capture_output=True, text=True, check=True)
        return done.stdout

    def keys(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", self.name, *keys)

    def text(self, *text: str) -> None:
        self._tmux("send-keys", "-l", "-t", self.name, *text)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.name)

    def wait_for(self, text: str, timeout: float = WAIT_SECONDS) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never showed; the screen was:\n{self.screen()}")

    def settled(self, quiet: float = 1, timeout: float = WAIT_SECONDS) -> str:
        """Wait until the screen has not changed for `quiet` seconds (a person looks at a
        new screen before typing; Textual settles meanwhile); what it shows then."""
        deadline = time.monotonic() + timeout
        screen, since = self.screen(), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.05)
            now = self.screen()
            if now != screen:
                screen, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return screen
        raise AssertionError(f"the screen never settled; it was:\n{screen}")

    def pid(self) -> int:
        """The process id of posttui (the child of the pane's shell)."""
        shell = self._tmux("list-panes", "-t", self.name, "-F", "#{pane_pid}").strip()
        children = Path(f"/proc/{shell}/task/{shell}/children").read_text().split()
        return int(children[0])

    def exit_status(self, timeout: float = WAIT_SECONDS) -> int:
        """How posttui ended, once it has: its exit status (128 + N: killed by signal N)."""
        ended = re.search(rf"{ENDED}(\d+)", self.wait_for(ENDED, timeout))
        assert ended, "the shell's last line is cut"
        return int(ended[1])
