"""`posttui progress`: where each target stands against its results (the contract's JSON)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from posttui.cli.parsing import Parser, add_today
from posttui.core.i18n import Catalog

if TYPE_CHECKING:
    from posttui.core.progress import ObjectiveProgress

WORDS = Catalog(
    "progress",
    en={
        "help": "show each target's progress: latest result, share of the way, paces, forecast",
        "plan": "the plan file (NAME.post.toml)",
        "format": "text for people, json for tools",
        "today": "the date progress is measured on (default: the plan's as_of, else today)",
        "head.objective": "objective",
        "head.target": "target",
        "head.baseline": "baseline",
        "head.latest": "latest",
        "head.goal": "goal",
        "head.percent": "%",
        "head.needed": "needed/30d",
        "head.actual": "so far/30d",
        "head.forecast": "forecast",
        "head.status": "status",
        "on-track": "on track",
        "behind": "behind",
        "unknown": "-",
        "no-targets": "no targets to follow up",
        "method": (
            "Forecast: linear from the baseline at the start through the latest result, "
            "to the deadline. Most at risk first."
        ),
    },
)
HELP = WORDS("help")


def add_arguments(parser: Parser) -> None:
    parser.add_argument("plan", metavar="PLAN", help=WORDS("plan"))
    parser.add_argument("--format", choices=("text", "json"), default="text", help=WORDS("format"))
    add_today(parser, WORDS("today"))


def run(options: argparse.Namespace) -> int:
    from posttui.cli.output import language, loaded
    from posttui.core.progress import plan_progress
    from posttui.core.terminal import json_text

    if (file := loaded(options, options.plan)) is None:
        return 2
    progress = plan_progress(file.plan, options.today)
    if options.format == "json":
        targets = [t.to_json() for objective in progress for t in objective.targets]
        print(json_text({"file": options.plan, "targets": targets}))
        return 0
    _print_text(progress, language(options, file.plan))
    return 0


def number(value: float | None, lang: str, decimals: int = 0, sign: bool = False) -> str:
    """A figure for a table, in the reader's marks; '-' for none."""
    from posttui.core.catalog import Number

    if value is None:
        return "-"
    spec = f"{'+' if sign else ''},.{decimals}f"
    if not sign and decimals == 0 and float(value).is_integer():
        spec = ","
        value = int(value)
    return format(Number(value, lang), spec)


def _print_text(progress: list[ObjectiveProgress], lang: str) -> None:
    import sys

    from posttui.cli.output import Painter
    from posttui.core.progress import by_risk
    from posttui.core.terminal import printable

    paint = Painter(sys.stdout)
    keys = ("objective", "target", "baseline", "latest", "goal", "percent", "needed", "actual")
    header = [WORDS(f"head.{key}", lang) for key in (*keys, "forecast", "status")]
    rows: list[tuple[list[str], str]] = []
    for objective in by_risk(progress):
        for t in objective.targets:
            latest = number(t.latest, lang)
            if t.latest_date is not None:
                latest += f" ({t.latest_date.isoformat()})"
            status = {True: "on-track", False: "behind", None: "unknown"}[t.on_track]
            cells = [
                printable(t.objective),
                printable(t.label),
                number(t.baseline, lang),
                latest,
                number(t.target, lang),
                number(t.percent, lang),
                number(t.pace_needed, lang, 1, sign=True),
                number(t.pace_actual, lang, 1, sign=True),
                number(t.forecast, lang),
                WORDS(status, lang),
            ]
            rows.append((cells, {"on-track": "ok", "behind": "warning"}.get(status, "")))
    if not rows:
        print(WORDS("no-targets", lang))
        return
    widths = [max(len(cells[i]) for cells in [header, *(r for r, _ in rows)]) for i in range(10)]
    left = {0, 1, 9}

    def line(cells: list[str]) -> str:
        return "  ".join(
            c.ljust(w) if i in left else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    print(paint(line(header), "bold"))
    for cells, style in rows:
        text = line(cells)
        print(paint(text, style) if style else text)
    print(WORDS("method", lang))
