"""`posttui export` on a plan with results: the progress section, in Markdown and HTML."""

from __future__ import annotations

import html
import json
import re
import subprocess
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from posttui.core.loader import parse
from posttui.core.model import Plan
from posttui.core.progress import by_risk, plan_progress
from posttui.core.report import content, export, streaming
from posttui.core.report.html import PROGRESS_STYLE
from support.browser import colours, near, run_chromium
from support.cli import posttui_bytes
from support.hostile import ATTACKS
from support.pages import WEB_ATTACKS, Page, markdown_html, structure, tags

TODAY = "2027-03-15"
ON = date.fromisoformat(TODAY)

# `calls` (falling, on track) comes first in the plan; `grow` (behind: 1,920 forecast for
# 2,000) is the one at risk, and its second target has no results yet; `hold` has none.
PLAN = """\
format = 2

[plan]
title = "Results report"
language = "en"

[[objectives]]
id = "calls"
statement = "Halve complaints on Facebook from 100 to 50 a month by the end of June 2027"
start = 2027-01-01
deadline = 2027-06-30

[[objectives.targets]]
platform = "facebook"
metric = "complaints"
baseline = 100
target = 50

[[objectives.targets.results]]
date = 2027-02-01
value = 80

[[objectives.targets.results]]
date = 2027-03-01
value = 60

[[objectives]]
id = "grow"
statement = "Grow Instagram followers from 1,000 to 2,000 by July 2027"
start = 2027-01-01
deadline = 2027-07-01

[[objectives.targets]]
platform = "instagram"
metric = "followers"
baseline = 1000
target = 2000

[[objectives.targets.results]]
date = 2027-02-01
value = 1100

[[objectives.targets.results]]
date = 2027-03-01
value = 1300

[[objectives.targets]]
platform = "linkedin"
metric = "followers"
baseline = 200
target = 300

[[objectives]]
id = "hold"
statement = "Keep 500 newsletter readers every month through 2027"
deadline = 2027-12-31

[[objectives.targets]]
source = "newsletter"
metric = "readers"
baseline = 500
target = 500
"""


def results_plan(statement: str | None = None) -> Plan:
    plan = parse(PLAN)
    if statement is not None:  # SMART still, whatever else it says
        plan.objectives[1].statement = f"Grow Instagram followers to 2,000 by July: {statement}"
    return plan


def progress_json(tmp_path: Path) -> list[dict[str, object]]:
    path = tmp_path / "results.post.toml"
    path.write_text(PLAN, encoding="utf-8")
    done = posttui_bytes("progress", str(path), "--format", "json", "--today", TODAY)
    assert done.returncode == 0, done.stderr
    targets: list[dict[str, object]] = json.loads(done.stdout)["targets"]
    return targets


def shown(value: object, decimals: int = 0, sign: bool = False) -> str:
    """A figure of the JSON as the English report writes it; '-' for null."""
    if value is None:
        return "-"
    assert isinstance(value, int | float)
    return format(value, f"{'+' if sign else ''},.{decimals}f")


def expected_figures(target: dict[str, object]) -> list[str]:
    """Baseline, latest, target, % of the way, paces, forecast: the report's cells."""
    latest = shown(target["latest"])
    if target["latest_date"] is not None:
        latest += f" ({target['latest_date']})"
    percent = shown(target["percent"])
    return [
        shown(target["baseline"]),
        latest,
        shown(target["target"]),
        percent if target["percent"] is None else f"{percent} %",
        shown(target["pace_needed"], 1, sign=True),
        shown(target["pace_actual"], 1, sign=True),
        shown(target["forecast"]),
    ]


def cli_export(tmp_path: Path, format: str, *args: str) -> str:
    path = tmp_path / "results.post.toml"
    path.write_text(PLAN, encoding="utf-8")
    done = posttui_bytes("export", str(path), "--format", format, "--today", TODAY, *args)
    assert done.returncode == 0, done.stderr
    return done.stdout.decode("utf-8")


# ---- Markdown ----


