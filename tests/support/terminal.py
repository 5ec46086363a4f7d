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


class Terminal:
    """`posttui ARGS` in a new tmux session (120x40 unless `size` says otherwise), run by
    a shell that then prints how it ended (tmux's own pane_dead_status is lost when
    pytest started the tmux server)."""

    def __init__(self, *args: str, size: tuple[int, int] = (120, 40)) -> None:
        self.name = f"posttui-{uuid.uuid4().hex[:8]}"
        command = f"{shlex.join([POSTTUI, *args])}; status=$?; echo; echo {ENDED}$status"
        width, height = map(str, size)
        tmux = ["tmux", "new-session", "-d", "-s", self.name, "-x", width, "-y", height]
        env = {**os.environ, "TERM": "xterm-256color"}
        subprocess.run([*tmux, command], check=True, env=env)
        self._tmux("set-option", "-t", self.name, "remain-on-exit", "on")

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *_: object) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], check=False, capture_output=True)

    def _tmux(self, *args: str) -> str:
        done = subprocess.run(["tmux", *args], capture_output=True, text=True, check=True)
        return done.stdout

    def keys(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", self.name, *keys)

    def text(self, *text: str) -> None:
        self._tmux("send-keys", "-l", "-t", self.name, *text)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.name)

    def wait_for(self, text: str, timeout: float = 15) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never showed; the screen was:\n{self.screen()}")

    def pid(self) -> int:
        """The process id of posttui (the child of the pane's shell)."""
        shell = self._tmux("list-panes", "-t", self.name, "-F", "#{pane_pid}").strip()
        children = Path(f"/proc/{shell}/task/{shell}/children").read_text().split()
        return int(children[0])

    def exit_status(self, timeout: float = 10) -> int:
        """How posttui ended, once it has: its exit status (128 + N: killed by signal N)."""
        ended = re.search(rf"{ENDED}(\d+)", self.wait_for(ENDED, timeout))
        assert ended, "the shell's last line is cut"
        return int(ended[1])
