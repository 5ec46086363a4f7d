"""`posttui show`: a plan as one fact per line (for git's textconv and for grep)."""

from __future__ import annotations

import argparse
import sys

HELP = "print a plan one fact per line, items named by id (a git textconv)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", metavar="PLAN", help="the plan file")


def run(options: argparse.Namespace) -> int:
    from posttui.core.facts import facts
    from posttui.core.loader import LoadError, load

    try:
        plan = load(options.plan).plan
    except LoadError as error:
        print(error.render(), file=sys.stderr)
        return 2
    sys.stdout.write("".join(f"{line}\n" for line in facts(plan)))
    return 0
