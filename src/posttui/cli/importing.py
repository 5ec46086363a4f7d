"""`posttui import`: results from a CSV export, per target; a dry run unless --apply."""

from __future__ import annotations

import argparse
import sys

from posttui.cli.parsing import Parser
from posttui.core.i18n import Catalog

WORDS = Catalog(
    "import",
    en={
        "help": "import results from a CSV export (date,platform,metric,value, or --map); "
        "shows what it would add unless --apply",
        "plan": "the plan file (NAME.post.toml)",
        "file": "the CSV file (UTF-8 or UTF-16; comma, semicolon or tab separated)",
        "apply": "add the results to the plan and save it (default: only show them)",
        "map": "how to read another layout: 'date=COLUMN,COLUMN=PLATFORM/METRIC,...' "
        "(and date-format=FORMAT, strftime); see docs/plan-format.md",
        "source": "the source to note with each result (a slug, e.g. platform-insights)",
        "drop-comments": "save a file that has TOML comments (the comments are lost)",
        "bad-map": "posttui import: --map: cannot read '{pair}': give COLUMN=PLATFORM/METRIC",
        "bad-source": "posttui import: --source takes a slug (a-z, 0-9, -): {value}",
        "unreadable": "posttui import: cannot read {file}: {reason}",
        "where": "posttui import: {file}{row}: {message}",
        "import.too-large": "the file is larger than {limit} MB",
        "import.encoding": "not UTF-8, and no UTF-16 byte order mark: save it as UTF-8",
        "import.empty": "no header line: the file is empty",
        "import.csv": "not a well-formed CSV file ({reason})",
        "import.short-row": (
            "{count} column where the header has {need}",
            "{count} columns where the header has {need}",
        ),
        "import.no-column": "no column '{column}' in the header",
        "import.no-date": "no date column: name it with --map date=COLUMN (columns: {columns})",
        "import.no-map": (
            "not the plain date,platform,metric,value layout: say which columns are "
            "which with --map (columns: {columns})"
        ),
        "import.bad-date": "not a date: '{value}' (use --map date-format=... for this one)",
        "import.bad-number": "not a number: '{value}'",
        "target": (
            "{objective} {target}: {count} to add",
            "{objective} {target}: {count} to add",
        ),
        "span": " ({first} … {last})",
        "already": (
            "{count} date already recorded, left as it is",
            "{count} dates already recorded, left as they are",
        ),
        "twice": "rows {rows}: a date given twice for this target, the first one taken",
        "unplaced": "rows {rows}: no target is {name}",
        "nothing": "nothing to add",
        "dry-run": (
            "dry run: {count} result to add; nothing written (--apply writes it)",
            ("dry run: {count} results to add; nothing written (--apply writes them)"),
        ),
        "applied": (
            "added {count} result to {file}",
            "added {count} results to {file}",
        ),
    },
)
HELP = WORDS("help")


def add_arguments(parser: Parser) -> None:
    parser.add_argument("plan", metavar="PLAN", help=WORDS("plan"))
    parser.add_argument("file", metavar="FILE.csv", help=WORDS("file"))
    parser.add_argument("--apply", action="store_true", help=WORDS("apply"))
    parser.add_argument("--map", metavar="SPEC", help=WORDS("map"))
    parser.add_argument("--source", metavar="SLUG", help=WORDS("source"))
    parser.add_argument("--drop-comments", action="store_true", help=WORDS("drop-comments"))


def _rows(lines: list[int]) -> str:
    shown = ", ".join(map(str, lines[:8]))
    return shown + (f", … ({len(lines)})" if len(lines) > 8 else "")


def run(options: argparse.Namespace) -> int:
    import re

    from posttui.cli.output import language, loaded, saved
    from posttui.core.catalog import os_reason
    from posttui.core.importing import ImportError_, apply, decode, parse_map, plan_import, rows
    from posttui.core.terminal import printable

    if (file := loaded(options, options.plan)) is None:
        return 2
    lang = language(options, file.plan)
    shown = printable(options.file)

    def fail(key: str, **params: object) -> int:
        print(WORDS(key, lang, **params), file=sys.stderr)
        return 2

    if options.source is not None and not re.fullmatch(r"[a-z0-9-]+", options.source):
        return fail("bad-source", value=printable(options.source))
    try:
        mapping = parse_map(options.map) if options.map else None
    except ValueError as error:
        return fail("bad-map", pair=printable(str(error)))
    try:
        with open(options.file, "rb") as handle:
            data = handle.read()
    except OSError as error:
        return fail("unreadable", file=shown, reason=os_reason(error).text(lang))
    try:
        planned = plan_import(file.plan, list(rows(decode(data), mapping)), options.source)
    except ImportError_ as error:
        params = {k: printable(str(v)) for k, v in error.params.items()}
        message = WORDS(error.key, lang, **params)
        row = f":{error.row}" if error.row else ""
        return fail("where", file=shown, row=row, message=message)
    for entry in planned.targets:
        line = WORDS(
            "target",
            lang,
            objective=printable(entry.objective),
            target=printable(entry.label),
            count=len(entry.added),
        )
        if entry.added:
            days = sorted(result.date for result in entry.added)
            line += WORDS("span", lang, first=days[0].isoformat(), last=days[-1].isoformat())
        print(line)
        if entry.already:
            print("  " + WORDS("already", lang, count=len(entry.already)))
        if entry.twice:
            print("  " + WORDS("twice", lang, rows=_rows(entry.twice)))
    for name, lines in planned.unplaced.items():
        print(WORDS("unplaced", lang, rows=_rows(lines), name=printable(name)))
    if not planned.count:
        print(WORDS("nothing", lang))
        return 0
    if not options.apply:
        print(WORDS("dry-run", lang, count=planned.count))
        return 0
    added = apply(file.plan, planned)
    if not saved("import", file, options.drop_comments, lang):
        return 2
    print(WORDS("applied", lang, count=added, file=printable(options.plan)))
    return 0
