"""The command that runs posttui for git and for `serve`: this Python, isolated.

`python -m posttui` puts the working folder first on the import path, so a
`posttui/` folder in a cloned repository would run instead of posttui under
`git diff`, `git merge` or `serve`. Isolated mode (`-I`) leaves the working
folder, the user's site-packages and every `PYTHON*` variable out; where posttui
itself is found only through them (installed with `pip install --user`, or on
`PYTHONPATH`), `-P` leaves out just the working folder.
"""

from __future__ import annotations

import functools
import subprocess
import sys
from pathlib import Path

import posttui


def posttui_command() -> list[str]:
    """The words that run posttui with this Python, nothing from the working folder."""
    return [sys.executable, isolation(), "-m", "posttui"]


@functools.cache
def isolation() -> str:
    """`-I` when this Python in isolated mode imports this very posttui, else `-P`."""
    here = Path(posttui.__file__).resolve()
    try:
        found = subprocess.run(
            [sys.executable, "-I", "-c", "import posttui; print(posttui.__file__)"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return "-P"
    lines = found.stdout.splitlines()
    if found.returncode == 0 and lines and Path(lines[-1]).resolve() == here:
        return "-I"
    return "-P"
