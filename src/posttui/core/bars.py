"""Shares drawn as bars of text, to an eighth of a character cell."""

from __future__ import annotations

EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(share: float, width: int = 10) -> str:
    """`share` percent of `width` cells as block characters (100 % fills them all)."""
    cells = max(0.0, min(share, 100)) * width / 100
    whole = int(cells)
    return "█" * whole + EIGHTHS[int((cells - whole) * 8)].strip()
