"""Progress (f9), the method's follow-up: where each objective stands against its targets,
those most at risk first. Read only: enter goes to the objective on the Objectives screen.

Every figure comes from `posttui.core.progress` (the same ones `posttui progress` prints
and `realistic/behind-pace` judges); this module only lays them out. The list is a
RowList: rows of known height, drawn only where visible, for plans of any size.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, ClassVar, Protocol, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content

from posttui.core.catalog import Number
from posttui.core.progress import ObjectiveProgress, TargetProgress, by_risk, plan_progress
from posttui.core.terminal import preview
from posttui.ui.catalog import WORDS, language, say
from posttui.ui.screens.speaking import Speaking
from posttui.ui.state import state
from posttui.ui.widgets.footer import KeysFooter
from posttui.ui.widgets.rows import RowList
from posttui.ui.widgets.smart import smart_letters
from posttui.ui.widgets.steps import StepBar
from posttui.ui.widgets.text import Text
from posttui.ui.widgets.title import TitleBar

if TYPE_CHECKING:
    from posttui.core.model import Plan

SPARKS = "▁▂▃▄▅▆▇█"
SPARK_WIDTH = 16  # the latest values, one character each
INDENT = "   "
HEIGHTS = {"objective": 2, "target": 3, "no-targets": 1, "spacer": 1}


class Navigating(Protocol):
    """What the Progress view asks of the app: to show an item of the plan."""

    async def go_to(self, path: str) -> None: ...


# ---- the figures, in words ----


def sparkline(points: Sequence[float], low: float, high: float) -> str:
    """One block character per point, its height where the point lies from `low` to
    `high` (a flat line in the middle when they are equal)."""
    if high <= low:
        return SPARKS[3] * len(points)
    top = len(SPARKS) - 1
    return "".join(
        SPARKS[max(0, min(top, round((point - low) / (high - low) * top)))] for point in points
    )


def chart(progress: TargetProgress) -> str:
    """The values over time: the baseline at the start, then each result; scaled from
    the lowest to the highest of them and the target, so a full block is the target."""
    points = [value for _, value in progress.results]
    if not points:
        return ""  # no values over time yet
    first = progress.results[0][0] if progress.results else None
    start, baseline = progress.start, progress.baseline
    if baseline is not None and start is not None and (first is None or first > start):
        points.insert(0, baseline)  # the baseline is the value on the start day
    points = points[-SPARK_WIDTH:]
    scale = [*points, *(v for v in (progress.target,) if v is not None)]
    return sparkline(points, min(scale), max(scale)) if points else ""


def number(value: float | None, lang: str, *, sign: bool = False) -> str:
    """A figure as the reader writes numbers: whole where it is large, one decimal
    where it is small; a dash for one that cannot be computed."""
    if value is None:
        return WORDS("progress.unset", lang)
    spec = ",.0f" if abs(value) >= 10 or float(value).is_integer() else ",.1f"
    return format(Number(value, lang), ("+" if sign else "") + spec)


def status(progress: TargetProgress | ObjectiveProgress, lang: str) -> tuple[str, str]:
    """Whether it is on track, in words, and the style to show them in."""
    if progress.on_track is None:
        return WORDS("progress.unknown", lang), "$text-muted"
    if progress.on_track:
        return WORDS("progress.on-track", lang), "$success"
    return WORDS("progress.behind", lang), "bold $error"


def target_lines(progress: TargetProgress, lang: str, *, spark: bool = True) -> list[Content]:
    """A target's progress in three lines: the values (and their sparkline), where it
    stands, and the paces and the forecast. Also the results dialog's summary."""
    line = chart(progress) if spark else ""
    values = WORDS(
        "progress.values",
        lang,
        baseline=number(progress.baseline, lang),
        latest=number(progress.latest, lang),
        target=number(progress.target, lang),
    )
    first = Content.assemble(
        (preview(progress.label), "bold"),
        "  ",
        (line, "$accent"),
        "  " if line else "",
        values,
    )
    word, style = status(progress, lang)
    second: list[tuple[str, str] | str] = [(word, style)]
    if progress.reached is not None:
        reached = WORDS("progress.reached", lang, date=progress.reached.isoformat())
        second.extend([" · ", (reached, "$success")])
    if progress.percent is not None:
        way = WORDS("progress.way", lang, percent=number(progress.percent, lang))
        second.extend([" · ", way])
    if progress.latest_date is not None:
        latest = WORDS("progress.latest", lang, date=progress.latest_date.isoformat())
        second.extend([" · ", (latest, "$text-muted")])
    if not progress.results:
        second.extend([" · ", (WORDS("progress.no-results", lang), "$text-muted")])
    pace = WORDS(
        "progress.pace",
        lang,
        needed=number(progress.pace_needed, lang, sign=True),
        actual=number(progress.pace_actual, lang, sign=True),
    )
    deadline = progress.deadline.isoformat() if progress.deadline else WORDS("progress.unset", lang)
    forecast = WORDS(
        "progress.forecast", lang, forecast=number(progress.forecast, lang), deadline=deadline
    )
    return [first, Content.assemble(*second), Content(f"{pace} · {forecast}")]


