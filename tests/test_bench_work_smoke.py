"""The work benchmark still runs: `benchmarks/bench_work.py` counts a start's instructions.

It needs valgrind and tmux; CI installs both and sets POSTTUI_REQUIRE_VALGRIND, so that
there a missing valgrind fails this test rather than skipping it.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_work.py"
TOOLS = ("valgrind", "tmux")


@pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in TOOLS)
    and not os.environ.get("POSTTUI_REQUIRE_VALGRIND"),
    reason="valgrind or tmux not installed",
)
def test_work_benchmark_counts_both_starts() -> None:
    result = subprocess.run([sys.executable, str(BENCH)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    counts = [
        float(n.replace(",", "")) for n in re.findall(r"([\d,.]+) M instructions", result.stdout)
    ]
    assert len(counts) == 2, result.stdout
    posttui, minimal = counts
    assert posttui > minimal > 100  # a start of either runs hundreds of millions
    ratio = re.search(r"ratio: ([\d.]+)x", result.stdout)
    assert ratio is not None and abs(float(ratio.group(1)) - posttui / minimal) < 0.01
