"""Time the command palette on a big plan: its matching, and each key in the real app.

The palette lists a command per objective, segment and finding. Two tables:

1. Matching alone: every title matched against a query, with posttui's matcher and
   with Textual's `Matcher` (which the palette used before), the matched letters of
   every hit marked. Median of a few runs per query; no app.
2. The palette in the editor (Pilot, headless): ctrl+p on the plan, then a query
   typed a key at a time; each key timed until the palette has listed its hits.

    python benchmarks/bench_palette.py           # 5,000 objectives, 5,000 segments
    python benchmarks/bench_palette.py --quick   # 100 of each (smoke test)
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import tomli_w
from textual.fuzzy import Matcher

from bench_core import generate_plan
from posttui.ui.app import PostApp
from posttui.ui.commands import PlanCommands, highlight
from posttui.ui.matching import match

QUERIES = ("s", "seg", "instagram", "segment kunder", "grow linkedin reviews among", "xyzzy")
TYPED = "kunder 4999"


def plan_data(count: int) -> dict[str, Any]:
    """A generated plan of `count` objectives, and `count` more segments."""
    data = generate_plan(count)
    data["people"]["segments"] += [
        {"id": f"kunder-{n}", "name": f"Kunder i kommune {n}"} for n in range(count)
    ]
    return data


def ours(query: str, titles: list[str]) -> int:
    return len([highlight(title, m.offsets) for title in titles if (m := match(query, title))])


def textuals(query: str, titles: list[str]) -> int:
    matcher = Matcher(query)
    return len([matcher.highlight(title) for title in titles if matcher.match(title) > 0])


def seconds(func: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def matching(titles: list[str], runs: int) -> None:
    print(f"Matching alone, {len(titles):,} titles\n")
    print("| query | hits | posttui s | Textual's matcher s |\n|---|---:|---:|---:|")
    for query in QUERIES:
        mine = seconds(partial(ours, query, titles), runs)
        theirs = seconds(partial(textuals, query, titles), runs)
        hits = ours(query, titles)
        print(f"| {query} | {hits:,} | {mine:.3f} | {theirs:.3f} |", flush=True)


async def bench(path: Path, runs: int) -> None:
    app = PostApp(path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        matching([title for title, _, _ in PlanCommands(app.screen).commands()], runs)
        print(f"\nThe palette in the editor, typing {TYPED!r}\n")
        print("| key | s |\n|---|---:|")
        for key in ("ctrl+p", *TYPED):
            started = time.perf_counter()
            await pilot.press("space" if key == " " else key)
            await app.workers.wait_for_complete()  # the palette's search
            await pilot.pause()
            print(f"| {key} | {time.perf_counter() - started:.3f} |", flush=True)


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    options.add_argument("--quick", action="store_true", help="a small plan, one run")
    args = options.parse_args(argv)
    count, runs = (100, 1) if args.quick else (5000, 3)
    with tempfile.TemporaryDirectory(prefix="posttui-palette-") as folder:
        path = Path(folder) / "big.post.toml"
        path.write_text(tomli_w.dumps(plan_data(count)), encoding="utf-8")
        asyncio.run(bench(path, runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
