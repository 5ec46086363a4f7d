"""The live side panel: the plan's findings, grouped by SMART letter and POST step."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.strip import Strip

from posttui.core.rules.registry import RuleGroup, by_group, collapsed
from posttui.core.terminal import preview
from posttui.core.vocabulary import SMART, group_title
from posttui.ui.catalog import WORDS, language, say
from posttui.ui.widgets.rows import RowList
from posttui.ui.widgets.text import Text

if TYPE_CHECKING:
    from typing import TypeAlias

    from posttui.core.rules import Finding

    Row: TypeAlias = str | Finding | RuleGroup  # a group's title, a finding, many of a rule

SEVERITY_STYLE = {"error": "$error", "warning": "$warning", "info": "$primary"}


def grouped(findings: Iterable[Finding], opened: Collection[str] = ()) -> list[Row]:
    """Groups (a rule id's first part), each followed by its findings, in report order;
    three or more findings of one rule make one row, followed by them if `opened`."""
    rows: list[Row] = []
    for group, members in by_group(findings):
        rows.append(group)
        for row in collapsed(members):
            rows.append(row)
            if isinstance(row, RuleGroup) and row.rule in opened:
                rows.extend(row.findings)
    return rows


# A finding's text as shown: whole, unless it is absurdly long (a 20 MB subject).
WHOLE = 2000
# Wrapped findings kept by finding and width: a lint per key makes them anew, equal.
WRAP_CACHE_SIZE = 20_000


class FindingList(RowList):
    """One line per group title; per finding, its rule and subject, then its message,
    wrapped to the width: every finding is readable in full. A subject that does not
    fit beside the rule gets lines of its own. No findings: a line that says so (in the
    list, so that the last finding going lays nothing out)."""

    def __init__(self) -> None:
        super().__init__(id="findings-list")
        self.rows: list[Row] = []
        self.opened: set[str] = set()  # rules whose many findings are listed
        self._findings: list[Finding] = []
        self._lines: list[tuple[Content, ...]] = []
        self._wrapped: dict[tuple[Finding, int], tuple[Content, ...]] = {}
        self._width = 0

    def show(self, findings: list[Finding]) -> None:
        self._findings = findings
        self.rows = grouped(findings, self.opened)
        self._wrap()

    def toggle(self, rule: str) -> None:
        """Open a rule's row to its findings, or close it again."""
        self.opened ^= {rule}
        self.show(self._findings)

    def _wrap(self) -> None:
        width = self._width = self.scrollable_content_region.width or 36
        if len(self._wrapped) > WRAP_CACHE_SIZE:
            self._wrapped.clear()
        lang = language(self)
        lines: list[tuple[Content, ...]] = []
        for row in self.rows:
            if isinstance(row, str):
                lines.append((Content(group_title(row, lang)),))
            elif isinstance(row, RuleGroup):
                lines.append(group_lines(row, row.rule in self.opened, width, lang))
            elif (wrapped := self._wrapped.get((row, width))) is not None:
                lines.append(wrapped)
            else:
                wrapped = self._wrapped[row, width] = finding_lines(row, width)
                lines.append(wrapped)
        selectable = [not isinstance(r, str) for r in self.rows]
        if not lines:
            lines, selectable = [none_lines(width, lang)], [False]
        self._lines = lines
        self.set_rows([len(row) for row in lines], selectable)

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width:
            self._wrap()
        super().on_resize()

    def render_line(self, y: int) -> Strip:
        if self.scrollable_content_region.width != self._width:
            self._wrap()  # a new screen's first frame comes before the list's first resize
        return super().render_line(y)

    def row_lines(self, index: int) -> tuple[Content, ...]:
        return self._lines[index]

    def row(self, index: int | None) -> Row | None:
        return self.rows[index] if index is not None and index < len(self.rows) else None

    def finding(self, index: int | None) -> Finding | None:
        row = self.row(index)
        return row if row is not None and not isinstance(row, (str, RuleGroup)) else None


def none_lines(width: int, lang: str) -> tuple[Content, ...]:
    return (Content(), *Content.styled(WORDS("findings.none", lang), "$success").wrap(width))


def group_lines(group: RuleGroup, opened: bool, width: int, lang: str) -> tuple[Content, ...]:
    """A rule with many findings: its id and count (enter opens it), then whom they are
    about, wrapped."""
    marker = "▾" if opened else "▸"
    rule = Content.styled(group.rule, f"bold {SEVERITY_STYLE[group.severity.value]}")
    count = WORDS("findings.many", lang, count=group.count)
    head = Content.assemble(f"{marker} ", rule, "  ", (count, "$text-muted"))
    subjects = ", ".join(preview(f.subject, 60) for f in group.findings[:20])
    if group.count > 20:
        subjects += ", …"
    return (*head.wrap(width), *Content(subjects).wrap(width))


def finding_lines(finding: Finding, width: int) -> tuple[Content, ...]:
    """The rule and the subject (on a line of its own when it does not fit beside the
    rule), then the message, wrapped to `width` cells."""
    rule = Content.styled(finding.rule, f"bold {SEVERITY_STYLE[finding.severity.value]}")
    subject = Content.styled(preview(finding.subject, WHOLE), "$text-muted")
    title = Content.assemble(rule, "  ", subject)
    heads = [title] if title.cell_length <= width else [rule, subject]
    lines = [line for head in heads for line in head.wrap(width)]
    lines += Content(preview(finding.message, WHOLE)).wrap(width)
    return tuple(lines)


def summary(findings: list[Finding], lang: str) -> Content:
    """One line: how many findings, how many per SMART letter, and the first one."""
    groups = by_group(findings)
    counts = {group: len(found) for group, found in groups}
    parts: list[str | tuple[str, str] | Content] = [
        (WORDS("findings.title", lang, count=len(findings)), "bold")
    ]
    for letter, group in SMART:
        count = counts.get(group, 0)
        parts += ["  ", (f"{letter} {count}", "bold $error" if count else "$success")]
    if counts:
        first = groups[0][1][0]  # the panel's first
        parts += [
            "  │ ",
            (first.rule, f"bold {SEVERITY_STYLE[first.severity.value]}"),
            " ",
            (preview(first.subject), "$text-muted"),
            " ",
            preview(first.message),
        ]
    return Content.assemble(*parts)


class FindingsSummary(Text):
    """The findings in one line, where the panel is a drawer (or hidden)."""

    DEFAULT_CSS = """
    FindingsSummary {
        height: 1; padding: 0 1; background: $panel; text-wrap: nowrap; text-overflow: ellipsis;
    }
    """

    def __init__(self) -> None:
        super().__init__(id="findings-summary")

    def show_findings(self, findings: list[Finding]) -> None:
        self.show(summary(findings, language(self)), layout=False)


class FindingsPanel(Vertical):
    """Shows the findings, each in full; Enter on a finding asks the app to go to what
    it is about."""

    DEFAULT_CSS = """
    FindingsPanel { width: 38; border-left: vkey $foreground 20%; }
    FindingsPanel > #findings-title { padding: 0 1; text-style: bold; background: $panel; }
    FindingsPanel > FindingList { padding: 0 1; }
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

    def show(self, findings: list[Finding]) -> None:
        if findings == self._shown:
            return
        title = Content(say(self, "findings.title", count=len(findings)))
        self.query_one("#findings-title", Text).show(title, layout=False)
        self._shown = findings
        self.query_one(FindingList).show(findings)

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()

    def on_row_list_selected(self, event: RowList.Selected) -> None:
        event.stop()
        listing = self.query_one(FindingList)
        row = listing.row(event.index)
        if isinstance(row, RuleGroup):
            listing.toggle(row.rule)
        elif finding := listing.finding(event.index):
            self.post_message(self.Chosen(finding))
