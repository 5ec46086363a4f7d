"""Brandtzæg's user types of a segment, drawn as bars."""

from __future__ import annotations

from textual.content import Content

from posttui.core.model import INVOLVEMENT_TYPES, NORWEGIAN_INVOLVEMENT, Involvement
from posttui.ui.widgets.text import Text

LABELS = {
    "socializers": "Socializers",
    "lurkers": "Lurkers",
    "sporadics": "Sporadics",
    "debaters": "Debaters",
    "advanced": "Advanced",
}
BAR_WIDTH = 10  # cells for 100 %
EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(share: float, width: int = BAR_WIDTH) -> str:
    cells = max(0.0, min(share, 100)) * width / 100
    whole = int(cells)
    return "█" * whole + EIGHTHS[int((cells - whole) * 8)].strip()


def involvement_chart(involvement: Involvement | None) -> Content:
    if involvement is None:
        return Content("No involvement shares yet.\nNorwegian averages: 34/29/23/9/5.")
    lines = []
    for name, share, average in zip(
        INVOLVEMENT_TYPES, involvement.shares(), NORWEGIAN_INVOLVEMENT, strict=True
    ):
        lines.append(
            Content.assemble(
                f"{LABELS[name]:<12}",
                (f"{bar(share):<{BAR_WIDTH}}", "$accent"),
                f"{share:>4g} %",
                (f" ·{average}", "$text-muted"),
            )
        )
    total = sum(involvement.shares())
    style = "$text-muted" if abs(total - 100) <= 1 else "$warning"
    lines.append(Content.styled(f"{'Sum':<12}{'':<{BAR_WIDTH}}{total:>4g} %", style))
    return Content("\n").join(lines)


class InvolvementBars(Text):
    DEFAULT_CSS = "InvolvementBars { height: auto; padding: 0 1; }"

    def draw(self, involvement: Involvement | None) -> None:
        self.show(involvement_chart(involvement))
