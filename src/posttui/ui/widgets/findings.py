"""The live side panel: the plan's findings, grouped by SMART letter and POST step."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from posttui.core.rules import Finding
from posttui.core.terminal import printable

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


def finding_prompt(finding: Finding) -> Content:
    return Content.assemble(
        (finding.rule, f"bold {SEVERITY_STYLE[finding.severity.value]}"),
        ("  ", ""),
        (printable(finding.subject), "$text-muted"),
        "\n",
        printable(finding.message),
    )


class FindingsPanel(Vertical):
    """Shows findings; Enter on one asks the app to go to what it is about."""

    DEFAULT_CSS = """
    FindingsPanel { width: 38; border-left: vkey $foreground 20%; }
    FindingsPanel > #findings-title { padding: 0 1; text-style: bold; background: $panel; }
    FindingsPanel > OptionList { height: 1fr; border: none; }
    FindingsPanel > #findings-empty { padding: 1; color: $success; display: none; }
    FindingsPanel.-clean > #findings-empty { display: block; }
    FindingsPanel.-clean > OptionList { display: none; }
    """

    class Chosen(Message):
        def __init__(self, finding: Finding) -> None:
            super().__init__()
            self.finding = finding

    def __init__(self) -> None:
        super().__init__(id="findings")
        self._shown: list[Finding] | None = None
        self._rows: list[Finding | None] = []

    def compose(self) -> ComposeResult:
        yield Static(id="findings-title")
        yield OptionList(id="findings-list")
        yield Static(
            Content(
                "No findings: every objective is SMART and every target is where its audience is."
            ),
            id="findings-empty",
        )

    def show(self, findings: list[Finding]) -> None:
        if findings == self._shown:
            return
        self._shown = findings
        self.query_one("#findings-title", Static).update(Content(f"Findings ({len(findings)})"))
        self.set_class(not findings, "-clean")
        options: list[Option] = []
        self._rows = []
        for group, members in _grouped(findings):
            options.append(Option(Content.styled(GROUPS.get(group, group), "bold"), disabled=True))
            self._rows.append(None)
            for finding in members:
                options.append(Option(finding_prompt(finding)))
                self._rows.append(finding)
        option_list = self.query_one(OptionList)
        highlighted = option_list.highlighted
        option_list.set_options(options)
        if highlighted is not None and self._rows:
            option_list.highlighted = min(highlighted, len(self._rows) - 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        finding = self._rows[event.option_index]
        if finding is not None:
            self.post_message(self.Chosen(finding))


def _grouped(findings: Iterable[Finding]) -> list[tuple[str, list[Finding]]]:
    groups: dict[str, list[Finding]] = {group: [] for group in GROUPS}
    for finding in findings:
        groups.setdefault(finding.group, []).append(finding)
    return [(group, members) for group, members in groups.items() if members]
