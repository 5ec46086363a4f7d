"""Text bound for a terminal: control characters made visible, never sent raw."""

from __future__ import annotations

import re

# C0/C1 controls (ESC, BEL, CSI, ...), bidi overrides and isolates, zero-width marks.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def printable(text: str) -> str:
    """`text` with every unsafe character replaced by its visible escape, e.g. `\\x1b`."""
    return _UNSAFE.sub(lambda match: match.group().encode("unicode_escape").decode(), text)
