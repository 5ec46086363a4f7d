"""The editor at every size: live reflow, findings in full, long text in one piece."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from textual._compositor import LayoutUpdate
from textual.app import App
from textual.command import CommandPalette
from textual.geometry import Region
from textual.scrollbar import ScrollBar
from textual.widget import Widget
from textual.widgets import TextArea

from posttui.core.loader import load
from posttui.core.rules.registry import RuleGroup
from posttui.ui.catalog import say
from posttui.ui.screens.base import PostScreen
from posttui.ui.widgets.fields import BoundField
from posttui.ui.widgets.findings import FindingList, FindingsPanel
from posttui.ui.widgets.title import TitleBar
from support.editing import built_ahead
from support.plans import SAMPLES

SAMPLE_NAMES = sorted(p.name.removesuffix(".post.toml") for p in SAMPLES.glob("*.post.toml"))


def focused_field(app: Any) -> BoundField:
    focused = app.focused
    assert focused is not None
    field = next(a for a in focused.ancestors_with_self if isinstance(a, BoundField))
    return field


async def test_resizing_while_typing_loses_nothing(plan_copy: Any, editor: Any) -> None:
    """Typing in a statement while the terminal goes from wide to narrow to medium: every
    key lands in the statement, in the plan, and the focus stays in the field."""
    path = plan_copy("nordlys-analytics")
    async with editor(path, size=(200, 60)) as (app, pilot):
        await pilot.press("f3")
        await pilot.pause()
        assert app.screen.has_class("-wide")
        await pilot.press("enter", "end")
        before = app.plan.objectives[0].statement
        typed = ""
        for size, text, layout in [
            ((80, 24), " from 2", "-narrow"),
            ((120, 40), " to 6", "-medium"),
            ((200, 60), " posts", "-wide"),
            ((80, 24), " a month", "-narrow"),
        ]:
            await pilot.press(*text[:3])
            await pilot.resize_terminal(*size)
            await pilot.press(*text[3:])
            await pilot.pause()
            typed += text
            assert app.screen.has_class(layout), (size, app.screen.classes)
            field = focused_field(app)
            assert field.path == "objectives[0].statement"
            assert field.query_one(TextArea).text == before + typed
            assert app.plan.objectives[0].statement == before + typed
        # Narrow: the form alone, at least 40 characters of the statement in view.
        assert app.screen.query_one("#items-pane").styles.display == "none"
        assert field.query_one(TextArea).content_region.width >= 40


async def test_a_wrapped_statement_edits_as_one_line_does(plan_copy: Any, editor: Any) -> None:
    """The statement wraps over rows, yet end and ctrl+u reach the ends of the whole
    statement, not of a row, and enter goes on to the next field, adding no line."""
    path = plan_copy("kafe-solsiden")
    async with editor(path, size=(80, 24)) as (app, pilot):
        await pilot.press("f3")
        await pilot.pause()
        area = focused_field(app).query_one(TextArea)
        assert area.wrapped_document.height >= 2  # wrapped, as it is long
        await pilot.press("home", "end", "ctrl+u", *"Nå 3 000", "enter")
        await pilot.pause()
        assert app.plan.objectives[0].statement == "Nå 3 000"
        assert focused_field(app).key == "id"


async def test_the_list_is_a_picker_where_narrow(plan_copy: Any, editor: Any) -> None:
    path = plan_copy("kafe-solsiden")
    async with editor(path, size=(80, 24)) as (app, pilot):
        await pilot.press("f3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PostScreen)
        assert screen.query_one("#items-pane").styles.display == "none"
        assert focused_field(app).path == "objectives[0].statement"  # keys go where seen
        await pilot.press("ctrl+l")  # the list in the form's place
        await pilot.pause()
        assert screen.query_one("#items-pane").styles.display != "none"
        assert screen.query_one("#form").styles.display == "none"
        await pilot.press("down", "enter")  # picks, and the form shows it
        await pilot.pause()
        assert screen.query_one("#form").styles.display != "none"
        assert focused_field(app).path == "objectives[1].statement"
        await pilot.press("f8")  # the findings in the form's place
        await pilot.pause()
        assert screen.query_one(FindingsPanel).styles.display != "none"
        assert screen.query_one("#form").styles.display == "none"
        await pilot.press("f8")
        await pilot.pause()
        assert screen.query_one(FindingsPanel).styles.display == "none"
        assert focused_field(app).path.startswith("objectives[1].")
        await pilot.resize_terminal(160, 40)  # wide: the list shows again, the focus stays
        await pilot.pause()
        assert focused_field(app).path.startswith("objectives[1].")
        await pilot.press("escape")  # to the list, then narrow: it shows as the picker
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert screen.query_one("#items-pane").styles.display != "none"
        assert app.focused is screen.items


async def test_the_list_and_the_findings_hide_at_any_size(plan_copy: Any, editor: Any) -> None:
    path = plan_copy("kafe-solsiden")
    async with editor(path, size=(200, 60)) as (app, pilot):
        screen = app.screen
        for selector, key in [("#items-pane", "ctrl+l"), ("#findings", "f8")]:
            assert screen.query_one(selector).styles.display != "none"
            await pilot.press(key)
            await pilot.pause()
            assert screen.query_one(selector).styles.display == "none"
            await pilot.press(key)
            await pilot.pause()
            assert screen.query_one(selector).styles.display != "none"


@pytest.mark.parametrize("name", SAMPLE_NAMES)
async def test_every_finding_reads_in_full_in_the_panel(
    name: str, plan_copy: Any, editor: Any
) -> None:
    """At 120x40 (the findings a drawer): every finding's rule, subject and whole message
    are in the panel's lines, none of which is cut."""
    path = plan_copy(name)
    async with editor(path, size=(120, 40)) as (app, pilot):
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("f8")
        await pilot.pause()
        panel = app.screen.query_one(FindingsPanel)
        assert panel.styles.display != "none"
        rows = panel.query_one(FindingList)
        if not app.findings:
            shown = " ".join(line.plain for line in rows.row_lines(0))
            assert shown.split() == say(app, "findings.none").split()
            return
        width = rows.scrollable_content_region.width
        assert width >= 40
        for group in [r for r in rows.rows if isinstance(r, RuleGroup)]:
            rows.toggle(group.rule)  # many of one rule: one row that opens to them all
        shown = 0
        for index, row in enumerate(rows.rows):
            if isinstance(row, str | RuleGroup):
                continue
            lines = rows.row_lines(index)
            assert all(cell_len(line.plain) <= width for line in lines)
            text = " ".join(line.plain.strip() for line in lines)
            assert row.rule in text and row.subject in text
            assert " ".join(row.message.split()) in " ".join(text.split()), row.message
            shown += 1
        assert shown == len(app.findings)


