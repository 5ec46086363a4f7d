"""The report as Markdown (CommonMark with GitHub's tables), to paste or commit.

Plan text is data: every character that Markdown would read as markup (links,
emphasis, HTML, entities, table pipes, headings, list markers) is escaped, lines are
joined, and control characters are made visible, so a plan cannot add link markup,
an image or HTML to the report. A bare address (https://…) stays text here, but
renderers that link addresses by themselves (GitHub) still will.

The report is written a piece at a time (`pieces`), and a long plan text is
escaped a chunk at a time into its place (see `streaming`): a 31 MB text is never
copied whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from posttui.core.bars import bar
from posttui.core.model import Objective, Segment
from posttui.core.report.content import Report, Share
from posttui.core.report.streaming import chunks, deferred, writing
from posttui.core.rules.people import off_hundred
from posttui.core.terminal import printable

# Characters Markdown reads as markup, each escaped with a backslash (by str.translate:
# a regular expression's substitution runs Python code for each one it finds).
_MARKUP = str.maketrans({char: "\\" + char for char in "\\`*_[]<>#|~&"})
# What starts a list, a heading underline or an ordered list at the start of a line.
_BLOCK_START = re.compile(r"^(?:([-+=])|(\d+)([.)]))")
BAR_WIDTH = 20  # characters for 100 %
# Line breaks and runs of spaces, but no-break spaces: they keep "14 000" whole. (A
# single space is left alone: matching each one costs seconds in 30 MB of text.)
_SPACES = re.compile(r"[ \t\n\r\f\v]{2,}|[\t\n\r\f\v]")


def text(value: str) -> str:
    """Plan text as one line of literal Markdown."""
    if (placeholder := deferred(value, text_pieces)) is not None:
        return placeholder
    line = _SPACES.sub(" ", printable(value)).strip(" ").translate(_MARKUP)
    return _BLOCK_START.sub(_literal_start, line, count=1)


_DIGITS = re.compile(r"\d+")


def text_pieces(value: str, size: int | None = None) -> Iterator[str]:
    """`text(value)` a chunk of `value` at a time: spaces that run across chunks are one
    space, and the line's start is escaped as a whole (digits wait for what follows)."""
    head = ""  # the start of the line, until it is known whether it starts a list
    started = False  # the start is written
    space = False  # spaces after what is written so far
    for chunk in chunks(value, size):
        line = _SPACES.sub(" ", printable(chunk))
        core = line.strip(" ")
        if not core:
            space = space or bool(line)
            continue
        gap = " " if (started or head) and (space or line[0] == " ") else ""
        space = line[-1] == " "
        escaped = gap + core.translate(_MARKUP)
        if started:
            yield escaped
            continue
        head += escaped
        if _DIGITS.fullmatch(head):
            continue  # "12" may yet be "12." or "12)"
        yield _BLOCK_START.sub(_literal_start, head, count=1)
        head, started = "", True
    if head:
        yield _BLOCK_START.sub(_literal_start, head, count=1)


def _literal_start(match: re.Match[str]) -> str:
    marker, number, period = match.groups()
    return f"\\{marker}" if marker else f"{number}\\{period}"


# Where str.splitlines breaks lines, and where a paragraph ends.
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def quote(value: str) -> Iterator[str]:
    """Multi-line plan text as a block quote, its paragraphs kept (line by line: a long
    text is never split into copies all at once)."""
    start = len(value) - len(value.lstrip())
    end = len(value.rstrip())
    first = True
    for paragraph_start, paragraph_end in _spans(_PARAGRAPH_BREAK, value, start, end):
        if not first:
            yield ">"
        first = False
        for line_start, line_end in _spans(_LINE_BREAK, value, paragraph_start, paragraph_end):
            line = value[line_start:line_end]
            if line.strip():
                yield f"> {text(line)}"


def _spans(
    separator: re.Pattern[str], value: str, start: int, end: int
) -> Iterator[tuple[int, int]]:
    """The spans of `value[start:end]` between matches of `separator`, as str.split gives
    them (splitlines: no empty span after a final line break)."""
    for match in separator.finditer(value, start, end):
        yield start, match.start()
        start = match.end()
    if start < end or separator is _PARAGRAPH_BREAK:
        yield start, end


def row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def table(header: list[str], aligns: str, rows: list[list[str]]) -> list[str]:
    """A GitHub table; `aligns` has one letter per column: l(eft) or r(ight)."""
    rule = ["---:" if align == "r" else "---" for align in aligns]
    return ["", row(*header), row(*rule), *(row(*cells) for cells in rows), ""]


def render(report: Report) -> str:
    return "".join(pieces(report))


def pieces(report: Report) -> Iterator[str]:
    """The report a piece at a time: its lines, runs of empty lines made one, none at
    either end (sections end and start with empty lines; plan text never holds one)."""
    with writing() as current:
        first, blank = True, False
        for line in _lines(report):
            if not line:
                blank = True
                continue
            if not first:
                yield "\n\n" if blank else "\n"
            first, blank = False, False
            yield from current.written(line)
        yield "\n"


def _lines(report: Report) -> Iterator[str]:
    yield from _head(report)
    yield from _people(report)
    yield from _objectives(report)
    yield from _strategy(report)
    yield from _technology(report)
    yield from _progress(report)
    yield from _findings(report)
    yield "---"
    yield ""
    yield report.say("made-with", version=report.version)


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


def _progress(report: Report) -> Iterator[str]:
    """Results against targets, objective by objective, most at risk first: only for a
    plan with results (a plan without keeps its report as it was)."""
    if not report.has_results:
        return
    yield ""
    yield f"## {report.say('progress.title')}: {report.say('progress.question')}"
    yield ""
    yield report.say("progress.method")
    marks = {"on-track": "✓", "behind": "⚠", "unknown": "?"}
    for objective, trends in report.progress():
        yield ""
        yield f"### `{objective.objective}`"
        yield ""
        yield f"**{text(objective.statement)}**"
        header = [report.say("progress.target"), report.say("progress.trend")]
        header += [name for name, _ in trends[0].figures] if trends else []
        rows = []
        for trend in trends:
            *figures, status = [value for _, value in trend.figures]
            status = f"{marks[trend.status]} {status}"
            if trend.status == "behind":
                status = f"**{status}**"
            spark = report.sparkline(trend.progress) if trend.progress.results else ""
            rows.append([text(trend.progress.label), spark, *figures, status])
        yield from table(header, "ll" + "r" * 7 + "l", rows)


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
