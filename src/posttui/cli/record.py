"""`posttui record`: add one result to a target and save the plan atomically."""

from __future__ import annotations

import argparse
import functools
import sys

from posttui.cli.parsing import Parser, _date
from posttui.core.i18n import Catalog

WORDS = Catalog(
    "record",
    en={
        "help": "record a result: the value a target's metric has on a date (default today)",
        "plan": "the plan file (NAME.post.toml)",
        "objective": "the objective's id",
        "value": "the value measured, e.g. 1480 or 1 480,5",
        "target": "which target, when the objective has several: PLATFORM/METRIC",
        "date": "the date it was measured (default: today)",
        "source": "where it was measured (a slug: platform-insights, survey, ...)",
        "note": "a note to keep with it",
        "drop-comments": "save a file that has TOML comments (the comments are lost)",
        "not-a-number": "posttui record: not a number: {value}",
        "bad-source": "posttui record: --source takes a slug (a-z, 0-9, -): {value}",
        "no.objective": "posttui record: no objective '{name}' in {file} (objectives: {choices})",
        "no.none": "posttui record: objective '{name}' has no targets: add one first",
        "no.several": "posttui record: objective '{name}' has several targets; say which "
        "with --target ({choices})",
        "no.unknown": "posttui record: no target '{name}' in this objective (targets: {choices})",
        "no.ambiguous": "posttui record: more than one target is '{name}' ({choices}); "
        "give one of them a source or a different metric",
        "recorded": "recorded {value} for {objective} {target} on {date}",
        "replaced": "recorded {value} for {objective} {target} on {date} (was {old})",
    },
)
HELP = WORDS("help")


def add_arguments(parser: Parser) -> None:
    parser.add_argument("plan", metavar="PLAN", help=WORDS("plan"))
    parser.add_argument("objective", metavar="OBJECTIVE", help=WORDS("objective"))
    parser.add_argument("value", metavar="VALUE", help=WORDS("value"))
    parser.add_argument("--target", metavar="PLATFORM/METRIC", help=WORDS("target"))
    parser.add_argument(
        "--date",
        type=functools.partial(_date, parser.lang),
        metavar="YYYY-MM-DD",
        help=WORDS("date"),
    )
    parser.add_argument("--source", metavar="SLUG", help=WORDS("source"))
    parser.add_argument("--note", default="", help=WORDS("note"))
    parser.add_argument("--drop-comments", action="store_true", help=WORDS("drop-comments"))


def run(options: argparse.Namespace) -> int:
    from datetime import date

    from pydantic import ValidationError

    from posttui.cli.output import language, loaded, saved
    from posttui.cli.progress import number
    from posttui.core.model import Result
    from posttui.core.results import NoTarget, add_result, choose_target, find_objective
    from posttui.core.terminal import printable

    if (file := loaded(options, options.plan)) is None:
        return 2
    lang = language(options, file.plan)
    shown = printable(options.plan)

    def fail(key: str, **params: object) -> int:
        print(WORDS(key, lang, **params), file=sys.stderr)
        return 2

    try:
        value = _value(options.value)
    except ValueError:
        return fail("not-a-number", value=printable(options.value))
    try:
        objective = find_objective(file.plan, options.objective)
        _, target = choose_target(objective, options.target)
    except NoTarget as missing:
        choices = ", ".join(missing.choices) or "-"
        return fail(
            f"no.{missing.reason}",
            name=printable(missing.name),
            file=shown,
            choices=printable(choices),
        )
    day = options.date or date.today()
    try:
        result = Result(date=day, value=value, source=options.source, note=options.note)
    except ValidationError:
        return fail("bad-source", value=printable(options.source or ""))
    old = add_result(target, result)
    if not saved("record", file, options.drop_comments, lang):
        return 2
    said = {
        "value": number(value, lang, 2 if isinstance(value, float) else 0),
        "objective": printable(objective.id),
        "target": printable(target.label()),
        "date": day.isoformat(),
    }
    if old is None:
        print(WORDS("recorded", lang, **said))
    else:
        print(WORDS("replaced", lang, **said, old=number(old.value, lang, 2)))
    return 0


def _value(text: str) -> int | float:
    import math

    from posttui.core.results import parse_number

    value = parse_number(text)
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(text)
    return value
