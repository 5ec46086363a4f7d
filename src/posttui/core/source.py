"""Where things are in a plan's TOML text: key path -> line, and comments.

tomllib keeps no positions, so this scans the text line by line. It knows table
headers, arrays of tables and `key =` lines, and skips multi-line strings; a key it
cannot place (inside an inline table, say) resolves to its nearest enclosing one.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"\s*(\[\[?)\s*([^\]\"']+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"\s*([A-Za-z0-9_-]+|\"[^\"]*\")\s*=")
_INDEX = re.compile(r"\[\d+\]$")


def _parent(path: str) -> str:
    """`a.b[2].c` -> `a.b[2]` -> `a.b` -> `a` -> ``."""
    if _INDEX.search(path):
        return _INDEX.sub("", path)
    return path.rpartition(".")[0]


def _toggles_multiline(line: str, open_quote: str | None) -> str | None:
    """The multi-line string delimiter still open after `line`, if any."""
    for quote in ('"""', "'''"):
        if open_quote in (None, quote) and line.count(quote) % 2 == 1:
            return None if open_quote else quote
    return open_quote


class SourceMap:
    """Lines (1-based) of the tables and keys of one TOML text."""

    def __init__(self, text: str) -> None:
        self.lines: dict[str, int] = {}
        self._scan(text)

    def _scan(self, text: str) -> None:
        counts: dict[str, int] = {}
        table = ""
        open_quote: str | None = None
        for number, line in enumerate(text.splitlines(), start=1):
            if open_quote:
                open_quote = _toggles_multiline(line, open_quote)
                continue
            if header := _HEADER.match(line):
                table = self._resolve(header.group(2), counts)
                if header.group(1) == "[[":
                    counts[table] = counts.get(table, 0) + 1
                    table = f"{table}[{counts[table] - 1}]"
                self.lines.setdefault(table, number)
            elif key := _KEY.match(line):
                name = key.group(1).strip('"')
                self.lines.setdefault(f"{table}.{name}" if table else name, number)
            open_quote = _toggles_multiline(line, None)

    @staticmethod
    def _resolve(dotted: str, counts: dict[str, int]) -> str:
        """Header `a.b.c` -> `a.b[3].c` when `a.b` is an array of tables."""
        *parents, last = (part.strip().strip('"') for part in dotted.split("."))
        path = ""
        for part in parents:
            path = f"{path}.{part}" if path else part
            if path in counts:
                path = f"{path}[{counts[path] - 1}]"
        return f"{path}.{last}" if path else last

    def line_of(self, path: str) -> int | None:
        """The line of `path`, else of its nearest enclosing table or key."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = _parent(path)
        return None


def comment_lines(text: str) -> list[int]:
    """Lines holding a TOML comment (a `#` outside any string)."""
    found = []
    open_quote: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not open_quote and "#" in line and _has_comment(line):
            found.append(number)
        open_quote = _toggles_multiline(line, open_quote)
    return found


def _has_comment(line: str) -> bool:
    quote: str | None = None
    escaped = False
    for char in line:
        if quote == '"' and escaped:
            escaped = False
        elif quote == '"' and char == "\\":
            escaped = True
        elif quote:
            quote = None if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == "#":
            return True
    return False
