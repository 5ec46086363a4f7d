"""The report on a plan for the people who approve it: Markdown or self-contained HTML."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from posttui.core.model import Plan
from posttui.core.report import html, markdown
from posttui.core.report.content import Report, gather

FORMATS: dict[str, Callable[[Report], str]] = {"md": markdown.render, "html": html.render}


def export(plan: Plan, format: str, lang: str, today: date | None = None) -> str:
    """The report on `plan` in `format` ('md' or 'html') and in `lang`."""
    return FORMATS[format](gather(plan, lang, today))
