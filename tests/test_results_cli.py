"""posttui progress, record and import, on real files.

The import fixtures under tests/data/imports/ and where their layout comes from:
- plain.csv, utf8-bom.csv: posttui's own plain layout, `date,platform,metric,value`
  (docs/plan-format.md, "Importing results").
- ga4-like.csv: a date column and a column per metric after `#` note lines, the shape
  of a Google Analytics 4 report download. No public document states GA4's CSV layout
  (searched: Google's help and developer pages document the Data API, not the file);
  it is read with --map, as docs/plan-format.md says.
- nb-utf16.csv: a spreadsheet saved as UTF-16 text with Norwegian numbers, semicolons
  and dd.mm.yyyy dates, read with --map.
Meta Business Suite, LinkedIn page analytics, TikTok and Google Business Profile
publish no column layout of their exports that could be found either (see the docs):
their files are read with --map, like ga4-like.csv.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from posttui.cli import main
from posttui.core.importing import parse_map, rows
from posttui.core.loader import load
from posttui.core.results import parse_number
from posttui.core.writer import dumps

DATA = Path(__file__).parent / "data" / "imports"

PLAN = """\
format = 2

[plan]
title = "Results"
as_of = 2027-04-15

[[objectives]]
id = "grow"
statement = "Grow followers from 1,000 to 2,000 by July"
start = 2027-01-01
deadline = 2027-07-01

[[objectives.targets]]
platform = "instagram"
metric = "followers"
baseline = 1000
target = 2000

[[objectives]]
id = "views"
statement = "Reach 10,000 views and 500 users a month by July"
start = 2027-01-01
deadline = 2027-07-01

[[objectives.targets]]
platform = "tiktok"
metric = "views"
baseline = 2000
target = 10000

[[objectives.targets]]
source = "web-analytics"
metric = "active-users"
baseline = 300
target = 500

[[objectives]]
id = "twice"
statement = "Two targets with one name, 1 to 2"

[[objectives.targets]]
platform = "instagram"
metric = "reach"
target = 2

[[objectives.targets]]
platform = "instagram"
metric = "reach"
target = 3
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "results.post.toml"
    path.write_text(PLAN)
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


# ---- record ----


def test_record_adds_a_result_and_saves(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "record", str(plan), "grow", "1 250,5", "--date", "2027-03-01")
    assert code == 0 and "1,250.50" in out and "instagram/followers" in out
    results = load(plan).plan.objectives[0].targets[0].results
    assert [(r.date, r.value) for r in results] == [(date(2027, 3, 1), 1250.5)]
    text = plan.read_text()
    assert text == dumps(load(plan).plan)
    assert "[[objectives.targets.results]]\ndate = 2027-03-01\nvalue = 1250.5\n" in text


@pytest.mark.parametrize(
    "command",
    [
        ["record", "grow", "1250", "--date", "2027-03-01"],
        ["import", str(DATA / "plain.csv"), "--apply"],
    ],
)
def test_a_plan_with_comments_is_not_saved_without_drop_comments(
    plan: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    plan.write_text(PLAN.replace("[plan]\n", "[plan]\n# kept by hand\n"))
    before = plan.read_bytes()
    name, *rest = command
    code, _, err = run(capsys, name, str(plan), *rest)
    assert code == 2 and plan.read_bytes() == before
    assert f"posttui {name}: {plan} has comments (lines 4)" in err
    code, _, _ = run(capsys, name, str(plan), *rest, "--drop-comments")
    assert code == 0 and "# kept by hand" not in plan.read_text()
    assert load(plan).plan.objectives[0].targets[0].results


def test_record_today_by_default_and_the_same_date_replaces(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "record", str(plan), "grow", "1100")[0] == 0
    code, out, _ = run(capsys, "record", str(plan), "grow", "1200")
    assert code == 0 and "was 1,100" in out
    [result] = load(plan).plan.objectives[0].targets[0].results
    assert (result.date, result.value) == (date.today(), 1200)


def test_record_picks_a_target_by_platform_or_source(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ("record", str(plan), "views", "420", "--date", "2027-03-01")
    assert run(capsys, *args, "--target", "web-analytics/active-users")[0] == 0
    assert load(plan).plan.objectives[1].targets[1].results[0].value == 420


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("nope", "1"), "no objective 'nope'"),
        (("views", "1"), "has several targets; say which with --target"),
        (("views", "1", "--target", "tiktok/likes"), "no target 'tiktok/likes'"),
        (("twice", "1", "--target", "instagram/reach"), "more than one target"),
        (("grow", "many"), "not a number: many"),
    ],
)
def test_record_refuses_with_a_clear_message(
    plan: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], said: str
) -> None:
    before = plan.read_bytes()
    code, _, err = run(capsys, "record", str(plan), *args)
    assert code == 2 and said in err
    assert plan.read_bytes() == before


def test_record_on_a_plan_that_does_not_load(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(capsys, "record", str(tmp_path / "missing.toml"), "grow", "1")[0] == 2


# ---- progress ----


def test_progress_json_is_the_contracts(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "record", str(plan), "grow", "1250.5", "--date", "2027-03-01")
    code, out, _ = run(capsys, "progress", str(plan), "--format", "json", "--today", "2027-03-31")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"file", "targets"}
    first = data["targets"][0]
    assert list(first) == [
        "objective", "platform", "metric", "baseline", "latest", "latest_date", "target",
        "percent", "pace_needed", "pace_actual", "forecast", "on_track",
    ]  # fmt: skip
    assert first["latest_date"] == "2027-03-01" and first["percent"] == 25.05
    assert first["on_track"] is False
    assert data["targets"][1]["latest"] is None and data["targets"][1]["percent"] is None


