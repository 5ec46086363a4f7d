"""The live side panel: the plan's findings, grouped by SMART letter and POST step."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from posttui.core.rules.registry import by_group
from posttui.core.terminal import preview
from posttui.core.vocabulary import group_title
from posttui.ui.widgets.rows import RowList
from posttui.ui.widgets.text import Text
from posttui.ui.words import language, say

if TYPE_CHECKING:
    from posttui.core.rules import Finding

SEVERITY_STYLE = {"error": "$error", "warning": "$warning", "info": "$primary"}


def grouped(findings: Iterable[Finding]) -> list[str | Finding]:
    """Groups (a rule id's first part), each followed by its findings, in report order."""
    rows: list[str | Finding] = []
    for group, members in by_group(findings):
        rows.append(group)
        rows.extend(members)
    return rows


class FindingList(RowList):
    """One line per group title, two per finding: rule and subject, then the message."""

    def __init__(self) -> None:
        super().__init__(id="findings-list")
        self.rows: list[str | Finding] = []

    def show(self, findings: list[Finding]) -> None:
        self.rows = grouped(findings)
        headings = [isinstance(row, str) for row in self.rows]
        self.set_rows([1 if heading else 2 for heading in headings], [not h for h in headings])

    def row_lines(self, index: int) -> tuple[Content, ...]:
        row = self.rows[index]
        if isinstance(row, str):
            return (Content(group_title(row, language(self))),)
        title = Content.assemble(
            (row.rule, f"bold {SEVERITY_STYLE[row.severity.value]}"),
            "  ",
            (preview(row.subject), "$text-muted"),
        )
        return title, Content(preview(row.message))

    def finding(self, index: int | None) -> Finding | None:
        row = self.rows[index] if index is not None and index < len(self.rows) else None
        return None if row is None or isinstance(row, str) else row


class FindingsPanel(Vertical):
    """Shows the findings and the whole message of the highlighted one; Enter on a
    finding asks the app to go to what it is about."""

    DEFAULT_CSS = """
    FindingsPanel { width: 38; border-left: vkey $foreground 20%; }
    FindingsPanel > #findings-title { padding: 0 1; text-style: bold; background: $panel; }
    FindingsPanel > FindingList { padding: 0 1; }
    FindingsPanel > #finding-detail {
        height: auto; max-height: 8; padding: 0 1; border-top: hkey $foreground 20%;
    }
    FindingsPanel > #findings-empty { padding: 1; color: $success; display: none; }
    FindingsPanel.-clean > #findings-empty { display: block; }
    FindingsPanel.-clean > FindingList, FindingsPanel.-clean > #finding-detail { display: none; }
    """

    class Chosen(Message):
        def __init__(self, finding: Finding) -> None:
            super().__init__()
            self.finding = finding

    def __init__(self) -> None:
        super().__init__(id="findings")
        self._shown: list[Finding] | None = None

    def compose(self) -> ComposeResult:
        yield Text(id="findings-title")
        yield FindingList()
        yield Text(id="finding-detail")
        yield Static(Content(say(self, "findings.none")), id="findings-empty")

    def show(self, findings: list[Finding]) -> None:
        if findings == self._shown:
            return
        title = Content(say(self, "findings.title", count=len(findings)))
        self.query_one("#findings-title", Text).show(title, layout=False)
        self._shown = findings
        self.set_class(not findings, "-clean")
        self.query_one(FindingList).show(findings)

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()
        finding = self.query_one(FindingList).finding(event.index)
        detail = Content(preview(finding.message)) if finding else Content("")
        self.query_one("#finding-detail", Text).show(detail)

    def on_row_list_selected(self, event: RowList.Selected) -> None:
        event.stop()
        if finding := self.query_one(FindingList).finding(event.index):
            self.post_message(self.Chosen(finding))
