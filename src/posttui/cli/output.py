"""Shared bits of command output: colour only on a terminal."""

from __future__ import annotations

import os
import sys
from typing import TextIO

STYLES = {"error": "31", "warning": "33", "info": "36", "bold": "1", "ok": "32"}


def use_colour(stream: TextIO) -> bool:
    return stream.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


class Painter:
    def __init__(self, stream: TextIO = sys.stdout) -> None:
        self.enabled = use_colour(stream)

    def __call__(self, text: str, style: str) -> str:
        return f"\x1b[{STYLES[style]}m{text}\x1b[0m" if self.enabled else text


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
