"""`posttui fmt`: rewrite plans in canonical form, in place and atomically."""

from __future__ import annotations

import argparse
import sys

from posttui.core.i18n import Catalog

WORDS = Catalog(
    "fmt",
    en={
        "help": "rewrite plans in canonical form (or, with --check, report which would change)",
        "plans": "plan files to format",
        "check": "write nothing; exit 1 when a file would change",
        "drop-comments": "format files that have TOML comments too (the comments are lost)",
        "comments": (
            "{file}: has comments (lines {lines}) that formatting would drop: "
            "move them into `notes` fields, or pass --drop-comments"
        ),
        "would-reformat": "would reformat {file}",
        "reformatted": "reformatted {file}",
        "file": (
            "{count} file",
            "{count} files",
        ),
        "summary.check": "{files} would be reformatted, {unchanged} unchanged",
        "summary": "{files} reformatted, {unchanged} unchanged",
    },
)
HELP = WORDS("help")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plans", metavar="PLAN", nargs="+", help=WORDS("plans"))
    parser.add_argument("--check", action="store_true", help=WORDS("check"))
    parser.add_argument("--drop-comments", action="store_true", help=WORDS("drop-comments"))


def run(options: argparse.Namespace) -> int:
    from posttui.cli.output import cannot_write, language, loaded
    from posttui.core.terminal import printable
    from posttui.core.writer import dumps, write_atomic

    status, changed, unchanged, plans = 0, 0, 0, []
    for name in options.plans:
        shown = printable(name)
        if (file := loaded(options, name)) is None:
            status = 2
            continue
        plans.append(file.plan)
        lang = language(options, file.plan)
        text = dumps(file.plan)
        if text == file.text:
            unchanged += 1
        elif file.comment_lines and not options.drop_comments:
            lines = ", ".join(map(str, file.comment_lines[:10]))
            print(WORDS("comments", lang, file=shown, lines=lines), file=sys.stderr)
            status = max(status, 1)
        elif options.check:
            print(WORDS("would-reformat", lang, file=shown))
            changed += 1
            status = max(status, 1)
        else:
            try:
                write_atomic(file.path, text)
            except OSError as error:
                cannot_write("fmt", file.path, error, lang)
                status = 2
                continue
            print(WORDS("reformatted", lang, file=shown))
            changed += 1
    if changed and status != 2:
        lang = language(options, *plans)
        files = WORDS("file", lang, count=changed)
        summary = "summary.check" if options.check else "summary"
        print(WORDS(summary, lang, files=files, unchanged=unchanged), file=sys.stderr)
    return status
