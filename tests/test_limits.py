"""Resource bounds: a huge, deep or wrong-everywhere file ends in seconds, with a message.

The time and memory bounds here are generous (a slow, shared CI machine must pass);
the figures themselves come from benchmarks/bench_limits.py (docs/reliability.md).
"""

from __future__ import annotations

import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from posttui.core import limits
from posttui.core.loader import LoadError, load, parse
from posttui.core.model import Objective, Plan, Target
from posttui.core.writer import dumps
from posttui.ui.screens.dialogs import LoadFailed
from support.editing import editing, screen_text

HEAD = 'format = 1\n[plan]\ntitle = "T"\n'
DEEP = 100_000
MB = 1024 * 1024

# Seconds no case may take, even on a slow machine (they take far less).
SECONDS = 20


def refused(path_or_text: Path | str) -> LoadError:
    """The LoadError that loading (a path) or parsing (a text) raises, within SECONDS."""
    started = time.perf_counter()
    with pytest.raises(LoadError) as raised:
        if isinstance(path_or_text, Path):
            load(path_or_text)
        else:
            parse(path_or_text, "deep.post.toml")
    assert time.perf_counter() - started < SECONDS
    return raised.value


def check(path: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    """`posttui check PATH` as a user runs it, and its seconds."""
    started = time.perf_counter()
    command = [sys.executable, "-m", "posttui", "check", str(path), "--lang", "en"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    return result, time.perf_counter() - started


# ---- size ----


def big_plan(size: int) -> str:
    """A plan of `size` bytes, nearly all of it one notes text (the cheapest to parse)."""
    start, end, line = HEAD + 'notes = """\n', '"""\n', "Kafé Solsiden ved elva.\n"
    room = size - len((start + end).encode("utf-8"))
    lines, rest = divmod(room, len(line.encode("utf-8")))
    return start + line * lines + "x" * rest + end


def test_a_50_mb_plan_is_refused_in_seconds_naming_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.post.toml"
    path.write_text(big_plan(50 * MB), encoding="utf-8")
    result, seconds = check(path)
    assert result.returncode == 2
    assert result.stderr == f"{path}: {limits.TOO_LARGE.text()}\n"
    assert f"larger than {limits.MAX_MEGABYTES} MB" in result.stderr
    assert seconds < SECONDS


def test_a_plan_at_the_limit_loads_and_one_byte_more_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "limit.post.toml"
    path.write_text(big_plan(limits.MAX_BYTES), encoding="utf-8")
    assert path.stat().st_size == limits.MAX_BYTES
    started = time.perf_counter()
    assert load(path).plan.plan.notes.startswith("Kafé Solsiden ved elva.\n")
    assert time.perf_counter() - started < SECONDS

    path.write_text(big_plan(limits.MAX_BYTES + 1), encoding="utf-8")
    error = refused(path)
    assert error.problems[0].phrase == limits.TOO_LARGE
    assert error.render() == f"{path}: {limits.TOO_LARGE.text()}"


def test_refusing_a_large_file_takes_the_memory_of_the_limit_not_of_the_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "huge.post.toml"
    path.write_text(big_plan(50 * MB), encoding="utf-8")
    tracemalloc.start()
    try:
        refused(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < limits.MAX_BYTES + 4 * MB


def test_an_endless_file_is_read_only_up_to_the_limit() -> None:
    # /dev/zero never ends: reading it whole would fill the memory.
    error = refused(Path("/dev/zero"))
    assert error.render() == "/dev/zero: is a binary file, not a TOML plan"


def test_the_limit_is_said_in_norwegian_too() -> None:
    error = refused(big_plan(limits.MAX_BYTES + 10))
    assert f"større enn {limits.MAX_MEGABYTES} MB" in error.render("nb")


# ---- nesting ----

NESTED = {
    "arrays": f"a = {'[' * DEEP}{']' * DEEP}\n",
    "arrays never closed": f"a = {'[' * DEEP}\n",
    "arrays closed once too often": f"a = {'[' * DEEP}{']' * (DEEP + 1)}\n",
    "arrays over lines": "a = [\n" + "  [\n" * DEEP + "]\n" * (DEEP + 1),
    "inline tables": f"a = {'{b = ' * DEEP}1{'}' * DEEP}\n",
    "tables in arrays": f"a = {'[{b = ' * 1000}1{'}]' * 1000}\n",
    "dotted key": f"{'.'.join(['a'] * DEEP)} = 1\n",
    "quoted dotted key": ".".join(['"a=[b"'] * DEEP) + " = 1\n",
    "table header": f"[{'.'.join(['a'] * DEEP)}]\n",
    "array-of-tables header": f"[[{'.'.join(['a'] * DEEP)}]]\n",
}


@pytest.mark.parametrize("body", NESTED.values(), ids=NESTED.keys())
def test_deep_nesting_is_refused_at_its_line(body: str) -> None:
    text = HEAD + "\n" + body
    error = refused(text)
    [problem] = error.problems
    assert problem.phrase.key == "too-deep"
    # The line where the level past the limit opens.
    assert problem.line == 5 + (limits.MAX_DEPTH if "\n  [" in body else 0)
    assert f"nested more than {limits.MAX_DEPTH} levels deep" in error.render()


def test_nesting_at_the_limit_is_left_to_the_format() -> None:
    depth = limits.MAX_DEPTH
    error = refused(f"{HEAD}notes = {'[' * depth}{']' * depth}\n")
    assert error.problems[0].key == "plan.notes"  # a list where text belongs, not too deep


@pytest.mark.parametrize(
    ("notes", "text"),
    [
        (f'"{"[" * DEEP}"', "[" * DEEP),
        (f"'{'.a' * DEEP}'", ".a" * DEEP),
        (f'"""\n{"{[" * DEEP}"""', "{[" * DEEP),
        (f"'''{'[{' * DEEP}'''", "[{" * DEEP),
        (f'"x" # {"[" * DEEP}', "x"),
    ],
    ids=["string", "literal string", "multi-line string", "multi-line literal", "comment"],
)
def test_brackets_and_dots_in_texts_and_comments_are_no_nesting(notes: str, text: str) -> None:
    assert parse(f"{HEAD}notes = {notes}\n").plan.notes == text


# ---- how much ----


OVER = limits.MAX_ITEMS + 1
TOO_MANY = {
    "values in a list": (
        "[[people.segments]]\nid = 's'\nname = 'S'\nplatforms = [" + "'a'," * OVER + "]",
        "too-many",
        limits.MAX_ITEMS,
    ),
    "tables": ("[[objectives]]\n" * (OVER // 2), "too-many", limits.MAX_ITEMS),
    # tomllib reads each escape on its own: 16 million of them (32 MB) took it 10 s.
    "escapes in a text": (
        'notes = "' + "\\t" * (limits.MAX_ESCAPES + 1) + '"',
        "too-many-escapes",
        limits.MAX_ESCAPES,
    ),
}


@pytest.mark.parametrize(("body", "key", "limit"), TOO_MANY.values(), ids=TOO_MANY.keys())
def test_too_much_is_refused_before_parsing(body: str, key: str, limit: int) -> None:
    error = refused(f"{HEAD}{body}\n")
    [problem] = error.problems
    assert problem.phrase.key == key
    assert f"more than the {limit:,}" in error.render()


def test_escapes_up_to_the_limit_load() -> None:
    text = "\\t" * (limits.MAX_ESCAPES - 1)
    assert parse(f'{HEAD}notes = "{text}"\n').plan.notes == "\t" * (limits.MAX_ESCAPES - 1)


def test_a_plan_of_thousands_of_objectives_is_well_within_the_limits() -> None:
    plan = Plan.new("T")
    plan.objectives = [
        Objective(
            id=f"o-{n}",
            statement="Reach 2,000 more readers of the newsletter by June 2027",
            segments=["students", "families"],
            owner="Kari",
            why="Readers come back",
            targets=[Target(platform="newsletter", metric="reach", baseline=n, target=n + 1)],
        )
        for n in range(5000)
    ]
    assert parse(dumps(plan)) == plan


def test_a_file_wrong_everywhere_lists_its_first_problems_and_counts_the_rest() -> None:
    unknown = 20_000
    text = HEAD + "".join(f"key{n} = 1\n" for n in range(unknown))
    error = refused(text)
    assert len(error.problems) == limits.MAX_PROBLEMS + 1
    assert [p.line for p in error.problems[:3]] == [4, 5, 6]
    more = unknown - limits.MAX_PROBLEMS
    assert error.problems[-1].text() == (
        f"… and {more:,} more problems (the first {limits.MAX_PROBLEMS} are listed)"
    )
    assert error.problems[-1].text("nb").startswith(f"… og {more:,}".replace(",", "\u00a0"))


def test_thousands_of_empty_tables_end_in_seconds() -> None:
    error = refused(HEAD + "[[objectives]]\n" * 100_000)
    assert len(error.problems) == limits.MAX_PROBLEMS + 1
    assert error.problems[0].line == 4


# ---- in the app ----


async def test_the_app_shows_why_a_deep_plan_does_not_open(tmp_path: Path) -> None:
    path = tmp_path / "deep.post.toml"
    path.write_text(HEAD + "\n" + NESTED["inline tables"], encoding="utf-8")
    async with editing(path) as (app, pilot):
        assert isinstance(app.screen, LoadFailed)
        why = f"nested more than {limits.MAX_DEPTH} levels deep"

        # The message wraps where the file's path (longer in a pytest-xdist worker's
        # folder) makes it: read the screen's words, not its lines.
        def shown() -> str:
            return " ".join(screen_text(app).split())

        deadline = time.monotonic() + 60  # the dialog lays out its text in turns of its own
        while why not in shown() and time.monotonic() < deadline:
            await pilot.pause(0.1)
        assert why in shown()
        await pilot.press("q")
    assert app.return_code == 2


# ---- the benchmark behind the figures in docs/reliability.md ----


def test_the_limits_benchmark_runs() -> None:
    bench = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_limits.py"
    command = [sys.executable, str(bench), "--quick"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "| sample plan (kafe-solsiden) | 0.0 | loads |" in result.stdout
    assert f"| arrays {DEEP:,} deep | 0.2 | refused: too-deep at line 4 |" in result.stdout
    assert "RecursionError" in result.stdout  # tomllib alone, on the same file
