"""Benchmark `posttui merge` (git's merge driver) against `posttui check` of the same plan.

For 1,000 and 5,000 objectives (the realistic plans of bench_core.py, from its seed)
three merges, each a whole `python -m posttui merge BASE OURS THEIRS` process:

- no conflict: we change the owner of every even objective and add one, they change
  the `why` of every odd one and add another;
- one conflict: the same, and one objective's owner changed both ways;
- all conflicting: every objective's owner changed both ways.

Each is timed against a `python -m posttui check BASE` process (aim: merge <= 3x check).
The two alternate; figures are medians of wall time.

    python benchmarks/bench_merge.py           # 1,000 and 5,000 objectives, 5 runs each
    python benchmarks/bench_merge.py --quick   # 1,000 objectives, one run each (smoke test)
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_core import canonical_text
from posttui.core import loader, writer
from posttui.core.model import Objective, Plan

AIM = 3.0  # merge / check of the same plan
FULL = ((1000, 5), (5000, 5))
QUICK = ((1000, 1),)


def _no_conflict(ours: Plan, theirs: Plan) -> None:
    for index, objective in enumerate(ours.objectives):
        if index % 2 == 0:
            objective.owner = f"Ours {index}"
    for index, objective in enumerate(theirs.objectives):
        if index % 2 == 1:
            objective.why = f"Theirs {index}"
    ours.objectives.append(Objective(id="ours-new", statement="Publish 12 posts by June 2027"))
    theirs.objectives.insert(
        len(theirs.objectives) // 2,
        Objective(id="theirs-new", statement="Publish 24 posts by June 2027"),
    )


def _one_conflict(ours: Plan, theirs: Plan) -> None:
    middle = len(ours.objectives) // 2
    ours.objectives[middle].statement = "Our statement"
    theirs.objectives[middle].statement = "Their statement"
    _no_conflict(ours, theirs)


def _all_conflicting(ours: Plan, theirs: Plan) -> None:
    for objective in ours.objectives:
        objective.owner = "Ours"
    for objective in theirs.objectives:
        objective.owner = "Theirs"


CASES: dict[str, Callable[[Plan, Plan], None]] = {
    "no conflict": _no_conflict,
    "one conflict": _one_conflict,
    "all conflicting": _all_conflicting,
}


def _wall(command: list[str], expected: tuple[int, ...]) -> float:
    began = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - began
    if done.returncode not in expected:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr.decode()}")
    return elapsed


def bench_case(folder: Path, base_text: str, case: str, runs: int) -> tuple[int, float, float]:
    """Conflicts, and the median seconds of the merge and of the check of the base."""
    base = loader.parse(base_text)
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    CASES[case](ours, theirs)
    paths = {name: folder / f"{name}.post.toml" for name in ("base", "ours", "theirs", "work")}
    paths["base"].write_text(base_text, encoding="utf-8")
    paths["ours"].write_text(writer.dumps(ours), encoding="utf-8")
    paths["theirs"].write_text(writer.dumps(theirs), encoding="utf-8")
    python = [sys.executable, "-m", "posttui"]
    merge = [*python, "merge", str(paths["base"]), str(paths["work"]), str(paths["theirs"])]
    check = [*python, "check", str(paths["base"])]
    merges, checks = [], []
    warm = 1 if runs > 1 else 0  # a first run that warms caches, not counted (not in --quick)
    for run in range(runs + warm):
        shutil.copyfile(paths["ours"], paths["work"])  # the merge writes its result here
        merged = _wall(merge, (0, 1))
        checked = _wall(check, (0, 1))
        if run >= warm:
            merges.append(merged)
            checks.append(checked)
    text = paths["work"].read_text(encoding="utf-8")
    conflicts = text.count("\n<<<<<<< ours\n") + text.startswith("<<<<<<< ours\n")
    return conflicts, statistics.median(merges), statistics.median(checks)


def _load() -> str:
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "n/a"


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    options.add_argument("--quick", action="store_true", help="1,000 objectives, one run each")
    args = options.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    print(
        f"posttui merge benchmark: Python {platform.python_version()} on {platform.system()} "
        f"{platform.machine()}, {os.cpu_count()} CPUs, load average {_load()}"
        f"{' (--quick)' if args.quick else ''}"
    )
    print(f"median wall ms of whole processes; aim: merge <= {AIM:g}x check of the same plan")
    print()
    print("| objectives | case | conflict hunks | merge ms | check ms | merge/check |")
    print("|---:|---|---:|---:|---:|---|")
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="posttui-bench-merge-") as name:
        for objectives, runs in sizes:
            base_text = canonical_text(objectives)
            for case in CASES:
                conflicts, merged, checked = bench_case(Path(name), base_text, case, runs)
                ratio = merged / checked
                result = "PASS" if ratio <= AIM else "MISS"
                print(
                    f"| {objectives:,} | {case} | {conflicts:,} | {merged * 1000:.0f} | "
                    f"{checked * 1000:.0f} | {ratio:.2f}x {result} |",
                    flush=True,
                )
    print()
    print(f"total {time.perf_counter() - began:.1f} s, load average {_load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