def test_markdown_has_a_progress_table_with_the_figures_of_posttui_progress(
    tmp_path: Path,
) -> None:
    report = cli_export(tmp_path, "md")
    headings = re.findall(r"^## (\w+)", report, re.MULTILINE)
    assert headings == ["People", "Objectives", "Strategy", "Technology", "Progress", "Findings"]
    section = report[report.index("## Progress") : report.index("## Findings")]
    assert "linear, on the straight line from the baseline at the start through" in section
    # Most at risk first: grow (behind) before calls (on track); hold has no results.
    assert re.findall(r"^### `([\w-]+)`", section, re.MULTILINE) == ["grow", "calls"]
    rows = {
        line.split(" | ")[0].removeprefix("| "): line.removesuffix(" |").split(" | ")
        for line in section.splitlines()
        if line.startswith("| ") and "/" in line.split(" | ")[0]
    }
    assert set(rows) == {"instagram/followers", "linkedin/followers", "facebook/complaints"}
    for target in progress_json(tmp_path):
        if target["objective"] == "hold":
            assert f"{target['platform']}/{target['metric']}" not in rows
            continue
        cells = rows[f"{target['platform']}/{target['metric']}"]
        assert cells[2:9] == expected_figures(target), target
    assert rows["instagram/followers"][9] == "**⚠ behind pace**"
    assert rows["facebook/complaints"][9] == "✓ on track"
    assert rows["linkedin/followers"][9] == "? cannot tell yet"
    # The sparkline: baseline and results, scaled with the target value.
    assert rows["instagram/followers"][1] == "▁▂▃"
    assert rows["facebook/complaints"][1] == "█▅▂"
    assert rows["linkedin/followers"][1] == ""


def test_markdown_progress_is_in_the_plans_language() -> None:
    report = export(results_plan(), "md", "nb", ON)
    assert "## Fremdrift: Er vi i rute til å nå måltallene?" in report
    row = next(line for line in report.splitlines() if line.startswith("| instagram/followers"))
    assert "| 1\u00a0300 (2027-03-01) | 2\u00a0000 |" in row
    assert row.endswith("| **⚠ bak skjema** |")
    assert "Prognose: lineær" in report


def test_markdown_plan_text_in_the_progress_section_stays_text() -> None:
    harmless = tags(markdown_html(export(results_plan("Tekst x slutt"), "md", "en")))
    for attack in (*WEB_ATTACKS, *ATTACKS):
        report = export(results_plan(f"Tekst {attack} slutt"), "md", "en")
        assert tags(markdown_html(report)) == harmless, attack
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", report)


# ---- HTML ----


def trends(page: str) -> dict[str, tuple[str, str]]:
    """Each target's block in the progress section: its class and its HTML, by label."""
    found = re.findall(
        r'<section class="trend (\S+)">\n<h4><code>([^<]+)</code></h4>\n(.*?)</section>',
        page,
        re.DOTALL,
    )
    return {label: (status, body) for status, label, body in found}


def test_html_draws_each_target_with_results_as_an_svg_line_chart(tmp_path: Path) -> None:
    page = cli_export(tmp_path, "html")
    ids = [attrs.get("id") for tag, attrs in Page(page).tags if tag == "h2"]
    assert ids == ["people", "objectives", "strategy", "technology", "progress", "findings"]
    blocks = trends(page)
    assert list(blocks) == ["instagram/followers", "linkedin/followers", "facebook/complaints"]
    for target in progress_json(tmp_path):
        label = f"{target['platform']}/{target['metric']}"
        if target["objective"] == "hold":
            assert label not in blocks
            continue
        status, body = blocks[label]
        pairs = re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", body)
        figures = [html.unescape(value) for _, value in pairs[:7]]
        assert figures == expected_figures(target), label
        expected = {True: "on-track", False: "behind", None: "unknown"}[target["on_track"]]  # type: ignore[index]
        assert status == expected and f'<span class="status {expected}">' in pairs[7][1]
        svgs = re.findall(r"<svg .*?</svg>", body, re.DOTALL)
        if target["latest"] is None:
            assert svgs == [] and "No results yet." in body
            continue
        (svg,) = svgs
        chart = ET.fromstring(svg)  # well-formed XML
        assert chart.tag == "svg" and chart.get("role") == "img"
        assert len(chart.findall("polyline")) == 1 and not chart.findall("path")
        title = chart.findtext("title") or ""
        assert title == chart.get("aria-label") and title.startswith(f"{label}: baseline")
        assert f"forecast {shown(target['forecast'])} at the deadline" in title
        classes = [element.get("class") for element in chart.iter()]
        for part in ("baseline", "goal", "results", "forecast"):
            assert part in classes, (label, part)
        # The forecast's dashed line ends at the deadline, at the forecast's height.
        assert "stroke-dasharray" in PROGRESS_STYLE
        results = chart.find("polyline")
        assert results is not None
        points = (results.get("points") or "").split()
        assert len(points) == 3  # the baseline at the start, then two results
    assert blocks["instagram/followers"][0] == "behind"
    assert "behind pace" in blocks["instagram/followers"][1]


