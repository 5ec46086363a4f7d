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


def _scan_line(line: str, open_quote: str | None) -> tuple[str | None, bool]:
    """Read one line's strings: (the multi-line delimiter still open after it, whether
    it holds a comment). `open_quote` is the delimiter open before it, if any."""
    at, end = 0, len(line)
    while at < end:
        if open_quote:
            close = _close_of(line, at, open_quote)
            if close is None:
                return open_quote, False
            at, open_quote = close, None
            continue
        char = line[at]
        if char == "#":
            return None, True
        if char in "\"'":
            if line.startswith(char * 3, at):
                open_quote, at = char * 3, at + 3
                continue
            close = _close_of(line, at + 1, char)
            at = end if close is None else close
            continue
        at += 1
    return open_quote, False


def _close_of(line: str, at: int, quote: str) -> int | None:
    """Where the string closed by `quote` ends in `line` (from `at`), or None when it
    does not close on this line. Basic strings ("...") have backslash escapes."""
    while at < len(line):
        if line[at] == "\\" and quote[0] == '"':
            at += 2
        elif line.startswith(quote, at):
            at += len(quote)
            while len(quote) == 3 and line.startswith(quote[0], at):
                at += 1  # `""""`: a quote at the end of the text, then the delimiter
            return at
        else:
            at += 1
    return None


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
                open_quote, _ = _scan_line(line, open_quote)
                continue
            if header := _HEADER.match(line):
                table = self._resolve(header.group(2), counts)
                if header.group(1) == "[[":
                    counts[table] = counts.get(table, 0) + 1
                    table = f"{table}[{counts[table] - 1}]"
                # Tables a header creates implicitly (`a` of `[[a.b]]`) start here too.
                path = table
                while path:
                    self.lines.setdefault(path, number)
                    path = _parent(path)
            elif key := _KEY.match(line):
                name = key.group(1).strip('"')
                self.lines.setdefault(f"{table}.{name}" if table else name, number)
            open_quote, _ = _scan_line(line, None)

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
        open_quote, has_comment = _scan_line(line, open_quote)
        if has_comment:
            found.append(number)
    return found
