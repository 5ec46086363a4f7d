"""The core and the command line's check path never import Textual."""

import ast
import subprocess
import sys
from pathlib import Path

from support.imports import BLOCK_TEXTUAL

CORE_MODULES = [
    "posttui.core.model",
    "posttui.core.ids",
    "posttui.core.loader",
    "posttui.core.writer",
    "posttui.core.rules",
    "posttui.cli",
    "posttui.cli.check",
    "posttui.cli.fmt",
    "posttui.cli.new",
    "posttui.cli.diff",
    "posttui.cli.show",
    "posttui.cli.schema",
    "posttui.core.diff",
    "posttui.core.facts",
    "posttui.core.document",
    "posttui.core.matrix",
    "posttui.core.bars",
    "posttui.core.report",
    "posttui.cli.export",
    "posttui.cli.serve",
    "posttui.core.journal",
    "posttui.core.confine",
    "posttui.core.config",
    "posttui.cli.config",
    "posttui.core.progress",
    "posttui.core.results",
    "posttui.core.importing",
    "posttui.cli.progress",
    "posttui.cli.record",
    "posttui.cli.importing",
]


def test_core_imports_without_textual_or_rich() -> None:
    imports = "\n".join(f"import {module}" for module in CORE_MODULES)
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_TEXTUAL + imports], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_check_command_runs_without_textual(tmp_path) -> None:
    plan = tmp_path / "p.post.toml"
    plan.write_text('format = 1\n[plan]\ntitle = "T"\n')
    code = BLOCK_TEXTUAL + f"from posttui.cli import main\nsys.exit(main(['check', {str(plan)!r}]))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "no findings" in result.stdout


UI = Path(__file__).resolve().parent.parent / "src" / "posttui" / "ui"


def imported(path: Path) -> set[str]:
    """The posttui modules `path` imports, at any level (TYPE_CHECKING blocks too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {name for name in names if name.startswith("posttui")}


def test_the_editors_screens_and_widgets_never_import_the_app() -> None:
    """They read through `ui.state.PlanState` and post messages up: no import circle
    around the app, and mypy checks the app against what they read."""
    modules = [*UI.glob("widgets/*.py"), *UI.glob("screens/*.py")]
    # The guided start drives the app through its own interview (a separate step).
    modules = [m for m in modules if m.name != "guide.py"]
    assert len(modules) > 10
    importing = [m.name for m in modules if "posttui.ui.app" in imported(m)]
    assert importing == []
