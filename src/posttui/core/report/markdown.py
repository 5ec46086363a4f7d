"""The report as Markdown (CommonMark with GitHub's tables), to paste or commit.

Plan text is data: every character that Markdown would read as markup (links,
emphasis, HTML, entities, table pipes, headings, list markers) is escaped, lines are
joined, and control characters are made visible, so a plan cannot add link markup,
an image or HTML to the report. A bare address (https://…) stays text here, but
renderers that link addresses by themselves (GitHub) still will.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from posttui.core.bars import bar
from posttui.core.model import Objective, Segment
from posttui.core.report.content import Report, Share
from posttui.core.rules.people import off_hundred
from posttui.core.terminal import printable

_MARKUP = re.compile(r"([\\`*_\[\]<>#|~&])")
# What starts a list, a heading underline or an ordered list at the start of a line.
_BLOCK_START = re.compile(r"^(?:([-+=])|(\d+)([.)]))")
BAR_WIDTH = 20  # characters for 100 %
_BLANK_LINES = re.compile(r"\n{3,}")
# Line breaks and runs of spaces, but no-break spaces: they keep "14 000" whole.
_SPACES = re.compile(r"[ \t\n\r\f\v]+")


def text(value: str) -> str:
    """Plan text as one line of literal Markdown."""
    line = _MARKUP.sub(r"\\\1", _SPACES.sub(" ", printable(value)).strip(" "))
    return _BLOCK_START.sub(_literal_start, line, count=1)


def _literal_start(match: re.Match[str]) -> str:
    marker, number, period = match.groups()
    return f"\\{marker}" if marker else f"{number}\\{period}"


def quote(value: str) -> list[str]:
    """Multi-line plan text as a block quote, its paragraphs kept."""
    paragraphs = re.split(r"\n\s*\n", value.strip())
    lines: list[str] = []
    for paragraph in paragraphs:
        if lines:
            lines.append(">")
        lines.extend(f"> {text(line)}" for line in paragraph.splitlines() if line.strip())
    return lines


def row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def table(header: list[str], aligns: str, rows: list[list[str]]) -> list[str]:
    """A GitHub table; `aligns` has one letter per column: l(eft) or r(ight)."""
    rule = ["---:" if align == "r" else "---" for align in aligns]
    return ["", row(*header), row(*rule), *(row(*cells) for cells in rows), ""]


def render(report: Report) -> str:
    lines = [
        *_head(report),
        *_people(report),
        *_objectives(report),
        *_strategy(report),
        *_technology(report),
        *_findings(report),
        "---",
        "",
        report.say("made-with", version=report.version),
    ]
    # Sections end and start with blank lines; plan text never holds an empty line here.
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip() + "\n"


def _head(report: Report) -> Iterator[str]:
    info = report.plan.plan
    yield f"# {text(info.title)}"
    yield ""
    subtitle = [text(info.organization)] if info.organization.strip() else []
    subtitle += [report.say("kind"), report.say("as-of", date=report.today.isoformat())]
    yield " · ".join(subtitle)
    yield ""
    names, values = zip(*report.figures(), strict=True)
    yield from table(list(names), "r" * len(names), [list(values)])
    yield report.counts()
    if info.notes.strip():
        yield ""
        yield from quote(info.notes)


def _section(report: Report, step: str) -> Iterator[str]:
    name, question = report.step(step)
    yield ""
    yield f"## {name}: {question}"
    yield ""


def _people(report: Report) -> Iterator[str]:
    yield from _section(report, "people")
    segments = report.plan.people.segments
    if not segments:
        yield report.say("people.none")
        return
    header = [report.say(f"people.{key}") for key in ("segment", "linkage", "size", "platforms")]
    rows = [
        [
            _name_and_description(segment),
            text(report.linkage(segment)),
            report.size(segment),
            text(", ".join(segment.platforms)),
        ]
        for segment in segments
    ]
    yield from table(header, "llrl", rows)
    yield f"### {report.say('involvement.title')}"
    for segment in segments:
        yield ""
        yield f"**{text(segment.name)}**"
        yield from _involvement(report, report.involvement(segment))
    yield ""
    yield f"*{report.say('involvement.average')}*"
    yield from _involvement(report, report.average())


def _name_and_description(segment: Segment) -> str:
    name = f"**{text(segment.name)}**"
    return f"{name}: {text(segment.description)}" if segment.description.strip() else name


def _involvement(report: Report, shares: list[Share] | None) -> list[str]:
    """The shares as text bars in a code block: only the method's words and numbers go
    inside, so no plan text can close the block."""
    if shares is None:
        return ["", report.say("involvement.none")]
    width = max(len(share.name) for share in shares)
    lines = [
        f"{share.name:<{width}}  {bar(share.share, BAR_WIDTH):<{BAR_WIDTH}} "
        f"{report.share(share.share):>4} %"
        for share in shares
    ]
    block = ["", "```text", *lines, "```"]
    if (off := off_hundred(share.share for share in shares)) is not None:
        block += ["", report.say("involvement.sum", total=report.share(off))]
    return block


def _objectives(report: Report) -> Iterator[str]:
    yield from _section(report, "objectives")
    if not report.plan.objectives:
        yield report.say("objective.none")
    for objective in report.plan.objectives:
        yield from _objective(report, objective)


def _objective(report: Report, objective: Objective) -> Iterator[str]:
    kind = report.kind(objective)
    yield f"### `{objective.id}`" + (f" · {text(kind)}" if kind else "")
    yield ""
    yield f"**{text(objective.statement)}**"
    yield ""
    letters = report.smart(objective)
    marks = " ".join(f"{letter.letter} {'✓' if letter.passed else '✗'}" for letter in letters)
    yield f"- **SMART:** {marks} ({report.smart_note(letters)})"
    if also := report.also(objective):
        yield f"- {also}"
    for target in report.targets(objective):
        yield f"- **{report.say('objective.targets')}:** {text(target)}"
    yield f"- **{report.say('objective.deadline')}:** {report.deadline(objective)}"
    yield f"- **{report.say('objective.owner')}:** {text(report.owner(objective))}"
    if objective.segments:
        audience = ", ".join(report.audience(objective))
        yield f"- **{report.say('objective.segments')}:** {text(audience)}"
    if objective.why.strip():
        yield f"- **{report.say('objective.why')}:** {text(objective.why)}"
    yield ""


def _strategy(report: Report) -> Iterator[str]:
    yield from _section(report, "strategy")
    strategy = report.plan.strategy
    yield f"**{report.say('strategy.relationship')}**"
    yield ""
    if strategy.relationship.strip():
        yield from quote(strategy.relationship)
    else:
        yield report.say("strategy.no-relationship")
    yield ""
    yield f"### {report.say('strategy.initiatives')}"
    yield ""
    if not strategy.initiatives:
        yield report.say("strategy.none")
    for initiative in strategy.initiatives:
        said = " · ".join(f"{label}: {text(value)}" for label, value in report.details(initiative))
        description = f" {text(initiative.description)}" if initiative.description.strip() else ""
        yield f"- **`{initiative.id}`**{description}" + (f"  \n  {said}" if said else "")


def _technology(report: Report) -> Iterator[str]:
    yield from _section(report, "technology")
    platforms = report.plan.technology.platforms
    yield f"### {report.say('technology.mix')}"
    if platforms:
        header = [report.say("technology.platform"), report.say("technology.role")]
        rows = [
            [f"**{text(platform.name.strip() or platform.id)}**", text(platform.role)]
            for platform in platforms
        ]
        yield from table(header, "ll", rows)
    else:
        yield ""
        yield report.say("technology.none")
        yield ""
    yield f"### {report.say('matrix.title')}"
    yield from _matrix(report)


def _matrix(report: Report) -> Iterator[str]:
    columns = report.columns
    if not columns or not report.plan.people.segments:
        yield ""
        yield report.say("matrix.none")
        return
    header = [report.say("matrix.segment")]
    header += [text(report.column_name(c)) if report.in_mix(c) else f"*{text(c)}*" for c in columns]
    rows = [[text(segment.name), *marks] for segment, marks in report.matrix()]
    yield from table(header, "l" * (len(columns) + 1), rows)
    for line in report.left_out():
        yield ""
        yield text(line)
    legend = [f"{mark} {words}" for mark, words in report.legend()]
    yield " · ".join([*legend, report.say("matrix.outside")])


def _findings(report: Report) -> Iterator[str]:
    yield ""
    yield f"## {report.say('findings.title')} ({len(report.findings)})"
    yield ""
    if not report.findings:
        yield report.say("findings.none")
        yield ""
        return
    yield report.counts()
    for title, findings in report.groups():
        yield ""
        yield f"### {title}"
        yield ""
        for finding in findings:
            yield (
                f"- **{report.severity(finding)}** `{finding.rule}` "
                f"{text(finding.subject)}: {text(finding.message)}"
            )
    yield ""
