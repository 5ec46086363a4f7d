"""The live side panel: the plan's findings, grouped by SMART letter and POST step."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from posttui.core.terminal import printable
from posttui.ui.widgets.rows import RowList
from posttui.ui.widgets.text import Text

if TYPE_CHECKING:
    from posttui.core.rules import Finding

# Report order and titles of the groups (a rule id's first part).
GROUPS = {
    "plan": "Plan",
    "specific": "S · Specific",
    "measurable": "M · Measurable",
    "attractive": "A · Attractive",
    "realistic": "R · Realistic",
    "time-bound": "T · Time-bound",
    "people": "People",
    "objectives": "Objectives",
    "strategy": "Strategy",
    "technology": "Technology",
}
SEVERITY_STYLE = {"error": "$error", "warning": "$warning", "info": "$primary"}


def grouped(findings: Iterable[Finding]) -> list[str | Finding]:
    """Group titles, each followed by its findings, in report order."""
    groups: dict[str, list[Finding]] = {group: [] for group in GROUPS}
    for finding in findings:
        groups.setdefault(finding.group, []).append(finding)
    rows: list[str | Finding] = []
    for group, members in groups.items():
        if members:
            rows.append(GROUPS.get(group, group))
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
            return (Content(row),)
        title = Content.assemble(
            (row.rule, f"bold {SEVERITY_STYLE[row.severity.value]}"),
            "  ",
            (printable(row.subject), "$text-muted"),
        )
        return title, Content(printable(row.message))

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
        yield Static(
            Content(
                "No findings: every objective is SMART and every target is where its audience is."
            ),
            id="findings-empty",
        )

    def show(self, findings: list[Finding]) -> None:
        if findings == self._shown:
            return
        title = Content(f"Findings ({len(findings)})")
        self.query_one("#findings-title", Text).show(title, layout=False)
        self._shown = findings
        self.set_class(not findings, "-clean")
        self.query_one(FindingList).show(findings)

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()
        finding = self.query_one(FindingList).finding(event.index)
        detail = Content(printable(finding.message)) if finding else Content("")
        self.query_one("#finding-detail", Text).show(detail)

    def on_row_list_selected(self, event: RowList.Selected) -> None:
        event.stop()
        if finding := self.query_one(FindingList).finding(event.index):
            self.post_message(self.Chosen(finding))
