"""Benchmark the posttui editor (the Textual app) as a user meets it.

Prints one table, with PASS/MISS per aim:

1. Time to first frame in a real terminal: ``posttui sample_plans/kafe-solsiden.post.toml``
   started in a fresh tmux session (120x40), ``tmux capture-pane -p`` polled every ~10 ms
   until the plan title shows; against a minimal Textual app (Header, Static, Footer) that
   shows a known marker, measured alternately in the same run with the same Python.
   Median of each; aim: posttui <= 1.25x the minimal app. "Ready to edit" is the same run
   until the findings panel shows (plan loaded and linted, People screen built); aim:
   <= 2x the minimal app's first frame.
2. Keystroke to updated findings panel, with Pilot (``PostApp(path).run_test()``), on a
   generated 1,000-objective plan and on each sample plan: in the statement field of a
   vague objective (no digit; one is made if the plan has none), type a digit (the
   ``specific/vague`` finding goes) or delete it (it comes back), alternately, and time
   from sending the key until the FindingsPanel shows the new findings. Median of ~20
   keys; aims: <= 50 ms on 1,000 objectives, <= 16 ms on the samples.
3. Peak memory (VmHWM from /proc) of ``posttui`` with the 1,000-objective plan open in
   tmux, against the minimal app; no aim, shown for the record.
4. Keystroke to the next painted frame at 80x24, 120x40 and 200x60 (narrow, medium and
   wide layouts) on the first sample, against the minimal Input app at the same size;
   aim <= 3x.
5. Switching screens with Pilot on kafe-solsiden at the same three sizes, a second after
   the plan shows and after each screen (a user reads a screen before the next key;
   posttui builds the screens not shown yet meanwhile): from F3, F4, F5 (the first
   visit of Objectives, Strategy, Technology) and then F2, F3 (back to
   screens shown before) to the first full frame the new screen writes (the whole screen,
   not a part of it drawn over the screen before; a frame drawn while Textual holds the
   switch's frames is never written, and does not count); against a minimal app with
   a mode per F key (Header, Input, Static, Footer), which like posttui shows a screen
   at once rather than after Textual's 50 ms hold on a switch (``App.delay_update``).
   Aims: a first visit <= 2x the minimal app's first switch to a new mode, a visited
   screen <= 1.5x its switch back; the verdict is on the slowest screen. An info row at
   120x40 times first visits with no screen built ahead, keys 0.2 s apart. ``--quick``
   measures 2 on the 1,000-objective plan and kafe-solsiden only, 4 and 5 at 120x40
   only.

How the keystroke is timed. ``Pilot.press`` itself waits for the CPU to go idle twice
per key (``textual._wait.wait_for_idle(0)``, each at least one 20 ms sleep), so a key
sent with it cannot be measured under ~40-60 ms whatever the app does. The aims are
therefore judged on the key sent the way ``Pilot.press`` sends it
(``driver.send_message(events.Key(...))``) and the panel polled with ``asyncio.sleep(0)``;
the ``pilot.press`` figure is printed beside it for reference. "painted" is the first
frame the compositor produced after the panel updated (headless: rendered, not written
to a terminal). The keystroke baseline is a minimal app whose Input's changes a Static
shows, timed the same way.

Both apps in tmux run with bytecode cached in a private PYTHONPYCACHEPREFIX (as from an
installed wheel), even where PYTHONDONTWRITEBYTECODE is set.

    python benchmarks/bench_app.py            # the full run (about 8 minutes)
    python benchmarks/bench_app.py --quick    # fewer runs (smoke test)
    python benchmarks/bench_app.py --profile  # also cProfile the 1,000-objective key path

Without tmux, ``--quick`` prints the tmux rows as SKIP unless POSTTUI_REQUIRE_TMUX is set.
The plan generator is the one in benchmarks/bench_core.py.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import importlib
import io
import os
import platform
import pstats
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import tomli_w
from textual import events
from textual._compositor import LayoutUpdate
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static, TextArea

from posttui.core.rules import Finding
from posttui.ui.app import PostApp
from posttui.ui.screens.base import PostScreen
from posttui.ui.widgets.fields import BoundField
from posttui.ui.widgets.findings import FindingsPanel

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SAMPLES = ROOT / "sample_plans"
FIRST_FRAME_PLAN = SAMPLES / "kafe-solsiden.post.toml"
FIRST_FRAME_MARKER = "Kafé Solsiden"
MINIMAL_MARKER = "posttui-bench-minimal-ready"
BIG = 1000
BIG_MARKER = "Benchmark plan"
# The plan is loaded and its first screen built: the findings panel shows.
READY_MARKER = "Findings ("
OBJECTIVES_MARKER = "Statement"  # the Objectives form (its list is hidden at 80 columns)
SIZE = (120, 40)

AIM_FIRST_FRAME = 1.25  # ratio to the minimal app
AIM_READY = 2.0  # ratio to the minimal app's first frame
AIM_KEY_BIG = 0.050  # seconds
AIM_KEY_SAMPLE = 0.016

POLL = 0.010  # tmux capture-pane period
TIMEOUT = 60.0

MINIMAL_APP = f'''\
from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class Minimal(App[None]):
    TITLE = "minimal"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("{MINIMAL_MARKER}")
        yield Footer()


if __name__ == "__main__":
    Minimal().run()
'''

# A vague statement (a vague word, no number, four words or more) per plan language.
VAGUE = {
    "nb": "Øke synligheten blant studenter på Instagram",
    "en": "Improve our brand among students on Instagram",
}


def venv_python() -> Path:
    """The project's venv Python (both apps run on it), else the one running this."""
    candidate = ROOT / ".venv" / "bin" / "python"
    return candidate if candidate.exists() else Path(sys.executable)


