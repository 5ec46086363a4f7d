"""`posttui show`: a plan as one fact per line (for git's textconv and for grep)."""

from __future__ import annotations

import argparse
import sys

from posttui.core.i18n import Catalog

# The facts themselves are key paths and values: the same in every language, for git.
WORDS = Catalog(
    "show",
    en={
        "help": "print a plan one fact per line, items named by id (a git textconv)",
        "plan": "the plan file",
    },
    nb={
        "help": "skriv ut en plan med ett faktum per linje, elementer navngitt etter id "
        "(en textconv for git)",
        "plan": "planfilen",
    },
)
HELP = WORDS("help")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", metavar="PLAN", help=WORDS("plan"))


def run(options: argparse.Namespace) -> int:
    from posttui.cli.output import loaded
    from posttui.core.facts import facts

    if (file := loaded(options, options.plan)) is None:
        return 2
    sys.stdout.write("".join(f"{line}\n" for line in facts(file.plan)))
    return 0