def test_a_long_statement_shows_in_full_at_80x24_on_every_screen(tmp_path: Path) -> None:
    """The real console script in a real 80x24 terminal: every screen opens with its
    form full width, and an objective's statement shows whole, wrapped over rows of
    40 characters or more."""
    from support.terminal import Terminal

    plan = tmp_path / "kafe-solsiden.post.toml"
    shutil.copy(SAMPLES / plan.name, plan)
    statement = load(plan).plan.objectives[0].statement
    assert len(statement) > 80
    with Terminal(str(plan), "--lang", "en", size=(80, 24)) as term:
        term.wait_for("Findings (")
        term.settled()
        for key, marker in [
            ("F3", "Statement"),
            ("F4", "Relationship"),
            ("F5", "Role"),
            ("F2", "Linkage"),
            ("F3", "Statement"),
        ]:
            term.keys(key)
            term.wait_for(marker)
        lines = term.settled(0.5).splitlines()
        first = next(i for i, line in enumerate(lines) if "Statement" in line)
        column = lines[first].index("Statement") + len("Statement")
        rows = []
        for line in lines[first:]:
            if rows and line[:column].strip():  # the next field's label
                break
            rows.append(line[column:].strip())
        assert len(rows[0]) >= 40, lines[first]
        assert " ".join(rows) == statement, rows
        term.keys("C-q")
        assert term.exit_status() == 0


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_typing_that_changes_the_findings_lays_out_nothing(
    plan_copy: Any, editor: Any, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    """Where the findings are a closed drawer, a key that makes a finding come or go
    redraws what changed (the summary line, the SMART line, the list's row) but asks
    for no layout of the screen, which costs a typist a frame."""
    layouts: list[str] = []
    refresh = Widget.refresh

    def counted(widget: Widget, *regions: Any, **options: Any) -> Widget:
        if options.get("layout"):
            layouts.append(f"{type(widget).__name__}#{widget.id}")
        return refresh(widget, *regions, **options)

    async with editor(plan_copy("nordlys-analytics"), size=size) as (app, pilot):
        await built_ahead(pilot)  # no screen laid out behind the one typed in
        await pilot.press("f3")
        await pilot.pause()
        app.screen.query(BoundField).first().focus_editor()
        await pilot.press("space")  # unsaved from here on: the header stays as it is
        await pilot.pause()
        before = len(app.findings)
        monkeypatch.setattr(Widget, "refresh", counted)
        await pilot.press("1")  # 'Improve' now has a number: one finding fewer
        await pilot.pause()
        assert len(app.findings) == before - 1
        await pilot.press("backspace")  # and back
        await pilot.pause()
        assert len(app.findings) == before
        assert layouts == []  # while typing (not as the app closes its screens)


# ---- A screen shows at once, and whole ----

SIZES = [(80, 24), (100, 30), (120, 40), (200, 60)]


def cells(strips: list[Any]) -> list[list[str]]:
    """A frame's lines, a character per cell (a wide character, then "")."""
    return [
        [
            cell
            for strip in line
            for char in strip.text
            for cell in (char, *[""] * (cell_len(char) - 1))
        ]
        for line in strips
    ]


def outside(frame: list[list[str]], regions: list[Region]) -> list[str]:
    """The frame's lines with the cells of `regions` blanked."""
    lines = [list(line) for line in frame]
    for region in regions:
        for y in range(max(region.y, 0), min(region.bottom, len(lines))):
            for x in range(max(region.x, 0), min(region.right, len(lines[y]))):
                lines[y][x] = " "
    return ["".join(line) for line in lines]


@pytest.mark.parametrize("ahead", [False, True], ids=["built-when-shown", "built-ahead"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_every_screen_is_whole_in_the_first_frame_it_shows(
    plan_copy: Any,
    editor: Any,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
    ahead: bool,
) -> None:
    """A new screen shows in the first frame drawn once it is built (when first shown,
    or ahead, hidden), not after Textual's hold on a switch: its text areas are wrapped
    at the width they get, the first objective's targets made with the form, the focus
    and the footer's keys set, the findings wrapped at the panel's width. That first
    frame is the screen as it stays (a scrollbar apart: Textual adds it a frame later):
    People as the plan opens, then Objectives, Strategy, Technology and the follow-up."""
    first: dict[str, list[list[str]]] = {}
    display = App._display

    def spied(app: App[Any], screen: Any, renderable: Any) -> None:
        name = type(screen).__name__
        if isinstance(renderable, LayoutUpdate) and not app._batch_count and name not in first:
            first[name] = cells(renderable.strips)
        display(app, screen, renderable)

    monkeypatch.setattr(App, "_display", spied)
    async with editor(plan_copy("kafe-solsiden"), size=size, build_ahead=ahead) as (app, pilot):
        if ahead:
            await built_ahead(pilot)
        for key in [None, "f3", "f4", "f5", "f9"]:
            if key is not None:
                await pilot.press(key)
            await pilot.pause(0.3)
            screen = app.screen
            settled = cells(screen._compositor.render_update(full=True).strips)
            bars = [
                geometry.region
                for widget, geometry in screen._compositor.full_map.items()
                if isinstance(widget, ScrollBar)
            ]
            name = type(screen).__name__
            assert outside(first[name], bars) == outside(settled, bars), name


async def test_a_screen_shown_again_shows_whole_in_its_first_frame(
    plan_copy: Any, editor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Going back to a screen, the first frame it writes is the whole screen: not a part
    of it (its footer, drawn while it was hidden, say) drawn over the screen before."""
    written: list[tuple[str, str]] = []
    display = App._display

    def spied(app: App[Any], screen: Any, renderable: Any) -> None:
        if renderable is not None and not app._batch_count:
            written.append((type(screen).__name__, type(renderable).__name__))
        display(app, screen, renderable)

    monkeypatch.setattr(App, "_display", spied)
    async with editor(plan_copy("kafe-solsiden"), size=(120, 40)) as (app, pilot):
        for key in ["f3", "tab", "f2", "f3", "f2"]:  # a focus change on Objectives too
            written.clear()
            await pilot.press(key)
            await pilot.pause(0.2)
            if key != "tab":
                shown = type(app.screen).__name__
                assert next(kind for name, kind in written if name == shown) == "LayoutUpdate"


def title_line(app: Any) -> str:
    """The title bar's line as the screen shows it."""
    bar = app.screen.query_one(TitleBar)
    return "".join(segment.text for segment in bar.render_lines(Region(0, 0, bar.size.width, 1))[0])


async def test_the_title_bar_follows_the_plan_and_opens_the_palette(
    plan_copy: Any, editor: Any
) -> None:
    """The title line shows the plan's title and its file, centred; a renamed plan shows
    renamed on every screen, cut with an ellipsis where it does not fit, its markup as
    typed; a click on the icon opens the command palette."""
    path = plan_copy()
    async with editor(path, size=(80, 24)) as (app, pilot):
        line = title_line(app)
        assert line.startswith(" ⭘ ")
        assert f"{app.plan.plan.title} — {path.name}" in line
        assert len(line) == 80
        title = "[bold]Kafé[/bold] " + "svært lang tittel " * 6
        assert app.edit("plan.title", title) is None
        await pilot.pause()
        line = title_line(app)
        assert line.rstrip().endswith("…")
        assert "[bold]Kafé[/bold] svært lang" in line
        await pilot.press("f3")
        await pilot.pause()
        assert "[bold]Kafé[/bold] svært lang" in title_line(app)
        await pilot.click(TitleBar, offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
