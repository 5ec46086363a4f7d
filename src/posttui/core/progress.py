"""Progress against targets: where each target stands, at what pace, and where it ends up.

A target's results (format 2, `[[objectives.targets.results]]`) are measured values of
its metric on dates. From them, for each target:

- `latest`, `latest_date`: the result with the latest date (of two on one date, the
  one written last);
- `percent`: the share of the way from `baseline` to `target` that `latest` has come,
  `100 * (latest - baseline) / (target - baseline)`, 0 at least (a value that went the
  wrong way is 0 %), and above 100 once the target is passed. A target to hold
  (`direction = "maintain"`, or a target equal to its baseline) has no way to go: it is
  100 % while `latest` holds at least `target`, else `100 * latest / target`;
- `pace_actual`: the change per 30 days so far, on the straight line from the baseline
  at the start (the objective's `start`, else its first result's date) to the latest
  result: `30 * (latest - baseline) / days(start, latest_date)`;
- `pace_needed`: the change per 30 days still needed, from the latest value (the
  baseline while there are no results) today to the target at the deadline:
  `30 * (target - latest) / days(today, deadline)`; for a level to hold, 0 while it
  holds; none once the deadline is not after today;
- `forecast`: the value at the deadline on that same straight line, extended:
  `baseline + pace_actual / 30 * days(start, deadline)`. The method is linear, not
  compound: follower counts and reach grow roughly linearly over the months of a plan,
  and a compound forecast from two points overshoots badly. It is the forecast
  `realistic/behind-pace` judges;
- `on_track`: whether the forecast meets the target: at least `target` for `increase`
  and `maintain`, at most `target` for `decrease` (the direction when set, else
  inferred from baseline and target, see `Target.heading`): exactly when
  `realistic/behind-pace` says nothing. Without a forecast a target already met counts
  as on track; once the deadline has passed, on track means met. None when it cannot
  be told (no baseline, no target value, no results, no deadline, or a single result
  on the start date and the target not met).

Signs follow the metric: a falling metric has negative paces. Every figure that cannot
be computed is None (`null` in JSON).

Objectives are put in risk order by `by_risk`: those with a target off track first
(the furthest behind first, by how much of the way the forecast misses), then those
that cannot be judged yet, then those on track (the least far along first); the plan's
order breaks ties.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from posttui.core.model import Direction, Objective, Plan, Result, Target

PACE_DAYS = 30  # paces are per 30 days


def meets(value: float, target: float, heading: Direction) -> bool:
    """Whether `value` reaches `target` for a metric going `heading`."""
    return value <= target if heading == "decrease" else value >= target


def latest_result(target: Target) -> Result | None:
    """The result with the latest date (of two on one date, the later in the list)."""
    latest: Result | None = None
    for result in target.results:
        if latest is None or result.date >= latest.date:
            latest = result
    return latest


def reached_on(target: Target) -> date | None:
    """The first date a result met the target's value; None if none has (or no value)."""
    heading = target.heading()
    if target.target is None or heading is None:
        return None
    dates = [r.date for r in target.results if meets(r.value, target.target, heading)]
    return min(dates, default=None)


@dataclass(frozen=True, slots=True)
class TargetProgress:
    """Where one target stands; see the module's docstring for each figure."""

    objective: str  # the objective's id
    index: int  # the target's place among the objective's targets
    platform: str | None
    source: str | None
    metric: str | None
    heading: Direction | None
    baseline: float | None
    latest: float | None
    latest_date: date | None
    target: float | None
    start: date | None  # the start the paces are measured from
    deadline: date | None
    percent: float | None
    pace_needed: float | None
    pace_actual: float | None
    forecast: float | None
    on_track: bool | None
    reached: date | None  # the first date a result met the target
    results: tuple[tuple[date, float], ...]  # in date order, for charts

    @property
    def label(self) -> str:
        """`platform/metric` (the source where no platform is named)."""
        return f"{self.platform or self.source or '-'}/{self.metric or '-'}"

    def days_since_latest(self, today: date) -> int | None:
        return None if self.latest_date is None else (today - self.latest_date).days

    def to_json(self) -> dict[str, Any]:
        """The `posttui progress --format json` entry (the contract's keys, in its order)."""
        return {
            "objective": self.objective,
            "platform": self.platform,
            "metric": self.metric,
            "baseline": self.baseline,
            "latest": self.latest,
            "latest_date": self.latest_date.isoformat() if self.latest_date else None,
            "target": self.target,
            "percent": _rounded(self.percent),
            "pace_needed": _rounded(self.pace_needed),
            "pace_actual": _rounded(self.pace_actual),
            "forecast": _rounded(self.forecast),
            "on_track": self.on_track,
        }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def pace(baseline: float, start: date, value: float, on: date) -> float | None:
    """The change per 30 days on the straight line from `baseline` at `start` to `value`
    on `on`; None unless `on` is after `start`."""
    days = (on - start).days
    return None if days <= 0 else PACE_DAYS * (value - baseline) / days


