"""Benchmark results: importing 10,000 CSV rows into a 1,000-objective plan, and progress.

The plan has 1,000 objectives, one target each (instagram/m0 … instagram/m999, with a
baseline, a target value, a start and a deadline); the CSV is the plain layout,
`date,platform,metric,value`, ten dates for each target. Timed, median of the runs:

- import: `posttui import PLAN FILE --apply` as a whole process (read, place, save);
- the same in process, step by step: read the CSV, place the rows, add them, write;
- progress: `core.progress.plan_progress` of the imported plan (what the Progress view
  computes), and `posttui progress --format json` as a whole process.

    python benchmarks/bench_results.py           # 5 runs each
    python benchmarks/bench_results.py --quick   # one run each (smoke test)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from posttui.core.importing import apply, decode, plan_import, rows
from posttui.core.loader import load
from posttui.core.model import Objective, Plan, Target
from posttui.core.progress import plan_progress
from posttui.core.writer import dumps, save

OBJECTIVES = 1000
ROWS = 10_000
START = date(2027, 1, 1)


def make_plan() -> Plan:
    plan = Plan.new("Bench")
    plan.objectives = [
        Objective(
            id=f"o{i}",
            statement=f"Grow m{i} from 1,000 to 2,000 by the end of the year",
            start=START,
            deadline=date(2027, 12, 31),
            targets=[Target(platform="instagram", metric=f"m{i}", baseline=1000, target=2000)],
        )
        for i in range(OBJECTIVES)
    ]
    return plan


def make_csv() -> str:
    lines = ["date,platform,metric,value"]
    per_target = ROWS // OBJECTIVES
    for i in range(OBJECTIVES):
        for k in range(per_target):
            day = START + timedelta(days=7 * (k + 1))
            lines.append(f"{day.isoformat()},instagram,m{i},{1000 + 17 * k + i % 13}")
    return "\n".join(lines) + "\n"


class Plain(Screen[None]):
    """A header, a line of text and the footer: what a minimal screen shows."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Plan")
        yield Footer()


class OneMode(App[None]):
    """A minimal app with a mode not yet shown: the baseline for a first visit."""

    MODES: ClassVar[dict[str, Any]] = {"start": Plain, "next": Plain}

    def on_mount(self) -> None:
        self.switch_mode("start")


async def first_visit(app: App[Any], mode: str, ready: Callable[[], bool]) -> float:
    """Seconds from asking for `mode` to its first frame, in a 120x40 terminal."""
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(200):
            if ready():
                break
            await pilot.pause(0.05)
        await pilot.pause(0.5)  # start-up settled: only the visit is timed
        began = time.perf_counter()
        await app.switch_mode(mode)
        await pilot.pause()
        return time.perf_counter() - began


def progress_view(path: Path) -> float:
    from posttui.ui.app import PostApp

    app = PostApp(path, lang="en")
    return asyncio.run(first_visit(app, "progress", lambda: app.plan_loaded))


def minimal_mode() -> float:
    return asyncio.run(first_visit(OneMode(), "next", lambda: True))


def timed(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    runs = 1 if parser.parse_args().quick else 5
    folder = Path(tempfile.mkdtemp(prefix="bench-results-"))
    try:
        fresh, csv_path = folder / "fresh.post.toml", folder / "results.csv"
        save(make_plan(), fresh)
        csv_path.write_text(make_csv(), encoding="utf-8")
        target = folder / "plan.post.toml"

        def import_process() -> None:
            shutil.copy(fresh, target)
            command = [sys.executable, "-m", "posttui", "import", str(target), str(csv_path)]
            subprocess.run([*command, "--apply"], check=True, capture_output=True)

        def import_in_process() -> None:
            plan = load(fresh).plan
            found = list(rows(decode(csv_path.read_bytes())))
            apply(plan, plan_import(plan, found))
            dumps(plan)

        figures = {"import (process, --apply)": timed(import_process, runs)}
        figures["import (in process)"] = timed(import_in_process, runs)
        imported = load(target).plan
        count = sum(len(t.results) for o in imported.objectives for t in o.targets)
        assert count == ROWS, count
        figures["plan_progress (1,000 targets)"] = timed(
            lambda: plan_progress(imported, date(2027, 4, 1)), runs
        )
        view = statistics.median(progress_view(target) for _ in range(runs))
        figures["Progress view, first visit (f9)"] = view
        figures["a minimal app's first visit of a mode"] = statistics.median(
            minimal_mode() for _ in range(runs)
        )
        progress = [sys.executable, "-m", "posttui", "progress", str(target), "--format", "json"]
        figures["progress --format json (process)"] = timed(
            lambda: subprocess.run(progress, check=True, capture_output=True), runs
        )
        size = target.stat().st_size
    finally:
        shutil.rmtree(folder)
    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores")
    print(f"load average (1 min) after the runs: {os.getloadavg()[0]:.2f}")
    print(f"{OBJECTIVES} objectives, {ROWS} rows; plan after import: {size / 1e6:.1f} MB")
    for name, seconds in figures.items():
        print(f"{name:36} {seconds * 1000:8.0f} ms")


if __name__ == "__main__":
    main()
