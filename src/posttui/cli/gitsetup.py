"""`posttui git-setup`: make git diff and merge plans by id and field.

Writes the `.gitattributes` line for `*.post.toml`, the repository's own git
config for the textconv and the merge driver, and the patterns of the files the
editor keeps beside a plan to `.git/info/exclude`. Running it again changes nothing.
The commands name this Python, so they work whether or not `posttui` is on PATH, and
run it isolated (`-I`), so a `posttui/` folder in the repository cannot stand in for
posttui. A file it would add to that is a symlink is refused, not followed: a cloned
repository could point its `.gitattributes` anywhere.
"""

from __future__ import annotations

import argparse
import os
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
        "symlink": (
            "posttui git-setup: {path} is a symbolic link: not written through it "
            "(it could point anywhere); make it a plain file, then run git-setup again"
        ),
        "cannot-write": "posttui git-setup: cannot write {path}: {reason}",
    },
)
HELP = WORDS("help")

ATTRIBUTES = "*.post.toml diff=posttui merge=posttui"
# Files the editor keeps beside a plan (crash recovery, a save in progress): never committed.
IGNORED = (".*.post.toml.*.recovery", ".*.post.toml.*.tmp")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`git-setup` takes no arguments: it sets up the repository it runs in."""


class Refused(Exception):
    """A file git-setup would add to cannot be written; the message says why."""


def settings() -> dict[str, str]:
    from posttui.cli.interpreter import posttui_command

    posttui = shlex.join(posttui_command())
    return {
        # `--`: git names the file after it, and a plan may be named `-x.post.toml`.
        "diff.posttui.textconv": f"{posttui} show --",
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
    exclude = Path(
        _git("rev-parse", "--path-format=absolute", "--git-path", "info/exclude").stdout.strip()
    )
    try:
        done = [_add_line(Path(top.stdout.strip()) / ".gitattributes", ATTRIBUTES, lang)]
        done += [_add_line(exclude, pattern, lang) for pattern in IGNORED]
    except Refused as refused:
        print(refused, file=sys.stderr)
        return 2
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
    """Add `line` to the file at `path` unless it is there; say what was done.

    A symlink at `path` is refused, never followed (O_NOFOLLOW closes the gap between
    looking and opening)."""
    from posttui.core.catalog import os_reason
    from posttui.core.terminal import printable

    shown = printable(str(path))
    if path.is_symlink():
        raise Refused(WORDS("symlink", lang, path=shown))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_RDWR | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
        descriptor = os.open(path, flags, 0o644)
    except OSError as error:
        if path.is_symlink():
            raise Refused(WORDS("symlink", lang, path=shown)) from None
        reason = printable(os_reason(error).text(lang))
        raise Refused(WORDS("cannot-write", lang, path=shown, reason=reason)) from None
    with open(descriptor, "r+", encoding="utf-8", newline="") as handle:
        text = handle.read()
        if line in text.splitlines():
            return ""
        separator = "" if not text or text.endswith("\n") else "\n"
        handle.write(f"{separator}{line}\n")
    return WORDS("added", lang, line=line, path=path)
