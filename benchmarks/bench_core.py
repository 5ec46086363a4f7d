"""Benchmark posttui's core against the TOML libraries it sits on.

Generates realistic plans of 10, 100, 1,000 and 5,000 objectives (deterministic,
from a seed), writes them in canonical form with posttui's own writer, and prints one
table of medians and ratios:

- load: ``posttui.core.loader.parse`` (tomllib + validation) / ``tomllib.loads``  aim <= 1.5x
- lint: ``posttui.core.rules.lint`` / ``tomllib.loads``                          aim <= 0.25x
- save: ``posttui.core.writer.save`` (dumps + atomic write) / ``tomli_w.dumps``   aim <= 1.5x

and, for the 1,000-objective plan, the wall time of a whole ``posttui check PLAN``
process against a ``python -c`` process that only parses the file with tomllib
(aim <= 2x).

    python benchmarks/bench_core.py           # the full run (under ~2 minutes)
    python benchmarks/bench_core.py --quick   # sizes 10 and 100, few repeats (smoke test)

Standard library plus the project (and tomli_w, a dependency of the project) only.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import tomli_w

from posttui.core import loader, writer
from posttui.core.model import Plan
from posttui.core.rules import lint

SEED = 20270101
TODAY = date(2027, 1, 15)

AIMS = {"load": 1.5, "lint": 0.25, "save": 1.5, "check": 2.0}

# Full run: (objectives, timed samples per measurement). Fewer samples for big plans.
FULL = [(10, 61), (100, 41), (1000, 15), (5000, 7)]
QUICK = [(10, 5), (100, 3)]
CHECK_SIZE, CHECK_RUNS = 1000, 10
QUICK_CHECK_RUNS = 2

# One timed sample runs the function at least this long (loops for small plans).
MIN_SAMPLE_SECONDS = 0.01


# ---------------------------------------------------------------------------
# Plan generator
# ---------------------------------------------------------------------------

PLATFORMS = [
    ("instagram", "Instagram", "Bilder og Reels fra hverdagen"),
    ("facebook", "Facebook", "Arrangementer og lokalsamfunnet"),
    ("tiktok", "TikTok", "Short behind-the-scenes videos"),
    ("linkedin", "LinkedIn", "Company page, founder profiles and job ads"),
    ("youtube", "YouTube", "Webinar recordings and how-to videos"),
    ("snapchat", "Snapchat", "Tilbud og konkurranser for studenter"),
    ("newsletter", "Nyhetsbrev", "Månedlig nyhetsbrev til faste kunder"),
    ("google-business", "Google Bedriftsprofil", "Reviews, opening hours and photos"),
]

AUDIENCES_NB = [
    "studenter",
    "kontorfolk",
    "turister",
    "barnefamilier",
    "pensjonister",
    "innbyggere",
    "leverandører",
    "journalister",
]
AUDIENCES_EN = [
    "logistics managers",
    "data teams",
    "students",
    "commuters",
    "local businesses",
    "trade press",
    "parents",
    "volunteers",
]
METRICS = [
    "followers",
    "reach",
    "engagement-rate",
    "leads",
    "subscribers",
    "reviews",
    "demo-requests",
    "mentions",
]
METRIC_NB = {
    "followers": "følgere",
    "reach": "personer nådd",
    "engagement-rate": "engasjement",
    "leads": "henvendelser",
    "subscribers": "abonnenter",
    "reviews": "anmeldelser",
    "demo-requests": "demoforespørsler",
    "mentions": "omtaler",
}
MONTHS_NB = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
]
VAGUE_NB = [
    "Bedre synlighet på {platform} blant {audience}",
    "Styrke merkevaren vår blant {audience}",
    "Flere {audience} skal kjenne oss",
    "Mer engasjement",
]
VAGUE_EN = [
    "Improve our brand on {platform} among {audience}",
    "Boost awareness among {audience}",
    "Grow the community",
    "Better engagement with {audience} on {platform}",
]
OWNERS = [
    "Kari Nordmann",
    "Ola Hansen",
    "Ingrid Halvorsen",
    "Sindre Bakke",
    "Amir Haddad",
    "Marte Lie",
    "Jonas Berg",
    "Fatima Ali",
]
WHYS = [
    "Flere studenter innom på hverdager.",
    "Buyers only shortlist vendors they already recognise.",
    "Nyhetsbrevlesere blir faste kunder oftere enn følgere.",
    "Peers trust a fellow analyst's results far more than our own case studies.",
    "Kommunen må nå innbyggerne der de faktisk er, ikke bare på nettsiden.",
    "A large follower base makes every post reach further without paid promotion.",
]
CONTENT = ["video", "images", "articles", "charts", "carousels", "stories", "email", "live"]
CADENCES = ["1/week", "2/week", "3/week", "1/month", "2/month", "daily"]
KINDS = ["listening", "talking", "energizing", "supporting", "embracing"]
LINKAGES = ["enabling", "functional-input", "functional-output", "normative", "diffuse"]
SLUG_WORDS = [
    "grow",
    "reach",
    "reviews",
    "leads",
    "webinar",
    "brand",
    "video",
    "newsletter",
    "community",
    "events",
    "recruit",
    "listen",
]


def _slugify(text: str) -> str:
    table = str.maketrans({"æ": "ae", "ø": "o", "å": "a", " ": "-"})
    return text.lower().translate(table)


def _number_nb(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def _statement(rng: random.Random, norwegian: bool, platform: str, metric: str) -> str:
    """A statement: mostly SMART with numbers, sometimes vague (no digit) or short."""
    audiences = AUDIENCES_NB if norwegian else AUDIENCES_EN
    audience = rng.choice(audiences)
    name = dict((p[0], p[1]) for p in PLATFORMS)[platform]
    if rng.random() < 0.2:
        templates = VAGUE_NB if norwegian else VAGUE_EN
        return rng.choice(templates).format(platform=name, audience=audience)
    baseline = rng.randrange(100, 20_000)
    target = baseline + rng.randrange(50, 10_000)
    day, month = rng.randrange(1, 29), rng.randrange(12)
    if norwegian:
        verb = rng.choice(["Øke", "Få", "Nå"])
        return (
            f"{verb} antall {METRIC_NB[metric]} på {name} blant {audience} fra "
            f"{_number_nb(baseline)} til {_number_nb(target)} innen {day}. "
            f"{MONTHS_NB[month]} 2027"
        )
    verb = rng.choice(["Grow", "Increase", "Reach"])
    month_name = date(2027, month + 1, 1).strftime("%B")
    return (
        f"{verb} {name} {metric.replace('-', ' ')} among {audience} from {baseline:,} "
        f"to {target:,} by {day} {month_name} 2027"
    )


def generate_plan(objectives: int, seed: int = SEED) -> dict[str, Any]:
    """A plan as TOML-ready data: realistic text, a realistic share of problems."""
    rng = random.Random(seed + objectives)
    platform_ids = [p[0] for p in PLATFORMS]
    n_segments = max(3, objectives // 10)
    n_initiatives = max(1, objectives // 2)

    segments = []
    for i in range(n_segments):
        norwegian = i % 2 == 0
        audience = rng.choice(AUDIENCES_NB if norwegian else AUDIENCES_EN)
        segment: dict[str, Any] = {
            "id": f"{_slugify(audience)}-{i:04d}",
            "name": audience.capitalize() + (" i Trondheim" if norwegian else " in the Nordics"),
            "description": (
                "Kommer gjerne i grupper på ettermiddagen, sitter lenge og jobber med laptop.\n"
                "Prisbevisste, men lojale når de først har funnet sin faste kafé."
                if norwegian
                else "They own the budget for analytics tools and care about on-time delivery."
            ),
            "linkage": rng.choice(LINKAGES),
            # The last of the eight platforms stays unused most of the time.
            "platforms": rng.sample(platform_ids[:7], rng.randrange(1, 4)),
        }
        if rng.random() < 0.8:
            segment["size"] = rng.randrange(10, 50_000)
        if rng.random() < 0.7:
            shares = [34, 29, 23, 9, 5] if rng.random() < 0.7 else [40, 30, 20, 5, 3]
            segment["involvement"] = dict(
                zip(
                    ("socializers", "lurkers", "sporadics", "debaters", "advanced"),
                    shares,
                    strict=True,
                )
            )
        segments.append(segment)

    objective_list = []
    for i in range(objectives):
        norwegian = rng.random() < 0.5
        named = rng.sample(segments, rng.randrange(1, 3)) if rng.random() < 0.95 else []
        reachable = sorted({p for segment in named for p in segment["platforms"]}) or platform_ids
        targets = []
        for _ in range(rng.randrange(1, 4)):
            # Mostly where the audience is; now and then elsewhere, or outside the mix (x).
            if rng.random() < 0.85:
                platform_id = rng.choice(reachable)
            else:
                platform_id = rng.choice(platform_ids) if rng.random() < 0.7 else "x"
            baseline = rng.randrange(0, 20_000)
            target: dict[str, Any] = {
                "platform": platform_id,
                "metric": rng.choice(METRICS),
                "target": int(baseline * rng.uniform(1.05, 2.5)) + rng.randrange(1, 200),
            }
            if rng.random() < 0.85:
                target["baseline"] = baseline
            if rng.random() < 0.1:
                target["target"] = round(rng.uniform(1, 9), 2)  # a rate, as a float
            if rng.random() < 0.05:
                target["notes"] = "Tall fra Meta Business Suite.\nHentet hver mandag."
            targets.append(target)
        statement = _statement(
            rng,
            norwegian,
            targets[0]["platform"] if targets[0]["platform"] != "x" else "tiktok",
            targets[0]["metric"],
        )
        start = date(2027, 1, 1) + timedelta(days=rng.randrange(0, 120))
        objective: dict[str, Any] = {
            "id": f"{rng.choice(SLUG_WORDS)}-{rng.choice(platform_ids)}-{i:05d}",
            "statement": statement,
            "kind": rng.choice(KINDS),
            "segments": [segment["id"] for segment in named],
        }
        if rng.random() < 0.9:
            objective["owner"] = rng.choice(OWNERS)
        if rng.random() < 0.85:
            objective["why"] = rng.choice(WHYS)
        if rng.random() < 0.9:
            objective["start"] = start
        if rng.random() < 0.9:
            objective["deadline"] = start + timedelta(days=rng.randrange(-20, 400))
        objective["targets"] = targets
        if rng.random() < 0.1:
            objective["notes"] = (
                "Diskutert på kvartalsmøtet.\nSee the Q4 review for how the baseline was measured."
            )
        objective_list.append(objective)
    objective_ids = [o["id"] for o in objective_list]

    initiatives = []
    for i in range(n_initiatives):
        norwegian = i % 2 == 1
        initiatives.append(
            {
                "id": f"initiative-{i:05d}",
                "objectives": rng.sample(
                    objective_ids, min(len(objective_ids), rng.randrange(1, 4))
                ),
                "description": (
                    "Ukentlige Reels med de ansatte, filmet på kafeen i åpningstiden."
                    if norwegian
                    else "Founders post short analyses of anonymised data, one chart and one "
                    "practical takeaway each."
                ),
                "content": rng.sample(CONTENT, rng.randrange(1, 4)),
                "platforms": rng.sample(platform_ids, rng.randrange(1, 3)),
                "cadence": rng.choice(CADENCES),
            }
        )

    return {
        "format": 1,
        "plan": {
            "title": f"Benchmark plan \u2013 {objectives} mål / objectives",
            "organization": "Kafé Solsiden AS & Nordlys Analytics AS",
            "as_of": TODAY,
            "notes": "Generated by benchmarks/bench_core.py.\nNorsk og engelsk tekst om hverandre.",
        },
        "people": {"segments": segments},
        "objectives": objective_list,
        "strategy": {
            "relationship": "Fra anonym kafé til studentenes faste møteplass; "
            "from unknown start-up to trusted advisor.",
            "initiatives": initiatives,
        },
        "technology": {
            "platforms": [{"id": pid, "name": name, "role": role} for pid, name, role in PLATFORMS]
        },
    }


def _as_plan(parsed: Any) -> Plan:
    """`loader.parse` returns a Plan (or a PlanFile holding one, in other versions)."""
    return parsed if isinstance(parsed, Plan) else parsed.plan


def canonical_text(objectives: int) -> str:
    """The generated plan, validated and written by posttui's own writer."""
    data = generate_plan(objectives)
    plan = _as_plan(loader.parse(tomli_w.dumps(data)))
    return writer.dumps(plan)


