"""Time and peak memory of loading files at and past posttui's limits.

Each case is a file written to a temp folder and loaded in a fresh Python process
(so that its peak memory is its own), twice: with `posttui.core.loader.load`, and
with `tomllib` alone, which is what loading cost before the limits (a case that
tomllib does not finish within --timeout seconds is stopped). Prints one markdown
table, for docs/reliability.md ("Limits"), the cost of the limit checks on a
plan of 1,000 objectives, and the time to write a plan holding one 20 MB text.

    python benchmarks/bench_limits.py             # every case (a few minutes)
    python benchmarks/bench_limits.py --quick     # the small cases only (smoke test)

Peak memory is the process's peak resident set size (Linux: VmHWM), Python and the
imports included (tomllib alone: about 10 MB; posttui's loader: about 30 MB); seconds
are the load alone.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from bench_core import canonical_text
from posttui.core import limits
from posttui.core.loader import parse
from posttui.core.writer import dumps

SAMPLE = Path(__file__).resolve().parent.parent / "sample_plans" / "kafe-solsiden.post.toml"
HEAD = 'format = 1\n[plan]\ntitle = "T"\n'
DEEP = 100_000
MB = 1024 * 1024

# Loads the file named on the command line the way its first argument says, and
# prints what happened, how long the load took (the imports not counted) and the
# process's peak memory: VmHWM, as ru_maxrss of a child counts its parent's pages.
CHILD = """
import json, re, sys, time
how, path = sys.argv[1:3]
if how == "posttui":
    from posttui.core.loader import LoadError, load
else:
    import tomllib
started = time.perf_counter()
try:
    if how == "posttui":
        load(path)
    else:
        with open(path, "rb") as handle:
            tomllib.load(handle)
    outcome = "loads"
except RecursionError:
    outcome = "RecursionError"
except Exception as error:
    if how == "posttui" and isinstance(error, LoadError):
        first, more = error.problems[0], len(error.problems) - 1
        where = f" at line {first.line}" if first.line else ""
        outcome = f"refused: {first.phrase.key}{where}" + (f", +{more} listed" if more else "")
    else:
        outcome = type(error).__name__
seconds = time.perf_counter() - started
with open("/proc/self/status") as status:
    peak = int(re.search(r"VmHWM:\\s+(\\d+) kB", status.read()).group(1)) / 1024
