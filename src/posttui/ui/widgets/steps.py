"""The POST steps in their order, the current one marked, with the keys to reach them."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

STEPS = (
    ("people", "People", "f2"),
    ("objectives", "Objectives", "f3"),
    ("strategy", "Strategy", "f4"),
    ("technology", "Technology", "f5"),
)


def step_line(current: str) -> Content:
    parts: list[tuple[str, str] | str] = []
    for index, (step, title, key) in enumerate(STEPS):
        if index:
            parts.append((" → ", "$text-muted"))
        style = "bold reverse $accent" if step == current else ""
        parts.extend([(f"{key} ", "$text-muted"), (f" {title} ", style)])
    parts.append(("     f6 Plan details", "$text-muted"))
    return Content.assemble(*parts)


class StepBar(Static):
    def __init__(self, current: str) -> None:
        super().__init__(step_line(current))
