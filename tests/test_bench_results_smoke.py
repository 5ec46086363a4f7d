"""benchmarks/bench_results.py runs (once each, --quick) and imports every row."""

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_results.py"


def test_bench_results_quick() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH), "--quick"], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert "10000 rows" in done.stdout and "plan_progress" in done.stdout
