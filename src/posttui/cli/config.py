"""`posttui config path|show|edit`: the user's settings file (theme, language, keymap)."""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys

from posttui.core.i18n import Catalog

WORDS = Catalog(
    "config",
    en={
        "help": "the settings file: where it is, what it sets, or open it in your editor",
        "action": "path: where the file is; show: the settings in force; edit: open it",
        "problem": "posttui config: {problem} (the default is used)",
        "no-editor": "posttui config: cannot start the editor {editor}: {why}",
    },
)
HELP = WORDS("help")

# A new file starts as a guide to what it may hold.
TEMPLATE = """\
# posttui settings (posttui schema --config describes them all)
# theme = "nord"
# language = "nb"

[keymap]
# Binding id = keys; f1 in the editor lists the keys, `posttui config show` the ids.
# "app.save" = "ctrl+w"
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("path", "show", "edit"), help=WORDS("action"))


def run(options: argparse.Namespace) -> int:
    from posttui.cli.output import language
    from posttui.core import config

    lang = language(options)
    where = config.path()
    if options.action == "path":
        print(where)
        return 0
    if options.action == "edit":
        return _edit(where, lang)
    settings, problems = config.load(where)
    for problem in problems:
        print(WORDS("problem", lang, problem=problem), file=sys.stderr)
    print(config.dumps(settings), end="")
    return 1 if problems else 0


def _edit(where: os.PathLike[str], lang: str) -> int:
    from pathlib import Path

    from posttui.core.writer import write_new

    path = Path(where)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_new(path, TEMPLATE)
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        return subprocess.run([*shlex.split(editor), str(path)], check=False).returncode
    except OSError as error:
        print(WORDS("no-editor", lang, editor=editor, why=error.strerror), file=sys.stderr)
        return 2
