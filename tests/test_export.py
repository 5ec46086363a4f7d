"""`posttui export`: the report a manager reads, as Markdown and as one HTML page."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from posttui.core import matrix, vocabulary
from posttui.core.loader import load
from posttui.core.model import INVOLVEMENT_TYPES, Involvement, Plan, Segment
from posttui.core.report import export, export_pieces, markdown, streaming
from posttui.core.report import html as report_html
from posttui.core.rules import lint
from posttui.core.writer import dumps, write_atomic
from support.browser import colours, near, pixels, run_chromium
from support.cli import posttui_bytes
from support.hostile import ATTACKS, hostile_plan, write_plan
from support.imports import BLOCK_TEXTUAL
from support.pages import WEB_ATTACKS, Page, markdown_html, structure, tags, visible
from support.plans import SAMPLES

KAFE = SAMPLES / "kafe-solsiden.post.toml"
NORDLYS = SAMPLES / "nordlys-analytics.post.toml"


def plan_with(text: str) -> Plan:
    """A hostile plan whose first segment, objective and initiative also carry `text`."""
    plan = hostile_plan(segments=2, objectives=2)
    plan.people.segments[0].name = text
    # With a number and more than three words, the statement stays SMART whatever `text` is.
    plan.objectives[0].statement = f"Reach 2000 followers among students: {text}"
    plan.objectives[0].owner = text
    plan.strategy.initiatives[0].description = text
    plan.plan.title = text
    return plan


# ---- Markdown ----


def test_markdown_has_the_plan_by_post_step_in_the_plans_language() -> None:
    report = export(load(KAFE).plan, "md", "nb")
    headings = re.findall(r"^## (\w+)", report, re.MULTILINE)
    assert headings == ["People", "Objectives", "Strategy", "Technology", "Funn"]
    assert report.startswith("# Kafé Solsiden \u2013 sosiale medier 2027\n")
    # People: each segment with its linkage, size and platforms.
    row = next(line for line in report.splitlines() if line.startswith("| **Studenter"))
    assert "| Funksjonell output | 14\u00a0000 | instagram, tiktok, snapchat |" in row
    # Objectives: kind with its business function, target, deadline and owner.
    assert "### `instagram-folgere` · Snakke (markedsføring)" in report
    assert "- **Måltall:** followers på instagram: fra 1\u00a0850 til 3\u00a0000" in report
    assert "- **Frist:** 2027-06-30 (start 2027-01-01)" in report
    assert "- **Ansvarlig:** Ingrid Solberg" in report
    # Strategy and the findings.
    assert "> Fra et hyggelig sted man går forbi, til Solsidens faste møteplass:" in report
    assert "Ingen funn" in report


def test_markdown_draws_involvement_as_bars_beside_the_norwegian_average() -> None:
    report = export(load(KAFE).plan, "md", "nb")
    students = report[report.index("**Studenter i Trondheim**\n\n```text") :]
    chart = students[: students.index("```\n", 20)]
    lines = chart.splitlines()[3:]
    names = [vocabulary.involvement_name(kind, "nb") for kind in INVOLVEMENT_TYPES]
    assert [line.split("  ")[0] for line in lines] == names
    assert lines[0].endswith("38 %") and "███████▌" in lines[0]  # 38 % of 20 cells
    assert "**Lokale leverandører**\n\ningen andeler oppgitt" in report
    assert "*Norsk gjennomsnitt*" in report


def test_markdown_matrix_marks_targets_where_the_audience_is_absent() -> None:
    report = export(load(KAFE).plan, "md", "nb")
    header = next(line for line in report.splitlines() if line.startswith("| Målgruppe | Inst"))
    assert header.split(" | ")[1:5] == ["Instagram", "TikTok", "Facebook", "Google Bedriftsprofil"]
    assert header.endswith("| *snapchat* | *linkedin* |")  # not in the mix: in italics
    office = next(line for line in report.splitlines() if line.startswith("| Kontoransatte"))
    # Kontorfolk has targets on Instagram and Facebook, where they are, and on Google
    # (for the review objective), where they are not; LinkedIn is theirs, without targets.
    assert office.split(" | ")[1:] == ["◎", "·", "◎", "✕", "·", "● |"]


def smart_in_markdown(report: str) -> dict[str, str]:
    """Each objective's SMART line in a Markdown report: 'S ✓ M ✗ ...' by objective id."""
    ids = re.findall(r"^### `([a-z0-9-]+)`", report, re.MULTILINE)
    marks = re.findall(r"^- \*\*SMART:\*\* ((?:[SMART] [✓✗] ?){5})", report, re.MULTILINE)
    return dict(zip(ids, (m.strip() for m in marks), strict=True))


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.post.toml")), ids=lambda p: p.name)
def test_smart_letters_follow_the_findings_of_posttui_check(sample: Path) -> None:
    result = posttui_bytes("check", str(sample), "--format", "json")
    failing: dict[str, set[str]] = {}
    for finding in json.loads(result.stdout)["findings"]:
        failing.setdefault(finding["subject"], set()).add(finding["rule"].split("/")[0])
    report = posttui_bytes("export", str(sample)).stdout.decode()
    letters = smart_in_markdown(report)
    assert list(letters) == [objective.id for objective in load(sample).plan.objectives]
    for objective, shown in letters.items():
        expected = " ".join(
            f"{letter} {'✗' if group in failing.get(objective, set()) else '✓'}"
            for letter, group in vocabulary.SMART
        )
        assert shown == expected, objective


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.post.toml")), ids=lambda p: p.name)
def test_today_dates_the_report_and_measures_the_deadlines_as_check_does(sample: Path) -> None:
    later = "2028-01-01"  # after every deadline of the samples
    checked = posttui_bytes("check", str(sample), "--format", "json", "--today", later)
    passed = {
        f["subject"]
        for f in json.loads(checked.stdout)["findings"]
        if f["rule"] == "time-bound/passed"
    }
    deadlines = any(o.deadline for o in load(sample).plan.objectives)
    assert bool(passed) == deadlines, "deadlines of the samples are before 2028"
    report = posttui_bytes("export", str(sample), "--today", later, "--lang", "en").stdout.decode()
    assert f"as of {later}" in report
    assert {o for o, letters in smart_in_markdown(report).items() if "T ✗" in letters} >= passed
    assert report.count("time-bound/passed") == len(passed)
    bad = posttui_bytes("export", str(sample), "--today", "2028-13-01", "--lang", "nb")
    assert bad.returncode == 2
    assert "ikke en dato (ÅÅÅÅ-MM-DD): '2028-13-01'" in bad.stderr.decode()


