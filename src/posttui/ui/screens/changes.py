"""What changed since the last commit, as the semantic diff; Enter goes to the change."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from posttui.core.terminal import preview
from posttui.ui.catalog import language, say
from posttui.ui.screens.speaking import Speaking
from posttui.ui.widgets.rows import RowList

if TYPE_CHECKING:
    from posttui.core.diff import Change

MARK_STYLES = {"added": "$success", "removed": "$error", "changed": "$warning", "moved": "$primary"}


class ChangeList(RowList):
    """The changes under their POST steps (a heading row is the section it is named for)."""

    def __init__(self, rows: list[str | Change]) -> None:
        super().__init__(id="change-list")
        self.rows = rows

    def on_mount(self) -> None:
        headings = [isinstance(row, str) for row in self.rows]
        self.set_rows([1] * len(self.rows), [not heading for heading in headings])

    def row_lines(self, index: int) -> tuple[Content, ...]:
        from posttui.core.diff import MARKS, describe, step_title

        row, lang = self.rows[index], language(self)
        if isinstance(row, str):
            return (Content(step_title(row, lang)),)
        mark = (MARKS[row.op], f"bold {MARK_STYLES[row.op]}")
        return (Content.assemble(mark, " ", preview(describe(row, lang))),)


class ChangesView(Speaking[str | None], ModalScreen[str | None]):
    """The changes in POST order; dismissed with the chosen change's key path, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Close")]

    def __init__(self, changes: list[Change], paths: list[str]) -> None:
        super().__init__()
        from posttui.core.diff import SECTION_STEPS

        self.rows: list[str | Change] = []
        self.paths: list[str | None] = []
        steps: set[str] = set()
        for change, path in zip(changes, paths, strict=True):  # in POST order
            if (step := SECTION_STEPS[change.section]) not in steps:
                steps.add(step)
                self.rows.append(change.section)
                self.paths.append(None)
            self.rows.append(change)
            self.paths.append(path)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog changes"):
            count = sum(1 for row in self.rows if not isinstance(row, str))
            title = say(self, "changes.title", count=count) if count else say(self, "changes.none")
            yield Static(Content.styled(title, "bold"), classes="dialog-title")
            yield ChangeList(self.rows)
            yield Static(Content(say(self, "changes.note")), classes="form-note")

    def on_row_list_selected(self, event: RowList.Selected) -> None:
        event.stop()
        self.dismiss(self.paths[event.index])
