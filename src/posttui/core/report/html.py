"""The report as one self-contained HTML page, printable on A4.

Everything is inline: styles in the page, charts as CSS bars, system fonts. A
Content-Security-Policy forbids scripts and any fetch, so the page never reaches the
network even if a browser is asked to. Plan text is data: HTML-escaped (quotes too)
with control characters made visible, and never put in a URL, a style or an id.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from datetime import date

from posttui.core import matrix
from posttui.core.model import Objective, Segment
from posttui.core.report.content import Report, Share, Trend
from posttui.core.report.streaming import chunks, deferred, writing
from posttui.core.rules.people import off_hundred
from posttui.core.terminal import printable

MARK_CLASSES = {
    matrix.PRESENT: "present",
    matrix.TARGET: "target",
    matrix.ABSENT_TARGET: "absent",
    matrix.EMPTY: "empty",
}
LABELLED_SHARE = 4  # percent: narrower bar parts show their figure only on hover

STYLE = """
@page { size: A4; margin: 14mm 13mm 16mm; }
:root {
  --ink: #1c2430; --muted: #5a6472; --line: #d5dbe3; --soft: #f3f5f8; --accent: #1d5d95;
  --ok: #1b7a38; --fail: #b3261e; --warn: #9a5b00; --info: #1d5d95;
  --t0: #1d5d95; --t1: #6b9bd1; --t2: #a9c4e4; --t3: #d9822b; --t4: #a8401f;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0 auto; padding: 10mm 8mm; max-width: 200mm; color: var(--ink); background: #fff;
  font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue",
    "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
}
@media print { body { padding: 0; max-width: none; } }
h1 { font-size: 20pt; line-height: 1.2; margin: 0 0 1mm; }
h2 {
  font-size: 14pt; margin: 8mm 0 3mm; padding-bottom: 1mm;
  border-bottom: 2px solid var(--accent); break-after: avoid;
}
h2 small { font-size: 10.5pt; font-weight: normal; color: var(--muted); margin-left: 2mm; }
h3 { font-size: 11.5pt; margin: 5mm 0 2mm; break-after: avoid; }
p { margin: 1.5mm 0; }
code { font: 9pt ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; }
/* Ids and lists of them may be long words: they break anywhere rather than overflow. */
code, .ids, .initiatives dd, .matrix th { overflow-wrap: anywhere; }
.muted { color: var(--muted); }
.lines { white-space: pre-line; }
.subtitle { color: var(--muted); margin: 0 0 4mm; }
.figures { display: grid; grid-template-columns: repeat(6, 1fr); gap: 2.5mm; margin: 4mm 0 2mm; }
.figure {
  border: 1px solid var(--line); border-radius: 2mm; padding: 2mm 3mm; background: var(--soft);
}
.figure b { display: block; font-size: 16pt; line-height: 1.2; }
.figure span { font-size: 8.5pt; color: var(--muted); }
blockquote { margin: 3mm 0; padding: 1mm 4mm; border-left: 3px solid var(--line); }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; }
th, td {
  text-align: left; vertical-align: top; padding: 1.3mm 2mm; border-bottom: 1px solid var(--line);
}
th { font-size: 8.5pt; color: var(--muted); font-weight: 600; }
tr { break-inside: avoid; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.legend {
  display: flex; flex-wrap: wrap; gap: 1.5mm 5mm; margin: 2mm 0;
  font-size: 8.5pt; color: var(--muted);
}
.swatch {
  display: inline-block; width: 3mm; height: 3mm; border-radius: .6mm; margin-right: 1.2mm;
  vertical-align: -.3mm;
}
.chart td { border: 0; padding: 1mm 2mm; vertical-align: middle; }
.chart td:first-child { width: 34%; }
.stack {
  display: flex; height: 5.5mm; border-radius: 1mm; overflow: hidden; background: var(--soft);
}
.stack span {
  display: flex; align-items: center; justify-content: center; overflow: hidden;
  color: #fff; font-size: 8pt; font-weight: 600; white-space: nowrap;
}
.stack .t2 { color: var(--ink); }
.t0 { background: var(--t0); } .t1 { background: var(--t1); } .t2 { background: var(--t2); }
.t3 { background: var(--t3); } .t4 { background: var(--t4); }
.average td { font-style: italic; color: var(--muted); }
.objective {
  border: 1px solid var(--line); border-left: 4px solid var(--ok); border-radius: 2mm;
  padding: 2.5mm 4mm; margin: 3mm 0; break-inside: avoid;
}
.objective.failing { border-left-color: var(--fail); }
.objective header {
  display: flex; justify-content: space-between; gap: 4mm; align-items: baseline;
}
.statement { font-weight: 600; font-size: 11pt; margin: 1mm 0 2mm; }
.also { color: var(--warn); font-size: 9pt; margin: -1mm 0 2mm; }
.smart { display: inline-flex; gap: 1mm; align-items: center; white-space: nowrap; }
.smart .letter {
  display: inline-block; min-width: 8.5mm; text-align: center; border-radius: 1mm;
  padding: .2mm 1mm; color: #fff; font-weight: 700; font-size: 9pt;
}
.smart .passed { background: var(--ok); }
.smart .failed { background: var(--fail); }
.smart .note { font-size: 8.5pt; color: var(--muted); margin-left: 1.5mm; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .6mm 4mm; margin: 0; }
dt { color: var(--muted); }
dd { margin: 0; }
ul { margin: 0; padding-left: 5mm; }
.initiatives td:first-child { width: 55%; }
.initiatives dl { font-size: 9.5pt; }
.matrix .mark { text-align: center; }
.matrix td.mark { font-size: 12pt; line-height: 1.1; }
.matrix th.outside { font-style: italic; font-weight: normal; }
.present { color: var(--ok); }
.target { color: var(--accent); font-weight: 700; }
.absent { color: var(--fail); font-weight: 700; }
.empty { color: #b7bfca; }
.severity {
  display: inline-block; border-radius: 1mm; padding: 0 1.5mm; color: #fff;
  font-size: 8pt; font-weight: 700; text-transform: uppercase;
}
.severity.error { background: var(--fail); }
.severity.warning { background: var(--warn); }
.severity.info { background: var(--info); }
.findings { table-layout: fixed; }
.findings th:nth-child(1) { width: 15%; }
.findings th:nth-child(2) { width: 27%; }
.findings th:nth-child(3) { width: 20%; }
.findings code { overflow-wrap: anywhere; }
.together { break-inside: avoid; }
footer {
  margin-top: 8mm; padding-top: 2mm; border-top: 1px solid var(--line);
  font-size: 8.5pt; color: var(--muted);
}
"""

# The progress section's styles: only in the page of a plan with results, so the page of
# a plan without them stays as it was. Its charts are inline SVG drawn by these classes.
PROGRESS_STYLE = """
.method { color: var(--muted); font-size: 9pt; }
.trend {
  display: grid; grid-template-columns: 3fr 2fr; gap: 2mm 5mm; align-items: start;
  border: 1px solid var(--line); border-left: 4px solid var(--ok); border-radius: 2mm;
  padding: 2mm 3mm; margin: 2mm 0; break-inside: avoid;
}
.trend.behind { border-left-color: var(--fail); }
.trend.unknown { border-left-color: var(--line); }
.trend h4 { grid-column: 1 / -1; margin: 0; font-size: 10pt; }
.trend svg { display: block; width: 100%; height: auto; }
.trend dl { font-size: 9pt; }
.trend dd { font-variant-numeric: tabular-nums; }
.trend .axis, .trend .today { stroke: var(--line); stroke-width: 1; }
.trend .baseline { stroke: var(--muted); stroke-width: 1; stroke-dasharray: 2 3; }
.trend .goal { stroke: var(--ink); stroke-width: 1.2; }
.trend .results { fill: none; stroke: var(--accent); stroke-width: 2; stroke-linejoin: round; }
.trend .dot { fill: var(--accent); }
.trend .start { fill: #fff; stroke: var(--accent); stroke-width: 1.5; }
.trend .forecast { stroke: var(--ok); stroke-width: 2; stroke-dasharray: 6 4; }
.trend .end { fill: #fff; stroke: var(--ok); stroke-width: 1.5; }
.trend.behind .forecast, .trend.behind .end { stroke: var(--fail); }
.trend text { font-size: 10px; fill: var(--muted); }
.status {
  display: inline-block; border-radius: 1mm; padding: 0 1.5mm; color: #fff;
  font-size: 8pt; font-weight: 700;
}
.status.on-track { background: var(--ok); }
.status.behind { background: var(--fail); }
.status.unknown { background: var(--muted); }
"""
CHART = (560, 150)  # the chart's width and height, in SVG units
MARGIN = (8, 8, 16, 20)  # left, right, top, bottom
CHART_DOTS = 120  # results drawn as dots too, at most (the line has them all)

# No scripts, no fetches of any kind: the page is all there is.
POLICY = "default-src 'none'; style-src 'unsafe-inline'"


def esc(value: str) -> str:
    """Plan text as HTML text or attribute value: escaped, control characters visible
    (a tab, which HTML shows as a space anyway, becomes one)."""
    if (placeholder := deferred(value, esc_pieces)) is not None:
        return placeholder
    return html.escape(printable(value.replace("\t", " ")), quote=True)


def esc_pieces(value: str) -> Iterator[str]:
    """`esc(value)` a chunk at a time (every escape is of one character)."""
    for chunk in chunks(value):
        yield html.escape(printable(chunk.replace("\t", " ")), quote=True)


def render(report: Report) -> str:
    return "".join(pieces(report))


def pieces(report: Report) -> Iterator[str]:
    """The page a piece at a time; a long plan text is escaped a chunk at a time."""
    info = report.plan.plan
    with writing() as current:
        title = esc(f"{info.title} · {report.say('kind')}")
        progress_style = PROGRESS_STYLE if report.has_results else ""
        yield from current.written(
            f'<!DOCTYPE html>\n<html lang="{report.lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{title}</title>\n<style>{STYLE}{progress_style}</style>\n"
            "</head>\n<body>\n"
        )
        for line in _lines(report):
            yield from current.written(line)
            yield "\n"
        yield "</body>\n</html>\n"


def _lines(report: Report) -> Iterator[str]:
    yield from _head(report)
    yield from _people(report)
    yield from _objectives(report)
    yield from _strategy(report)
    yield from _technology(report)
    yield from _progress(report)
    yield from _findings(report)
    yield f"<footer>{esc(report.say('made-with', version=report.version))}</footer>"


def _head(report: Report) -> Iterator[str]:
    info = report.plan.plan
    yield f"<h1>{esc(info.title)}</h1>"
    subtitle = [esc(info.organization)] if info.organization.strip() else []
    subtitle += [esc(report.say("kind")), esc(report.say("as-of", date=report.today.isoformat()))]
    yield f'<p class="subtitle">{" · ".join(subtitle)}</p>'
    yield '<div class="figures">'
    for name, value in report.figures():
        yield f'<div class="figure"><b>{esc(value)}</b><span>{esc(name)}</span></div>'
    yield "</div>"
    yield f'<p class="muted">{esc(report.counts())}</p>'
    if info.notes.strip():
        yield f'<blockquote class="lines">{esc(info.notes.strip())}</blockquote>'


def _section(report: Report, step: str) -> str:
    name, question = report.step(step)
    return f'<h2 id="{step}">{esc(name)}<small>{esc(question)}</small></h2>'


# A table cell: HTML already escaped, or (a class of ours, HTML already escaped).
Cell = str | tuple[str, str]


def _table(
    header: Sequence[Cell], rows: Sequence[Sequence[Cell]], classes: str = ""
) -> Iterator[str]:
    yield f'<table class="{classes}">' if classes else "<table>"
    if header:
        yield "<thead><tr>" + "".join(_cell("th", cell) for cell in header) + "</tr></thead>"
    yield "<tbody>"
    for cells in rows:
        yield "<tr>" + "".join(_cell("td", cell) for cell in cells) + "</tr>"
    yield "</tbody></table>"


def _cell(tag: str, cell: Cell) -> str:
    if isinstance(cell, str):
        return f"<{tag}>{cell}</{tag}>"
    css, content = cell
    return f'<{tag} class="{css}">{content}</{tag}>'


def _people(report: Report) -> Iterator[str]:
    yield _section(report, "people")
    segments = report.plan.people.segments
    if not segments:
        yield f"<p>{esc(report.say('people.none'))}</p>"
        return
    header: list[Cell] = [
        esc(report.say("people.segment")),
        esc(report.say("people.linkage")),
        ("num", esc(report.say("people.size"))),
        esc(report.say("people.platforms")),
    ]
    rows: list[list[Cell]] = [
        [
            _name_and_description(segment),
            esc(report.linkage(segment)),
            ("num", esc(report.size(segment))),
            ("ids", esc(", ".join(segment.platforms))),
        ]
        for segment in segments
    ]
    yield from _table(header, rows)
    yield '<div class="together">'
    yield f"<h3>{esc(report.say('involvement.title'))}</h3>"
    yield from _involvement(report, segments)
    yield "</div>"


def _name_and_description(segment: Segment) -> str:
    name = f"<b>{esc(segment.name)}</b>"
    if not segment.description.strip():
        return name
    return f'{name}<div class="muted lines">{esc(segment.description.strip())}</div>'


def _involvement(report: Report, segments: list[Segment]) -> Iterator[str]:
    yield '<div class="legend">'
    for index, share in enumerate(report.average()):
        yield f'<span><i class="swatch t{index}"></i>{esc(share.name)}</span>'
    yield "</div>"
    yield '<table class="chart"><tbody>'
    for segment in segments:
        shares = report.involvement(segment)
        yield f"<tr><td>{esc(segment.name)}</td><td>{_stack(report, shares)}</td></tr>"
    average = _stack(report, report.average())
    yield (
        f'<tr class="average"><td>{esc(report.say("involvement.average"))}</td>'
        f"<td>{average}</td></tr>"
    )
    yield "</tbody></table>"


def _stack(report: Report, shares: list[Share] | None) -> str:
    """One segment's five shares as one bar of 100 % (of their sum, when that is more)."""
    if shares is None:
        return f'<span class="muted">{esc(report.say("involvement.none"))}</span>'
    total = sum(share.share for share in shares)
    scale = max(total, 100)
    parts = []
    for index, share in enumerate(shares):
        width = share.share * 100 / scale
        figure = report.share(share.share)
        label = figure if share.share >= LABELLED_SHARE else ""
        parts.append(
            f'<span class="t{index}" style="width:{width:.3f}%" '
            f'title="{esc(share.name)}: {figure} %">{label}</span>'
        )
    bar = f'<div class="stack">{"".join(parts)}</div>'
    if (off := off_hundred(share.share for share in shares)) is None:
        return bar
    note = esc(report.say("involvement.sum", total=report.share(off)))
    return f'{bar}<div class="muted">{note}</div>'


def _objectives(report: Report) -> Iterator[str]:
    yield _section(report, "objectives")
    if not report.plan.objectives:
        yield f"<p>{esc(report.say('objective.none'))}</p>"
    for objective in report.plan.objectives:
        yield from _objective(report, objective)


def _objective(report: Report, objective: Objective) -> Iterator[str]:
    letters = report.smart(objective)
    failing = "" if all(letter.passed for letter in letters) else " failing"
    yield f'<article class="objective{failing}">'
    kind = report.kind(objective)
    heading = f"<code>{esc(objective.id)}</code>" + (f" · {esc(kind)}" if kind else "")
    badges = "".join(
        f'<span class="letter {"passed" if letter.passed else "failed"}" '
        f'title="{esc(letter.name)}: {esc(_verdict(report, letter.passed))}">'
        f"{letter.letter}{'✓' if letter.passed else '✗'}</span>"
        for letter in letters
    )
    note = esc(report.smart_note(letters))
    yield (
        f'<header><div>{heading}</div><div class="smart">{badges}'
        f'<span class="note">{note}</span></div></header>'
    )
    yield f'<p class="statement">{esc(objective.statement)}</p>'
    if also := report.also(objective):
        yield f'<p class="also">{esc(also)}</p>'
    yield "<dl>"
    yield from _facts(report, objective)
    yield "</dl></article>"


def _verdict(report: Report, passed: bool) -> str:
    return report.say("smart.passed" if passed else "smart.failed")


def _facts(report: Report, objective: Objective) -> Iterator[str]:
    targets = report.targets(objective)
    if targets:
        items = "".join(f"<li>{esc(target)}</li>" for target in targets)
        yield f"<dt>{esc(report.say('objective.targets'))}</dt><dd><ul>{items}</ul></dd>"
    deadline = report.deadline(objective)
    yield f"<dt>{esc(report.say('objective.deadline'))}</dt><dd>{esc(deadline)}</dd>"
    owner = report.owner(objective)
    yield f"<dt>{esc(report.say('objective.owner'))}</dt><dd>{esc(owner)}</dd>"
    if objective.segments:
        audience = esc(", ".join(report.audience(objective)))
        yield f"<dt>{esc(report.say('objective.segments'))}</dt><dd>{audience}</dd>"
    if objective.why.strip():
        why = esc(objective.why.strip())
        yield f'<dt>{esc(report.say("objective.why"))}</dt><dd class="lines">{why}</dd>'


def _strategy(report: Report) -> Iterator[str]:
    yield _section(report, "strategy")
    strategy = report.plan.strategy
    yield f"<h3>{esc(report.say('strategy.relationship'))}</h3>"
    if strategy.relationship.strip():
        yield f'<blockquote class="lines">{esc(strategy.relationship.strip())}</blockquote>'
    else:
        yield f'<p class="muted">{esc(report.say("strategy.no-relationship"))}</p>'
    yield f"<h3>{esc(report.say('strategy.initiatives'))}</h3>"
    if not strategy.initiatives:
        yield f"<p>{esc(report.say('strategy.none'))}</p>"
        return
    rows: list[list[Cell]] = [
        [
            f'<code>{esc(initiative.id)}</code><div class="lines">'
            f"{esc(initiative.description.strip())}</div>",
            "<dl>"
            + "".join(
                f"<dt>{esc(label)}</dt><dd>{esc(value)}</dd>"
                for label, value in report.details(initiative)
            )
            + "</dl>",
        ]
        for initiative in strategy.initiatives
    ]
    yield from _table([], rows, "initiatives")


def _technology(report: Report) -> Iterator[str]:
    yield _section(report, "technology")
    platforms = report.plan.technology.platforms
    yield f"<h3>{esc(report.say('technology.mix'))}</h3>"
    if platforms:
        header = [esc(report.say("technology.platform")), esc(report.say("technology.role"))]
        rows = [
            [f"<b>{esc(platform.name.strip() or platform.id)}</b>", esc(platform.role)]
            for platform in platforms
        ]
        yield from _table(header, rows)
    else:
        yield f"<p>{esc(report.say('technology.none'))}</p>"
    yield '<div class="together">'
    yield f"<h3>{esc(report.say('matrix.title'))}</h3>"
    yield from _matrix(report)
    yield "</div>"


def _matrix(report: Report) -> Iterator[str]:
    columns = report.columns
    if not columns or not report.plan.people.segments:
        yield f"<p>{esc(report.say('matrix.none'))}</p>"
        return
    header: list[Cell] = [esc(report.say("matrix.segment"))]
    header += [
        ("mark", esc(report.column_name(c))) if report.in_mix(c) else ("mark outside", esc(c))
        for c in columns
    ]
    rows: list[list[Cell]] = [
        [esc(segment.name), *((f"mark {MARK_CLASSES[mark]}", mark) for mark in marks)]
        for segment, marks in report.matrix()
    ]
    yield from _table(header, rows, "matrix")
    for line in report.left_out():
        yield f"<p>{esc(line)}</p>"
    legend = "".join(
        f'<span><b class="{MARK_CLASSES[mark]}">{mark}</b> {esc(words)}</span>'
        for mark, words in report.legend()
    )
    outside = esc(report.say("matrix.outside"))
    yield f'<div class="legend">{legend}<span><i>{outside}</i></span></div>'


def _findings(report: Report) -> Iterator[str]:
    yield (
        f'<h2 id="findings">{esc(report.say("findings.title"))}'
        f"<small>{esc(report.counts())}</small></h2>"
    )
    if not report.findings:
        yield f"<p>{esc(report.say('findings.none'))}</p>"
        return
    header = [
        esc(report.say(f"findings.{key}")) for key in ("severity", "rule", "subject", "message")
    ]
    for title, findings in report.groups():
        yield f"<h3>{esc(title)}</h3>"
        rows = [
            [
                f'<span class="severity {finding.severity.value}">'
                f"{esc(report.severity(finding))}</span>",
                f"<code>{esc(finding.rule)}</code>",
                f"<code>{esc(finding.subject)}</code>",
                esc(finding.message),
            ]
            for finding in findings
        ]
        yield from _table(header, rows, "findings")


def _progress(report: Report) -> Iterator[str]:
    """Results against targets, objective by objective, most at risk first, a chart per
    target: only for a plan with results (a plan without keeps its page as it was)."""
    if not report.has_results:
        return
    title, question = esc(report.say("progress.title")), esc(report.say("progress.question"))
    yield f'<h2 id="progress">{title}<small>{question}</small></h2>'
    yield f'<p class="method">{esc(report.say("progress.method"))}</p>'
    for objective, trends in report.progress():
        yield f"<h3><code>{esc(objective.objective)}</code></h3>"
        yield f'<p class="statement">{esc(objective.statement)}</p>'
        for trend in trends:
            yield from _trend(report, trend)


def _trend(report: Report, trend: Trend) -> Iterator[str]:
    t = trend.progress
    yield f'<section class="trend {trend.status}">'
    yield f"<h4><code>{esc(t.label)}</code></h4>"
    if t.results:
        yield _chart(report, trend)
    else:
        yield f'<p class="muted">{esc(report.say("progress.no-results"))}</p>'
    *figures, (name, status) = trend.figures
    items = "".join(f"<dt>{esc(key)}</dt><dd>{esc(value)}</dd>" for key, value in figures)
    badge = f'<span class="status {trend.status}">{esc(status)}</span>'
    yield f"<dl>{items}<dt>{esc(name)}</dt><dd>{badge}</dd></dl>"
    yield "</section>"


def _chart(report: Report, trend: Trend) -> str:
    """The target's values over time as an inline SVG line chart: the baseline and the
    target value as levels, the results as a line from the baseline at the start, and
    the forecast to the deadline dashed; described for screen readers."""
    t = trend.progress
    width, height = CHART
    left, right, top, bottom = MARGIN
    days = [day for day, _ in t.results] + [d for d in (t.start, t.deadline) if d]
    first, last = min(days), max(days)
    span = max((last - first).days, 1)
    values = [value for _, value in t.results]
    values += [v for v in (t.baseline, t.target, t.forecast) if v is not None]
    low, high = min(values), max(values)
    pad = (high - low) * 0.08 or max(abs(high) * 0.1, 1)
    low, high = low - pad, high + pad

    def x(day: date) -> float:
        return left + (width - left - right) * (day - first).days / span

    def y(value: float) -> float:
        return top + (height - top - bottom) * (high - value) / (high - low)

    def level(css: str, value: float, label: str, anchor: str) -> list[str]:
        at = x(last) - 2 if anchor == "end" else x(first) + 2
        return [
            f'<line class="{css}" x1="{x(first):.1f}" y1="{y(value):.1f}" '
            f'x2="{x(last):.1f}" y2="{y(value):.1f}"/>',
            f'<text x="{at:.1f}" y="{y(value) - 3:.1f}" text-anchor="{anchor}">'
            f"{esc(label)} {esc(report.number(value))}</text>",
        ]

    floor = height - bottom
    parts = [f'<line class="axis" x1="{left}" y1="{floor}" x2="{width - right}" y2="{floor}"/>']
    if first <= report.today <= last:
        at = x(report.today)
        parts.append(f'<line class="today" x1="{at:.1f}" y1="{top}" x2="{at:.1f}" y2="{floor}"/>')
    if t.baseline is not None:
        parts += level("baseline", t.baseline, report.say("progress.chart.baseline"), "start")
    if t.target is not None:
        parts += level("goal", t.target, report.say("progress.chart.target"), "end")
    points = [(x(day), y(value)) for day, value in t.results]
    if t.forecast is not None and t.deadline and t.latest_date and t.deadline > t.latest_date:
        latest = points[-1]
        end = (x(t.deadline), y(t.forecast))
        parts.append(
            f'<line class="forecast" x1="{latest[0]:.1f}" y1="{latest[1]:.1f}" '
            f'x2="{end[0]:.1f}" y2="{end[1]:.1f}"/>'
        )
        parts.append(f'<circle class="end" cx="{end[0]:.1f}" cy="{end[1]:.1f}" r="3"/>')
    line = points
    if t.start is not None and t.baseline is not None and t.start < t.results[0][0]:
        line = [(x(t.start), y(t.baseline)), *points]  # the forecast's line begins there
    drawn = " ".join(f"{px:.1f},{py:.1f}" for px, py in line)
    parts.append(f'<polyline class="results" points="{drawn}"/>')
    if line and len(line) > len(points):
        parts.append(f'<circle class="start" cx="{line[0][0]:.1f}" cy="{line[0][1]:.1f}" r="3"/>')
    step = max(1, -(-len(points) // CHART_DOTS))
    dots = points[::-1][::step]
    parts += [f'<circle class="dot" cx="{px:.1f}" cy="{py:.1f}" r="2.5"/>' for px, py in dots]
    parts.append(f'<text x="{left}" y="{height - 5}">{first.isoformat()}</text>')
    parts.append(
        f'<text x="{width - right}" y="{height - 5}" text-anchor="end">{last.isoformat()}</text>'
    )
    # Escaped twice: a long text's placeholder (see `streaming`) is written once.
    said = esc(trend.description)
    return (
        f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="{said}">'
        f"<title>{esc(trend.description)}</title>{''.join(parts)}</svg>"
    )
