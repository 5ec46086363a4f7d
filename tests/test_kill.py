"""A save killed at any moment leaves the plan whole: the old version or the new one."""

from __future__ import annotations

import itertools
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from posttui.core.loader import load, parse
from posttui.core.model import Objective, Plan, Target
from posttui.core.writer import dumps, write_atomic

KILLS = 30
OBJECTIVES = 4000


@pytest.fixture(scope="module")
def versions() -> tuple[bytes, bytes]:
    """A large plan as a user might have typed it (not canonical), and as `fmt` writes it."""
    plan = Plan.new("Kill test")
    plan.objectives = [
        Objective(
            id=f"objective-{n}",
            statement=f"Reach {n} more readers on the newsletter by June 2027",
            owner="Kari",
            targets=[Target(platform="newsletter", metric="reach", baseline=n, target=n + 10)],
        )
        for n in range(OBJECTIVES)
    ]
    canonical = dumps(plan)
    hand_written = canonical.replace(" = ", "   =   ")
    assert parse(hand_written) == plan
    return hand_written.encode(), canonical.encode()


def test_fmt_killed_at_random_moments_leaves_the_old_or_the_new_file(
    tmp_path: Path, versions: tuple[bytes, bytes]
) -> None:
    old, new = versions
    plan = tmp_path / "big.post.toml"
    chance = random.Random(2027)
    outcomes = set()
    started = time.perf_counter()
    plan.write_bytes(old)
    process = subprocess.run([sys.executable, "-m", "posttui", "fmt", str(plan)], check=True)
    full = time.perf_counter() - started  # how long one whole fmt takes here
    assert process.returncode == 0 and plan.read_bytes() == new
    # One kill at a random moment in each of KILLS equal slices of 1.2 runs: spread
    # over the whole run, and some after it (the rename done) whatever the draw.
    slices = [full * 1.2 * n / KILLS for n in range(KILLS + 1)]
    moments: list[float | None] = [chance.uniform(a, b) for a, b in itertools.pairwise(slices)]
    # And one kill as soon as the new file shows: after the rename whatever the load on
    # the machine (a run slower than the first one measured may outlast all the slices).
    for moment in [*moments, None]:
        plan.write_bytes(old)
        fmt = subprocess.Popen([sys.executable, "-m", "posttui", "fmt", str(plan)])
        if moment is None:
            while plan.read_bytes() != new and fmt.poll() is None:
                time.sleep(0.001)
        else:
            time.sleep(moment)
        fmt.send_signal(signal.SIGKILL)
        fmt.wait()
        content = plan.read_bytes()
        # Either version whole (both load: the fixture parses the old, fmt wrote the new).
        assert content in (old, new), "a killed save left a broken plan"
        outcomes.add(content == new)
    # Kills landed both before and after the rename; the next save sweeps what they left.
    assert outcomes == {False, True}
    write_atomic(plan, new.decode())
    assert len(load(plan).plan.objectives) == OBJECTIVES
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != plan.name]
    assert leftovers == []


def test_a_temp_file_of_a_running_save_is_left_alone(tmp_path: Path) -> None:
    plan = tmp_path / "p.post.toml"
    busy = tmp_path / f".p.post.toml.{os.getpid()}.abc.tmp"  # ours: still running
    busy.write_text("in progress")
    write_atomic(plan, 'format = 1\n[plan]\ntitle = "T"\n')
    assert busy.exists()
    assert load(plan).plan.plan.title == "T"