def forecast(baseline: float, start: date, value: float, on: date, deadline: date) -> float | None:
    """The value at `deadline` on the straight line from `baseline` at `start` through
    `value` on `on`; None unless `on` is after `start`."""
    days = (on - start).days
    if days <= 0:
        return None
    return baseline + (value - baseline) * (deadline - start).days / days


def target_progress(
    target: Target,
    objective: Objective,
    index: int = 0,
    today: date | None = None,
    period_end: date | None = None,
) -> TargetProgress:
    """Where `target` of `objective` stands on `today` (default: the real date); an
    objective without a deadline is due at `period_end` (the plan's)."""
    today = today or date.today()
    deadline = objective.deadline or period_end
    heading = target.heading()
    ordered = sorted(target.results, key=lambda result: result.date)  # stable
    last = ordered[-1] if ordered else None
    start = objective.start or (ordered[0].date if ordered else None)
    baseline, value = target.baseline, target.target
    latest = last.value if last else None
    current = latest if latest is not None else baseline

    percent = None
    if latest is not None and value is not None:
        if heading == "maintain" or (baseline is not None and baseline == value):
            percent = 100.0 if latest >= value else (100 * latest / value if value > 0 else None)
        elif baseline is not None:
            percent = max(0.0, 100 * (latest - baseline) / (value - baseline))

    pace_needed = None
    if value is not None and current is not None and deadline is not None and deadline > today:
        days_left = (deadline - today).days
        if heading == "maintain":
            pace_needed = PACE_DAYS * max(0.0, value - current) / days_left
        else:
            pace_needed = PACE_DAYS * (value - current) / days_left

    pace_actual = expected = None
    if last is not None and baseline is not None and start is not None:
        pace_actual = pace(baseline, start, last.value, last.date)
        if deadline is not None:
            expected = forecast(baseline, start, last.value, last.date, deadline)

    on_track = None
    if latest is not None and value is not None and heading is not None:
        met = meets(latest, value, heading)
        if deadline is not None and deadline <= today:
            on_track = met
        elif expected is not None:
            on_track = meets(expected, value, heading)  # as realistic/behind-pace judges
        elif met:
            on_track = True

    return TargetProgress(
        objective=objective.id,
        index=index,
        platform=target.platform,
        source=target.source,
        metric=target.metric,
        heading=heading,
        baseline=baseline,
        latest=latest,
        latest_date=last.date if last else None,
        target=value,
        start=start,
        deadline=deadline,
        percent=percent,
        pace_needed=pace_needed,
        pace_actual=pace_actual,
        forecast=expected,
        on_track=on_track,
        reached=reached_on(target),
        results=tuple((result.date, result.value) for result in ordered),
    )


@dataclass(frozen=True, slots=True)
class ObjectiveProgress:
    """An objective's targets' progress, and how much it is at risk (higher: more)."""

    objective: str
    index: int  # the objective's place in the plan
    statement: str
    targets: tuple[TargetProgress, ...]
    risk: float

    @property
    def on_track(self) -> bool | None:
        """False if any target is off track; True if all that can be told are on track
        and one at least can; else None."""
        told = [t.on_track for t in self.targets if t.on_track is not None]
        if False in told:
            return False
        return True if told else None


def target_risk(progress: TargetProgress) -> float:
    """Off track: 2 and more (2 + the share of the way the forecast misses by); cannot be
    told: 1; on track: below 1 (the less of the way come, the higher)."""
    if progress.on_track is None:
        return 1.0
    if progress.on_track:
        done = min(progress.percent if progress.percent is not None else 100.0, 100.0)
        return 0.99 * (1 - done / 100)
    base, value, end = progress.baseline, progress.target, progress.forecast
    if end is None:
        end = progress.latest
    if base is None or value is None or end is None or value == base:
        return 2.0
    return 2.0 + max(0.0, (value - end) / (value - base))


def plan_progress(plan: Plan, today: date | None = None) -> list[ObjectiveProgress]:
    """Every objective's progress, in the plan's order (objectives without targets too)."""
    today = today or plan.plan.as_of or date.today()
    period_end = plan.plan.period_end
    found = []
    for index, objective in enumerate(plan.objectives):
        targets = tuple(
            target_progress(target, objective, at, today, period_end)
            for at, target in enumerate(objective.targets)
        )
        risk = max((target_risk(t) for t in targets), default=1.0)
        found.append(ObjectiveProgress(objective.id, index, objective.statement, targets, risk))
    return found


def by_risk(objectives: Iterable[ObjectiveProgress]) -> list[ObjectiveProgress]:
    """The objectives most at risk first; the plan's order among equals."""
    return sorted(objectives, key=lambda progress: (-progress.risk, progress.index))


def targets(plan: Plan, today: date | None = None) -> list[TargetProgress]:
    """Every target's progress, objective by objective in the plan's order."""
    return [t for objective in plan_progress(plan, today) for t in objective.targets]
