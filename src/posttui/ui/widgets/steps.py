"""The POST steps in their order, the current one marked, with the keys to reach them."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from posttui.core.vocabulary import STEPS, step_name
from posttui.ui.catalog import WORDS, language

# After the four steps, their follow-up: progress against the targets.
FOLLOW_UP = "progress"
KEYS = dict(zip((*STEPS, FOLLOW_UP), ("f2", "f3", "f4", "f5", "f9"), strict=True))


def step_line(current: str, lang: str = "en") -> Content:
    parts: list[tuple[str, str] | str] = []
    for index, step in enumerate((*STEPS, FOLLOW_UP)):
        if index:
            parts.append((" → ", "$text-muted"))
        style = "bold reverse $accent" if step == current else ""
        name = WORDS("steps.progress", lang) if step == FOLLOW_UP else step_name(step, lang)
        parts.extend([(f"{KEYS[step]} ", "$text-muted"), (f" {name} ", style)])
    parts.append((f"     f6 {WORDS('steps.details', lang)}", "$text-muted"))
    return Content.assemble(*parts)


class StepBar(Static):
    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def on_mount(self) -> None:
        self.update(step_line(self.current, language(self)))
