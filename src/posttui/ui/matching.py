"""Which palette titles match what is typed, and how well: fast for thousands of items.

Textual's fuzzy matcher tries every way the letters typed could fall in a title, in
Python: with 10,000 titles, a query of a dozen letters took seconds a key. Here a
title costs a few `str.find` calls. A title matches when it holds what is typed as
one phrase (best), as words in that order, or as letters in that order (worst).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Match:
    score: float  # in (0, 1]: higher is better
    offsets: list[int]  # the characters of the title that matched


def match(query: str, title: str) -> Match | None:
    """How `title` matches `query` (case ignored), or None when it does not."""
    words = query.lower().split()
    if not words:
        return None
    folded = title.lower()
    if len(folded) != len(title):
        folded = "".join(char if len(char.lower()) != 1 else char.lower() for char in title)
    phrase = " ".join(words)
    at = folded.find(phrase)
    if at >= 0:
        starts_word = at == 0 or not folded[at - 1].isalnum()
        share = len(phrase) / len(title)
        return Match(0.7 + 0.2 * starts_word + 0.1 * share, list(range(at, at + len(phrase))))
    if offsets := _tightest(folded, words):
        return Match(0.4 + 0.3 * _tightness(offsets), offsets)
    if offsets := _tightest(folded, list("".join(words))):
        return Match(0.1 + 0.3 * _tightness(offsets), offsets)
    return None


def _tightest(text: str, parts: list[str]) -> list[int] | None:
    """The offsets of `parts` found one after the other in `text`, as close together as
    they are from any place the first part is found."""
    best = None
    start = text.find(parts[0])
    while start >= 0 and (found := _in_order(text, parts, start)):
        if best is None or found[-1] - found[0] < best[-1] - best[0]:
            best = found
        start = text.find(parts[0], start + 1)
    return best


def _in_order(text: str, parts: list[str], start: int) -> list[int] | None:
    """The offsets of `parts` found one after the other in `text` from `start`, each as
    early as it can."""
    offsets: list[int] = []
    for part in parts:
        at = text.find(part, start)
        if at < 0:
            return None
        offsets.extend(range(at, at + len(part)))
        start = at + len(part)
    return offsets


def _tightness(offsets: list[int]) -> float:
    """1 when the matched characters stand together, towards 0 the more they are spread."""
    return len(offsets) / (offsets[-1] - offsets[0] + 1)
