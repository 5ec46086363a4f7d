"""`posttui diff`: what changed between two plans, or since a git revision."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from posttui.core.i18n import Catalog

if TYPE_CHECKING:
    from posttui.core.diff import Change

WORDS = Catalog(
    "diff command",
    en={
        "help": "show what changed between two plans, by section, id and field",
        "old": "the earlier plan (or the plan, with --rev)",
        "new": "the later plan",
        "rev": "compare the plan as committed at REV with the file (default without NEW: HEAD)",
        "format": "text for people, json for tools",
        "new-and-rev": "posttui diff: give either NEW or --rev, not both",
        "git": "posttui diff: {reason}",
        "no-changes": "no changes",
    },
)
HELP = WORDS("help")

MARK_STYLES = {"added": "ok", "removed": "error", "changed": "warning", "moved": "info"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", metavar="OLD", help=WORDS("old"))
    parser.add_argument("new", metavar="NEW", nargs="?", help=WORDS("new"))
    parser.add_argument("--rev", metavar="REV", help=WORDS("rev"))
    parser.add_argument("--format", choices=("text", "json"), default="text", help=WORDS("format"))


def run(options: argparse.Namespace) -> int:
    from posttui.cli.output import language
    from posttui.core.diff import diff
    from posttui.core.git import GitError, committed_text
    from posttui.core.loader import LoadError, load, parse
    from posttui.core.terminal import json_text

    if options.new is not None and options.rev:
        print(WORDS("new-and-rev", language(options)), file=sys.stderr)
        return 2
    try:
        if options.new is None:
            rev = options.rev or "HEAD"
            old = parse(committed_text(Path(options.old), rev), f"{options.old}@{rev}")
            new = load(options.old).plan
        else:
            old, new = load(options.old).plan, load(options.new).plan
    except LoadError as error:
        print(error.render(language(options)), file=sys.stderr)
        return 2
    except GitError as error:
        lang = language(options)
        print(WORDS("git", lang, reason=error.text(lang)), file=sys.stderr)
        return 2
    changes = diff(old, new)
    if options.format == "json":
        print(json_text({"changes": [c.to_json() for c in changes]}))
    else:
        _print_text(changes, language(options, new, old))
    return 1 if changes else 0


def _print_text(changes: list[Change], lang: str) -> None:
    from posttui.cli.output import Painter
    from posttui.core.diff import MARKS, by_step, describe, step_title
    from posttui.core.terminal import printable

    paint = Painter()
    if not changes:
        print(WORDS("no-changes", lang))
        return
    step = None
    for change in by_step(changes):
        if (title := step_title(change.section, lang)) != step:
            step = title
            print(paint(step, "bold"))
        mark = paint(MARKS[change.op], MARK_STYLES[change.op])
        print(f"  {mark} {printable(describe(change, lang))}")
