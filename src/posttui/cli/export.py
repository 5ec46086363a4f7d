"""`posttui export`: the plan as a report for the people who approve it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from posttui.cli.parsing import Parser, add_today
from posttui.core.i18n import Catalog

WORDS = Catalog(
    "export",
    en={
        "help": "write a report of a plan to read, share or print: Markdown or one HTML page",
        "plan": "the plan file (NAME.post.toml)",
        "format": (
            "md (Markdown) or html (one self-contained page, printable on A4); "
            "default: from the suffix of the -o file, else md"
        ),
        "output": "write the report to FILE, whole or not at all (without -o: to standard output)",
        "today": "the date of the report, that deadlines are measured against "
        "(default: the plan's as_of, else today)",
        "wrote": "wrote {file}",
    },
)
HELP = WORDS("help")

# The format a file name asks for, when --format does not say.
SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


def add_arguments(parser: Parser) -> None:
    parser.add_argument("plan", metavar="PLAN", help=WORDS("plan"))
    parser.add_argument("--format", choices=("md", "html"), help=WORDS("format"))
    parser.add_argument("-o", "--output", metavar="FILE", help=WORDS("output"))
    add_today(parser, WORDS("today"))


def run(options: argparse.Namespace) -> int:
    from posttui.cli.output import cannot_write, language, loaded
    from posttui.core.report import export_pieces
    from posttui.core.terminal import printable
    from posttui.core.writer import write_atomic

    if (file := loaded(options, options.plan)) is None:
        return 2
    plan, source = file.plan, file.path
    del file  # its text: the report is made from the plan alone, in little memory
    lang = language(options, plan)
    output = Path(options.output) if options.output else None
    format = options.format or SUFFIXES.get(output.suffix.lower() if output else "", "md")
    report = export_pieces(plan, format, lang, options.today)
    if output is None:
        # The report is UTF-8 whatever the locale: it is a file, even when piped.
        for piece in report:
            sys.stdout.buffer.write(piece.encode("utf-8"))
        sys.stdout.buffer.flush()
        return 0
    try:
        # A new report says what the plan says: readable by nobody the plan is not.
        write_atomic(output, report, new_at_most=source.stat().st_mode & 0o666)
    except OSError as error:
        cannot_write("export", output, error, lang)
        return 2
    print(WORDS("wrote", lang, file=printable(options.output)))
    return 0
