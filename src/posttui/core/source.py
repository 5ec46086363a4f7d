"""Where things are in a plan's TOML text: key path -> line, and comments.

tomllib keeps no positions, so this scans the text line by line. It knows table
headers, arrays of tables and `key =` lines, and skips multi-line strings; a key it
cannot place (inside an inline table, say) resolves to its nearest enclosing one.
"""

from __future__ import annotations

import bisect
import functools
import math
import re

_MULTILINE, _LITERAL_MULTILINE = '"""', "'''"


def _parent(path: str) -> str:
    """`a.b[2].c` -> `a.b[2]` -> `a.b` -> `a` -> ``."""
    if path.endswith("]"):
        return path[: path.rindex("[")]
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


# A table header at the start of a line, matched over the whole text at once.
_HEADER_LINE = re.compile(
    r"^[ \t]*(\[\[?)[ \t]*([^\]\"'\n]+?)[ \t]*\]\]?[ \t]*(?:#.*)?\r?$", re.MULTILINE
)
_DELIMITER = re.compile("\"\"\"|'''")


def _inside_strings(text: str) -> list[tuple[int, int]]:
    """Line ranges (first, last) that lie inside multi-line strings.

    Only a line with a multi-line delimiter can open or close one, so only those
    lines are read character by character.
    """
    ranges = []
    open_quote: str | None = None
    opened = number = 1
    at = line_start = -1
    for match in _DELIMITER.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        if start == line_start:
            continue  # this line is read already
        number += text.count("\n", max(at, 0), start)
        at = line_start = start
        end = text.find("\n", start)
        was_open = open_quote
        open_quote, _ = _scan_line(text[start : end if end >= 0 else len(text)], open_quote)
        if open_quote and not was_open:
            opened = number
        elif was_open and not open_quote:
            ranges.append((opened + 1, number))
    if open_quote:
        ranges.append((opened + 1, text.count("\n") + 1))
    return ranges


class SourceMap:
    """Lines (1-based) of the tables and keys of one TOML text.

    Table headers are indexed up front; a key's line is looked up when asked for,
    in the text of its table only, so that a large plan is not read line by line.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.strings = _inside_strings(text)
        # path -> (line of the header, offset where its body starts, where it ends)
        self.tables: dict[str, tuple[int, int, int]] = {"": (1, 0, len(text))}
        self._index_tables()

    def _inside_string(self, line: int) -> bool:
        at = bisect.bisect_right(self.strings, (line, math.inf)) - 1
        return at >= 0 and self.strings[at][0] <= line <= self.strings[at][1]

    def _index_tables(self) -> None:
        counts: dict[str, int] = {}
        number, at = 1, 0
        previous = ""
        for match in _HEADER_LINE.finditer(self.text):
            number += self.text.count("\n", at, match.start())
            at = match.start()
            if self.strings and self._inside_string(number):
                continue  # a line of a multi-line string, not of the document
            self._close(previous, match.start())
            table = self._resolve(match.group(2), counts)
            if match.group(1) == "[[":
                counts[table] = counts.get(table, 0) + 1
                table = f"{table}[{counts[table] - 1}]"
            # Tables a header creates implicitly (`a` of `[[a.b]]`) start here too.
            path = _parent(table)
            while path and path not in self.tables:
                self.tables[path] = (number, match.end(), match.end())
                path = _parent(path)
            self.tables[table] = (number, match.end(), len(self.text))
            previous = table

    def _close(self, table: str, offset: int) -> None:
        """The body of `table` ends at `offset`, where the next header starts."""
        line, start, _ = self.tables[table]
        self.tables[table] = (line, start, offset)

    @staticmethod
    def _resolve(dotted: str, counts: dict[str, int]) -> str:
        """Header `a.b.c` -> `a.b[3].c` when `a.b` is an array of tables."""
        *parents, last = _header_parts(dotted)
        path = ""
        for part in parents:
            path = f"{path}.{part}" if path else part
            if path in counts:
                path = f"{path}[{counts[path] - 1}]"
        return f"{path}.{last}" if path else last

    def line_of(self, path: str) -> int | None:
        """The line of `path`, else of its nearest enclosing table or key."""
        while path:
            if path in self.tables:
                return self.tables[path][0]
            table, _, key = path.rpartition(".")
            keyed = not path.endswith("]") and table in self.tables
            if keyed and (line := self._key_line(table, key)) is not None:
                return line
            path = _parent(path)
        return None

    def _key_line(self, table: str, key: str) -> int | None:
        header_line, body, end = self.tables[table]
        pattern, at = _key_pattern(key), body
        while match := pattern.search(self.text, at, end):
            line = header_line + self.text.count("\n", body, match.start())
            if not self._inside_string(line):
                return line
            at = match.end()
        return None


@functools.lru_cache(maxsize=256)
def _header_parts(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip().strip('"') for part in dotted.split("."))


@functools.lru_cache(maxsize=256)
def _key_pattern(key: str) -> re.Pattern[str]:
    name = re.escape(key)
    return re.compile(rf'^[ \t]*(?:{name}|"{name}")[ \t]*=', re.MULTILINE)


def comment_lines(text: str) -> list[int]:
    """Lines holding a TOML comment (a `#` outside any string)."""
    found = []
    open_quote: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if open_quote and open_quote not in line:
            continue
        if open_quote or "#" in line or _MULTILINE in line or _LITERAL_MULTILINE in line:
            open_quote, has_comment = _scan_line(line, open_quote)
            if has_comment:
                found.append(number)
    return found
