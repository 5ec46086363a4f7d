"""`posttui merge`: a three-way merge of plans, usable as git's merge driver."""

from __future__ import annotations

import argparse
import sys

from posttui.core.i18n import Catalog

WORDS = Catalog(
    "merge",
    en={
        "help": "merge two plans changed from a common base (usable as git's merge driver)",
        "base": "the common ancestor",
        "ours": "our version; the result is written here",
        "theirs": "their version",
        "nothing-merged": "posttui merge: nothing merged; OURS is left as it was",
        "conflict": "CONFLICT (posttui): {where} changed on both sides",
    },
)
HELP = WORDS("help")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("base", metavar="BASE", help=WORDS("base"))
    parser.add_argument("ours", metavar="OURS", help=WORDS("ours"))
    parser.add_argument("theirs", metavar="THEIRS", help=WORDS("theirs"))


def run(options: argparse.Namespace) -> int:
    from pathlib import Path

    from posttui.cli.output import cannot_write, language, loaded
    from posttui.core.merge import merge
    from posttui.core.terminal import printable
    from posttui.core.writer import write_atomic

    files = [loaded(options, path) for path in (options.base, options.ours, options.theirs)]
    if None in files:  # each broken side is said
        print(WORDS("nothing-merged", language(options)), file=sys.stderr)
        return 2
    base, ours, theirs = (file.plan for file in files if file is not None)
    lang = language(options, ours, theirs, base)
    text, conflicts = merge(base, ours, theirs)
    try:
        write_atomic(Path(options.ours), text)
    except OSError as error:
        cannot_write("merge", Path(options.ours), error, lang)
        print(WORDS("nothing-merged", lang), file=sys.stderr)
        return 2
    for where in conflicts:
        print(WORDS("conflict", lang, where=printable(where)), file=sys.stderr)
    return 1 if conflicts else 0
