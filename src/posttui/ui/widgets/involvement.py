"""Brandtzæg's user types of a segment, drawn as bars."""

from __future__ import annotations

from textual.content import Content

from posttui.core.bars import bar
from posttui.core.model import INVOLVEMENT_TYPES, NORWEGIAN_INVOLVEMENT, Involvement
from posttui.core.rules.people import off_hundred
from posttui.ui.catalog import WORDS, language
from posttui.ui.widgets.text import Text

# Label, bar, share and (dimmed) the Norwegian average fit in this many cells: the
# bars take what the labels leave (10 cells for 100 % beside the English names).
CHART_WIDTH = 32
NUMBERS_WIDTH = len(" 100 % ·34")


def involvement_chart(involvement: Involvement | None, lang: str = "en") -> Content:
    """A bar per user type, its share, and (dimmed) the Norwegian average."""
    if involvement is None:
        return Content(WORDS("bars.none", lang))
    labels = [WORDS(f"bars.{name}", lang) for name in INVOLVEMENT_TYPES]
    width = max(len(label) for label in labels) + 1
    cells = CHART_WIDTH - width - NUMBERS_WIDTH
    lines = []
    for label, share, average in zip(
        labels, involvement.shares(), NORWEGIAN_INVOLVEMENT, strict=True
    ):
        lines.append(
            Content.assemble(
                f"{label:<{width}}",
                (f"{bar(share, cells):<{cells}}", "$accent"),
                f"{share:>4g} %",
                (f" ·{average}", "$text-muted"),
            )
        )
    total = sum(involvement.shares())
    style = "$text-muted" if off_hundred(involvement.shares()) is None else "$warning"
    total_line = f"{WORDS('bars.sum', lang):<{width + cells}}{total:>4g} %"
    lines.append(Content.styled(total_line, style))
    return Content("\n").join(lines)


class InvolvementBars(Text):
    DEFAULT_CSS = "InvolvementBars { height: auto; padding: 0 1; }"

    def draw(self, involvement: Involvement | None) -> None:
        self.show(involvement_chart(involvement, language(self)))
