"""The posttui app: one plan, four POST screens, a live findings panel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from pydantic import ValidationError
from textual.app import App
from textual.binding import Binding, BindingType
from textual.reactive import var
from textual.widgets import HelpPanel

from posttui.core import paths
from posttui.core.history import History
from posttui.core.loader import LoadError, PlanFile, load
from posttui.core.model import Plan, title_from_filename
from posttui.core.rules import Finding, lint
from posttui.core.terminal import printable
from posttui.core.writer import dumps, write_atomic
from posttui.ui.commands import PlanCommands
from posttui.ui.screens.base import PostScreen
from posttui.ui.screens.dialogs import Choice, LoadFailed, PlanDetails
from posttui.ui.screens.objectives import ObjectivesScreen
from posttui.ui.screens.people import PeopleScreen
from posttui.ui.screens.strategy import StrategyScreen
from posttui.ui.screens.technology import TechnologyScreen


def stylesheet() -> Path:
    """The app stylesheet: packaged beside the code, or in a source checkout's styles/."""
    here = Path(__file__).resolve().parent
    packaged = here.parent / "styles" / "posttui.tcss"
    return packaged if packaged.exists() else here.parents[2] / "styles" / "posttui.tcss"


class PostApp(App[int]):
    CSS_PATH = stylesheet()
    TITLE = "posttui"
    COMMANDS = App.COMMANDS | {PlanCommands}
    MODES: ClassVar[dict[str, Any]] = {
        "people": PeopleScreen,
        "objectives": ObjectivesScreen,
        "strategy": StrategyScreen,
        "technology": TechnologyScreen,
    }
    SECTION_MODES: ClassVar[dict[str, str]] = {
        "people": "people",
        "objectives": "objectives",
        "strategy": "strategy",
        "technology": "technology",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+z", "undo", "Undo", priority=True),
        Binding("ctrl+y", "redo", "Redo", priority=True, show=False),
        Binding("f1", "help", "Keys"),
        # The step bar under the header shows these.
        Binding("f2", "switch_mode('people')", "People", show=False),
        Binding("f3", "switch_mode('objectives')", "Objectives", show=False),
        Binding("f4", "switch_mode('strategy')", "Strategy", show=False),
        Binding("f5", "switch_mode('technology')", "Technology", show=False),
        # Text areas use f6 themselves; the plan's own fields must open from anywhere.
        Binding("f6", "plan_details", "Plan", priority=True),
    ]

    findings: var[list[Finding]] = var(list, init=False)
    revision: var[int] = var(0, init=False)

    def __init__(self, path: Path | str) -> None:
        super().__init__()
        self.path = Path(path)
        self.load_error: LoadError | None = None
        self.flags: dict[str, set[str]] = {}
        self._lint_due = False
        self._comments: list[int] = []
        self.history = History(Plan.new(title_from_filename(self.path.name)))
        self._open()

    def _open(self) -> None:
        if not self.path.exists() and not self.path.is_symlink():
            self.history.mark_unsaved()  # a new plan, to be saved at this path
            return
        try:
            file: PlanFile = load(self.path)
        except LoadError as error:
            self.load_error = error
            return
        self.history = History(file.plan)
        self._comments = file.comment_lines

    @property
    def plan_loaded(self) -> bool:
        return self.load_error is None

    @property
    def plan(self) -> Plan:
        return self.history.plan

    def on_mount(self) -> None:
        if self.load_error is not None:
            self.push_screen(LoadFailed(self.load_error))
            return
        self._lint()
        self._show_titles()
        self.switch_mode("people")
        if self._comments:
            lines = ", ".join(map(str, self._comments[:8]))
            self.notify(
                f"This plan has comments (lines {lines}). Saving rewrites it without them: "
                "keep remarks in the notes fields.",
                severity="warning",
                timeout=10,
                markup=False,
            )

    # ---- editing ----

    def edit(self, path: str, value: Any, *, typing: bool = False) -> str | None:
        """Set the value at `path`; returns why the plan refused it, if it did."""
        parent, _, name = path.rpartition(".")
        if parent and paths.get(self.plan, parent) is None:
            # The first value in an unset table (involvement) creates the table.
            path, value = parent, paths.model_at(parent).model_validate({name: value})
        try:
            changed = self.history.set(path, value, typing=typing)
        except ValidationError as error:
            return str(error.errors()[0]["msg"])
        if changed:
            self._changed()
        return None

    def _changed(self) -> None:
        self.revision += 1
        self._show_titles()
        if not self._lint_due:
            self._lint_due = True
            self.call_after_refresh(self._lint)

    def _lint(self) -> None:
        """Recompute the findings; runs after the screen shows the keystroke."""
        self._lint_due = False
        findings = lint(self.plan)
        flags: dict[str, set[str]] = {}
        for finding in findings:
            flags.setdefault(finding.subject, set()).add(finding.group)
        self.flags = flags
        self.findings = findings

    def _show_titles(self) -> None:
        self.title = printable(self.plan.plan.title)
        marker = " ● unsaved" if self.history.dirty else ""
        self.sub_title = f"{printable(self.path.name)}{marker}"

    def action_undo(self) -> None:
        self._step(self.history.undo(), "Nothing to undo.")

    def action_redo(self) -> None:
        self._step(self.history.redo(), "Nothing to redo.")

    def _step(self, edit: object, nothing: str) -> None:
        if edit is None:
            self.notify(nothing, markup=False)
            return
        self._changed()
        if isinstance(self.screen, PostScreen):
            self.screen.sync_form()

    # ---- saving and quitting ----

    def action_save(self) -> None:
        self.save_then(None)

    def save_then(self, after: Callable[[], object] | None) -> None:
        """Save (asking first when that drops comments), then run `after` if it saved."""

        def save() -> None:
            if self.save() and after is not None:
                after()

        if not self._comments:
            save()
            return
        lines = ", ".join(map(str, self._comments[:8]))
        question = (
            f"{printable(self.path.name)} has comments (lines {lines}). Saving rewrites it "
            "without them; keep remarks in the notes fields. Save?"
        )
        answers = [("save", "Save without the comments"), ("cancel", "Cancel")]
        self.push_screen(
            Choice(question, answers), lambda answer: save() if answer == "save" else None
        )

    def save(self) -> bool:
        try:
            write_atomic(self.path, dumps(self.plan))
        except OSError as error:
            self.notify(
                f"Could not save {self.path}: {error.strerror or error}. "
                "Your edits are still here.",
                severity="error",
                timeout=15,
                markup=False,
            )
            return False
        self._comments = []
        self.history.mark_saved()
        self._show_titles()
        self.notify(f"Saved {self.path.name}", markup=False)
        return True

    async def action_quit(self) -> None:
        if isinstance(self.screen, Choice):
            return  # already asking
        if not self.plan_loaded or not self.history.dirty:
            self.exit(0 if self.plan_loaded else 2)
            return
        answers = [
            ("save", "Save and quit"),
            ("discard", "Quit without saving"),
            ("cancel", "Cancel"),
        ]
        question = f"{printable(self.path.name)} has unsaved changes."
        self.push_screen(Choice(question, answers), self._quit_answer)

    def _quit_answer(self, answer: str | None) -> None:
        if answer == "discard":
            self.exit(0)
        elif answer == "save":
            self.save_then(lambda: self.exit(0))

    # Actions that need a plan: none of them while a load error is shown.
    PLAN_ACTIONS: ClassVar[set[str]] = {
        "save",
        "undo",
        "redo",
        "switch_mode",
        "plan_details",
        "command_palette",
    }

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.plan_loaded or action not in self.PLAN_ACTIONS

    # ---- moving around ----

    async def go_to(self, path: str) -> None:
        """Show the screen, item and field that `path` names."""
        mode = self.SECTION_MODES.get(str(paths.steps(path)[0])) if path else None
        if mode is None:
            self.action_plan_details()
            return
        if self.current_mode != mode:
            await self.switch_mode(mode)
        if isinstance(self.screen, PostScreen):
            self.screen.focus_path(path)

    async def on_findings_panel_chosen(self, event: Any) -> None:
        await self.go_to(event.finding.path)

    def action_plan_details(self) -> None:
        if self.plan_loaded and not isinstance(self.screen, PlanDetails):
            self.push_screen(PlanDetails())

    def action_help(self) -> None:
        if self.screen.query(HelpPanel):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()