# ---------------------------------------------------------------------------
# Timing
# ---------------------------------------------------------------------------


def _loops_for(func: Callable[[], object]) -> int:
    """How many calls make one sample last at least MIN_SAMPLE_SECONDS."""
    loops = 1
    while True:
        began = time.perf_counter()
        for _ in range(loops):
            func()
        if time.perf_counter() - began >= MIN_SAMPLE_SECONDS or loops >= 10_000:
            return loops
        loops *= 2


def _sample(func: Callable[[], object], loops: int) -> float:
    gc.collect()
    began = time.perf_counter()
    for _ in range(loops):
        func()
    return (time.perf_counter() - began) / loops


def median_times(funcs: dict[str, Callable[[], object]], samples: int) -> dict[str, float]:
    """Median seconds per call of each function, samples interleaved to share any drift."""
    loops = {name: _loops_for(func) for name, func in funcs.items()}  # also warms up
    times: dict[str, list[float]] = {name: [] for name in funcs}
    for _ in range(samples):
        for name, func in funcs.items():
            times[name].append(_sample(func, loops[name]))
    return {name: statistics.median(values) for name, values in times.items()}


@dataclass
class Row:
    objectives: int
    kib: float
    findings: int
    tomllib: float
    load: float
    lint: float
    tomli_w: float
    save: float
    dumps: float