def generated_plan(objectives: int) -> str:
    """A plan from bench_core's generator, as TOML text."""
    sys.path.insert(0, str(HERE))
    try:
        bench_core = importlib.import_module("bench_core")
    finally:
        sys.path.remove(str(HERE))
    return tomli_w.dumps(bench_core.generate_plan(objectives))


def ms(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1000:.1f} ms"


def progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# tmux: first frame and peak memory
# ---------------------------------------------------------------------------


class Tmux:
    """A private tmux server (its own socket), so no user session is touched."""

    def __init__(self, pycache: Path) -> None:
        self.socket = f"posttui-bench-{os.getpid()}"
        self.count = 0
        # The server passes its environment on to the apps. Both run with bytecode
        # cached (in a private folder, after a warm-up run), as from an installed
        # wheel, even where PYTHONDONTWRITEBYTECODE is set.
        self.env = {
            **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
            "PYTHONPYCACHEPREFIX": str(pycache),
        }
        # A session that keeps the server up, so no measurement pays for starting it.
        self("new-session", "-d", "-s", "keepalive", "-x", "80", "-y", "24", "sleep 86400")

    def __call__(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["tmux", "-u", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            env=self.env,
        )
        if check and done.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def first_frame(
        self, command: list[str], marker: str, ready: str | None = None
    ) -> tuple[float, str, float | None]:
        """Seconds from starting `command` in a new session until `marker` shows (and
        then until `ready` shows, if given)."""
        width, height = SIZE
        self.count += 1
        name = f"run{self.count}"
        line = "exec " + " ".join(shlex.quote(part) for part in command)
        began = time.perf_counter()
        self(
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            str(width),
            "-y",
            str(height),
            "-c",
            str(ROOT),
            line,
        )
        tick, shown = began, None
        while True:
            screen = self.screen(name)
            if shown is None and marker in screen:
                shown = time.perf_counter() - began
            if shown is not None and (ready is None or ready in screen):
                return shown, name, (time.perf_counter() - began) if ready else None
            if time.perf_counter() - began > TIMEOUT:
                screen = self.screen(name)
                self.kill(name)
                raise RuntimeError(f"{marker!r} never showed; the screen was:\n{screen}")
            tick += POLL
            time.sleep(max(0.0, tick - time.perf_counter()))

    def screen(self, name: str) -> str:
        return self("capture-pane", "-p", "-t", name, check=False)

    def wait_for(self, name: str, marker: str) -> None:
        deadline = time.perf_counter() + TIMEOUT
        while marker not in self.screen(name):
            if time.perf_counter() > deadline:
                raise RuntimeError(f"{marker!r} never showed:\n{self.screen(name)}")
            time.sleep(POLL)

    def pid(self, name: str) -> int:
        return int(self("display-message", "-p", "-t", name, "#{pane_pid}").strip())

    def kill(self, name: str) -> None:
        self("kill-session", "-t", name, check=False)

    def close(self) -> None:
        socket = self("display-message", "-p", "#{socket_path}", check=False).strip()
        self("kill-server", check=False)
        if socket:
            Path(socket).unlink(missing_ok=True)


def peak_rss(pid: int) -> int | None:
    """The process's peak resident set (VmHWM), in bytes; None without /proc."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return None


def settle(pid: int, quiet: float = 0.3, timeout: float = 5.0) -> None:
    """Wait until the process has used no CPU for `quiet` seconds (its work is done)."""

    def cpu() -> int:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        return int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks

    deadline = time.perf_counter() + timeout
    try:
        last = cpu()
        while time.perf_counter() < deadline:
            time.sleep(quiet)
            now = cpu()
            if now == last:
                return
            last = now
    except OSError:
        time.sleep(quiet)


@dataclass
class TmuxFigures:
    posttui: list[float]
    minimal: list[float]
    ready: list[float]  # posttui: until the plan is loaded and its screen built
    rss_open: int | None
    rss_objectives: int | None
    rss_minimal: int | None
    big_first_frame: float


def bench_tmux(runs: int, big_plan: Path, python: Path) -> TmuxFigures:
    # In English whatever the plan or the locale says: the markers are English.
    posttui = [str(python.with_name("posttui")), str(FIRST_FRAME_PLAN), "--lang", "en"]
    with tempfile.TemporaryDirectory(prefix="posttui-bench-app-") as folder:
        script = Path(folder) / "minimal_app.py"
        script.write_text(MINIMAL_APP, encoding="utf-8")
        minimal = [str(python), str(script)]
        tmux = Tmux(Path(folder) / "pycache")
        try:
            # Warm-up (file-system cache, .pyc files), not counted.
            for command, marker in ((posttui, FIRST_FRAME_MARKER), (minimal, MINIMAL_MARKER)):
                tmux.kill(tmux.first_frame(command, marker)[1])
            times: dict[str, list[float]] = {"posttui": [], "minimal": [], "ready": []}
            for run in range(runs):
                # Alternate which goes first, so neither always follows the other.
                order = [
                    ("posttui", posttui, FIRST_FRAME_MARKER),
                    ("minimal", minimal, MINIMAL_MARKER),
                ]
                for label, command, marker in order if run % 2 == 0 else order[::-1]:
                    ready = READY_MARKER if label == "posttui" else None
                    elapsed, name, editable = tmux.first_frame(command, marker, ready)
                    tmux.kill(name)
                    times[label].append(elapsed)
                    if editable is not None:
                        times["ready"].append(editable)
                    time.sleep(0.05)
            progress(
                f"  first frame: posttui {ms(statistics.median(times['posttui']))}, "
                f"minimal {ms(statistics.median(times['minimal']))}"
            )

            # Peak memory: the big plan open, then its Objectives screen; the minimal app.
            command = [str(python.with_name("posttui")), str(big_plan), "--lang", "en"]
            big_first_frame, name, _ = tmux.first_frame(command, BIG_MARKER)
            pid = tmux.pid(name)
            settle(pid)
            rss_open = peak_rss(pid)
            tmux("send-keys", "-t", name, "F3")
            tmux.wait_for(name, OBJECTIVES_MARKER)
            settle(pid)
            rss_objectives = peak_rss(pid)
            tmux.kill(name)
            _, name, _ = tmux.first_frame(minimal, MINIMAL_MARKER)
            pid = tmux.pid(name)
            settle(pid)
            rss_minimal = peak_rss(pid)
            tmux.kill(name)
        finally:
            tmux.close()
    return TmuxFigures(
        times["posttui"],
        times["minimal"],
        times["ready"],
        rss_open,
        rss_objectives,
        rss_minimal,
        big_first_frame,
    )


# ---------------------------------------------------------------------------
# Keystroke to updated findings panel (Pilot)
# ---------------------------------------------------------------------------


@dataclass
class KeyFigures:
    plan: str
    objectives: int
    findings: int
    made_vague: bool
    state: list[float]  # key sent -> the panel shows the new findings
    painted: list[float]  # key sent -> the first frame after that
    pilot: list[float]  # `await pilot.press(key)` + wait -> the panel shows them
    profile: str = ""


def minimal_widgets() -> ComposeResult:
    """What each minimal baseline shows: a header, an Input, a Static and a footer."""
    yield Header()
    yield Input(id="field", compact=True)
    yield Static(id="shown")
    yield Footer()


class MinimalInputApp(App[None]):
    """The keystroke baseline: an Input whose every change a Static reports."""

    def compose(self) -> ComposeResult:
        return minimal_widgets()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#shown", Static).update(describe(event.value))


def describe(value: str) -> str:
    return f"{len(value)} characters, {sum(c.isdigit() for c in value)} digits"


def key_for(n: int) -> str:
    """Type a digit, then delete it: the vague finding goes, then comes back."""
    return "1" if n % 2 == 0 else "backspace"


class KeyTimer:
    """Sends keys to a running app and times them until `done()` says they show."""

    def __init__(self, app: App[Any], pilot: Pilot[Any], name: str) -> None:
        self.app = app
        self.pilot = pilot
        self.name = name
        self.frames: list[float] = []
        display = app._display

        def spy(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if renderable is not None:
                self.frames.append(time.perf_counter())

        app._display = spy  # type: ignore[method-assign]

    async def direct(self, key: str) -> None:
        """What Pilot.press does to send a key, without its two waits for CPU idle."""
        assert self.app._driver is not None
        self.app._driver.send_message(events.Key(key, key if len(key) == 1 else None))

    async def with_pilot(self, key: str) -> None:
        await self.pilot.press(key)

    async def one(
        self, press: Callable[[str], Awaitable[None]], key: str, done: Callable[[], bool]
    ) -> tuple[float, float]:
        """Seconds from sending `key` until done(), and until the next frame after that."""
        began = time.perf_counter()
        await press(key)
        while not done():
            await asyncio.sleep(0)
            if time.perf_counter() - began > TIMEOUT:
                raise RuntimeError(f"{self.name}: key {key!r} never showed")
        shown = time.perf_counter()
        while not self.frames or self.frames[-1] < shown:
            await asyncio.sleep(0)
            if time.perf_counter() - began > TIMEOUT:
                raise RuntimeError(f"{self.name}: no frame after key {key!r}")
        painted = self.frames[-1]
        await self.pilot.pause()  # let the key's tail finish before the next one
        return shown - began, painted - began

    async def run(
        self, keys: int, arm: Callable[[], Callable[[], bool]]
    ) -> tuple[list[float], list[float], list[float]]:
        """Time `keys` keys sent directly (after 2 warm-up keys), then `keys` via Pilot.

        `arm()` is called before each key and returns the check that it shows.
        """
        for n in range(2):
            await self.one(self.direct, key_for(n), arm())
        shown, painted, via_pilot = [], [], []
        for n in range(keys):
            a, b = await self.one(self.direct, key_for(n), arm())
            shown.append(a)
            painted.append(b)
        for n in range(keys):
            via_pilot.append((await self.one(self.with_pilot, key_for(n), arm()))[0])
        return shown, painted, via_pilot


async def bench_minimal_keys(
    keys: int, size: tuple[int, int] = SIZE
) -> tuple[list[float], list[float], list[float]]:
    app = MinimalInputApp()
    async with app.run_test(size=size) as pilot:
        timer = KeyTimer(app, pilot, "minimal app")
        editor = app.query_one(Input)
        shown = app.query_one("#shown", Static)
        editor.focus()
        editor.value = VAGUE["en"]
        editor.cursor_position = len(editor.value)
        await pilot.pause()

        def arm() -> Callable[[], bool]:
            has_digit = any(c.isdigit() for c in editor.value)
            after = editor.value[:-1] if has_digit else editor.value + "1"
            expect = describe(after)
            return lambda: shown.content == expect

        return await timer.run(keys, arm)


async def bench_keys(
    path: Path, keys: int, profile: bool = False, size: tuple[int, int] = SIZE
) -> KeyFigures:
    app = PostApp(path)
    async with app.run_test(size=size) as pilot:
        timer = KeyTimer(app, pilot, path.name)
        await pilot.pause()
        await app.switch_mode("objectives")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PostScreen)
        panel = screen.query_one(FindingsPanel)

        def vague_at(findings: list[Finding], index: int) -> bool:
            where = f"objectives[{index}].statement"
            return any(f.rule == "specific/vague" and f.path == where for f in findings)

        index = next(
            (
                i
                for i, objective in enumerate(app.plan.objectives)
                if vague_at(app.findings, i)
                and not any(c.isdigit() for c in objective.statement)
                and len(objective.statement.split()) >= 4
            ),
            None,
        )
        made_vague = index is None
        if index is None:
            index = 0
        screen.items.pick(index)
        await pilot.pause()
        field = next(
            f for f in screen.query(BoundField) if f.key == "statement" and f.base is not None
        )
        editor = field.query_one(TextArea)  # the statement wraps
        field.focus_editor()
        vague = VAGUE.get(app.plan.plan.language or "en", VAGUE["en"])
        # A digit after a space is a quantity; one stuck to a word ("LinkedIn1") is not.
        editor.text = (vague if made_vague else editor.text.rstrip()) + " "
        await pilot.pause()
        editor.move_cursor(editor.document.end)
        await pilot.pause()
        if not vague_at(app.findings, index):
            raise RuntimeError(f"{path.name}: objective {index} is not vague: {editor.text!r}")

        def arm() -> Callable[[], bool]:
            before = app.findings
            expect = not vague_at(before, index)

            def shown() -> bool:
                # The panel keeps the list it last showed (FindingsPanel._shown).
                findings = app.findings
                return (
                    findings is not before
                    and panel._shown is findings
                    and vague_at(findings, index) is expect
                )

            return shown

        state, painted, via_pilot = await timer.run(keys, arm)

        report = ""
        if profile:
            profiler = cProfile.Profile()
            profiler.enable()
            for n in range(keys):
                await timer.one(timer.direct, key_for(n), arm())
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(40)
            report = out.getvalue()

        figures = KeyFigures(
            path.name.removesuffix(".post.toml"),
            len(app.plan.objectives),
            len(app.findings),
            made_vague,
            state,
            painted,
            via_pilot,
            report,
        )
    return figures


# ---------------------------------------------------------------------------
# Switching screens (Pilot)
# ---------------------------------------------------------------------------

# F3, F4, F5: the first visit of Objectives, Strategy, Technology; then F2 and F3 go
# back to screens shown before.
FIRST_VISITS = ["f3", "f4", "f5"]
VISITED = ["f2", "f3"]
AIM_FIRST_VISIT = 2.0  # ratio to the minimal app's first switch to a new mode
AIM_VISITED = 1.5
# A user reads a screen before the next F key: the time posttui has to build the screens
# not shown yet (PostApp.build_ahead). The row "not built ahead" times a screen built
# as its key comes: no screen built ahead, keys AT_ONCE apart.
READ_SECONDS = 1.0
AT_ONCE = 0.2


class MinimalScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        return minimal_widgets()


class MinimalModesApp(App[None]):
    """The screen-switch baseline: a mode per F key, each a minimal screen."""

    MODES: ClassVar[dict[str, Any]] = {key: MinimalScreen for key in ("f2", "f3", "f4", "f5")}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key, f"switch_mode('{key}')") for key in ("f3", "f4", "f5", "f2")
    ]

    def on_mount(self) -> None:
        self.switch_mode("f2")

    def delay_update(self, delay: float = 0.05) -> None:
        """No hold on a switch: a screen shows as soon as it is drawn, as in posttui."""


async def switch_times(app: App[Any], size: tuple[int, int], read: float) -> list[float]:
    """Seconds from each F key of FIRST_VISITS + VISITED to the new screen's first full
    frame, `read` seconds after the plan showed and after each screen. A partial frame
    (the cells that changed) may come before it, drawn over the screen before: a screen
    shown again draws only what changed while it was hidden."""
    async with app.run_test(size=size) as pilot:
        for _ in range(100):  # the plan loaded and its first screen shown
            if getattr(app, "plan_loaded", True) and app.screen.is_mounted:
                break
            await pilot.pause()
        await pilot.pause(read)
        drawn: list[tuple[float, Screen[Any]]] = []
        display = app._display

        def spy(screen: Any, renderable: Any) -> None:
            # A frame drawn while Textual holds a switch's frames is never written.
            written = not app._batch_count
            display(screen, renderable)
            if written and isinstance(renderable, LayoutUpdate):
                drawn.append((time.perf_counter(), screen))

        app._display = spy  # type: ignore[method-assign]
        times = []
        for key in FIRST_VISITS + VISITED:
            before = app.screen
            drawn.clear()
            began = time.perf_counter()
            assert app._driver is not None
            app._driver.send_message(events.Key(key, None))
            while not any(screen is not before for _, screen in drawn):
                await asyncio.sleep(0)
                if time.perf_counter() - began > TIMEOUT:
                    raise RuntimeError(f"{type(app).__name__}: {key} showed no new screen")
            times.append(next(t for t, screen in drawn if screen is not before) - began)
            await pilot.pause(read)
    return times


def visit_rows(plan: Path, runs: int, sizes: list[tuple[int, int]]) -> list[Row]:
    """First visits and visited screens at each size, against the minimal app's."""
    rows = []
    for size in sizes:
        label = f"{size[0]}x{size[1]}"
        progress(f"screens: switching at {label}, {plan.name} and the minimal app, {runs} runs")
        ours, theirs, at_once = [], [], []
        for _ in range(runs):
            theirs.append(asyncio.run(switch_times(MinimalModesApp(), size, READ_SECONDS)))
            ours.append(asyncio.run(switch_times(PostApp(plan), size, READ_SECONDS)))
            if size == SIZE:
                unbuilt = PostApp(plan, build_ahead=False)
                at_once.append(asyncio.run(switch_times(unbuilt, size, AT_ONCE)))
        first = len(FIRST_VISITS)
        for name, part, aim in [
            ("first visit of a POST screen (f3/f4/f5)", slice(0, first), AIM_FIRST_VISIT),
            ("back to a visited screen (f2/f3)", slice(first, None), AIM_VISITED),
        ]:
            mine = [t for run in ours for t in run[part]]
            base = statistics.median(t for run in theirs for t in run[part])
            worst = max(
                statistics.median(run[i] for run in ours)
                for i in range(len(FIRST_VISITS + VISITED))[part]
            )
            rows.append(
                judged_row(
                    f"{name}, {plan.name.removesuffix('.post.toml')}, {label}",
                    statistics.median(mine),
                    base,
                    aim,
                    f"slowest screen {ms(worst)} ({worst / base:.2f}x)",
                    judged=worst,
                )
            )
        if at_once:
            base = statistics.median(t for run in theirs for t in run[:first])
            mine = statistics.median(t for run in at_once for t in run[:first])
            rows.append(
                Row(
                    f"first visit, not built ahead, {label}",
                    ms(mine),
                    ms(base),
                    f"{mine / base:.2f}x",
                    "-",
                    "info",
                    f"keys {AT_ONCE:g} s apart from the start, PostApp(build_ahead=False)",
                )
            )
    return rows


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------


@dataclass
class Row:
    name: str
    value: str
    baseline: str
    ratio: str
    aim: str
    result: str
    detail: str = ""


FIELDS = ("name", "value", "baseline", "ratio", "aim", "result", "detail")


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def judged_row(
    name: str, ours: float, theirs: float, aim: float, detail: str, *, judged: float | None = None
) -> Row:
    """`ours` against the minimal app's `theirs`: PASS if `judged` (by default `ours`)
    is within `aim` times `theirs`."""
    within = (ours if judged is None else judged) / theirs <= aim
    ratio, aimed = f"{ours / theirs:.2f}x", f"<= {aim:g}x"
    return Row(name, ms(ours), ms(theirs), ratio, aimed, verdict(within), detail)


def print_table(rows: list[Row]) -> None:
    head = Row("measurement", "posttui", "minimal app", "ratio", "aim", "result", "detail")
    widths = [max(len(getattr(row, field)) for row in [head, *rows]) for field in FIELDS]

    def line(row: Row) -> str:
        cells = [getattr(row, field) for field in FIELDS]
        return "  ".join(
            cell.ljust(width) if i in (0, len(cells) - 1) else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    print(line(head))
    print("-" * len(line(head)))
    for row in rows:
        print(line(row))


def mib(size: int | None) -> str:
    return "n/a" if size is None else f"{size / 2**20:.1f} MiB"


def tmux_rows(runs: int, big_plan: Path, python: Path, use_tmux: bool) -> list[Row]:
    frame = f"first frame, {FIRST_FRAME_PLAN.name.removesuffix('.post.toml')} (tmux)"
    ready = f"ready to edit, {FIRST_FRAME_PLAN.name.removesuffix('.post.toml')} (tmux)"
    big = f"first frame, {BIG} objectives (tmux)"
    memory = [f"peak RSS, {BIG} objectives open (tmux)", f"peak RSS, {BIG} objectives + F3"]
    if not use_tmux:
        progress("tmux: not installed, skipped (--quick)")
        return [
            Row(frame, "-", "-", "-", f"<= {AIM_FIRST_FRAME}x", "SKIP", "tmux not installed"),
            Row(ready, "-", "-", "-", f"<= {AIM_READY}x", "SKIP", "tmux not installed"),
            *(
                Row(name, "-", "-", "-", "-", "SKIP", "tmux not installed")
                for name in [big, *memory]
            ),
        ]
    progress(f"tmux: first frame, {runs} alternating runs each; peak memory")
    figures = bench_tmux(runs, big_plan, python)
    ours, theirs = statistics.median(figures.posttui), statistics.median(figures.minimal)
    spread = (
        f"runs {ms(min(figures.posttui))}..{ms(max(figures.posttui))} vs "
        f"{ms(min(figures.minimal))}..{ms(max(figures.minimal))}"
    )
    rows = [
        judged_row(frame, ours, theirs, AIM_FIRST_FRAME, spread),
        judged_row(
            ready,
            statistics.median(figures.ready),
            theirs,
            AIM_READY,
            "until the findings panel shows (plan loaded, People screen built)",
        ),
    ]
    rows.append(
        Row(
            big,
            ms(figures.big_first_frame),
            ms(theirs),
            f"{figures.big_first_frame / theirs:.2f}x",
            "-",
            "info",
            "one run",
        )
    )
    notes = ["People screen, after start-up settles", "Objectives screen (1,000 items)"]
    for name, rss, note in zip(
        memory, (figures.rss_open, figures.rss_objectives), notes, strict=True
    ):
        minimal = figures.rss_minimal
        ratio_text = f"{rss / minimal:.2f}x" if rss is not None and minimal else "-"
        rows.append(Row(name, mib(rss), mib(minimal), ratio_text, "-", "info", note))
    return rows


# Key -> painted frame at each size the layout has (narrow, medium, wide), against the
# minimal Input app at the same size, in the same run.
PAINT_SIZES = [(80, 24), (120, 40), (200, 60)]
AIM_PAINTED = 3.0  # ratio to the minimal app


def painted_rows(plan: str | Path, keys: int, sizes: list[tuple[int, int]]) -> list[Row]:
    path = Path(plan)
    rows = []
    for size in sizes:
        label = f"{size[0]}x{size[1]}"
        progress(f"keys: painted frame at {label}, {path.name} and the minimal app")
        _, base_painted, _ = asyncio.run(bench_minimal_keys(keys, size))
        key = asyncio.run(bench_keys(path, keys, size=size))
        rows.append(
            judged_row(
                f"key -> painted frame, {key.plan}, {label}",
                statistics.median(key.painted),
                statistics.median(base_painted),
                AIM_PAINTED,
                f"panel {ms(statistics.median(key.state))}",
            )
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    options.add_argument("--quick", action="store_true", help="fewer runs (smoke test)")
    options.add_argument(
        "--profile", action="store_true", help="also cProfile the key path on the big plan"
    )
    args = options.parse_args(argv)
    frame_runs = 1 if args.quick else 10
    keys = 2 if args.quick else 20
    python = venv_python()

    use_tmux = shutil.which("tmux") is not None
    if not use_tmux and (os.environ.get("POSTTUI_REQUIRE_TMUX") or not args.quick):
        print("bench_app: tmux is required (install it, or use --quick to skip)", file=sys.stderr)
        return 2

    began = time.perf_counter()
    load = ", ".join(f"{figure:.2f}" for figure in os.getloadavg())
    print(
        f"posttui editor benchmark: Python {platform.python_version()} ({python}) on "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
        f"load average {load}{' (--quick)' if args.quick else ''}"
    )
    rows: list[Row] = []
    profiles: list[str] = []
    with tempfile.TemporaryDirectory(prefix="posttui-bench-app-") as folder:
        big_plan = Path(folder) / f"bench-{BIG}.post.toml"
        big_plan.write_text(generated_plan(BIG), encoding="utf-8")
        rows.extend(tmux_rows(frame_runs, big_plan, python, use_tmux))

        progress(f"keys: minimal Input app, {keys} keystrokes")
        base_shown, base_painted, base_pilot = asyncio.run(bench_minimal_keys(keys))
        baseline = statistics.median(base_shown)
        # Copies: the editor keeps crash-recovery files beside the plans it edits.
        # --quick: one sample, the first frame's.
        chosen = [FIRST_FRAME_PLAN] if args.quick else sorted(SAMPLES.glob("*.post.toml"))
        samples = [shutil.copy(p, folder) for p in chosen]
        plans = [(big_plan, AIM_KEY_BIG), *((Path(p), AIM_KEY_SAMPLE) for p in samples)]
        for path, aim in plans:
            progress(f"keys: {path.name}, {keys} keystrokes")
            key = asyncio.run(bench_keys(path, keys, profile=args.profile and path == big_plan))
            state = statistics.median(key.state)
            name = (
                f"key -> panel, {key.objectives} objectives"
                if path == big_plan
                else (f"key -> panel, {key.plan}")
            )
            detail = (
                f"painted {ms(statistics.median(key.painted))} "
                f"(minimal {ms(statistics.median(base_painted))}), "
                f"pilot.press {ms(statistics.median(key.pilot))} "
                f"(minimal {ms(statistics.median(base_pilot))}); findings: {key.findings}"
                + ("; vague objective made" if key.made_vague else "")
            )
            rows.append(
                Row(
                    name,
                    ms(state),
                    ms(baseline),
                    f"{state / baseline:.1f}x",
                    f"<= {aim * 1000:.0f} ms",
                    verdict(state <= aim),
                    detail,
                )
            )
            if key.profile:
                profiles.append(key.profile)

        sizes = [SIZE] if args.quick else PAINT_SIZES
        rows.extend(painted_rows(samples[0] if samples else big_plan, keys, sizes))
        visits = Path(folder, "visits")  # a copy no key has edited: no recovery offered
        visits.mkdir()
        plan = Path(shutil.copy(FIRST_FRAME_PLAN, visits))
        rows.extend(visit_rows(plan, frame_runs // 2 or 1, sizes))

    print()
    print_table(rows)
    print()
    print(
        "first frame: median wall time from `tmux new-session` until the plan title shows in "
        f"`tmux capture-pane -p` (polled every {POLL * 1000:.0f} ms), {frame_runs} runs "
        "alternating with a minimal Header/Static/Footer app. key -> panel: median of "
        f"{keys} keys, from sending the key to the FindingsPanel showing the new findings; "
        "minimal app: an Input whose changes a Static shows; painted: to the first frame "
        "after that; pilot.press: the key sent with `await pilot.press()`, which itself "
        "sleeps >= 2 x 20 ms. Peak RSS: VmHWM of the app's process."
    )
    for report in profiles:
        print()
        print(report)
    print(f"total {time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
