"""Where an editor may save when someone else's browser drives it.

`posttui serve` gives an editor to whoever holds its token, through a web page;
the files that editor can write are the user's files. So a served editor saves
only beside its plan: `serve` names the plan's folder in `POSTTUI_SAVE_FOLDER`
for the editors it starts, and the Save-as dialog keeps to it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from posttui.core.i18n import Catalog
from posttui.core.terminal import printable

VARIABLE = "POSTTUI_SAVE_FOLDER"
SUFFIX = ".post.toml"

WORDS = Catalog(
    "confine",
    en={
        "outside": (
            "Not saved: in the browser a plan is saved only in its own folder, {folder}, "
            "as NAME.post.toml (not {path})."
        ),
    },
)


def save_folder(environ: Mapping[str, str] = os.environ) -> Path | None:
    """The one folder this editor may save in, or None when it may save anywhere."""
    value = environ.get(VARIABLE)
    return Path(value) if value else None


def confined(text: str, folder: Path) -> Path | None:
    """The file `text` names (relative to `folder`) when it is a `NAME.post.toml` right
    in `folder` and not a symbolic link; None for anywhere else."""
    target = folder / text
    name = target.name
    if not name.endswith(SUFFIX) or name in (SUFFIX, "." + SUFFIX) or "\0" in text:
        return None
    try:
        if target.parent.resolve(strict=True) != folder.resolve(strict=True):
            return None
        if target.is_symlink():
            return None
    except (OSError, RuntimeError):
        return None
    return folder.resolve() / name


def refusal(text: str, folder: Path, lang: str) -> str:
    """Why `text` is not saved to, in plain words."""
    return WORDS("outside", lang, folder=printable(str(folder)), path=printable(text))
