"""The editor benchmark still runs: `benchmarks/bench_app.py --quick` (no timing asserted).

Without tmux the script skips its tmux rows (SKIP), unless POSTTUI_REQUIRE_TMUX is set:
then a missing tmux fails the run, and this test with it.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_app.py"

TMUX_ROWS = (
    "first frame, kafe-solsiden (tmux)",
    "ready to edit, kafe-solsiden (tmux)",
    "first frame, 1000 objectives (tmux)",
    "peak RSS, 1000 objectives open (tmux)",
    "peak RSS, 1000 objectives + F3",
)
KEY_ROWS = (  # --quick times keys on the big plan and one sample, the first frame's
    "key -> panel, 1000 objectives",
    "key -> panel, kafe-solsiden",
    "key -> painted frame, kafe-solsiden, 120x40",
    "first visit of a POST screen (f3/f4/f5), kafe-solsiden, 120x40",
    "back to a visited screen (f2/f3), kafe-solsiden, 120x40",
)


def row(name: str, results: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(name)}\s.*\b({results})\b", re.MULTILINE)


def test_quick_benchmark_runs_and_prints_every_row() -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH), "--quick"], capture_output=True, text=True, timeout=900
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    have_tmux = shutil.which("tmux") is not None
    skipped = not have_tmux and not os.environ.get("POSTTUI_REQUIRE_TMUX")
    for name in TMUX_ROWS:
        if skipped:
            expected = "SKIP"
        else:
            judged = name.startswith(("first frame, kafe", "ready to edit"))
            expected = "PASS|MISS" if judged else "info"
        assert row(name, expected).search(out), f"no {expected} row for {name!r}:\n{out}"
    for name in KEY_ROWS:
        assert row(name, "PASS|MISS").search(out), f"no row for {name!r}:\n{out}"
    unbuilt = "first visit, not built ahead, 120x40"
    assert row(unbuilt, "info").search(out), f"no row for {unbuilt!r}:\n{out}"
