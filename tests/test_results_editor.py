"""A target's results by keyboard (ctrl+t in its row) and the Progress view (f9): Pilot
tests and snapshots at 80x24 and 120x40, on a copy of Kafé Solsiden given results."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from posttui.core import fields
from posttui.core.loader import load
from posttui.core.model import Result
from posttui.core.writer import save
from posttui.ui.app import PostApp
from posttui.ui.screens.objectives import ObjectivesScreen
from posttui.ui.screens.progress import ProgressList, ProgressScreen
from posttui.ui.screens.results import ResultRow, ResultsDialog
from posttui.ui.widgets.fields import TextField

AS_OF = date(2027, 4, 15)


def with_results(path: Path) -> Path:
    """Kafé Solsiden on 15 April 2027: Instagram followers behind pace (objective 0),
    TikTok views on track (objective 1), the rest without results."""
    plan = load(path).plan
    plan.plan.as_of = AS_OF
    instagram, tiktok = plan.objectives[0], plan.objectives[1]
    assert (instagram.id, tiktok.id) == ("instagram-folgere", "tiktok-visninger")
    instagram.targets[0].results = [
        Result(date=date(2027, 2, 1), value=1900),
        Result(date=date(2027, 3, 1), value=1960),
        Result(date=date(2027, 4, 1), value=2010, source="meta-business-suite"),
    ]
    tiktok.targets[0].results = [
        Result(date=date(2027, 2, 1), value=13000),
        Result(date=date(2027, 4, 1), value=19000),
    ]
    save(plan, path)
    return path


@pytest.fixture
def plan_with_results(plan_copy: Callable[[str], Path]) -> Path:
    return with_results(plan_copy("kafe-solsiden"))


def shown(dialog: ResultsDialog) -> list[tuple[str, ...]]:
    """The rows of the results dialog as shown: date, value, source, note."""
    return [
        tuple(field.query_one(Input).value for field in row.query(TextField))
        for row in dialog.query(ResultRow)
    ]


def field_of(dialog: ResultsDialog, key: str) -> TextField:
    return next(field for field in dialog.query(TextField) if field.key == key)


async def open_results(app: Any, pilot: Pilot[Any]) -> ResultsDialog:
    await app.go_to("objectives[0].targets[0].platform")
    await pilot.pause()
    await pilot.press("ctrl+t")
    for _ in range(20):
        await pilot.pause()
        if isinstance(app.screen, ResultsDialog) and app.screen.query(ResultRow):
            break
    assert isinstance(app.screen, ResultsDialog)
    return app.screen


def results_of(app: Any) -> list[tuple[date, float]]:
    return [(r.date, r.value) for r in app.plan.objectives[0].targets[0].results]


async def test_results_add_edit_delete_undo_and_the_file_holds_what_was_shown(
    plan_with_results: Path, editor: Any
) -> None:
    async with editor(plan_with_results) as (app, pilot):
        dialog = await open_results(app, pilot)
        rows = shown(dialog)
        assert rows == [
            ("2027-02-01", "1900", "", ""),
            ("2027-03-01", "1960", "", ""),
            ("2027-04-01", "2010", "meta-business-suite", ""),
        ]
        # The latest value has the focus: typing after it changes it, one undo step.
        assert app.focused.parent.key == "targets[0].results[2].value"

        # Add: dated today, the latest value suggested and selected, typing replaces it.
        await pilot.press("ctrl+n")
        for _ in range(10):
            await pilot.pause()
            if len(dialog.query(ResultRow)) == 4:
                break
        today = date.today()
        assert (today, 2010) in results_of(app)
        await pilot.press(*"2100")
        await pilot.pause()
        assert (today, 2100) in results_of(app)
        assert [row[0] for row in shown(dialog)] == sorted(row[0] for row in shown(dialog))

        # Edit an existing value, as typed in any field.
        march = [d for d, _ in results_of(app)].index(date(2027, 3, 1))
        value = field_of(dialog, f"targets[0].results[{march}].value")
        value.focus_editor()
        await pilot.press("ctrl+u", *"1 975")
        await pilot.pause()
        assert (date(2027, 3, 1), 1975) in results_of(app)

        # Delete the one in focus; a toast says how to bring it back; undo, redo.
        await pilot.press("ctrl+r")
        for _ in range(10):
            await pilot.pause()
            if len(dialog.query(ResultRow)) == 3:
                break
        assert date(2027, 3, 1) not in [d for d, _ in results_of(app)]
        assert any("ctrl+z" in n.message for n in app._notifications)
        await pilot.press("ctrl+z")
        for _ in range(10):
            await pilot.pause()
            if len(dialog.query(ResultRow)) == 4:
                break
        assert (date(2027, 3, 1), 1975) in results_of(app)
        assert len(shown(dialog)) == 4
        await pilot.press("ctrl+y")
        for _ in range(10):
            await pilot.pause()
            if len(dialog.query(ResultRow)) == 3:
                break
        assert len(results_of(app)) == 3

        on_screen = shown(dialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ObjectivesScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()

    saved = load(plan_with_results).plan.objectives[0].targets[0].results
    as_written = [(r.date.isoformat(), fields.show(r.value), r.source or "", r.note) for r in saved]
    assert as_written == on_screen


async def test_a_date_typed_puts_its_row_in_date_order_once_the_focus_leaves(
    plan_with_results: Path, editor: Any
) -> None:
    async with editor(plan_with_results, size=(80, 24)) as (app, pilot):
        dialog = await open_results(app, pilot)
        day = field_of(dialog, "targets[0].results[0].date")
        day.focus_editor()
        await pilot.press("ctrl+u", *"2027-03-15")
        await pilot.pause()
        assert shown(dialog)[0][0] == "2027-03-15"  # kept in place while typed
        await pilot.press("tab")
        for _ in range(10):
            await pilot.pause()
            if shown(dialog)[0][0] != "2027-03-15":
                break
        assert [row[0] for row in shown(dialog)] == ["2027-03-01", "2027-03-15", "2027-04-01"]
        assert app.plan.objectives[0].targets[0].results[0].date == date(2027, 3, 15)
        # Text that is no date is refused, and the plan keeps the last good one.
        day = field_of(dialog, "targets[0].results[0].date")
        day.focus_editor()
        await pilot.press("ctrl+u", *"15 March")
        await pilot.pause()
        assert day.invalid is not None
        assert app.plan.objectives[0].targets[0].results[0].date == date(2027, 3, 15)


def rows_of(screen: ProgressScreen) -> list[str]:
    rows = screen.query_one(ProgressList)
    return [" | ".join(line.plain for line in rows.row_lines(i)) for i in range(rows.row_count)]


async def test_progress_sorts_by_risk_says_behind_pace_and_goes_to_the_objective(
    plan_with_results: Path, editor: Any
) -> None:
    async with editor(plan_with_results, size=(80, 24)) as (app, pilot):
        await pilot.press("f9")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProgressScreen)
        rows = rows_of(screen)
        assert rows[0].startswith("✗ behind pace") and "instagram-folgere" in rows[0]
        assert "instagram/followers" in rows[1] and "✗ behind pace" in rows[1]
        assert "forecast 2,170 on 2027-06-30" in rows[1]
        headings = [row for row in rows if "S M A R T" in row]
        assert "tiktok-visninger" in headings[-1] and "✓ on track" in headings[-1]
        assert "linear" in str(screen.query_one("#progress-method").render())

        # Live: a result that puts Instagram on track moves it down.
        app.edit(
            "objectives[0].targets[0].results",
            [*app.plan.objectives[0].targets[0].results, Result(date=AS_OF, value=2900)],
        )
        await pilot.pause()
        assert "instagram-folgere" not in rows_of(screen)[0]

        # Enter on an objective goes to it on the Objectives screen.
        rows = rows_of(screen)
        at = next(i for i, row in enumerate(rows) if "tiktok-visninger" in row)
        screen.query_one(ProgressList).highlighted = at
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ObjectivesScreen)
        assert app.screen.item().id == "tiktok-visninger"


async def test_progress_speaks_norwegian(plan_with_results: Path, editor: Any) -> None:
    async with editor(plan_with_results, lang="nb") as (app, pilot):
        await pilot.press("f9")
        await pilot.pause()
        rows = rows_of(app.screen)
        assert rows[0].startswith("✗ henger etter")
        assert "1\u00a0850 → 2\u00a0010 av 3\u00a0000" in rows[1]
        assert "14\u00a0% av veien" in rows[1]


# ---- snapshots ----


def opened_then(keys: list[str]) -> Any:
    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        while not (isinstance(app, PostApp) and app.plan_loaded):
            await pilot.pause(0.05)
        await pilot.pause(0.2)
        if "ctrl+t" in keys:
            await open_results(app, pilot)
        else:
            await pilot.press(*keys)
        await pilot.pause()
        for widget in app.screen.query(Input):
            widget.cursor_blink = False
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("keys", [["f9"], ["ctrl+t"]], ids=["progress", "results"])
def test_snapshot(
    snap_compare: Any,
    plan_copy: Callable[[str], Path],
    keys: list[str],
    size: tuple[int, int],
) -> None:
    path = with_results(plan_copy("kafe-solsiden"))
    app = PostApp(path, lang="en")
    assert snap_compare(app, terminal_size=size, run_before=opened_then(keys))
