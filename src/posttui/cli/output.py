"""Shared bits of command output: the language, colour only on a terminal."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from posttui.core.i18n import Catalog, choose

if TYPE_CHECKING:
    from posttui.core.loader import PlanFile
    from posttui.core.model import Plan

WORDS = Catalog(
    "command output",
    en={
        "cannot-write": "posttui {command}: cannot write {file}. {why}",
        "comments": (
            "posttui {command}: {file} has comments (lines {lines}) that saving would drop: "
            "move them into `notes` fields, or pass --drop-comments"
        ),
    },
)


def loaded(options: argparse.Namespace, path: str | Path) -> PlanFile | None:
    """The plan file at `path`; None when it cannot be loaded, which is said on stderr
    (in the language asked for: the file's own is not known)."""
    from posttui.core.loader import LoadError, load

    try:
        return load(path)
    except LoadError as error:
        print(error.render(language(options)), file=sys.stderr)
        return None


def cannot_write(command: str, path: Path, error: OSError, lang: str) -> None:
    """Say on stderr why `command` could not write `path`, in the editor's words."""
    from posttui.core.saving import why_not_written
    from posttui.core.terminal import printable

    why = why_not_written(error, path, lang)
    print(
        WORDS("cannot-write", lang, command=command, file=printable(str(path)), why=why),
        file=sys.stderr,
    )


def saved(command: str, file: PlanFile, drop_comments: bool, lang: str) -> bool:
    """Write `file`'s plan back atomically; False, said on stderr, when that would drop
    its comments (unless `drop_comments`) or the file cannot be written."""
    from posttui.core.terminal import printable
    from posttui.core.writer import save

    if file.comment_lines and not drop_comments:
        lines = ", ".join(map(str, file.comment_lines[:10]))
        name = printable(str(file.path))
        print(WORDS("comments", lang, command=command, file=name, lines=lines), file=sys.stderr)
        return False
    try:
        save(file.plan, file.path)
    except OSError as error:
        cannot_write(command, file.path, error, lang)
        return False
    return True


def language(options: argparse.Namespace, *plans: Plan) -> str:
    """`--lang`, else the first of `plans` that sets its `language`, else the locale."""
    plan_language = next((p.plan.language for p in plans if p.plan.language), None)
    return choose(options.lang, plan_language, os.environ)


STYLES = {"error": "31", "warning": "33", "info": "36", "bold": "1", "ok": "32"}


def use_colour(stream: TextIO) -> bool:
    return stream.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


class Painter:
    def __init__(self, stream: TextIO = sys.stdout) -> None:
        self.enabled = use_colour(stream)

    def __call__(self, text: str, style: str) -> str:
        return f"\x1b[{STYLES[style]}m{text}\x1b[0m" if self.enabled else text
