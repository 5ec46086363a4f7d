"""Hostile plans in every view and command: markup, escape sequences, bidi controls,
invisible and wide characters, a 20 MB string, thousands of segments.

What a user must get: the text shown literally or visibly escaped, nothing a terminal
would act on sent to it raw, no crash, and an answer within seconds.
"""

from __future__ import annotations

import json
import os
import pty
import re
import select
import struct
import subprocess
import sys
import time
from collections.abc import Iterator
from fcntl import ioctl
from pathlib import Path
from termios import TIOCSWINSZ
from typing import Any

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot
from textual.widgets import Input

from posttui.core.loader import load
from posttui.core.matrix import ABSENT_TARGET, EMPTY, PRESENT, TARGET
from posttui.core.model import Plan, Segment
from posttui.ui.app import PostApp
from posttui.ui.screens.base import PostScreen
from posttui.ui.screens.changes import ChangesView
from posttui.ui.screens.dialogs import PlanDetails
from posttui.ui.widgets.fields import BoundField
from posttui.ui.widgets.matrix import matrix
from support.editing import field_of, screen_text
from support.hostile import (
    ESCAPES,
    HUGE,
    MARKUP,
    WIDE,
    assert_terminal_safe,
    hostile_plan,
    hostile_text,
    huge_text,
    plain_then_hostile,
    write_plan,
)

POSTTUI = Path(sys.executable).with_name("posttui")
SIZE = (120, 40)

# What the user sees instead of the attacks: the markup as typed, the escapes spelled out.
CLICK = MARKUP[1]
SHOWN_OSC52 = "\\x1b]52;c;SGVsbG8=\\x07"
SHOWN_BIDI = "\\u202eevil\\u202c"

# Bounds that catch a hang or a blow-up, with room for a busy two-core machine: there
# a key takes 0.1-2 s, saving the 20 MB plan 4 s, opening it 5-10 s (mostly tomllib).
OPEN_SECONDS = 40
KEY_SECONDS = 10
COMMAND_SECONDS = 40


# ---- plans ----


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    return write_plan(tmp_path / "hostile.post.toml", hostile_plan())


@pytest.fixture(scope="module")
def huge(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first segment's name is 20 MB long (written once: that takes seconds)."""
    folder = tmp_path_factory.mktemp("huge")
    return write_plan(folder / "huge.post.toml", hostile_plan(huge=("segment",)))


@pytest.fixture(scope="module")
def crowded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("crowded")
    return write_plan(folder / "crowded.post.toml", hostile_plan(segments=5000, objectives=30))


def text_fields(plan: Plan) -> list[str]:
    """Every string value of the plan that carries the attacks."""

    def strings(value: Any) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)

    return [text for text in strings(plan.model_dump()) if CLICK in text]


def test_every_free_text_field_of_a_hostile_plan_is_hostile_and_survives_a_round_trip(
    hostile: Path,
) -> None:
    plan = hostile_plan()
    assert load(hostile).plan == plan
    # The plan: title, organization, notes x 5 (plan, settings, people, strategy,
    # technology). 3 segments: name, description, notes. 3 objectives: statement,
    # owner, why, notes, a target's notes. Strategy: relationship; the initiative's
    # description, cadence, notes. Platforms: name, role, notes; another's name.
    assert len(text_fields(plan)) == 2 + 5 + 3 * 3 + 3 * 5 + 1 + 3 + 3 + 1


# ---- the command line ----


def posttui(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(POSTTUI), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "NO_COLOR": "1", "LANG": "C.UTF-8"},
        timeout=120,
    )


