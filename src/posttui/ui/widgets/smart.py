"""SMART status letter by letter, from the findings about one objective."""

from __future__ import annotations

from textual.content import Content

SMART = (
    ("S", "specific"),
    ("M", "measurable"),
    ("A", "attractive"),
    ("R", "realistic"),
    ("T", "time-bound"),
)


def smart_letters(flagged: set[str]) -> Content:
    """'S M A R T', each letter green when its checks pass, red when one fails."""
    parts: list[tuple[str, str] | str] = []
    for letter, group in SMART:
        style = "bold $error" if group in flagged else "bold $success"
        parts.extend([(letter, style), " "])
    return Content.assemble(*parts)


def smart_summary(flagged: set[str]) -> Content:
    """The letters with the names of the failing ones spelled out."""
    failing = [group for _, group in SMART if group in flagged]
    note = ("  fails: " + ", ".join(failing), "$error") if failing else ("  all met", "$success")
    return Content.assemble(smart_letters(flagged), note)
