"""SMART status letter by letter, from the findings about one objective."""

from __future__ import annotations

from textual.content import Content

from posttui.core.vocabulary import SMART, smart_name
from posttui.ui.catalog import WORDS


def smart_letters(flagged: set[str]) -> Content:
    """'S M A R T', each letter green when its checks pass, red when one fails."""
    parts: list[tuple[str, str] | str] = []
    for letter, group in SMART:
        style = "bold $error" if group in flagged else "bold $success"
        parts.extend([(letter, style), " "])
    return Content.assemble(*parts)


def smart_summary(flagged: set[str], lang: str = "en") -> Content:
    """The letters with the names of the failing ones spelled out."""
    failing = [smart_name(letter, lang).lower() for letter, group in SMART if group in flagged]
    if failing:
        note = (f"  {WORDS('smart.fails', lang, names=', '.join(failing))}", "$error")
    else:
        note = (f"  {WORDS('smart.met', lang)}", "$success")
    return Content.assemble(smart_letters(flagged), note)
