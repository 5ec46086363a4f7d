"""The benchmarks still run with --quick (no timing asserted): core, and the palette."""

import re
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_core.py"


def test_quick_benchmark_runs_and_prints_a_row_per_size() -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH), "--quick"], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    for size in (10, 100):
        row = re.compile(rf"^\s*{size}\s+\d+(\.\d+)?\s+\d+\s+\|.*\b(PASS|MISS)\b", re.MULTILINE)
        assert row.search(result.stdout), f"no row for {size} objectives:\n{result.stdout}"
    assert "posttui check" in result.stdout


def test_quick_palette_benchmark_prints_both_tables() -> None:
    bench = BENCH.with_name("bench_palette.py")
    result = subprocess.run(
        [sys.executable, str(bench), "--quick"], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    row = re.search(
        r"^\| segment kunder \| (\d+) \| \d+\.\d{3} \| \d+\.\d{3} \|$", result.stdout, re.M
    )
    # Every generated segment matches (by its go-to command, and by its findings' too).
    assert row and int(row[1]) >= 100, result.stdout
    assert re.search(r"^\| 9 \| \d+\.\d{3} \|$", result.stdout, re.M), result.stdout