def bench_size(objectives: int, samples: int, folder: Path) -> tuple[Row, str]:
    text = canonical_text(objectives)
    plan = _as_plan(loader.parse(text))
    data = tomllib.loads(text)
    if writer.dumps(plan) != text:
        print(
            f"warning: {objectives} objectives: the writer's output is not stable", file=sys.stderr
        )
    target = folder / f"bench-{objectives}.post.toml"
    findings = len(lint(plan, TODAY))
    times = median_times(
        {
            "tomllib": lambda: tomllib.loads(text),
            "load": lambda: loader.parse(text),
            "lint": lambda: lint(plan, TODAY),
            "tomli_w": lambda: tomli_w.dumps(data),
            "save": lambda: writer.save(plan, target),
            "dumps": lambda: writer.dumps(plan),
        },
        samples,
    )
    kib = len(text.encode("utf-8")) / 1024
    return Row(objectives, kib, findings, **times), text


def bench_check(plan_path: Path, runs: int) -> tuple[float, float, int]:
    """Median wall seconds of `posttui check PLAN` and of a tomllib-only process."""
    check = [sys.executable, "-m", "posttui", "check", str(plan_path)]
    parse_only = [
        sys.executable,
        "-c",
        "import sys, tomllib\nwith open(sys.argv[1], 'rb') as f: tomllib.load(f)",
        str(plan_path),
    ]

    def wall(command: list[str]) -> tuple[float, int]:
        began = time.perf_counter()
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - began
        if done.returncode not in (0, 1):
            sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr.decode()}")
        return elapsed, done.returncode

    wall(check), wall(parse_only)  # warm the file-system cache and .pyc files
    check_times, parse_times = [], []
    code = 0
    for _ in range(runs):
        elapsed, code = wall(check)
        check_times.append(elapsed)
        parse_times.append(wall(parse_only)[0])
    return statistics.median(check_times), statistics.median(parse_times), code


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------


