"""Long plan text in a report: never copied whole, streamed in place as the report is written.

A report is made of lines, and a line is made by joining small strings: a plan text
of 31 MB would be copied into every string on its way (escaped, formatted into a
cell, joined into a row, into the page, encoded), each copy as large as the text. So
while a report is written, the escape functions give a short placeholder for a text
longer than `LONG` characters instead of its escaped copy; the report's lines hold
the placeholder, and when a line is written the text is escaped a `CHUNK` at a time
into its place. Memory then holds the plan and one chunk, not copies of the text.

Placeholders hold a NUL, which escaped plan text never holds (it is made visible,
`\\x00`), and a random tag of the report being written.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

LONG = 1 << 16  # characters: a longer text is streamed
CHUNK = 1 << 16  # characters of a long text escaped at a time

Escape = Callable[[str], Iterator[str]]


class Deferred:
    """The long texts of the report being written, each behind its placeholder."""

    def __init__(self) -> None:
        self._tag = secrets.token_hex(8)
        self._texts: dict[str, tuple[str, Escape]] = {}
        self._placeholder = re.compile(f"\x00{self._tag}:(\\d+)\x00")

    def stand_in(self, value: str, escape: Escape) -> str:
        """A placeholder for `value`, to be escaped by `escape` when written."""
        key = str(len(self._texts))
        self._texts[key] = (value, escape)
        return f"\x00{self._tag}:{key}\x00"

    def written(self, line: str) -> Iterator[str]:
        """`line` in pieces, each placeholder replaced by its text, escaped a chunk at a time
        (a text is let go once written)."""
        if "\x00" not in line:
            yield line
            return
        start = 0
        for match in self._placeholder.finditer(line):
            yield line[start : match.start()]
            value, escape = self._texts.pop(match.group(1))
            yield from escape(value)
            start = match.end()
        yield line[start:]


_WRITING: ContextVar[Deferred | None] = ContextVar("posttui_report_deferred", default=None)


def deferred(value: str, escape: Escape) -> str | None:
    """A placeholder for `value` if it is long and a report is being written, else None."""
    if len(value) <= LONG:
        return None
    writing = _WRITING.get()
    return None if writing is None else writing.stand_in(value, escape)


@contextmanager
def writing() -> Iterator[Deferred]:
    """Long texts escaped within are deferred to the Deferred given."""
    current = Deferred()
    token = _WRITING.set(current)
    try:
        yield current
    finally:
        try:
            _WRITING.reset(token)
        except ValueError:
            _WRITING.set(None)  # a report left half written in another context


def chunks(value: str, size: int | None = None) -> Iterator[str]:
    """`value` a chunk of `size` characters at a time."""
    size = size or CHUNK
    for start in range(0, len(value), size):
        yield value[start : start + size]
