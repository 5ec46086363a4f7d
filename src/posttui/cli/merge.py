"""`posttui merge`: a three-way merge of plans, usable as git's merge driver."""

from __future__ import annotations

import argparse
import sys

HELP = "merge two plans changed from a common base (git merge driver: %%O %%A %%B)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("base", metavar="BASE", help="the common ancestor")
    parser.add_argument("ours", metavar="OURS", help="our version; the result is written here")
    parser.add_argument("theirs", metavar="THEIRS", help="their version")


def run(options: argparse.Namespace) -> int:
    from pathlib import Path

    from posttui.core.loader import LoadError, load
    from posttui.core.merge import merge
    from posttui.core.terminal import printable
    from posttui.core.writer import write_atomic

    try:
        base, ours, theirs = (load(p).plan for p in (options.base, options.ours, options.theirs))
    except LoadError as error:
        print(error.render(), file=sys.stderr)
        print("posttui merge: nothing merged; OURS is left as it was", file=sys.stderr)
        return 2
    text, conflicts = merge(base, ours, theirs)
    write_atomic(Path(options.ours), text)
    for where in conflicts:
        print(f"CONFLICT (posttui): {printable(where)} changed on both sides", file=sys.stderr)
    return 1 if conflicts else 0