def verdict(ratio: float, aim: float) -> str:
    return f"{ratio:5.2f}x {'PASS' if ratio <= aim else 'MISS'}"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:9.3f}"


HEADER = (
    f"{'objectives':>10} {'KiB':>7} {'findings':>8} | {'tomllib':>9} {'load':>9} "
    f"{'load/toml':>12} | {'lint':>9} {'lint/toml':>12} | {'tomli_w':>9} {'save':>9} "
    f"{'save/tomli_w':>12} {'dumps/tw':>8}"
)


def format_row(row: Row) -> str:
    return (
        f"{row.objectives:>10} {row.kib:>7.1f} {row.findings:>8} | {ms(row.tomllib)} "
        f"{ms(row.load)} {verdict(row.load / row.tomllib, AIMS['load']):>12} | {ms(row.lint)} "
        f"{verdict(row.lint / row.tomllib, AIMS['lint']):>12} | {ms(row.tomli_w)} "
        f"{ms(row.save)} {verdict(row.save / row.tomli_w, AIMS['save']):>12} "
        f"{row.dumps / row.tomli_w:>7.2f}x"
    )


def _load() -> str:
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:  # not available on every platform
        return "n/a"


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    options.add_argument(
        "--quick", action="store_true", help="sizes 10 and 100 only, few repeats (smoke test)"
    )
    args = options.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    check_size = sizes[-1][0] if args.quick else CHECK_SIZE
    check_runs = QUICK_CHECK_RUNS if args.quick else CHECK_RUNS

    began = time.perf_counter()
    print(
        f"posttui core benchmark: Python {platform.python_version()} on {platform.system()} "
        f"{platform.machine()}, {os.cpu_count()} CPUs, load average {_load()}"
        f"{' (--quick)' if args.quick else ''}"
    )
    print(
        "median time per call in ms; aims: load <= 1.5x tomllib.loads, lint <= 0.25x "
        "tomllib.loads, save (dumps + atomic write) <= 1.5x tomli_w.dumps; dumps/tw is "
        "posttui dumps alone / tomli_w.dumps (no file write)"
    )
    print(HEADER)
    print("-" * len(HEADER))
    with tempfile.TemporaryDirectory(prefix="posttui-bench-") as name:
        folder = Path(name)
        check_text = ""
        for objectives, samples in sizes:
            row, text = bench_size(objectives, samples, folder)
            print(format_row(row), flush=True)
            if objectives == check_size:
                check_text = text
        plan_path = folder / f"check-{check_size}.post.toml"
        plan_path.write_text(check_text, encoding="utf-8")
        check, parse_only, code = bench_check(plan_path, check_runs)
    print()
    print(
        f"posttui check, {check_size} objectives (exit {code}), median of {check_runs} "
        f"alternating runs: {check * 1000:.1f} ms vs python -c tomllib.load "
        f"{parse_only * 1000:.1f} ms: {verdict(check / parse_only, AIMS['check'])} (aim <= 2x)"
    )
    print(f"total {time.perf_counter() - began:.1f} s, load average {_load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
