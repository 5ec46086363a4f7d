"""Count the work of starting the editor, in instructions: a figure that does not drift.

Wall times on a shared machine swing by a third within an hour, which hides a change of
a few per cent. This counts the instructions (valgrind's callgrind) that a start takes,
from the process's start until its first frame is written:

- posttui: ``posttui sample_plans/kafe-solsiden.post.toml --lang en`` until the People
  screen's first frame (the plan loaded, linted and shown: "ready to edit");
- the minimal app of ``bench_app.py`` (Header, Static, Footer) until its first frame.

A small launcher runs either (posttui through its console script) with Textual's
``App._display`` made to exit once that frame is written.

Each runs in a private tmux server at 120x40 (the apps need a terminal), with
``PYTHONHASHSEED=0`` and bytecode cached beforehand; repeated runs agree within 0.1 %.
valgrind slows a start about fortyfold: a run takes about 30 s.

    python benchmarks/bench_work.py
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_app import MINIMAL_APP

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PLAN = ROOT / "sample_plans" / "kafe-solsiden.post.toml"
SIZE = ("120", "40")
TIMEOUT = 600.0

# Run as `python EXIT.py SCRIPT ARGS...`: SCRIPT runs as the program, and exits as soon
# as the first frame of the screen named EXIT_SCREEN (any screen, if unset) is written.
EXIT = """\
import os, runpy, sys
from textual.app import App

def _display(self, screen, renderable, display=App._display):
    display(self, screen, renderable)
    if renderable is not None and screen.name == os.environ.get("EXIT_SCREEN", screen.name):
        os._exit(0)

App._display = _display
script = sys.argv.pop(1)
runpy.run_path(script, run_name="__main__")
"""


def start(command: list[str], name: str, env: dict[str, str]) -> None:
    """Run `command` in a terminal of SIZE (a private tmux server) until it exits."""
    tmux = ["tmux", "-u", "-L", f"posttui-work-{os.getpid()}-{name}", "-f", "/dev/null"]
    width, height = SIZE
    line = "exec " + " ".join(map(shlex.quote, command))
    subprocess.run(
        [*tmux, "new-session", "-d", "-x", width, "-y", height, "-c", str(ROOT), line],
        check=True,
        env=env,
    )
    deadline = time.monotonic() + TIMEOUT
    while subprocess.run([*tmux, "has-session"], capture_output=True).returncode == 0:
        if time.monotonic() > deadline:
            subprocess.run([*tmux, "kill-server"], capture_output=True)
            raise RuntimeError(f"{name} never drew its frame")
        time.sleep(0.5)


def count(name: str, program: list[str], folder: Path, env: dict[str, str]) -> int:
    """Instructions of one start of `program` under callgrind, after one start without
    it (bytecode cached, as from an installed wheel)."""
    start(program, name, env)
    log = folder / f"{name}.log"
    valgrind = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    start([*valgrind, f"--log-file={log}", *program], name, env)
    found = re.search(r"Collected : (\d+)", log.read_text(encoding="utf-8", errors="replace"))
    if found is None:
        raise RuntimeError(f"no count in valgrind's log:\n{log.read_text(errors='replace')}")
    return int(found.group(1))


def main() -> int:
    if shutil.which("valgrind") is None or shutil.which("tmux") is None:
        print("bench_work: valgrind and tmux are required", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="posttui-bench-work-") as name:
        folder = Path(name)
        env = {
            **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
            "PYTHONHASHSEED": "0",
            "PYTHONPYCACHEPREFIX": str(folder / "pycache"),
        }
        exit_at = folder / "exit_at_frame.py"
        exit_at.write_text(EXIT, encoding="utf-8")
        minimal = folder / "minimal_app.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        console_script = Path(sys.executable).with_name("posttui")
        programs = {
            "posttui": [str(console_script), str(PLAN), "--lang", "en"],
            "minimal": [str(minimal)],
        }
        counts = {
            app: count(
                app,
                [sys.executable, str(exit_at), *program],
                folder,
                {**env, "EXIT_SCREEN": "people"} if app == "posttui" else env,
            )
            for app, program in programs.items()
        }
    posttui, minimal = counts["posttui"], counts["minimal"]
    print(f"posttui, ready to edit (People's first frame): {posttui / 1e6:,.1f} M instructions")
    print(f"minimal app, first frame:                      {minimal / 1e6:,.1f} M instructions")
    print(f"ratio: {posttui / minimal:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
