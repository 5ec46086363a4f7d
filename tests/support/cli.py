"""The real `posttui` command in a subprocess, as a user (or a script) runs it.

`posttui(...)` gives text, in an English locale unless `env` says otherwise;
`posttui_bytes(...)` gives the output as bytes, as a file would receive it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

POSTTUI_SCRIPT = Path(sys.executable).parent / "posttui"


def environment(**changes: str) -> dict[str, str]:
    """This environment in an English locale, a colour terminal and no NO_COLOR, changed
    by `changes`."""
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    env["TERM"] = "xterm-256color"  # a colour terminal, were stdout one
    # An English locale: plans without a `language` are reported in English.
    for variable in ("LC_ALL", "LC_MESSAGES"):
        env.pop(variable, None)
    env["LANG"] = "C.UTF-8"
    env.update(changes)
    return env


def posttui(
    *args: str, cwd: Path, script: bool = False, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m posttui ARGS` in `cwd` (the console script where `script`), its output
    as text."""
    command = [str(POSTTUI_SCRIPT)] if script else [sys.executable, "-m", "posttui"]
    return subprocess.run(
        [*command, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env or environment(),
        timeout=60,
    )


def posttui_bytes(
    *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """The real console script; output as bytes, as a file would receive it."""
    environ = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": ""} | (env or {})
    return subprocess.run(
        [str(POSTTUI_SCRIPT), *args], capture_output=True, env=environ, timeout=60
    )


def write(folder: Path, text: str, name: str = "plan.post.toml") -> Path:
    """`text` written (UTF-8) to `name` in `folder`; its path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
