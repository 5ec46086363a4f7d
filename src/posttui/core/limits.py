"""How large and how deep a plan may be, checked before the TOML parser reads it.

tomllib is pure Python: its time and memory grow with the number of keys, values
and tables; it recurses once per level of nested arrays and inline tables (a
RecursionError some hundreds of levels down); and dotted keys of thousands of parts
take it minutes. A plan people write holds a few thousand values and nests four
levels deep. These limits lie far above that and turn a hostile or broken file into
a clear message within seconds (figures in docs/reliability.md, "Limits").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from posttui.core.catalog import Phrase, localized
from posttui.core.i18n import Catalog

# Room for a plan whose notes hold a 20-million-character text (25 MB of UTF-8).
MAX_MEGABYTES = 32
MAX_BYTES = MAX_MEGABYTES * 1024 * 1024
# Keys, values and tables (a plan of 1,000 objectives has about 35,000).
MAX_ITEMS = 250_000
# Backslash escapes in texts: tomllib reads each one on its own, a quarter of what a
# value costs. A plan has a few; 5,000 segments of hostile text have 270,000.
MAX_ESCAPES = 1_000_000
# Arrays and inline tables inside each other, or the parts of a dotted key or header.
MAX_DEPTH = 32
# Problems a file that cannot be loaded reports, in file order (the rest are counted).
MAX_PROBLEMS = 50

LIMITS = Catalog(
    "limits",
    en={
        "too-large": (
            "the file is larger than {limit} MB, the most a plan may be: is this really a plan?"
        ),
        "too-many": (
            (
                "the file holds {count:,} key, value or table, more than the "
                "{limit:,} a plan may hold (a plan of 1,000 objectives holds about "
                "35,000): is this really a plan?"
            ),
            (
                "the file holds {count:,} keys, values and tables, more than the "
                "{limit:,} a plan may hold (a plan of 1,000 objectives holds about "
                "35,000): is this really a plan?"
            ),
        ),
        "too-many-escapes": (
            (
                'the file holds {count:,} backslash escape (\\n, \\", \\u00e9, ...), '
                "more than the {limit:,} a plan may hold: is this really a plan?"
            ),
            (
                'the file holds {count:,} backslash escapes (\\n, \\", \\u00e9, ...), '
                "more than the {limit:,} a plan may hold: is this really a plan?"
            ),
        ),
        "too-deep": (
            "nested more than {limit} levels deep (arrays, inline tables or the parts of a "
            "dotted key inside each other): a plan needs only a few levels"
        ),
        "more-problems": (
            "… and {count:,} more problem (the first {shown} are listed)",
            "… and {count:,} more problems (the first {shown} are listed)",
        ),
    },
)


@dataclass(frozen=True)
class LimitPhrase(Phrase):
    """A message of LIMITS, said like any other problem of a file."""

    def text(self, lang: str = "en") -> str:
        return LIMITS(self.key, lang, **localized(self.params, lang))


TOO_LARGE = LimitPhrase("too-large", {"limit": MAX_MEGABYTES})


def more_problems(count: int) -> LimitPhrase:
    return LimitPhrase("more-problems", {"count": count, "shown": MAX_PROBLEMS})


# Strings and comments, which may hold anything: what is counted lies outside them.
# Multi-line strings first; their closing quotes may carry one or two quotes of the text.
# A string left open ends with its line (multi-line: with the text), and nothing is tried
# twice (possessive `*+`): the scan stays linear, even over a million `"\` in a row.
_STRINGS_AND_COMMENTS = re.compile(
    r'"""[^"\\]*+(?:(?:\\[\s\S]?|"(?!""))[^"\\]*+)*+(?:"{3,5}|\Z)'
    r"|'''[\s\S]*?(?:'{3,5}|\Z)"
    r'|"[^"\\\n]*+(?:\\[^\n]?[^"\\\n]*+)*+(?:"|$)'
    r"|'[^'\n]*+(?:'|$)"
    r"|#[^\n]*+",
    re.MULTILINE,
)
_EMPTY_STRING = '""'
# Every byte but brackets, deleted to see the shape of the nesting alone.
_NOT_BRACKETS = bytes(byte for byte in range(256) if byte not in b"[]{}")
# Runs of opening or of closing brackets: few even when a file holds millions of `]`.
_BRACKETS = re.compile(r"[\[{]+|[\]}]+")
# A key or table header of more than MAX_DEPTH parts: that many dots with no `=`, `,`,
# bracket or line end between them (a number has one dot at most).
_LONG_KEY = re.compile(rf"\.(?:[^.=,\[\]{{}}\n]*+\.){{{MAX_DEPTH - 1}}}")


def check(text: str) -> tuple[LimitPhrase, int | None] | None:
    """What makes `text` too much to parse, and its line when it has one; None if nothing."""
    if len(text) > MAX_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        return TOO_LARGE, None
    if (escapes := text.count("\\")) > MAX_ESCAPES:
        return LimitPhrase("too-many-escapes", {"count": escapes, "limit": MAX_ESCAPES}), None
    bare = _STRINGS_AND_COMMENTS.sub(_EMPTY_STRING, text)
    opening = bare.count("[") + bare.count("{")
    items = bare.count("=") + bare.count(",") + opening
    if items > MAX_ITEMS:
        return LimitPhrase("too-many", {"count": items, "limit": MAX_ITEMS}), None
    deep = _too_deep(bare, opening)
    if deep is None:
        return None
    return LimitPhrase("too-deep", {"limit": MAX_DEPTH}), _line(text, deep)


def _too_deep(bare: str, opening: int) -> int | None:
    """Where in `bare` (the text without strings) nesting passes MAX_DEPTH, if it does."""
    if long_key := _LONG_KEY.search(bare):
        return long_key.start()
    if opening <= MAX_DEPTH or _nesting_bound(bare, opening) <= MAX_DEPTH:
        return None
    # tomllib recurses at every opening bracket before it looks for the closing one,
    # so the depth that counts is openings minus closings so far, never below zero.
    depth = 0
    for run in _BRACKETS.finditer(bare):
        size = len(run.group())
        if run.group()[0] in "]}":
            depth = max(0, depth - size)
        elif depth + size > MAX_DEPTH:
            return run.start() + MAX_DEPTH - depth
        else:
            depth += size
    return None


def _nesting_bound(bare: str, opening: int) -> int:
    """At least the deepest nesting in `bare`, found at C speed: how often empty pairs
    of brackets can be taken away from its brackets, plus the openings never closed."""
    shape = bare.encode("utf-8", "surrogatepass").translate(None, _NOT_BRACKETS)
    if len(shape) > 2 * opening:
        return opening  # more closings than openings: the count of openings is the bound
    levels = 0
    while levels <= MAX_DEPTH:
        inner = shape.replace(b"[]", b"").replace(b"{}", b"")
        if len(inner) == len(shape):
            break
        shape, levels = inner, levels + 1
    return levels + shape.count(b"[") + shape.count(b"{")


def _line(text: str, bare_offset: int) -> int:
    """The line of `text` at `bare_offset` in the text without strings and comments."""
    shift = 0  # how much longer `text` is than `bare` before this point
    for match in _STRINGS_AND_COMMENTS.finditer(text):
        if match.start() - shift > bare_offset:
            break
        shift += len(match.group()) - len(_EMPTY_STRING)
    return text.count("\n", 0, bare_offset + shift) + 1