print(json.dumps({"outcome": outcome, "seconds": seconds, "megabytes": peak}))
"""


@dataclass
class Run:
    outcome: str
    seconds: float | None
    megabytes: float | None


def run(how: str, path: Path, timeout: float) -> Run:
    """Load `path` in a fresh process `how` ("posttui" or "tomllib")."""
    child = [sys.executable, "-c", CHILD, how, str(path)]
    try:
        done = subprocess.run(child, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return Run(f"stopped after {timeout:.0f} s", None, None)
    if done.returncode:
        return Run(f"crashed ({done.stderr.strip().splitlines()[-1:]})", None, None)
    result = json.loads(done.stdout)
    return Run(result["outcome"], result["seconds"], result["megabytes"])


# ---- the cases ----


def realistic(objectives: int) -> str:
    return canonical_text(objectives)


def realistic_of_size(size: int) -> str:
    """A realistic plan whose objectives repeat until it is `size` bytes (ids repeat too:
    a finding for `check`, no matter to the parser)."""
    text = canonical_text(1000)
    start, end = text.index("[[objectives]]"), text.index("[strategy]")
    objectives = text[start:end]
    return text[:start] + objectives * (size // len(objectives)) + text[end:]


def tiny_objectives(items: int) -> str:
    """The most objectives that fit in `items` keys, values and tables: 4 each (two
    brackets and two keys), 4 for the head."""
    objectives = items // 4 - 1
    return HEAD + "".join(f"[[objectives]]\nid='o{n}'\nstatement='s'\n" for n in range(objectives))


def one_text(size: int) -> str:
    start, end = HEAD + 'notes = """\n', '"""\n'
    room = size - len((start + end).encode("utf-8"))
    line = "Kafé Solsiden ved elva.\n"
    lines, rest = divmod(room, len(line.encode("utf-8")))
    return start + line * lines + "x" * rest + end


def platforms(count: int) -> str:
    values = "'a'," * count
    return f"{HEAD}[[people.segments]]\nid='s'\nname='S'\nplatforms=[{values}]\n"


@dataclass
class Case:
    name: str
    text: Callable[[], str] | None  # None: the path is given (a device)
    quick: bool = False
    path: str = ""


CASES = [
    Case("sample plan (kafe-solsiden)", SAMPLE.read_text, quick=True),
    Case("5,000 realistic objectives", lambda: realistic(5000)),
    Case(
        f"{limits.MAX_ITEMS:,} values: the smallest objectives",
        lambda: tiny_objectives(limits.MAX_ITEMS),
    ),
    Case(
        f"one text, {limits.MAX_MEGABYTES} MB (the size limit)", lambda: one_text(limits.MAX_BYTES)
    ),
    Case("50 MB of realistic objectives", lambda: realistic_of_size(50 * MB)),
    Case(f"{limits.MAX_ITEMS + 1:,} values in one list", lambda: platforms(limits.MAX_ITEMS)),
    Case(
        f"{limits.MAX_ESCAPES:,} escapes in one text (the limit)",
        lambda: HEAD + 'notes = "' + "\\t" * limits.MAX_ESCAPES + '"\n',
    ),
    Case(
        "16 million escapes in one text (32 MB)",
        lambda: HEAD + 'notes = "' + "\\t" * ((limits.MAX_BYTES - 100) // 2) + '"\n',
    ),
    Case(f"arrays {DEEP:,} deep", lambda: f"{HEAD}a = {'[' * DEEP}{']' * DEEP}\n", quick=True),
    Case(f"inline tables {DEEP:,} deep", lambda: f"{HEAD}a = {'{b=' * DEEP}1{'}' * DEEP}\n"),
    Case(f"dotted key of {DEEP:,} parts", lambda: f"{HEAD}{'.'.join(['a'] * DEEP)} = 1\n"),
    Case(f"table header of {DEEP:,} parts", lambda: f"format = 1\n[{'.'.join(['a'] * DEEP)}]\n"),
    Case("20,000 unknown keys", lambda: HEAD + "".join(f"k{n} = 1\n" for n in range(20_000))),
    Case("60,000 empty [[objectives]]", lambda: HEAD + "[[objectives]]\n" * 60_000),
    Case("/dev/zero (never ends)", None, path="/dev/zero"),
]


def check_overhead(objectives: int = 1000, samples: int = 15) -> tuple[float, float]:
    """Median ms of `limits.check` and of `tomllib.loads` on a realistic plan."""
    text = canonical_text(objectives)

    def median_ms(func: Callable[[], object]) -> float:
        times = []
        for _ in range(samples):
            started = time.perf_counter()
            func()
            times.append(time.perf_counter() - started)
        return statistics.median(times) * 1000

    return median_ms(lambda: limits.check(text)), median_ms(lambda: tomllib.loads(text))


def save_seconds(megabytes: int) -> tuple[float, float]:
    """Seconds to write a plan holding one text of `megabytes` MB: posttui's writer,
    and tomli_w writing the same data (which escapes a character at a time)."""
    plan = parse(one_text(megabytes * MB))
    data = plan.model_dump(mode="python", exclude_defaults=True)
    started = time.perf_counter()
    dumps(plan)
    mine = time.perf_counter() - started
    started = time.perf_counter()
    tomli_w.dumps(data, multiline_strings=True)
    return mine, time.perf_counter() - started


def cell(result: Run) -> str:
    seconds = "-" if result.seconds is None else f"{result.seconds:.3f}"
    megabytes = "-" if result.megabytes is None else f"{result.megabytes:.0f}"
    return f"{result.outcome} | {seconds} | {megabytes}"


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    options.add_argument("--quick", action="store_true", help="the small cases only")
    options.add_argument("--timeout", type=float, default=60, help="seconds per tomllib run")
    args = options.parse_args(argv)
    cases = [case for case in CASES if case.quick or not args.quick]
    print(
        f"posttui limits: {limits.MAX_MEGABYTES} MB, {limits.MAX_ITEMS:,} values, "
        f"{limits.MAX_ESCAPES:,} escapes, "
        f"{limits.MAX_DEPTH} levels, {limits.MAX_PROBLEMS} problems listed. "
        f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}"
    )
    print()
    print(
        "| file | MB | posttui load | s | peak MB | tomllib alone | s | peak MB |\n"
        "|---|---:|---|---:|---:|---|---:|---:|"
    )
    with tempfile.TemporaryDirectory(prefix="posttui-limits-") as name:
        for case in cases:
            path = Path(case.path or Path(name) / "case.post.toml")
            if case.text is not None:
                path.write_text(case.text(), encoding="utf-8")
            size = f"{path.stat().st_size / MB:.1f}" if path.is_file() else "∞"
            mine = run("posttui", path, args.timeout)
            # tomllib would read an endless file for ever: that is the point of the case.
            alone = run("tomllib", path, args.timeout) if path.is_file() else None
            alone_cell = cell(alone) if alone else "never ends reading | - | -"
            print(f"| {case.name} | {size} | {cell(mine)} | {alone_cell} |", flush=True)
    checked, parsed = check_overhead(100 if args.quick else 1000)
    print()
    print(
        f"limits.check on a realistic plan of {100 if args.quick else 1000} objectives: "
        f"{checked:.1f} ms, {checked / parsed:.0%} of tomllib.loads ({parsed:.1f} ms)"
    )
    size = 1 if args.quick else 20
    mine, alone = save_seconds(size)
    print(f"writing a plan with one {size} MB text: {mine:.2f} s (tomli_w alone: {alone:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
