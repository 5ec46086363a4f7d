"""`posttui new`: start a minimal valid plan; never overwrites."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "create a new, minimal plan file"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="where to create it (NAME.post.toml)")
    parser.add_argument("--title", help="the plan's title (default: from the file name)")


def run(options: argparse.Namespace) -> int:
    from posttui.core.model import Plan, title_from_filename
    from posttui.core.terminal import printable
    from posttui.core.writer import dumps, write_new

    path = Path(options.path)
    title = (options.title or "").strip() or title_from_filename(path.name)
    shown = printable(options.path)
    problem = None
    try:
        write_new(path, dumps(Plan.new(title)))
    except FileExistsError:
        problem = f"{shown} exists already: posttui new never overwrites"
    except OSError as error:
        problem = f"{shown}: cannot create: {error.strerror or error}"
    if problem:
        print(problem, file=sys.stderr)
        return 2
    print(f"created {shown}: open it with `posttui {shown}`")
    return 0
