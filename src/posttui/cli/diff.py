"""`posttui diff`: what changed between two plans, or since a git revision."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from posttui.core.diff import Change

HELP = "show what changed between two plans, by section, id and field"

MARK_STYLES = {"added": "ok", "removed": "error", "changed": "warning", "moved": "info"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", metavar="OLD", help="the earlier plan (or the plan, with --rev)")
    parser.add_argument("new", metavar="NEW", nargs="?", help="the later plan")
    parser.add_argument(
        "--rev",
        metavar="REV",
        help="compare the plan as committed at REV with the file (default without NEW: HEAD)",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")


class Unloadable(Exception):
    pass


def run(options: argparse.Namespace) -> int:
    from posttui.core.diff import diff
    from posttui.core.git import GitError, committed_text
    from posttui.core.loader import LoadError, load, parse

    try:
        if options.new is None or options.rev:
            if options.new is not None:
                raise Unloadable("give either NEW or --rev, not both")
            rev = options.rev or "HEAD"
            old = parse(committed_text(Path(options.old), rev), f"{options.old}@{rev}")
            new = load(options.old).plan
        else:
            old, new = load(options.old).plan, load(options.new).plan
    except LoadError as error:
        print(error.render(), file=sys.stderr)
        return 2
    except (Unloadable, GitError) as error:
        print(f"posttui diff: {error}", file=sys.stderr)
        return 2
    changes = diff(old, new)
    if options.format == "json":
        print(json.dumps({"changes": [c.to_json() for c in changes]}, ensure_ascii=False, indent=2))
    else:
        _print_text(changes)
    return 1 if changes else 0


def _print_text(changes: list[Change]) -> None:
    from posttui.cli.output import Painter
    from posttui.core.diff import MARKS, STEPS, by_step, describe
    from posttui.core.terminal import printable

    paint = Painter()
    if not changes:
        print("no changes")
        return
    step = None
    for change in by_step(changes):
        if STEPS[change.section] != step:
            step = STEPS[change.section]
            print(paint(step, "bold"))
        mark = paint(MARKS[change.op], MARK_STYLES[change.op])
        print(f"  {mark} {printable(describe(change))}")
