"""`posttui git-setup`: make git diff and merge plans by id and field.

Writes the `.gitattributes` line for `*.post.toml` and the repository's own git
config for the textconv and the merge driver. Running it again changes nothing.
The commands name this Python, so they work whether or not `posttui` is on PATH.
"""

from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
from pathlib import Path

HELP = "set up this git repository to diff and merge plans semantically"

ATTRIBUTES = "*.post.toml diff=posttui merge=posttui"


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
    try:
        top = _git("rev-parse", "--show-toplevel")
    except FileNotFoundError:
        print("posttui git-setup: git is not installed", file=sys.stderr)
        return 2
    if top.returncode != 0:
        print("posttui git-setup: not inside a git repository", file=sys.stderr)
        return 2
    done = [_attributes(Path(top.stdout.strip()) / ".gitattributes")]
    for key, value in settings().items():
        if _git("config", "--local", "--get", key).stdout.strip() != value:
            _git("config", "--local", key, value)
            done.append(f"set git config {key} = {value}")
    for line in filter(None, done):
        print(line)
    if not any(done):
        print("already set up: nothing changed")
    return 0


def _attributes(path: Path) -> str:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if ATTRIBUTES in text.splitlines():
        return ""
    separator = "" if not text or text.endswith("\n") else "\n"
    path.write_text(f"{text}{separator}{ATTRIBUTES}\n", encoding="utf-8")
    return f"added `{ATTRIBUTES}` to {path}"
