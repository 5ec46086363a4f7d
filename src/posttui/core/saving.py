"""A save that failed, in plain words: what stopped it, and where the plan could go instead."""

from __future__ import annotations

import errno
from pathlib import Path

from posttui.core.i18n import Catalog
from posttui.core.terminal import printable
from posttui.core.writer import read_only

SAVING = Catalog(
    "saving",
    en={
        "failed": (
            "Could not save {name}. {why}\n"
            "Your edits are still here, and nothing on disk was changed."
        ),
        "disk-full": "The disk is full (no room left in {folder}).",
        "quota": "Your disk quota is used up (no room left in {folder}).",
        "read-only-disk": "The folder {folder} is on a disk that can only be read.",
        "folder-gone": (
            "The folder {folder} does not exist (any more): it may have been moved or deleted."
        ),
        "file-read-only": "The file is read-only: posttui does not write over it.",
        "folder-read-only": "The folder {folder} is read-only: no file can be written in it.",
        "no-permission": "You do not have permission to write in {folder}.",
        "other": "The system said: {reason}.",
    },
)


def why_not_written(error: OSError, path: Path, lang: str) -> str:
    """What stopped `path` from being written, in plain words."""
    return SAVING(
        _cause(error, path),
        lang,
        folder=printable(str(path.parent)),
        reason=printable(error.strerror or str(error)),
    )


def failed(error: OSError, path: Path, lang: str) -> str:
    """The question after a failed save of `path`: why, and that nothing is lost."""
    return SAVING("failed", lang, name=printable(path.name), why=why_not_written(error, path, lang))


def _cause(error: OSError, path: Path) -> str:
    causes = {errno.ENOSPC: "disk-full", errno.EDQUOT: "quota", errno.EROFS: "read-only-disk"}
    if error.errno in causes:
        return causes[error.errno]
    if not path.parent.is_dir():
        return "folder-gone"
    if error.errno in (errno.EACCES, errno.EPERM):
        if read_only(path):
            return "file-read-only"
        return "folder-read-only" if read_only(path.parent) else "no-permission"
    return "other"


def elsewhere(path: Path) -> Path:
    """Where to offer to save a copy of the plan at `path`: beside it, or in the home
    folder when its own folder is gone or read-only."""
    folder = path.parent
    if not folder.is_dir() or read_only(folder):
        folder = Path.home()
    return folder / f"mine-{path.name}"
