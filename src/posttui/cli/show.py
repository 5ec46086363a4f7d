"""`posttui show`: a plan as one fact per line (for git's textconv and for grep).

A file that is not a plan that loads (a version in history with a conflict marker,
say) is printed as it is, control characters escaped, and `show` exits 0: git stops
`git log -p` at the first textconv that fails, so one bad version would hide the
rest of the history. Only a file that cannot be read at all exits 2.
"""

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
)
HELP = WORDS("help")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", metavar="PLAN", help=WORDS("plan"))


def run(options: argparse.Namespace) -> int:
    from posttui.cli.output import language
    from posttui.core.facts import facts
    from posttui.core.loader import LoadError, load
    from posttui.core.terminal import printable

    try:
        file = load(options.plan)
    except LoadError as error:
        try:
            with open(options.plan, "rb") as handle:
                data = handle.read()
        except OSError:
            print(error.render(language(options)), file=sys.stderr)
            return 2
        text = data.decode("utf-8", "backslashreplace")
        sys.stdout.write(printable(text) + ("" if text.endswith("\n") or not text else "\n"))
        return 0
    sys.stdout.write("".join(f"{line}\n" for line in facts(file.plan)))
    return 0
