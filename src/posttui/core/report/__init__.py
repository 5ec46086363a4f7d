"""The report on a plan for the people who approve it: Markdown or self-contained HTML."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

from posttui.core.model import Plan
from posttui.core.report import html, markdown
from posttui.core.report.content import Report, gather

FORMATS: dict[str, Callable[[Report], Iterator[str]]] = {
    "md": markdown.pieces,
    "html": html.pieces,
}


def export(plan: Plan, format: str, lang: str, today: date | None = None) -> str:
    """The report on `plan` in `format` ('md' or 'html') and in `lang`."""
    return "".join(export_pieces(plan, format, lang, today))


def export_pieces(plan: Plan, format: str, lang: str, today: date | None = None) -> Iterator[str]:
    """The report a piece at a time, to write as it is made: a long plan text is never
    copied whole (see `streaming`)."""
    return FORMATS[format](gather(plan, lang, today))
