"""The command line: `posttui PLAN` opens the editor; subcommands call the core.

Only `edit` imports Textual; every module here imports the core lazily inside
`run`, so `posttui check` starts fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from posttui import __version__
from posttui.cli import (
    check,
    config,
    diff,
    edit,
    export,
    fmt,
    gitsetup,
    importing,
    merge,
    new,
    progress,
    record,
    schema,
    serve,
    show,
)
from posttui.cli.parsing import WORDS, Parser, argv_language
from posttui.core.i18n import LANGUAGES

COMMANDS: dict[str, ModuleType] = {
    "edit": edit,
    "check": check,
    "fmt": fmt,
    "new": new,
    "diff": diff,
    "merge": merge,
    "git-setup": gitsetup,
    "show": show,
    "schema": schema,
    "export": export,
    "progress": progress,
    "record": record,
    "import": importing,
    "serve": serve,
    "config": config,
}


def parser(lang: str = "en", command: str | None = None) -> argparse.ArgumentParser:
    """The parser, its help and usage errors in `lang`; with `command`, of that command
    only (the others' arguments are not built: a start of the editor, or a check, does
    not pay for fifteen)."""
    root = Parser(
        prog="posttui", description=WORDS("description"), epilog=WORDS("epilog"), lang=lang
    )
    root.add_argument("--version", action="version", version=f"posttui {__version__}")
    # --lang goes before the command or after it; unset, the plan's `language` or the
    # locale decides. A command's own --lang only counts when given (else the root's).
    root.add_argument("--lang", choices=LANGUAGES, help=WORDS("lang"))
    common = Parser(add_help=False)
    common.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=WORDS("lang"))
    commands = root.add_subparsers(dest="command", metavar="COMMAND", required=True)
    chosen = COMMANDS if command is None else {command: COMMANDS[command]}
    for name, module in chosen.items():
        module.add_arguments(
            commands.add_parser(
                name, help=module.HELP, description=module.HELP, parents=[common], lang=lang
            )
        )
    return root


def _after_lang(args: list[str]) -> int:
    """Where the arguments after a leading `--lang L` (or `--lang=L`) start."""
    return 2 if args[:1] == ["--lang"] else 1 if args[:1] and args[0].startswith("--lang=") else 0


def _command(args: list[str]) -> str | None:
    """The command `args` name, if they name one."""
    rest = args[_after_lang(args) :]
    return rest[0] if rest and rest[0] in COMMANDS else None


def _edit_shorthand(args: list[str]) -> list[str]:
    """`posttui [--lang L] PLAN` is `posttui [--lang L] edit PLAN`, and so is
    `posttui [--lang L] -- PLAN`, for a plan whose name starts with `-`."""
    lang = _after_lang(args)
    rest = args[lang:]
    if rest and rest[0] not in COMMANDS and not rest[0].startswith("-"):
        return [*args[:lang], "edit", *rest]
    if rest[:1] == ["--"] and len(rest) > 1:
        return [*args[:lang], "edit", *rest]
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = _edit_shorthand(list(sys.argv[1:] if argv is None else argv))
    options = parser(argv_language(args), _command(args)).parse_args(args)
    try:
        return int(COMMANDS[options.command].run(options))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (`| head`): nothing left to say
        return 1