def test_progress_text_is_a_table(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "record", str(plan), "grow", "1250", "--date", "2027-03-01")
    code, out, _ = run(capsys, "progress", str(plan), "--today", "2027-03-31")
    lines = out.splitlines()
    assert code == 0 and lines[0].split()[:3] == ["objective", "target", "baseline"]
    assert lines[1].startswith("grow") and "behind" in lines[1]  # most at risk first
    assert "linear" in lines[-1]


def test_progress_exit_2_when_not_loadable(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.toml"
    bad.write_text("format = 2\n[plan\n")
    assert run(capsys, "progress", str(bad))[0] == 2


# ---- import ----


def test_import_plain_is_a_dry_run_then_applies(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = plan.read_bytes()
    code, out, _ = run(capsys, "import", str(plan), str(DATA / "plain.csv"))
    assert code == 0 and plan.read_bytes() == before
    assert "grow instagram/followers: 3 to add (2027-02-01 … 2027-04-01)" in out
    assert "tiktok/views: 1 to add" in out and "dry run" in out
    code, out, _ = run(capsys, "import", str(plan), str(DATA / "plain.csv"), "--apply")
    assert code == 0 and "added 4 results" in out
    values = [(r.date, r.value) for r in load(plan).plan.objectives[0].targets[0].results]
    assert values == [(date(2027, 2, 1), 1100), (date(2027, 3, 1), 1250), (date(2027, 4, 1), 1300)]
    # Again: every date is there already; nothing is added twice.
    code, out, _ = run(capsys, "import", str(plan), str(DATA / "plain.csv"), "--apply")
    assert code == 0 and "3 dates already recorded" in out and "nothing to add" in out
    assert plan.read_text() == dumps(load(plan).plan)  # import -> save -> load round trip


def test_import_reports_rows_it_cannot_place(plan: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    csv = plan.parent / "other.csv"
    csv.write_text(
        "date,platform,metric,value\n2027-02-01,snapchat,views,1\n2027-02-02,snapchat,views,2\n"
    )
    code, out, _ = run(capsys, "import", str(plan), str(csv))
    assert code == 0 and "rows 2, 3: no target is snapchat/views" in out


def test_import_with_a_map_reads_a_ga4_style_export(plan: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    spec = "date=Date,Active users=web-analytics/active-users"
    code, out, _ = run(
        capsys, "import", str(plan), str(DATA / "ga4-like.csv"), "--map", spec, "--apply"
    )
    assert code == 0 and "views web-analytics/active-users: 2 to add" in out
    results = load(plan).plan.objectives[1].targets[1].results
    assert [(r.date, r.value) for r in results] == [
        (date(2027, 2, 1), 410),
        (date(2027, 3, 1), 1020),
    ]


def test_import_utf16_with_norwegian_numbers(plan: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    spec = "date=Dato,Følgere=instagram/followers"
    code, _out, _ = run(
        capsys, "import", str(plan), str(DATA / "nb-utf16.csv"), "--map", spec, "--apply"
    )
    assert code == 0
    results = load(plan).plan.objectives[0].targets[0].results
    assert [(r.date, r.value) for r in results] == [
        (date(2027, 2, 1), 1100),
        (date(2027, 3, 1), 1250),
    ]


def test_import_utf8_with_a_bom(plan: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "import", str(plan), str(DATA / "utf8-bom.csv"))
    assert code == 0 and "1 to add" in out


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("bad-number.csv", "bad-number.csv:3: not a number: 'lots'"),
        ("bad-date.csv", "bad-date.csv:2: not a date: '2027-02-31'"),
        ("short-row.csv", "short-row.csv:3: 2 columns where the header has 4"),
        ("ga4-like.csv", "say which columns are which with --map"),
    ],
)
def test_a_malformed_file_gets_one_message_with_its_row(
    plan: Path, capsys: pytest.CaptureFixture[str], name: str, said: str
) -> None:
    before = plan.read_bytes()
    code, _out, err = run(capsys, "import", str(plan), str(DATA / name), "--apply")
    assert code == 2 and said in err and len(err.strip().splitlines()) == 1
    assert plan.read_bytes() == before


def test_import_refuses_a_bad_map(plan: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "import", str(plan), str(DATA / "plain.csv"), "--map", "Date")
    assert code == 2 and "--map" in err


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1234", 1234),
        ("1,234", 1234),
        ("1,234.5", 1234.5),
        ("1 234,5", 1234.5),
        ("1\u00a0234,5", 1234.5),
        ("1.234,5", 1234.5),
        ("1.234.567", 1234567),
        ("0,25", 0.25),
        ("12.5", 12.5),
        ("-3", -3),
        ("12 %", 12),
    ],
)
def test_numbers_in_both_languages(text: str, value: float) -> None:
    assert parse_number(text) == value


def test_a_decimal_comma_can_be_said() -> None:
    assert parse_number("1,234", decimal=",") == pytest.approx(1.234)


def test_map_spec() -> None:
    mapping = parse_map('date=Dato,date-format=%d.%m.%Y,"Views, total"=tiktok/views')
    assert mapping.date == "Dato" and mapping.date_format == "%d.%m.%Y"
    assert mapping.columns == (("Views, total", "tiktok/views"),)
    found = list(rows("Dato;Views, total\n01.02.2027;5\n", mapping))
    assert [(r.name, r.day, r.value) for r in found] == [("tiktok/views", date(2027, 2, 1), 5)]
