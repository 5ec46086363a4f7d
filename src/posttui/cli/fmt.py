"""`posttui fmt`: rewrite plans in canonical form, in place and atomically."""

from __future__ import annotations

import argparse
import sys

HELP = "rewrite plans in canonical form (or, with --check, report which would change)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plans", metavar="PLAN", nargs="+", help="plan files to format")
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 when a file would change"
    )
    parser.add_argument(
        "--drop-comments",
        action="store_true",
        help="format files that have TOML comments too (the comments are lost)",
    )


def run(options: argparse.Namespace) -> int:
    from posttui.cli.output import plural
    from posttui.core.loader import LoadError, load
    from posttui.core.terminal import printable
    from posttui.core.writer import dumps, write_atomic

    status, changed = 0, 0
    for name in options.plans:
        shown = printable(name)
        try:
            file = load(name)
        except LoadError as error:
            print(error.render(), file=sys.stderr)
            status = 2
            continue
        text = dumps(file.plan)
        if text == file.text:
            continue
        changed += 1
        if file.comment_lines and not options.drop_comments:
            lines = ", ".join(map(str, file.comment_lines[:10]))
            print(
                f"{shown}: has comments (lines {lines}) that formatting would drop: "
                "move them into `notes` fields, or pass --drop-comments",
                file=sys.stderr,
            )
            status = max(status, 1)
        elif options.check:
            print(f"would reformat {shown}")
            status = max(status, 1)
        else:
            try:
                write_atomic(file.path, text)
            except OSError as error:
                print(f"{shown}: cannot write: {error.strerror or error}", file=sys.stderr)
                status = 2
                continue
            print(f"reformatted {shown}")
    unchanged = len(options.plans) - changed
    verb = "would be reformatted" if options.check else "reformatted"
    if changed and status != 2:
        print(f"{plural(changed, 'file')} {verb}, {unchanged} unchanged", file=sys.stderr)
    return status
