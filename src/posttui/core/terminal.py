"""Text bound for a terminal: control characters made visible, never sent raw."""

from __future__ import annotations

import json
import re
from typing import Any

# What a terminal would act on, reorder or hide: C0/C1 controls (ESC, BEL, CSI, ...)
# but newline and tab, which callers handle; the Arabic letter mark; zero-width
# spaces, joiners and marks; line and paragraph separators; bidi embeddings,
# overrides and isolates; invisible operators; the byte order mark; interlinear
# annotations; tag characters (invisible text). Zero-width joiners are escaped too:
# terminals disagree on how wide a joined emoji is, and the layout would drift.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f"
    "\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]"
)


PREVIEW = 1000  # characters: more than any line of a terminal shows


def _escape(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape").decode()


def printable(text: str) -> str:
    """`text` with every unsafe character replaced by its visible escape, e.g. `\\x1b`."""
    return _UNSAFE.sub(_escape, text)


def preview(text: str, limit: int = PREVIEW) -> str:
    """`text` printable and cut to its first `limit` characters (then "…"), for views
    that show a line or a few: a 20 MB value costs them what its first line does."""
    if len(text) > limit:
        return printable(text[:limit]) + "…"
    return printable(text)


def json_text(data: Any) -> str:
    """`data` as indented JSON that is safe to print: non-ASCII text stays readable,
    but every unsafe character is a JSON escape (`\\u202e`), so the value is unchanged."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _UNSAFE.sub(lambda match: json.dumps(match.group())[1:-1], text)
