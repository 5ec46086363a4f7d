"""realistic/behind-pace, measurable/stale-results and time-bound/passed with results:
each fires at its threshold and is silent just short of it."""

from __future__ import annotations

from datetime import date

import pytest

from posttui.core.model import Objective, Plan, Result, Settings, Target
from posttui.core.rules import RULES, Finding, Severity, lint

START, DEADLINE = date(2027, 1, 1), date(2027, 7, 1)  # 181 days


def _plan(
    results: list[tuple[date, float]],
    *,
    baseline: float | None = 1000,
    target: float | None = 2000,
    start: date | None = START,
    deadline: date | None = DEADLINE,
    direction: str | None = None,
    report_every: int | None = None,
) -> Plan:
    plan = Plan.new("Results")
    plan.settings = Settings(report_every=report_every)
    plan.objectives = [
        Objective(
            id="grow",
            statement="Grow followers from 1,000 to 2,000 by July",
            start=start,
            deadline=deadline,
            targets=[
                Target(
                    platform="instagram",
                    metric="followers",
                    direction=direction,  # type: ignore[arg-type]
                    baseline=baseline,
                    target=target,
                    results=[Result(date=day, value=value) for day, value in results],
                )
            ],
        )
    ]
    return plan


def _found(plan: Plan, rule: str, today: date, lang: str = "en") -> list[Finding]:
    return [f for f in lint(plan, today, lang) if f.rule == rule]


def test_the_rules_and_their_severities() -> None:
    assert RULES["realistic/behind-pace"].severity is Severity.WARNING
    assert RULES["measurable/stale-results"].severity is Severity.INFO


# Forecast = 1000 + (value - 1000) * 181 / 90 for a result on 2027-04-01 (day 90):
# the target 2000 is met exactly when value - 1000 = 90000 / 181 = 497.24...
ON = date(2027, 4, 1)


def test_behind_pace_fires_when_the_forecast_misses() -> None:
    [finding] = _found(_plan([(ON, 1497)]), "realistic/behind-pace", date(2027, 4, 2))
    assert finding.subject == "grow"
    assert finding.path == "objectives[0].targets[0].target"
    assert "instagram/followers" in finding.message and "1,999" in finding.message
    assert "2027-07-01" in finding.message


def test_behind_pace_is_silent_when_the_forecast_meets_the_target() -> None:
    assert not _found(_plan([(ON, 1498)]), "realistic/behind-pace", date(2027, 4, 2))


def test_behind_pace_needs_a_baseline_a_target_a_result_and_a_deadline_ahead() -> None:
    today = date(2027, 4, 2)
    assert not _found(_plan([(ON, 1100)], baseline=None), "realistic/behind-pace", today)
    assert not _found(_plan([(ON, 1100)], target=None), "realistic/behind-pace", today)
    assert not _found(_plan([]), "realistic/behind-pace", today)
    assert not _found(_plan([(ON, 1100)], deadline=None), "realistic/behind-pace", today)
    assert not _found(_plan([(ON, 1100)]), "realistic/behind-pace", DEADLINE)  # not after today


def test_behind_pace_without_a_start_measures_from_the_first_result() -> None:
    # Baseline at 2027-02-01 (the first result), 1100 on 2027-04-01 (59 days), deadline
    # 150 days after the first: 1000 + 100 * 150 / 59 = 1254, far short.
    results = [(date(2027, 2, 1), 1000), (date(2027, 4, 1), 1100)]
    plan = _plan(results, start=None)
    assert _found(plan, "realistic/behind-pace", date(2027, 4, 2))
    # One result only, on the start it stands in for: no line yet.
    assert not _found(_plan([(ON, 1100)], start=None), "realistic/behind-pace", date(2027, 4, 2))


def test_behind_pace_for_a_decrease() -> None:
    # From 1000 down to 500: on day 90, 750 forecasts 1000 - 250 * 181 / 90 = 497 (met);
    # 752 forecasts 501 (missed).
    kwargs = {"target": 500, "direction": "decrease"}
    today = date(2027, 4, 2)
    assert not _found(_plan([(ON, 750)], **kwargs), "realistic/behind-pace", today)  # type: ignore[arg-type]
    assert _found(_plan([(ON, 752)], **kwargs), "realistic/behind-pace", today)  # type: ignore[arg-type]


def test_behind_pace_in_norwegian() -> None:
    [finding] = _found(_plan([(ON, 1200)]), "realistic/behind-pace", date(2027, 4, 2), "nb")
    assert finding.message.startswith("Bak skjema")
    assert "1\u00a0402" in finding.message


def test_stale_results_fire_after_report_every_days() -> None:
    plan = _plan([(date(2027, 2, 1), 1100)])
    assert not _found(plan, "measurable/stale-results", date(2027, 3, 4))  # 31 days
    [finding] = _found(plan, "measurable/stale-results", date(2027, 3, 5))  # 32 days
    assert finding.severity is Severity.INFO
    assert finding.path == "objectives[0].targets[0].results[0].date"
    assert "2027-02-01" in finding.message and "32" in finding.message


def test_stale_results_follow_the_setting_and_the_latest_result() -> None:
    plan = _plan([(date(2027, 3, 1), 1200), (date(2027, 2, 1), 1100)], report_every=7)
    assert not _found(plan, "measurable/stale-results", date(2027, 3, 8))
    [finding] = _found(plan, "measurable/stale-results", date(2027, 3, 9))
    assert finding.path == "objectives[0].targets[0].results[0].date"


def test_stale_results_need_results_and_a_deadline_not_passed() -> None:
    assert not _found(_plan([]), "measurable/stale-results", date(2027, 6, 1))
    late = _plan([(date(2027, 2, 1), 1100)])
    assert _found(late, "measurable/stale-results", DEADLINE)  # due today: not passed
    assert not _found(late, "measurable/stale-results", date(2027, 7, 2))


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_passed_says_when_the_target_was_reached(lang: str) -> None:
    results = [(date(2027, 5, 1), 1900), (date(2027, 6, 3), 2010), (date(2027, 6, 20), 2100)]
    [finding] = _found(_plan(results), "time-bound/passed", date(2027, 7, 2), lang)
    assert "2027-06-03" in finding.message
    assert ("reached on" if lang == "en" else "ble nådd") in finding.message


def test_passed_as_before_when_the_target_was_not_reached() -> None:
    results = [(date(2027, 6, 3), 1999)]
    [finding] = _found(_plan(results), "time-bound/passed", date(2027, 7, 2))
    assert "reached" not in finding.message and "today is 2027-07-02" in finding.message
    assert not _found(_plan(results), "time-bound/passed", DEADLINE)
