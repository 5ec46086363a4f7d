"""`posttui git-setup`: make git diff and merge plans by id and field.

Writes the `.gitattributes` line for `*.post.toml`, the repository's own git
config for the textconv and the merge driver, and the patterns of the files the
editor keeps beside a plan to `.git/info/exclude`. Running it again changes nothing.
The commands name this Python, so they work whether or not `posttui` is on PATH.
"""

from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
from pathlib import Path

from posttui.core.i18n import Catalog

WORDS = Catalog(
    "git-setup",
    en={
        "help": "set up this git repository to diff and merge plans semantically",
        "no-git": "posttui git-setup: git is not installed",
        "no-repository": "posttui git-setup: not inside a git repository",
        "set": "set git config {name} = {value}",
        "added": "added `{line}` to {path}",
        "nothing": "already set up: nothing changed",
    },
    nb={
        "help": "sett opp dette git-repoet til å vise og flette endringer i planer etter innhold",
        "no-git": "posttui git-setup: git er ikke installert",
        "no-repository": "posttui git-setup: ikke i et git-repo",
        "set": "satte git config {name} = {value}",
        "added": "la til `{line}` i {path}",
        "nothing": "allerede satt opp: ingenting er endret",
    },
)
HELP = WORDS("help")

ATTRIBUTES = "*.post.toml diff=posttui merge=posttui"
# Files the editor keeps beside a plan (crash recovery, a save in progress): never committed.
IGNORED = (".*.post.toml.*.recovery", ".*.post.toml.*.tmp")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`git-setup` takes no arguments: it sets up the repository it runs in."""


def settings() -> dict[str, str]:
    posttui = f"{shlex.quote(sys.executable)} -m posttui"
    return {
        "diff.posttui.textconv": f"{posttui} show",
        "merge.posttui.name": "posttui: plans merged by id and field",
        "merge.posttui.driver": f"{posttui} merge %O %A %B",
    }


def _git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=False)


def run(options: argparse.Namespace) -> int:
    from posttui.cli.output import language

    lang = language(options)
    try:
        top = _git("rev-parse", "--show-toplevel")
    except FileNotFoundError:
        print(WORDS("no-git", lang), file=sys.stderr)
        return 2
    if top.returncode != 0:
        print(WORDS("no-repository", lang), file=sys.stderr)
        return 2
    done = [_add_line(Path(top.stdout.strip()) / ".gitattributes", ATTRIBUTES, lang)]
    exclude = Path(
        _git("rev-parse", "--path-format=absolute", "--git-path", "info/exclude").stdout.strip()
    )
    done += [_add_line(exclude, pattern, lang) for pattern in IGNORED]
    for key, value in settings().items():
        if _git("config", "--local", "--get", key).stdout.strip() != value:
            _git("config", "--local", key, value)
            done.append(WORDS("set", lang, name=key, value=value))
    for line in filter(None, done):
        print(line)
    if not any(done):
        print(WORDS("nothing", lang))
    return 0


def _add_line(path: Path, line: str, lang: str) -> str:
    """Add `line` to the file at `path` unless it is there; say what was done."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if line in text.splitlines():
        return ""
    separator = "" if not text or text.endswith("\n") else "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{text}{separator}{line}\n", encoding="utf-8")
    return WORDS("added", lang, line=line, path=path)