GROUP_TITLES = {
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


def test_the_report_flags_an_involvement_sum_when_check_does() -> None:
    plan = load(NORDLYS).plan
    close, off = plan.people.segments[0], plan.people.segments[1]
    close.involvement = Involvement(socializers=41.3, lurkers=42.4, sporadics=15.3)  # 99 %
    off.involvement = Involvement(socializers=50, lurkers=30)
    flagged = {f.subject for f in lint(plan, None, "en") if f.rule == "people/involvement-sum"}
    assert flagged == {off.id}
    for format in ("md", "html"):
        report = export(plan, format, "en")
        assert report.count("the shares sum to") == 1 and "the shares sum to 80 %" in report


def test_the_matrix_of_thousands_of_segments_and_platforms_is_cut_as_the_editors() -> None:
    plan = load(NORDLYS).plan
    plan.people.segments += [
        Segment(id=f"s-{n}", name=f"Segment {n}", platforms=[f"p-{n}"]) for n in range(1000)
    ]
    report = export(plan, "md", "en")
    marked = re.compile(r"\| [^|]+ (\| [●◎✕·] )+\|")
    assert len([line for line in report.splitlines() if marked.fullmatch(line)]) == matrix.MAX_ROWS
    header = next(line for line in report.splitlines() if line.startswith("| Segment | LinkedIn"))
    assert header.count("|") == matrix.MAX_COLUMNS + 2
    assert "… and 905 more segments: the findings cover them all" in report
    more = len(matrix.platform_columns(load(NORDLYS).plan)) + 1000 - matrix.MAX_COLUMNS
    assert f"… and {more:,} more platforms" in report
    html = export(plan, "html", "nb")
    assert "… og 905 segmenter til" in html and len(html) < 1_000_000


def test_markdown_lists_every_finding_with_its_rule_id_under_its_group() -> None:
    plan = load(NORDLYS).plan
    report = export(plan, "md", "en")
    assert smart_in_markdown(report)["brand-linkedin"] == "S ✗ M ✗ A ✓ R ✓ T ✗"
    findings = report[report.index("## Findings (13)") :]
    assert "errors: 0, warnings: 9, info: 4" in findings
    sections = dict(re.findall(r"^### (.+)\n\n((?:- .*\n)+)", findings, re.MULTILINE))
    assert list(sections) == list(GROUP_TITLES.values())
    for finding in lint(plan, lang="en"):
        line = f"- **{finding.severity}** `{finding.rule}` {finding.subject}: {finding.message}"
        assert line in sections[GROUP_TITLES[finding.group]].splitlines()
    assert sum(len(lines.splitlines()) for lines in sections.values()) == 13


def test_the_language_is_the_option_else_the_plans_else_the_locale(tmp_path: Path) -> None:
    assert "## Findings" in posttui_bytes("export", str(KAFE), "--lang", "en").stdout.decode()
    assert "## Funn" in posttui_bytes("export", str(KAFE)).stdout.decode()  # the plan says nb
    plan = load(NORDLYS).plan
    plan.plan.language = None
    unset = write_plan(tmp_path / "unset.post.toml", plan)
    norwegian = posttui_bytes("export", str(unset), env={"LANG": "nb_NO.UTF-8"}).stdout.decode()
    assert "## Funn" in norwegian and "Ansvarlig" in norwegian
    # The findings say what lint says in that language.
    shown = visible(markdown_html(norwegian))
    for finding in lint(plan, lang="nb"):
        assert " ".join(finding.message.split()) in shown


def test_plan_text_cannot_change_the_markdowns_structure() -> None:
    harmless = tags(markdown_html(export(plan_with("Tekst x slutt"), "md", "en")))
    for attack in (*WEB_ATTACKS, *ATTACKS):
        report = export(plan_with(f"Tekst {attack} slutt"), "md", "en")
        assert tags(markdown_html(report)) == harmless, attack
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", report)


def test_markdown_shows_markup_in_plan_text_as_typed() -> None:
    for attack in WEB_ATTACKS[:-1]:
        rendered = visible(markdown_html(export(plan_with(f"Tekst {attack} slutt"), "md", "en")))
        assert f"Tekst {' '.join(attack.split())} slutt" in rendered, attack
    bidi = visible(markdown_html(export(plan_with("a \u202eevil\u202c b"), "md", "en")))
    assert "a \\u202eevil\\u202c b" in bidi


# ---- HTML ----


def test_html_is_one_self_contained_page_printable_on_a4() -> None:
    html = export(load(NORDLYS).plan, "html", "en")
    page = Page(html)
    names = {tag for tag, _ in page.tags}
    assert not names & {"script", "link", "img", "iframe", "object", "embed", "base", "form"}
    attributes = {name for _, attrs in page.tags for name in attrs}
    assert not attributes & {"src", "href", "srcset", "action"}
    assert not any(name.startswith("on") for name in attributes)
    assert not re.search(r"url\(|@import|https?:|//", html)
    policy = [
        a["content"] for t, a in page.tags if a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert policy == ["default-src 'none'; style-src 'unsafe-inline'"]
    assert "@page { size: A4;" in html and "break-inside: avoid" in html
    assert ("html", {"lang": "en"}) in page.tags


def test_html_holds_the_plan_by_post_step() -> None:
    page = Page(export(load(NORDLYS).plan, "html", "en"))
    ids = [attrs.get("id") for tag, attrs in page.tags if tag == "h2"]
    assert ids == ["people", "objectives", "strategy", "technology", "findings"]
    shown = page.shown()
    assert "Logistics and supply-chain managers" in shown and "Functional output" in shown
    assert "followers on linkedin: from 500 to 50,000" in shown
    assert "Talking (marketing)" in shown and "Listening (research)" in shown
    assert "fails: Specific, Measurable, Time-bound" in shown
    # Each objective's letters: five badges, failed ones marked as such.
    badges = [attrs["class"] for tag, attrs in page.tags if "letter" in (attrs.get("class") or "")]
    assert len(badges) == 5 * 7
    assert badges[:5] == [
        "letter failed",
        "letter failed",
        "letter passed",
        "letter passed",
        "letter failed",
    ]
    for finding in lint(load(NORDLYS).plan, lang="en"):
        assert finding.rule in shown and " ".join(finding.message.split()) in shown
    marks = [
        attrs["class"]
        for tag, attrs in page.tags
        if tag == "td" and "mark" in attrs.get("class", "")
    ]
    assert marks.count("mark absent") == 1  # tiktok for the logistics managers


def test_html_draws_each_segments_involvement_as_a_bar_of_its_shares() -> None:
    page = Page(export(load(NORDLYS).plan, "html", "en"))
    bars = [
        attrs
        for tag, attrs in page.tags
        if tag == "span" and "width:" in (attrs.get("style") or "")
    ]
    widths = [float(re.findall(r"width:([\d.]+)%", attrs["style"] or "")[0]) for attrs in bars]
    # Four segments with shares and the Norwegian average, five parts each.
    assert len(widths) == 5 * 5
    assert widths[:5] == [24, 38, 25, 8, 5]
    assert widths[-5:] == [34, 29, 23, 9, 5]
    assert bars[0]["title"] == "Socializers: 24 %"


def test_plan_text_cannot_change_the_htmls_structure() -> None:
    harmless = structure(export(plan_with("Tekst x slutt"), "html", "en"))
    for attack in (*WEB_ATTACKS, *ATTACKS, '"><b onmouseover=x>', "' onclick='x"):
        html = export(plan_with(f"Tekst {attack} slutt"), "html", "en")
        assert structure(html) == harmless, attack
        assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", html)


def test_html_shows_markup_in_plan_text_as_typed() -> None:
    for attack in WEB_ATTACKS[:-1]:
        page = Page(export(plan_with(f"Tekst {attack} slutt"), "html", "en"))
        assert f"Tekst {' '.join(attack.split())} slutt" in page.shown(), attack
    bidi = Page(export(plan_with("a \u202eevil\u202c b"), "html", "en"))
    assert "a \\u202eevil\\u202c b" in bidi.shown()


# ---- The command ----


def test_stdout_and_file_hold_the_same_report(tmp_path: Path) -> None:
    shown = posttui_bytes("export", str(NORDLYS), "--format", "html")
    assert shown.returncode == 0 and shown.stdout.startswith(b"<!DOCTYPE html>")
    target = tmp_path / "report.html"
    target.write_text("the old report")
    written = posttui_bytes("export", str(NORDLYS), "-o", str(target))  # the suffix says html
    assert written.returncode == 0, written.stderr
    assert written.stdout.decode() == f"wrote {target}\n"
    assert target.read_bytes() == shown.stdout
    assert sorted(tmp_path.iterdir()) == [target]  # no temp file left beside it


def test_output_is_utf8_whatever_the_locale(tmp_path: Path) -> None:
    result = posttui_bytes("export", str(KAFE), env={"LANG": "C", "PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert "Kafé Solsiden \u2013 sosiale medier 2027" in result.stdout.decode("utf-8")


def test_a_read_only_report_is_not_written_over(tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    report.write_text("last week's report")
    report.chmod(0o444)
    result = posttui_bytes("export", str(KAFE), "-o", str(report), "--lang", "en")
    assert result.returncode == 2
    assert "The file is read-only: posttui does not write over it." in result.stderr.decode()
    assert report.read_text() == "last week's report"


def test_a_failed_write_leaves_no_half_file_and_exits_2(tmp_path: Path) -> None:
    folder = tmp_path / "report.md"
    folder.mkdir()  # a folder where the report should go: the rename fails
    result = posttui_bytes("export", str(KAFE), "-o", str(folder), "--lang", "en")
    assert result.returncode == 2
    assert result.stderr.decode().startswith(f"posttui export: cannot write {folder}. ")
    assert list(tmp_path.iterdir()) == [folder] and not list(folder.iterdir())
    missing = posttui_bytes(
        "export", str(KAFE), "-o", str(tmp_path / "no" / "r.md"), "--lang", "nb"
    )
    assert missing.returncode == 2 and "kan ikke skrive" in missing.stderr.decode()


@pytest.mark.parametrize(
    "text",
    ['format = 1\n[plan]\ntitle = "T"\n<<<<<<< ours\n', "format = 1\n[plan]\n", "format = [\n"],
    ids=["conflict", "invalid", "not-toml"],
)
def test_an_unloadable_plan_exits_2_with_the_loaders_message(tmp_path: Path, text: str) -> None:
    plan = tmp_path / "broken.post.toml"
    plan.write_text(text)
    result = posttui_bytes("export", str(plan), "-o", str(tmp_path / "r.html"))
    check = posttui_bytes("check", str(plan))
    assert result.returncode == check.returncode == 2
    assert result.stderr == check.stderr and result.stderr.startswith(str(plan).encode())
    assert result.stdout == b"" and b"Traceback" not in result.stderr
    assert not (tmp_path / "r.html").exists()
    missing = posttui_bytes("export", str(tmp_path / "none.post.toml"))
    assert missing.returncode == 2 and b"no such file" in missing.stderr


def test_export_runs_without_textual(tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    code = BLOCK_TEXTUAL + (
        "from posttui.cli import main\n"
        f"sys.exit(main(['export', {str(KAFE)!r}, '-o', {str(target)!r}]))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert target.read_text().startswith("# Kafé Solsiden")


# ---- In a browser ----


def test_chromium_draws_the_html_report(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    assert posttui_bytes("export", str(NORDLYS), "-o", str(page)).returncode == 0
    shot = tmp_path / "report.png"
    # Half scale: 800 x 2400 CSS pixels of the page in a 400 x 1200 image, quick to read.
    run_chromium(
        tmp_path / "profile",
        f"--screenshot={shot}",
        "--window-size=800,2400",
        "--force-device-scale-factor=0.5",
        page.as_uri(),
    )
    width, height, _ = pixels(shot.read_bytes())
    assert (width, height) == (400, 1200)
    counts = colours(shot.read_bytes())
    inked = width * height - near(counts, (255, 255, 255), by=8)
    assert inked > width * height // 10, "the page is (nearly) blank"
    # The inline styles took: the accent rule under the headings and the first share of
    # each bar, the passed and failed SMART letters, the debaters' share of each bar.
    assert near(counts, (0x1D, 0x5D, 0x95), by=6) > 1000
    assert near(counts, (0x1B, 0x7A, 0x38), by=6) > 1000
    assert near(counts, (0xB3, 0x26, 0x1E), by=6) > 400
    assert near(counts, (0xD9, 0x82, 0x2B), by=6) > 800


def test_chromium_prints_the_report_on_a4_pages(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(export(load(KAFE).plan, "html", "nb"))
    pdf = tmp_path / "report.pdf"
    run_chromium(
        tmp_path / "profile", f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri()
    )
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf.read_bytes())
    assert len(boxes) >= 3
    for width, height in boxes:  # A4 is 595.3 x 841.9 points
        assert abs(float(width) - 595.3) < 1.5 and abs(float(height) - 841.9) < 1.5


# ---- a long text: streamed, never copied whole ----

STREAM_TEXT = st.lists(
    st.sampled_from([" ", "  ", "\t", "\n", "\n\n", "\r\n", "\u2028", "\x1b", "\u202e", "\xa0"])
    | st.sampled_from(["1", "12", ".", ")", "-", "+", "=", "#", "*", "_", "[", "]", "<", "&"])
    | st.sampled_from(["a", "é", "漢", '"', "'", "\\", "`", "|", "~", ">"])
    | st.characters(),
    max_size=40,
).map("".join)


@given(STREAM_TEXT, st.integers(1, 9))
@settings(max_examples=400, deadline=None)
def test_text_escaped_a_chunk_at_a_time_is_the_text_escaped_whole(value: str, size: int) -> None:
    assert "".join(markdown.text_pieces(value, size)) == markdown.text(value)


@given(STREAM_TEXT, st.integers(1, 9))
@settings(max_examples=200, deadline=None)
def test_html_escaped_a_chunk_at_a_time_is_the_text_escaped_whole(value: str, size: int) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(streaming, "CHUNK", size)
        assert "".join(report_html.esc_pieces(value)) == report_html.esc(value)


def long_texts_plan() -> Plan:
    """Every kind of plan text long, with markup, breaks, digits and controls in it."""
    plan = load(NORDLYS).plan
    part = "12. [a] *b* <i>&amp; \t\u2028\x1b x\n\n  - y | `z`\r\n"
    plan.plan.title = "1) " + part * 3
    plan.plan.notes = part * 40
    plan.people.segments[0].name = "12" + part * 30
    plan.people.segments[1].description = part * 20
    plan.objectives[1].statement = "- " + part * 25
    plan.strategy.relationship = "\n\n  " + part * 35
    return plan


@pytest.mark.parametrize("format", ["md", "html"])
def test_a_report_with_long_texts_streamed_is_the_report_made_whole(
    format: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = long_texts_plan()
    whole = export(plan, format, "en")  # no text is long enough to stream
    monkeypatch.setattr(streaming, "LONG", 10)
    monkeypatch.setattr(streaming, "CHUNK", 7)
    assert export(plan, format, "en") == whole
    assert "\x00" not in whole


@pytest.mark.parametrize("format", ["md", "html"])
def test_a_report_on_a_long_text_allocates_little_beyond_the_plan(
    format: str, tmp_path: Path
) -> None:
    export(load(NORDLYS).plan, format, "en")  # what is imported on the way is not counted
    plan = load(NORDLYS).plan
    size = 2_000_000
    plan.people.segments[0].name = ("Logistikk og lager i Norden <b>& " * 70_000)[:size]
    tracemalloc.start()
    try:
        write_atomic(tmp_path / f"report.{format}", export_pieces(plan, format, "en"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # The name shows in half a dozen places, escaped: a copy per place took 60x of it.
    # What remains is one copy, where it is joined with another segment's name.
    assert peak < 2 * size
    assert (tmp_path / f"report.{format}").stat().st_size > 6 * size


def vm_hwm(*args: str) -> int:
    """Peak memory (VmHWM, bytes) of `posttui ARGS` in a process of its own."""
    script = (
        "import runpy, sys\n"
        "sys.argv = ['posttui', *sys.argv[1:]]\n"
        "try:\n"
        "    runpy.run_module('posttui', run_name='__main__')\n"
        "finally:\n"
        "    status = open('/proc/self/status').read()\n"
        "    print([l for l in status.splitlines() if l.startswith('VmHWM')][0], file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=300
    )
    assert done.returncode in (0, 1), done.stderr
    return int(done.stderr.strip().splitlines()[-1].split()[1]) * 1024


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_exporting_a_long_text_peaks_no_higher_than_checking_it(tmp_path: Path) -> None:
    plan = load(NORDLYS).plan
    short, long = tmp_path / "short.post.toml", tmp_path / "long.post.toml"
    short.write_text(dumps(plan), encoding="utf-8")
    plan.people.segments[0].name = ("Logistikk og lager i Norden " * 300_000)[:8_000_000]
    long.write_text(dumps(plan), encoding="utf-8")
    size = long.stat().st_size

    def peaks(path: Path) -> dict[str, int]:
        """How much higher exporting `path` peaks than checking it, per format: the
        report's own modules (about 2 MB, whatever the plan) and any copy of the plan."""
        check = vm_hwm("check", str(path))
        out = str(tmp_path / "r")
        return {
            format: vm_hwm("export", str(path), "--format", format, "-o", out) - check
            for format in ("md", "html")
        }

    above_long, above_short = peaks(long), peaks(short)
    for format in ("md", "html"):
        # Loading the plan is the peak (about 3x the file); the report adds no copy of it.
        grown = above_long[format] - above_short[format]
        assert grown < size / 4, (format, grown, size)