def test_html_progress_section_stays_self_contained(tmp_path: Path) -> None:
    page = cli_export(tmp_path, "html")
    tags_ = Page(page).tags
    names = {tag for tag, _ in tags_}
    assert "svg" in names
    assert not names & {"script", "link", "img", "iframe", "object", "embed", "base", "form"}
    assert not names & {"image", "use", "foreignobject", "a"}
    attributes = {name for _, attrs in tags_ for name in attrs}
    assert not attributes & {"src", "href", "xlink:href", "srcset", "action"}
    assert not any(name.startswith("on") for name in attributes)
    assert not re.search(r"url\(|@import|https?:|//", page)
    assert page.count("<style>") == 1 and PROGRESS_STYLE in page


def test_a_plan_without_results_gets_no_progress_section(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plan = results_plan()
    for objective in plan.objectives:
        for target in objective.targets:
            target.results = []
    for format in ("md", "html"):
        report = export(plan, format, "en")
        assert "Progress" not in report and "trend" not in report
    # With the same findings (results add behind-pace warnings), the section and its
    # styles are all that results change: the rest is drawn as it was, byte for byte.
    monkeypatch.setattr(content, "lint", lambda *args: [])
    without = export(plan, "html", "en", ON)
    with_results = export(results_plan(), "html", "en", ON)
    start, end = with_results.index('<h2 id="progress">'), with_results.index('<h2 id="findings">')
    cut = with_results[:start] + with_results[end:]
    assert cut.replace(PROGRESS_STYLE, "", 1) == without
    markdown = export(results_plan(), "md", "en", ON)
    start, end = markdown.index("## Progress"), markdown.index("## Findings")
    assert markdown[:start] + markdown[end:] == export(plan, "md", "en", ON)


def test_html_plan_text_in_the_progress_section_stays_text() -> None:
    harmless = structure(export(results_plan("Tekst x slutt"), "html", "en"))
    for attack in (*WEB_ATTACKS, *ATTACKS, '"><b onmouseover=x>', "' onclick='x"):
        page = export(results_plan(f"Tekst {attack} slutt"), "html", "en")
        assert structure(page) == harmless, attack
        assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", page)
    for attack in WEB_ATTACKS[:-1]:
        page = export(results_plan(f"Tekst {attack} slutt"), "html", "en")
        section = page[page.index('<h2 id="progress">') : page.index('<h2 id="findings">')]
        assert f"Tekst {' '.join(attack.split())} slutt" in Page(section).shown(), attack


@pytest.mark.parametrize("format", ["md", "html"])
def test_the_progress_section_streams_a_long_statement_as_the_whole_report(
    format: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = results_plan("1) [a] *b* <i>&amp; \t\u2028\x1b x\n\n  - y | `z`\r\n" * 5)
    whole = export(plan, format, "en")
    monkeypatch.setattr(streaming, "LONG", 10)
    monkeypatch.setattr(streaming, "CHUNK", 7)
    assert export(plan, format, "en") == whole
    assert "\x00" not in whole


def test_the_section_follows_by_risk() -> None:
    plan = results_plan()
    order = [o.objective for o in by_risk(plan_progress(plan, ON))]
    assert order == ["grow", "hold", "calls"]  # hold cannot be told: it has no results
    report = export(plan, "md", "en", ON)
    section = report[report.index("## Progress") :]
    assert re.findall(r"^### `([\w-]+)`", section, re.MULTILINE) == ["grow", "calls"]


# ---- In a browser ----


def test_chromium_draws_the_progress_charts(tmp_path: Path) -> None:
    page = cli_export(tmp_path, "html")
    # The same page without its charts: what they add is what the SVG drew.
    bare = re.sub(r"<svg .*?</svg>", "", page, flags=re.DOTALL)
    counts = []
    for name, text in (("charts", page), ("bare", bare)):
        path = tmp_path / f"{name}.html"
        path.write_text(text, encoding="utf-8")
        shot = tmp_path / f"{name}.png"
        try:
            run_chromium(
                tmp_path / f"profile-{name}",
                f"--screenshot={shot}",
                "--window-size=800,2400",
                path.as_uri(),
            )
        except subprocess.CalledProcessError as error:  # pragma: no cover
            raise AssertionError(error.stderr) from error
        counts.append(colours(shot.read_bytes()))
    charts, without = counts
    # The results' line (accent), the on-track forecast (ok) and the behind one (fail).
    for rgb in ((0x1D, 0x5D, 0x95), (0x1B, 0x7A, 0x38), (0xB3, 0x26, 0x1E)):
        assert near(charts, rgb, by=40) > near(without, rgb, by=40) + 100, rgb
