"""Reading a plan as git has it committed."""

from __future__ import annotations

import os
import subprocess
import threading
from concurrent.futures import Future
from pathlib import Path

from posttui.core.i18n import Catalog
from posttui.core.terminal import printable

GIT = Catalog(
    "git",
    en={
        "missing": "git is not installed",
        "not-a-folder": "{folder} is not a folder",
        "no-folder": "there is no folder {folder}",
        "not-a-repository": "{file} is not in a git repository",
        "not-committed": "{file} is not committed at {rev}",
        "unknown-revision": "git knows no revision {rev}",
        "other": "{file} at {rev}: git says: {reason}",
    },
)

# What git (in the C locale) says, and what we say instead.
_SAID = (
    ("not a git repository", "not-a-repository"),
    ("exists on disk, but not in", "not-committed"),
    ("does not exist in", "not-committed"),
    ("invalid object name", "unknown-revision"),
)


class GitError(Exception):
    """Git is missing, the file is not in a repository, or not at that revision."""

    def __init__(self, key: str, **params: str) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def text(self, lang: str) -> str:
        return GIT(self.key, lang, **self.params)


def committed_text(path: Path, rev: str = "HEAD") -> str:
    """The text of `path` as committed at `rev`."""
    names = {"file": printable(str(path)), "rev": printable(rev)}
    try:
        shown = subprocess.run(
            ["git", "show", f"{rev}:./{path.name}"],
            cwd=path.parent.resolve(),
            capture_output=True,
            check=False,
            env={**os.environ, "LC_ALL": "C"},  # git's words, to tell one failure from another
        )
    except FileNotFoundError as error:
        if error.filename == "git":
            raise GitError("missing") from None
        raise GitError("no-folder", folder=printable(str(path.parent))) from None
    except NotADirectoryError:
        raise GitError("not-a-folder", folder=printable(str(path.parent))) from None
    if shown.returncode != 0:
        said = shown.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = said[-1] if said else ""
        key = next((key for words, key in _SAID if words in reason), "other")
        raise GitError(key, reason=printable(reason), **names)
    return shown.stdout.decode("utf-8", "replace")


def committed_soon(path: Path, rev: str = "HEAD") -> Future[str]:
    """`committed_text`, asked now and answered in a thread: git runs while the caller
    goes on (the editor draws the plan meanwhile)."""
    answer: Future[str] = Future()

    def ask() -> None:
        try:
            answer.set_result(committed_text(path, rev))
        except BaseException as error:  # the asker gets it, whatever it is
            answer.set_exception(error)

    threading.Thread(target=ask, name="git show", daemon=True).start()
    return answer
