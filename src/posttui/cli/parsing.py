"""The argument parser in the user's language: help, usage and argparse's own errors.

Commands give argparse their help in English, from their catalogs; the formatter
says each text in the chosen language by finding the catalog entry it came from.
argparse's own words (`usage:`, `options`, its errors) are in `ARGPARSE`, keyed by
argparse's English. The language of help and usage errors is `--lang` when argv
holds one, else the locale: no plan has been read yet.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import sys
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, NoReturn

from posttui.core.i18n import LANGUAGES, Catalog, choose

ARGPARSE = Catalog(
    "argparse",
    en={
        "usage": "usage: ",
        "positionals": "positional arguments",
        "options": "options",
        "help": "show this help message and exit",
        "version": "show program's version number and exit",
        "error": "%(prog)s: error: %(message)s\n",
        "required": "the following arguments are required: %s",
        "unrecognized": "unrecognized arguments: %s",
        "argument": "argument %(argument_name)s: %(message)s",
        "choice": "invalid choice: %(value)r (choose from %(choices)s)",
        "type": "invalid %(type)s value: %(value)r",
        "one": "expected one argument",
        "at-least-one": "expected at least one argument",
        "at-most-one": "expected at most one argument",
        "ambiguous": "ambiguous option: %(option)s could match %(matches)s",
    },
)

# The words of the command line as a whole (the commands' own are in their modules).
WORDS = Catalog(
    "command line",
    en={
        "description": (
            "Write a social-media strategy with the POST method: "
            "People, Objectives, Strategy, Technology."
        ),
        "epilog": "`posttui PLAN` is short for `posttui edit PLAN`.",
        "lang": "the language to speak: en, nb or nn (Norwegian Bokmål, Nynorsk)",
        "edit": "open a plan in the editor (a missing file starts a new plan saved there)",
        "edit.plan": "the plan file (NAME.post.toml)",
        "not-a-date": "not a date (YYYY-MM-DD): {value}",
    },
)


def argv_language(argv: Sequence[str], environ: Mapping[str, str] = os.environ) -> str:
    """The language of help and usage errors: a `--lang` in argv, else the locale."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        value = arg.removeprefix("--lang=") if arg.startswith("--lang=") else None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        if value in LANGUAGES:
            return value
    return choose(None, None, environ)


def _entry(text: str) -> tuple[Catalog, str] | None:
    """The catalog entry whose English is `text`."""
    for catalog in Catalog.ALL:
        for key, english in catalog.en.items():
            if english == text:
                return catalog, key
    return None


def said(text: str, lang: str) -> str:
    """`text`, an English catalog entry, in `lang` (`text` itself when no catalog has it)."""
    entry = _entry(text) if lang != "en" else None
    return entry[0](entry[1], lang) if entry else text


def translated(text: str) -> bool:
    """Some catalog holds `text` in English, and so in every language."""
    return _entry(text) is not None


_PLACEHOLDER = re.compile(r"%\((\w+)\)[sr]|%[sr]")


def _names(template: str) -> list[str]:
    """A %-template's parameters in order: their names, or their places for bare `%s`."""
    places = iter(range(template.count("%")))
    return [m.group(1) or str(next(places)) for m in _PLACEHOLDER.finditer(template)]


@functools.cache
def _error_patterns() -> list[tuple[str, list[str], re.Pattern[str]]]:
    """argparse's error messages as patterns capturing their parameters, with their names."""
    patterns = []
    for key, english in ARGPARSE.en.items():
        if isinstance(english, str) and (names := _names(english)) and key != "error":
            parts = map(re.escape, _PLACEHOLDER.split(english)[::2])
            patterns.append((key, names, re.compile("(.+?)".join(parts), re.DOTALL)))
    return patterns


def error_said(message: str, lang: str) -> str:
    """An error argparse (or a command's type check) wrote in English, said in `lang`."""
    if lang == "en":
        return message
    for key, names, pattern in _error_patterns():
        if match := pattern.fullmatch(message):
            by_name = dict(zip(names, match.groups(), strict=True))
            if "message" in by_name:  # an argument's own error; the rest is what was typed
                by_name["message"] = error_said(by_name["message"], lang)
            template = ARGPARSE(key, lang)
            first, *texts = _PLACEHOLDER.split(template)[::2]
            filled = (by_name[name] for name in _names(template))
            return first + "".join(v + t for v, t in zip(filled, texts, strict=True))
    return said(message, lang)


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, saying every help text, heading and `usage:` in `lang`."""

    def __init__(self, prog: str, lang: str = "en", **options: Any) -> None:
        super().__init__(prog, **options)
        self.lang = lang

    def _get_help_string(self, action: argparse.Action) -> str | None:
        help = super()._get_help_string(action)
        return said(help, self.lang) if help else help

    def _format_text(self, text: str) -> str:
        return super()._format_text(said(text, self.lang))

    def start_section(self, heading: str | None) -> None:
        super().start_section(said(heading, self.lang) if heading else heading)

    def add_usage(
        self,
        usage: str | None,
        actions: Any,
        groups: Any,
        prefix: str | None = None,
    ) -> None:
        super().add_usage(
            usage, actions, groups, ARGPARSE("usage", self.lang) if prefix is None else prefix
        )


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks `lang` in its help, usage and errors."""

    def __init__(self, *args: Any, lang: str = "en", **options: Any) -> None:
        options.setdefault("formatter_class", functools.partial(HelpFormatter, lang=lang))
        super().__init__(*args, **options)
        self.lang = lang

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        template = ARGPARSE("error", self.lang)
        self.exit(2, template % {"prog": self.prog, "message": error_said(message, self.lang)})


def add_today(parser: Parser, help: str) -> None:
    """A `--today YYYY-MM-DD` option: the date deadlines are measured against."""
    parser.add_argument(
        "--today", type=functools.partial(_date, parser.lang), metavar="YYYY-MM-DD", help=help
    )


def _date(lang: str, text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(WORDS("not-a-date", lang, value=repr(text))) from None
