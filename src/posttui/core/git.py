"""Reading a plan as git has it committed."""

from __future__ import annotations

import subprocess
from pathlib import Path


class GitError(Exception):
    """Git is missing, the file is not in a repository, or not at that revision."""


def committed_text(path: Path, rev: str = "HEAD") -> str:
    """The text of `path` as committed at `rev`."""
    try:
        shown = subprocess.run(
            ["git", "show", f"{rev}:./{path.name}"],
            cwd=path.parent.resolve(),
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    except NotADirectoryError:
        raise GitError(f"{path.parent} is not a folder") from None
    if shown.returncode != 0:
        reason = shown.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"{path} at {rev}: {reason[-1] if reason else 'not found'}")
    return shown.stdout.decode("utf-8", "replace")
