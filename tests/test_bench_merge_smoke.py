"""The merge benchmark still runs with --quick: its smallest case (no timing asserted)."""

import re
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_merge.py"


def test_quick_merge_benchmark_prints_a_row_per_case() -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH), "--quick"], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    for case, hunks in (("no conflict", "0"), ("one conflict", "1"), ("all conflicting", "1,000")):
        row = rf"^\| 1,000 \| {case} \| {hunks} \| \d+ \| \d+ \| \d+\.\d\dx (PASS|MISS) \|$"
        assert re.search(row, result.stdout, re.M), f"no row for {case}:\n{result.stdout}"
