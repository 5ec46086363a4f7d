"""What changed since the last commit, as the semantic diff; Enter goes to the change."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from posttui.core.terminal import printable
from posttui.ui.widgets.rows import RowList

if TYPE_CHECKING:
    from posttui.core.diff import Change

MARK_STYLES = {"added": "$success", "removed": "$error", "changed": "$warning", "moved": "$primary"}


class ChangeList(RowList):
    def __init__(self, rows: list[str | Change]) -> None:
        super().__init__(id="change-list")
        self.rows = rows

    def on_mount(self) -> None:
        headings = [isinstance(row, str) for row in self.rows]
        self.set_rows([1] * len(self.rows), [not heading for heading in headings])

    def row_lines(self, index: int) -> tuple[Content, ...]:
        from posttui.core.diff import MARKS, describe

        row = self.rows[index]
        if isinstance(row, str):
            return (Content(row),)
        mark = (MARKS[row.op], f"bold {MARK_STYLES[row.op]}")
        return (Content.assemble(mark, " ", printable(describe(row))),)


class ChangesView(ModalScreen[str | None]):
    """The changes in POST order; dismissed with the chosen change's key path, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Close")]

    def __init__(self, changes: list[Change], paths: list[str]) -> None:
        super().__init__()
        from posttui.core.diff import STEPS

        self.rows: list[str | Change] = []
        self.paths: list[str | None] = []
        for change, path in zip(changes, paths, strict=True):  # in POST order
            step = STEPS[change.section]
            if step not in self.rows:
                self.rows.append(step)
                self.paths.append(None)
            self.rows.append(change)
            self.paths.append(path)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog changes"):
            count = sum(1 for row in self.rows if not isinstance(row, str))
            title = f"Changes since the last commit ({count})" if count else "No changes"
            yield Static(Content.styled(title, "bold"), classes="dialog-title")
            yield ChangeList(self.rows)
            yield Static(Content("Enter goes to the change; Escape closes."), classes="form-note")

    def on_row_list_selected(self, event: RowList.Selected) -> None:
        event.stop()
        self.dismiss(self.paths[event.index])