def assert_output_safe(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr
    assert_terminal_safe(result.stdout, "stdout")
    assert_terminal_safe(result.stderr, "stderr")


EVIL_NAME = "evil\x1b]52;c;SGVsbG8=\x07\u202e.post.toml"


def test_check_text_shows_a_hostile_file_name_escaped(tmp_path: Path) -> None:
    write_plan(tmp_path / EVIL_NAME, hostile_plan())
    result = posttui("check", EVIL_NAME, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert_output_safe(result)
    assert "evil\\x1b]52;c;SGVsbG8=\\x07\\u202e.post.toml:" in result.stdout
    assert "technology/unused-platform" in result.stdout


def test_check_json_keeps_hostile_text_escaped_and_exact(tmp_path: Path) -> None:
    write_plan(tmp_path / EVIL_NAME, hostile_plan())
    result = posttui("check", "--format", "json", EVIL_NAME, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert_output_safe(result)
    report = json.loads(result.stdout)
    assert report["file"] == EVIL_NAME  # escaped in the output, exact once parsed
    assert '"evil\\u001b]52;c;SGVsbG8=\\u0007\\u202e.post.toml"' in result.stdout
    assert {finding["subject"] for finding in report["findings"]} >= {"obj-0", "unused"}


def test_a_hostile_broken_plan_is_explained_escaped(tmp_path: Path) -> None:
    """Keys and values a loader quotes in its message come from the file too."""
    path = tmp_path / "broken.post.toml"
    path.write_text(
        "format = 1\n[plan]\n"
        'title = "x"\n'
        '"\\u001b]52;c;SGVsbG8=\\u0007\\u202e" = 1\n'
        'language = "\\u009b2J\\u202e"\n'
        "[[people.segments]]\n"
        f'id = "\\u001b[2J{"x" * 1_000_000}"\n'
        'name = "a"\n',
        encoding="utf-8",
    )
    for command in ("check", "fmt"):
        result = posttui(command, path.name, cwd=tmp_path)
        assert result.returncode == 2, (command, result.stderr)
        assert_output_safe(result)
        assert "unknown key `\\x1b]52;c;SGVsbG8=\\x07\\u202e`" in result.stderr
        assert "\\x9b2J\\u202e" in result.stderr
        assert len(result.stderr) < 10_000  # a huge value is begun, not printed whole
    # show (git's textconv) prints a plan that does not load as its text, so that
    # `git log -p` goes on: escaped all the same.
    result = posttui("show", path.name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert_output_safe(result)
    assert '"\\u001b]52;c;SGVsbG8=\\u0007\\u202e" = 1' in result.stdout


def test_show_prints_every_hostile_field_escaped(hostile: Path) -> None:
    result = posttui("show", hostile.name, cwd=hostile.parent)
    assert result.returncode == 0, result.stderr
    assert_output_safe(result)
    lines = [line for line in result.stdout.splitlines() if CLICK in line]
    assert len(lines) == len(text_fields(hostile_plan()))  # one line each, none split
    assert all(SHOWN_BIDI in line and "\\u001b]52;c;SGVsbG8=" in line for line in lines)


def changed_plan() -> Plan:
    """The hostile plan with hostile edits: a new title, a segment renamed, one more."""
    plan = hostile_plan(segments=4)
    plan.plan.title = hostile_text("Another plan")
    plan.people.segments[1].name = hostile_text("Renamed")
    return plan


def test_diff_shows_hostile_changes_escaped(hostile: Path) -> None:
    write_plan(hostile.with_name("new.post.toml"), changed_plan())
    result = posttui("diff", hostile.name, "new.post.toml", cwd=hostile.parent)
    assert result.returncode == 1, result.stderr
    assert_output_safe(result)
    assert "Another plan" in result.stdout
    assert SHOWN_BIDI in result.stdout


def test_diff_json_keeps_hostile_values_exact(hostile: Path) -> None:
    new = changed_plan()
    write_plan(hostile.with_name("new.post.toml"), new)
    result = posttui("diff", "--format", "json", hostile.name, "new.post.toml", cwd=hostile.parent)
    assert result.returncode == 1, result.stderr
    assert_output_safe(result)
    changes = json.loads(result.stdout)["changes"]
    title = next(c for c in changes if c["section"] == "plan" and c.get("field") == "title")
    assert title["old"] == hostile_plan().plan.title
    assert title["new"] == new.plan.title
    added = next(c for c in changes if c["op"] == "added")
    assert added["new"]["name"] == new.people.segments[3].name


def test_check_on_a_terminal_sends_only_its_colours(tmp_path: Path) -> None:
    """In colour, on a real terminal: the only escape sequences are check's own."""
    write_plan(tmp_path / EVIL_NAME, hostile_plan())
    output, status = run_in_terminal([str(POSTTUI), "check", EVIL_NAME], tmp_path, steps=[])
    assert status == 1
    text = re.sub(rb"\x1b\[[0-9;]*m", b"", output).decode().replace("\r\n", "\n")
    assert_terminal_safe(text, "check on a terminal")
    assert "evil\\x1b]52;c;SGVsbG8=\\x07\\u202e.post.toml" in text


def test_check_handles_a_20_mb_string_within_seconds(huge: Path) -> None:
    started = time.monotonic()
    result = posttui("check", "--format", "json", huge.name, cwd=huge.parent)
    assert time.monotonic() - started < COMMAND_SECONDS
    assert result.returncode == 1, result.stderr
    assert_output_safe(result)
    assert json.loads(result.stdout)["findings"]


def test_show_prints_a_20_mb_string_whole_within_seconds(huge: Path) -> None:
    started = time.monotonic()
    result = posttui("show", huge.name, cwd=huge.parent)
    assert time.monotonic() - started < COMMAND_SECONDS
    assert result.returncode == 0, result.stderr
    assert_output_safe(result)
    name = next(line for line in result.stdout.splitlines() if "[seg-0].name = " in line)
    assert len(name) > HUGE  # whole, to its last attack: the joined flag, its joiner escaped
    assert name.endswith('\\u200d🌈"')


def test_check_handles_thousands_of_segments_within_seconds(crowded: Path) -> None:
    started = time.monotonic()
    result = posttui("check", "--format", "json", crowded.name, cwd=crowded.parent)
    assert time.monotonic() - started < COMMAND_SECONDS
    assert result.returncode == 1, result.stderr
    assert_output_safe(result)
    assert json.loads(result.stdout)["findings"]


# ---- the editor ----


async def open_app(pilot: Pilot[int]) -> None:
    app = pilot.app
    assert isinstance(app, PostApp)
    deadline = time.monotonic() + OPEN_SECONDS
    while not isinstance(app.screen, PostScreen):
        assert app.load_error is None, app.load_error
        assert time.monotonic() < deadline, "the plan did not open in time"
        await pilot.pause(0.05)
    await pilot.pause()


async def press(pilot: Pilot[int], *keys: str) -> str:
    """Press `keys`, each answered within KEY_SECONDS; what the screen shows then."""
    for key in keys:
        started = time.monotonic()
        await pilot.press(key)
        await pilot.pause()
        took = time.monotonic() - started
        assert took < KEY_SECONDS, f"{key} took {took:.1f} s"
    text = screen_text(pilot.app)  # type: ignore[arg-type]
    assert_terminal_safe(text, f"the screen after {keys}")
    assert pilot.app.is_running
    return text


async def test_every_screen_shows_hostile_text_literally_or_escaped(tmp_path: Path) -> None:
    path = plain_then_hostile(tmp_path / "hostile.post.toml")
    app = PostApp(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        text = await press(pilot, "f2")
        assert f"Plan [/ {CLICK}" in text  # the header
        assert "Segment 0 [/ [@click=app.quit]" in text  # the list, cut to its width
        assert SHOWN_OSC52 in text  # the stakeholder map
        text = await press(pilot, "enter")  # into the form: the name field
        field = field_of(app)
        assert field is not None and field.path == "people.segments[0].name"
        value = field.query_one(Input).value
        assert value.startswith(f"Segment 0 [/ {CLICK} {MARKUP[2]} {MARKUP[3]} {SHOWN_OSC52}")
        assert SHOWN_BIDI in value and WIDE[0] in value
        await press(pilot, "tab", "tab", "escape")

        text = await press(pilot, "f3")
        assert "Objective 0 [/ [@click=app.quit]" in text
        assert "measurable/no-baseline" in text  # the findings panel
        text = await press(pilot, "enter", "tab")
        assert SHOWN_OSC52 in text

        text = await press(pilot, "f4")
        assert "relationship [/" in text and SHOWN_OSC52 in text
        text = await press(pilot, "f5")
        assert "Platform [/ [@click=app.quit]x" in text
        assert "Segment 0 [/ [@cli" in text  # the matrix, names cut to their column

        text = await press(pilot, "f6")
        assert isinstance(app.screen, PlanDetails)
        assert f"organization [/ {CLICK}" in text
        await press(pilot, "escape")

        await pilot.pause(1)  # changes since the commit are marked half a second after
        text = await press(pilot, "f7")
        assert isinstance(app.screen, ChangesView)
        assert f'"Plain title" → "Plan [/ {CLICK}' in text
        await press(pilot, "enter")  # to the first change: the title, in its dialog
        assert isinstance(app.screen, PlanDetails)

        for y, line in enumerate(screen_text(app).splitlines()):
            if "app.quit" in line:  # clicking the markup does nothing
                await pilot.click(offset=(line.index("app.quit"), y))
                break
        assert app.is_running


async def test_a_20_mb_string_opens_answers_keys_and_is_kept(huge: Path, tmp_path: Path) -> None:
    path = tmp_path / huge.name
    path.write_bytes(huge.read_bytes())
    name = huge_text()  # the first segment's name
    assert len(name) == HUGE
    app = PostApp(path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        text = await press(pilot, "f2")
        assert "huge [/ [@click" in text
        await press(pilot, "enter")  # the name field: shown begun, not editable
        name_field = next(f for f in app.screen.query(BoundField) if f.key == "name")
        assert name_field.query_one(Input).disabled
        assert name_field.query_one(Input).value.startswith("huge [/ [@click")
        why = str(name_field.query_one(".field-error").render())
        assert why.startswith(f"Too long to edit here ({HUGE:,} characters)")
        await press(pilot, "escape", "down", "up", "f3", "enter", "tab", "f5", "f6", "escape")
        await press(pilot, "ctrl+p", *"huge", "escape", "f2")
        size_field = next(f for f in app.screen.query(BoundField) if f.key == "size")
        size_field.focus_editor()
        await press(pilot, "end", "5")  # an edit elsewhere in the same segment
        started = time.monotonic()
        await pilot.press("ctrl+s")  # writes 25 MB, while the journal may write them too
        assert time.monotonic() - started < COMMAND_SECONDS
    saved = load(path).plan.people.segments[0]
    assert saved.size == 10005
    assert saved.name == name  # kept whole, not the preview


async def test_thousands_of_segments_open_and_answer_keys(crowded: Path) -> None:
    app = PostApp(crowded, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        await press(pilot, "f2")
        shown = str(app.screen.query_one("#stakeholder-map").render())
        assert shown.endswith("… and 4,988 more")  # a dozen names, then how many more
        text = await press(pilot, "end")
        assert f"{WIDE[0]} 4999 [/" in text
        await press(pilot, "f5")
        shown = str(app.screen.query_one("#matrix").render())
        assert "… and 4,900 more segments" in shown  # a hundred rows, then how many more
        await press(pilot, "enter", "tab", *"x", "f2")


# ---- the matrix ----


MARKS = (PRESENT, TARGET, ABSENT_TARGET, EMPTY)


def test_the_matrix_aligns_wide_names_by_terminal_cells() -> None:
    names = [
        "漢字かな漢字かな漢字かな漢字かな",
        "👩\u200d👩\u200d👧 family",
        WIDE[1],
        "abc",
        "x" * 40,
    ]
    plan = hostile_plan(segments=len(names))
    plan.people.segments = [
        Segment(id=f"s{i}", name=name, platforms=["hostile"] if i % 2 else [])
        for i, name in enumerate(names)
    ]
    lines = matrix(plan, width=100).plain.splitlines()
    header, rows = lines[0], lines[1 : 1 + len(names)]
    first_column = header.index("hostile")
    for row in rows:
        assert_terminal_safe(row)
        symbols = [
            i for i, char in enumerate(row) if char in (PRESENT, TARGET, ABSENT_TARGET, EMPTY)
        ]
        assert cell_len(row[: symbols[0]]) == first_column, row
        assert cell_len(row) == cell_len(rows[0]), row


# ---- a real terminal ----

# What the editor itself sends: colours, cursor positions, modes and questions about
# them, the keyboard protocol, the mouse pointer's shape. Anything else came from
# somewhere else.
TEXTUAL_SEQUENCES = re.compile(rb"\x1b\[[0-9;?<>=]*[mHhlu]|\x1b\[\?[0-9]+\$p|\x1b\]22;[a-z-]*\x07")
KEYS = {
    "f2": b"\x1bOQ",
    "f3": b"\x1bOR",
    "f4": b"\x1bOS",
    "f5": b"\x1b[15~",
    "f6": b"\x1b[17~",
    "f7": b"\x1b[18~",
    "escape": b"\x1b",
    "ctrl+q": b"\x11",
}


def run_in_terminal(
    command: list[str], cwd: Path, steps: list[tuple[str, str]]
) -> tuple[bytes, int]:
    """Run `command` on a 120 x 40 pseudo-terminal; for each step, wait until the
    output shows its text and settles, then type its key. Returns everything the
    command wrote, and its exit status."""
    main, child = pty.openpty()
    ioctl(child, TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    environment = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
    environment.pop("NO_COLOR", None)
    process = subprocess.Popen(
        command, cwd=cwd, stdin=child, stdout=child, stderr=child, env=environment
    )
    os.close(child)
    output = bytearray()

    def read(until: bytes, quiet: float = 0.3, limit: float = 90) -> None:
        """Read until `until` was written and nothing more came for `quiet` seconds."""
        deadline, last = time.monotonic() + limit, time.monotonic()
        while time.monotonic() < deadline:
            if until in output and time.monotonic() - last > quiet:
                return
            if select.select([main], [], [], 0.05)[0]:
                try:
                    output.extend(os.read(main, 65536))
                except OSError:  # the command ended and closed the terminal
                    return
                last = time.monotonic()
        raise AssertionError(f"{until!r} never showed:\n{bytes(output)[-2000:]!r}")

    try:
        for text, key in steps:
            read(text.encode())
            os.write(main, KEYS[key])
        status = process.wait(timeout=60)
        read(b"")
    finally:
        if process.poll() is None:
            process.kill()
        os.close(main)
    return bytes(output), status


def test_the_editor_sends_no_hostile_sequence_to_a_real_terminal(tmp_path: Path) -> None:
    path = plain_then_hostile(tmp_path / "hostile.post.toml")
    steps = [  # what each screen shows, then the key to the next
        ("Findings", "f3"),
        ("obj-2", "f4"),
        ("Relationship", "f5"),
        ("plattform-xx", "f6"),
        ("Highest", "escape"),
        ("Findings", "f7"),
        ("Plain title", "escape"),
        ("Findings", "ctrl+q"),
    ]
    output, status = run_in_terminal([str(POSTTUI), path.name], tmp_path, steps)
    assert status == 0
    shown = TEXTUAL_SEQUENCES.sub(b"", output).decode("utf-8").replace("\r\n", "\n")
    assert_terminal_safe(shown, "the editor")
    for attack in ESCAPES[:2]:  # the clipboard write and the link, as bytes
        assert attack.encode() not in output
    assert CLICK in shown and SHOWN_OSC52 in shown
    assert "Plain title" in shown  # the changes view was shown
