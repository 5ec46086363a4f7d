"""`posttui diff`: what changed between two plans, or since a git revision."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from posttui.core.diff import Change

HELP = "show what changed between two plans, by section, id and field"

STEPS = {
    "plan": "Plan",
    "settings": "Plan",
    "people": "People",
    "people.segments": "People",
    "objectives": "Objectives",
    "strategy": "Strategy",
    "strategy.initiatives": "Strategy",
    "technology": "Technology",
    "technology.platforms": "Technology",
}
NOUNS = {
    "people.segments": "segment",
    "objectives": "objective",
    "strategy.initiatives": "initiative",
    "technology.platforms": "platform",
}
MARKS = {
    "added": ("+", "ok"),
    "removed": ("-", "error"),
    "changed": ("~", "warning"),
    "moved": ("↕", "info"),
}


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
    from posttui.core.loader import LoadError, load, parse

    try:
        if options.new is None or options.rev:
            if options.new is not None:
                raise Unloadable("give either NEW or --rev, not both")
            rev = options.rev or "HEAD"
            old = parse(_committed(Path(options.old), rev), f"{options.old}@{rev}")
            new = load(options.old).plan
        else:
            old, new = load(options.old).plan, load(options.new).plan
    except LoadError as error:
        print(error.render(), file=sys.stderr)
        return 2
    except Unloadable as error:
        print(f"posttui diff: {error}", file=sys.stderr)
        return 2
    changes = diff(old, new)
    if options.format == "json":
        print(json.dumps({"changes": [c.to_json() for c in changes]}, ensure_ascii=False, indent=2))
    else:
        _print_text(changes)
    return 1 if changes else 0


def _committed(path: Path, rev: str) -> str:
    """The text of `path` as committed at `rev`."""
    try:
        shown = subprocess.run(
            ["git", "show", f"{rev}:./{path.name}"],
            cwd=path.parent.resolve(),
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise Unloadable("git is not installed") from None
    if shown.returncode != 0:
        reason = shown.stderr.decode("utf-8", "replace").strip().splitlines()
        raise Unloadable(f"{path} at {rev}: {reason[-1] if reason else 'not found'}")
    return shown.stdout.decode("utf-8", "replace")


def _print_text(changes: list[Change]) -> None:
    from posttui.cli.output import Painter
    from posttui.core.terminal import printable

    paint = Painter()
    if not changes:
        print("no changes")
        return
    order = list(dict.fromkeys(STEPS.values()))
    step = None
    for change in sorted(changes, key=lambda c: order.index(STEPS[c.section])):
        if STEPS[change.section] != step:
            step = STEPS[change.section]
            print(paint(step, "bold"))
        mark, style = MARKS[change.op]
        print(f"  {paint(mark, style)} {printable(_describe(change))}")


def _describe(change: Change) -> str:
    noun = NOUNS.get(change.section, change.section)
    what = f"{noun} {change.subject}" if change.subject else change.section
    if change.op == "added":
        return f"{what} added"
    if change.op == "removed":
        return f"{what} removed"
    if change.op == "moved":
        return f"{what} moved from position {change.old + 1} to {change.new + 1}"
    return f"{what}: {change.field} {_shown(change.old)} → {_shown(change.new)}"


def _shown(value: Any) -> str:
    from datetime import date

    if value is None:
        return "(unset)"
    if isinstance(value, date):
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False)
