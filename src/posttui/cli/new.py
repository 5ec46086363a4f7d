"""`posttui new`: start a minimal valid plan; never overwrites. On a terminal the editor
then opens on it with the guided start."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from posttui.core.i18n import Catalog

WORDS = Catalog(
    "new",
    en={
        "help": "create a new, minimal plan file",
        "path": "where to create it (NAME.post.toml)",
        "title": "the plan's title (default: from the file name)",
        "no-guide": "only create the file (on a terminal it opens with the guided start)",
        "exists": "{file} exists already: posttui new never overwrites",
        "created": "created {file}: open it with `posttui {file}`",
    },
)
HELP = WORDS("help")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help=WORDS("path"))
    parser.add_argument("--title", help=WORDS("title"))
    parser.add_argument("--no-guide", action="store_true", help=WORDS("no-guide"))


def run(options: argparse.Namespace) -> int:
    from posttui.cli.output import cannot_write, language
    from posttui.core.model import Plan, title_from_filename
    from posttui.core.terminal import printable
    from posttui.core.writer import dumps, write_new

    path = Path(options.path)
    title = (options.title or "").strip() or title_from_filename(path.name)
    shown = printable(options.path)
    lang = language(options)
    plan = Plan.new(title)
    plan.plan.language = options.lang  # asked for: the plan is written in it (None: unset)
    try:
        write_new(path, dumps(plan))
    except FileExistsError:
        print(WORDS("exists", lang, file=shown), file=sys.stderr)
        return 2
    except OSError as error:
        cannot_write("new", path, error, lang)
        return 2
    print(WORDS("created", lang, file=shown))
    if options.no_guide or not (sys.stdin.isatty() and sys.stdout.isatty()):
        return 0
    from posttui.cli import edit  # the editor starts an empty plan with the guided start

    return edit.run(argparse.Namespace(plan=options.path, lang=options.lang))