# ---- the list ----


@dataclass(frozen=True, slots=True)
class Row:
    """A row of the list: what it shows, and the path enter goes to (None: a spacer)."""

    kind: str  # "objective", "target", "no-targets", or "spacer"
    path: str | None
    objective: ObjectiveProgress
    target: TargetProgress | None = None


class ProgressList(RowList):
    """Objectives by risk, each followed by its targets; enter goes to the one chosen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "go", "Go to the objective", id="progress.go"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[Row] = []
        self.lang = "en"
        self.flags: dict[str, set[str]] = {}
        self._lines: dict[int, tuple[Content, ...]] = {}

    def show(self, objectives: list[ObjectiveProgress], flags: dict[str, set[str]]) -> None:
        """The objectives (in the order given) and the SMART letters each fails."""
        rows: list[Row] = []
        for objective in objectives:
            if rows:
                rows.append(Row("spacer", None, objective))
            base = f"objectives[{objective.index}]"
            rows.append(Row("objective", base, objective))
            rows.extend(
                Row("target", f"{base}.targets[{t.index}]", objective, t) for t in objective.targets
            )
            if not objective.targets:
                rows.append(Row("no-targets", base, objective))
        self.rows = rows
        self.flags = flags
        self.lang = language(self)
        self._lines.clear()
        heights = [HEIGHTS[row.kind] for row in rows]
        self.set_rows(heights, [row.path is not None for row in rows])

    def row_lines(self, index: int) -> tuple[Content, ...]:
        if (lines := self._lines.get(index)) is None:
            lines = self._lines[index] = self._make(index)
        return lines

    def _make(self, index: int) -> tuple[Content, ...]:
        row, lang = self.rows[index], self.lang
        if row.kind == "spacer":
            return (Content(""),)
        if row.target is not None:
            return tuple(Content(INDENT) + line for line in target_lines(row.target, lang))
        objective = row.objective
        if row.kind == "no-targets":
            return (Content.styled(INDENT + WORDS("progress.no-targets", lang), "$text-muted"),)
        word, style = status(objective, lang)
        flagged = self.flags.get(objective.objective, set())
        return (
            Content.assemble(
                (word, style),
                "  ",
                smart_letters(flagged),
                (preview(objective.objective), "$text-muted"),
            ),
            Content.styled(preview(objective.statement), "bold"),
        )

    def action_go(self) -> None:
        self.action_select()


class ProgressScreen(Speaking[None]):
    """Per objective (most at risk first) and target: values over time, the way come,
    the paces and the forecast; the method stated above them."""

    STEP = "progress"

    def __init__(self) -> None:
        super().__init__(name=self.STEP)
        self._stale = True
        self._new_words = False

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield StepBar(self.STEP)
        yield Text(id="progress-method")
        yield ProgressList(id="progress-list")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "revision", self._plan_changed, init=False)
        self.watch(self.app, "findings", self._plan_changed, init=False)
        self.watch(self.app, "lang", self._language_changed, init=False)
        self.refresh_view()
        self.query_one(ProgressList).focus()

    async def on_screen_resume(self) -> None:
        if not (self.is_attached and self.app.is_running):
            return  # closing: a screen being built ahead is taken down half made
        if self._new_words:
            self._new_words = False
            await self.recompose()
            self.refresh_view()
            self.query_one(ProgressList).focus()
        elif self._stale:
            self.refresh_view()

    def _plan_changed(self) -> None:
        if self.is_current:
            self.refresh_view()
        else:
            self._stale = True

    def _language_changed(self) -> None:
        self._new_words = True
        if self.is_current:
            self.call_later(self.on_screen_resume)

    def refresh_view(self) -> None:
        """Everything from the plan and the findings again."""
        self._stale = False
        app = state(self)
        plan: Plan = app.plan
        today = plan.plan.as_of or date.today()
        method = say(self, "progress.method", today=today.isoformat())
        self.query_one("#progress-method", Text).show(Content(method))
        objectives = by_risk(plan_progress(plan, today))
        self.query_one(ProgressList).show(objectives, app.flags)
        if not objectives:
            self.query_one("#progress-method", Text).show(
                Content(f"{method}\n\n{say(self, 'progress.empty')}")
            )

    async def on_row_list_selected(self, event: RowList.Selected) -> None:
        event.stop()
        rows = self.query_one(ProgressList).rows
        path = rows[event.index].path if event.index < len(rows) else None
        if path is not None:
            await cast("Navigating", self.app).go_to(path)
