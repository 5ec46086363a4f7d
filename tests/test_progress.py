"""Results against targets: the model, the writer's date order, and core.progress."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from posttui.core.loader import LoadError, parse
from posttui.core.model import Objective, Plan, Result, Target, needed_format
from posttui.core.progress import by_risk, plan_progress, target_progress
from posttui.core.writer import dumps

PLAN = """\
format = 2

[plan]
title = "Results"

[settings]
report_every = 14

[[objectives]]
id = "grow"
statement = "Grow followers from 1,000 to 2,000 by the end of June"
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
value = 1250.5
source = "platform-insights"
note = "after the spring campaign"
"""


def test_results_load_and_round_trip_byte_for_byte() -> None:
    plan = parse(PLAN)
    results = plan.objectives[0].targets[0].results
    assert [r.date for r in results] == [date(2027, 2, 1), date(2027, 3, 1)]
    assert results[1].source == "platform-insights"
    assert plan.settings.report_every == 14
    assert plan.format == 2
    assert dumps(plan) == PLAN


def test_the_writer_writes_results_in_date_order_and_a_new_one_is_a_few_lines() -> None:
    plan = parse(PLAN)
    target = plan.objectives[0].targets[0]
    target.results = [Result(date=date(2027, 1, 15), value=1050), *target.results]
    text = dumps(plan)
    assert text.index("2027-01-15") < text.index("2027-02-01") < text.index("2027-03-01")
    added = set(text.splitlines()) - set(PLAN.splitlines())
    assert added == {"date = 2027-01-15", "value = 1050"}
    assert len(text.splitlines()) - len(PLAN.splitlines()) == 4  # blank, header, date, value
    assert dumps(parse(text)) == text


def test_results_make_a_plan_format_2_and_a_plan_without_keeps_format_1() -> None:
    plan = Plan.new("T")
    plan.objectives = [Objective(id="a", statement="s", targets=[Target(target=5, baseline=1)])]
    before = dumps(plan)
    assert before.startswith("format = 1\n")
    plan.objectives[0].targets[0].results = [Result(date=date(2027, 1, 1), value=2)]
    assert needed_format(plan) == 2
    assert dumps(plan).startswith("format = 2\n")
    plan.objectives[0].targets[0].results = []
    assert dumps(plan) == before


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("results", "[[objectives.targets.results]]\ndate = 2027-01-01\nvalue = 3\n"),
        ("report_every", ""),
    ],
)
def test_a_format_1_file_may_not_hold_results_or_report_every(key: str, text: str) -> None:
    settings = "[settings]\nreport_every = 7\n\n" if key == "report_every" else ""
    body = (
        f'format = 1\n\n[plan]\ntitle = "T"\n\n{settings}[[objectives]]\nid = "a"\n'
        f'statement = "s"\n\n[[objectives.targets]]\nbaseline = 1\ntarget = 2\n\n{text}'
    )
    with pytest.raises(LoadError) as error:
        parse(body)
    assert key in str(error.value)


@pytest.mark.parametrize(
    ("result", "problem"),
    [
        ("value = 3\n", "date"),
        ("date = 2027-01-01\n", "value"),
        ('date = 2027-01-01\nvalue = "3"\n', "value"),
        ('date = "2027-01-01"\nvalue = 3\n', "date"),
        ('date = 2027-01-01\nvalue = 3\nsource = "Bad Slug"\n', "source"),
        ("date = 2027-01-01\nvalue = 3\nvalu = 4\n", "valu"),
    ],
)
def test_a_bad_result_is_refused_with_its_key(result: str, problem: str) -> None:
    body = PLAN + "\n[[objectives.targets.results]]\n" + result
    with pytest.raises(LoadError) as error:
        parse(body)
    assert f"results[2].{problem}" in str(error.value)


def _objective(**targets: object) -> Objective:
    return Objective(
        id="o",
        statement="s",
        start=date(2027, 1, 1),
        deadline=date(2027, 7, 1),
        targets=[Target(**targets)],  # type: ignore[arg-type]
    )


def test_progress_figures_by_hand() -> None:
    plan = parse(PLAN)
    [objective] = plan_progress(plan, today=date(2027, 3, 31))
    [t] = objective.targets
    assert (t.baseline, t.latest, t.latest_date, t.target) == (1000, 1250.5, date(2027, 3, 1), 2000)
    assert t.percent == pytest.approx(25.05)
    # 59 days from start to the latest result; 92 days from today to the deadline.
    assert t.pace_actual == pytest.approx(30 * 250.5 / 59)
    assert t.pace_needed == pytest.approx(30 * 749.5 / 92)
    assert t.forecast == pytest.approx(1000 + 250.5 * 181 / 59)
    assert t.on_track is False
    assert t.to_json() == {
        "objective": "grow",
        "platform": "instagram",
        "metric": "followers",
        "baseline": 1000,
        "latest": 1250.5,
        "latest_date": "2027-03-01",
        "target": 2000,
        "percent": 25.05,
        "pace_needed": 244.4,
        "pace_actual": 127.37,
        "forecast": 1768.48,
        "on_track": False,
    }


def test_nothing_to_compute_is_none() -> None:
    t = target_progress(Target(metric="reach"), _objective(metric="x"), today=date(2027, 2, 1))
    assert (t.latest, t.percent, t.pace_actual, t.forecast, t.on_track) == (None,) * 5
    only = _objective(baseline=10, target=20, results=[Result(date=date(2027, 1, 1), value=12)])
    t = target_progress(only.targets[0], only, today=date(2027, 2, 1))
    assert t.pace_actual is None and t.forecast is None and t.on_track is None  # day 0
    assert t.percent == pytest.approx(20)


def test_a_decrease_a_level_to_hold_and_a_target_met() -> None:
    down = _objective(
        baseline=100,
        target=50,
        direction="decrease",
        results=[Result(date=date(2027, 3, 2), value=80)],
    )
    t = target_progress(down.targets[0], down, today=date(2027, 3, 2))
    assert t.percent == pytest.approx(40)
    assert t.pace_actual is not None and t.pace_actual < 0
    assert t.forecast == pytest.approx(100 - 20 * 181 / 60)
    assert t.on_track is True  # 39.7 at the deadline, below 50
    hold = _objective(baseline=500, target=500, results=[Result(date=date(2027, 2, 1), value=480)])
    t = target_progress(hold.targets[0], hold, today=date(2027, 2, 2))
    assert t.heading == "maintain" and t.percent == pytest.approx(96) and t.on_track is False
    met = _objective(baseline=1, target=10, results=[Result(date=date(2027, 2, 1), value=12)])
    t = target_progress(met.targets[0], met, today=date(2027, 8, 1))
    assert (
        t.on_track is True
        and t.reached == date(2027, 2, 1)
        and t.percent == pytest.approx(11 / 9 * 100)
    )
    assert t.pace_needed is None  # the deadline has passed


def test_wrong_way_is_zero_percent_and_risk_order() -> None:
    plan = Plan.new("T")
    wrong = _objective(baseline=100, target=200, results=[Result(date=date(2027, 2, 1), value=90)])
    fine = _objective(baseline=100, target=200, results=[Result(date=date(2027, 2, 1), value=190)])
    unknown = _objective(baseline=100, target=200)
    plan.objectives = [
        fine.model_copy(update={"id": "fine"}),
        unknown.model_copy(update={"id": "unknown"}),
        wrong.model_copy(update={"id": "wrong"}),
    ]
    progress = plan_progress(plan, today=date(2027, 2, 2))
    assert progress[2].targets[0].percent == 0
    assert [p.objective for p in by_risk(progress)] == ["wrong", "unknown", "fine"]


days = st.integers(min_value=1, max_value=2000)
values = st.integers(min_value=-(10**6), max_value=10**6)


@given(baseline=values, value=values, target=values, first=days, more=days, late=days)
def test_pace_and_forecast_against_a_direct_computation(
    baseline: int, value: int, target: int, first: int, more: int, late: int
) -> None:
    """The straight line from (start, baseline) through (latest date, latest value),
    computed exactly with fractions, gives the pace per 30 days and the forecast."""
    start = date(2027, 1, 1)
    on = start + timedelta(days=first)
    deadline = on + timedelta(days=more)
    today = on + timedelta(days=min(late, more - 1)) if more > 1 else on
    objective = Objective(
        id="o",
        statement="s",
        start=start,
        deadline=deadline,
        targets=[
            Target(
                baseline=baseline,
                target=target,
                direction="decrease" if target < baseline else "increase",
                results=[Result(date=on, value=value)],
            )
        ],
    )
    t = target_progress(objective.targets[0], objective, today=today)
    slope = Fraction(value - baseline, first)
    assert t.pace_actual == pytest.approx(float(30 * slope), rel=1e-9, abs=1e-9)
    expected = baseline + slope * (first + more)
    assert t.forecast == pytest.approx(float(expected), rel=1e-9, abs=1e-6)
    if target == baseline or value == target:
        return
    increase = target > baseline
    met_then = expected >= target if increase else expected <= target
    assert t.on_track == met_then
    left = (deadline - today).days
    assert t.pace_needed == pytest.approx(float(Fraction(30 * (target - value), left)), abs=1e-9)


def test_the_schema_knows_results_and_report_every() -> None:
    schema = Plan.model_json_schema()
    result = schema["$defs"]["Result"]
    assert result["required"] == ["date", "value"]
    assert set(result["properties"]) == {"date", "value", "source", "note"}
    assert "report_every" in schema["$defs"]["Settings"]["properties"]
