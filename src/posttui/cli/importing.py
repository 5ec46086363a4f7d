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
        "import.short-row": "{count} columns where the header has {need}",
        "import.no-column": "no column '{column}' in the header",
        "import.no-date": "no date column: name it with --map date=COLUMN (columns: {columns})",
        "import.no-map": (
            "not the plain date,platform,metric,value layout: say which columns are "
            "which with --map (columns: {columns})"
        ),
        "import.bad-date": "not a date: '{value}' (use --map date-format=... for this one)",
        "import.bad-number": "not a number: '{value}'",
        "target": "{objective} {target}: {count} to add",
        "span": " ({first} … {last})",
        "already": "{count} dates already recorded, left as they are",
        "twice": "rows {rows}: a date given twice for this target, the first one taken",
        "unplaced": "rows {rows}: no target is {name}",
        "nothing": "nothing to add",
        "dry-run": "dry run: {count} results to add; nothing written (--apply writes them)",
        "applied": "added {count} results to {file}",
    },
    nb={
        "help": "importer resultater fra en CSV-eksport (date,platform,metric,value, eller "
        "--map); viser hva som ville blitt lagt til, med mindre --apply",
        "plan": "planfilen (NAVN.post.toml)",
        "file": "CSV-filen (UTF-8 eller UTF-16; skilt med komma, semikolon eller tabulator)",
        "apply": "legg resultatene til i planen og lagre den (standard: bare vis dem)",
        "map": "hvordan en annen utforming leses: 'date=KOLONNE,KOLONNE=PLATTFORM/MÅLTALL,...' "
        "(og date-format=FORMAT, strftime); se docs/plan-format.md",
        "source": "kilden som noteres ved hvert resultat (en slug, f.eks. platform-insights)",
        "drop-comments": "lagre en fil med TOML-kommentarer (kommentarene går tapt)",
        "bad-map": "posttui import: --map: kan ikke lese «{pair}»: oppgi KOLONNE=PLATTFORM/MÅLTALL",
        "bad-source": "posttui import: --source tar en slug (a-z, 0-9, -): {value}",
        "unreadable": "posttui import: kan ikke lese {file}: {reason}",
        "where": "posttui import: {file}{row}: {message}",
        "import.too-large": "filen er større enn {limit} MB",
        "import.encoding": "ikke UTF-8, og intet UTF-16-byte order mark: lagre den som UTF-8",
        "import.empty": "ingen overskriftslinje: filen er tom",
        "import.csv": "ikke en velformet CSV-fil ({reason})",
        "import.short-row": "{count} kolonner der overskriften har {need}",
        "import.no-column": "ingen kolonne «{column}» i overskriften",
        "import.no-date": (
            "ingen datokolonne: oppgi den med --map date=KOLONNE (kolonner: {columns})"
        ),
        "import.no-map": (
            "ikke den enkle utformingen date,platform,metric,value: si hvilke kolonner som "
            "er hva med --map (kolonner: {columns})"
        ),
        "import.bad-date": "ikke en dato: «{value}» (bruk --map date-format=... for denne)",
        "import.bad-number": "ikke et tall: «{value}»",
        "target": "{objective} {target}: {count} å legge til",
        "span": " ({first} … {last})",
        "already": "{count} datoer er registrert allerede, og blir stående",
        "twice": "rader {rows}: en dato gitt to ganger for denne målverdien, den første er tatt",
        "unplaced": "rader {rows}: ingen målverdi er {name}",
        "nothing": "ingenting å legge til",
        "dry-run": "prøvekjøring: {count} resultater å legge til; ingenting er skrevet "
        "(--apply skriver dem)",
        "applied": "la til {count} resultater i {file}",
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
    from posttui.core.importing import ImportError_, apply, decode, parse_map, plan_import, rows
    from posttui.core.messages import os_reason
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
