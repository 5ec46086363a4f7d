"""Plans built in code for the rule tests: a clean plan (no findings on TODAY) with one
part replaced, and plans on which every rule and every message variant fires."""

from __future__ import annotations

from datetime import date
from typing import Any

from posttui.core.model import (
    Initiative,
    Involvement,
    Objective,
    Plan,
    PlanInfo,
    Platform,
    Segment,
    Settings,
    Strategy,
    Target,
    Technology,
)

TODAY = date(2027, 1, 1)
START = date(2027, 1, 1)
DEADLINE = date(2027, 7, 1)


def target(**overrides: Any) -> Target:
    fields: dict[str, Any] = {
        "platform": "instagram",
        "metric": "followers",
        "baseline": 1200,
        "target": 1500,
    }
    return Target(**(fields | overrides))


def objective(**overrides: Any) -> Objective:
    fields: dict[str, Any] = {
        "id": "grow-instagram",
        "statement": "Grow Instagram followers among students from 1 200 to 1 500 by July",
        "kind": "talking",
        "segments": ["students"],
        "owner": "Kari Nordmann",
        "why": "More students drop in on weekdays",
        "start": START,
        "deadline": DEADLINE,
        "targets": [target()],
    }
    return Objective(**(fields | overrides))


def segment(**overrides: Any) -> Segment:
    fields: dict[str, Any] = {
        "id": "students",
        "name": "Students in Trondheim",
        "size": 12000,
        "platforms": ["instagram"],
        "involvement": involvement(),
    }
    return Segment(**(fields | overrides))


def involvement(*shares: float, debaters: float = 9, advanced: float = 5) -> Involvement:
    """Brandtzæg's five shares; with no `shares`, the Norwegian averages (34/29/23/9/5)."""
    names = ("socializers", "lurkers", "sporadics", "debaters", "advanced")
    values = shares or (34, 29, 23, debaters, advanced)
    return Involvement(**dict(zip(names, values, strict=False)))


def make_plan(
    *,
    objectives: list[Objective] | None = None,
    segments: list[Segment] | None = None,
    initiatives: list[Initiative] | None = None,
    platforms: list[str] | None = None,
    language: str | None = None,
    as_of: date | None = TODAY,
    max_monthly_growth: float | None = None,
    relationship: str = "From an anonymous café to the students' regular meeting place",
) -> Plan:
    """A plan with no findings on TODAY; each argument replaces one part of it."""
    objectives = [objective()] if objectives is None else objectives
    if initiatives is None:  # one initiative serving every objective
        ids = [o.id for o in objectives]
        initiatives = [Initiative(id="weekly-reels", objectives=ids, platforms=["instagram"])]
    return Plan(
        format=1,
        plan=PlanInfo(title="Kafé Solsiden", language=language, as_of=as_of),
        settings=Settings(max_monthly_growth=max_monthly_growth),
        people={"segments": [segment()] if segments is None else segments},
        objectives=objectives,
        strategy=Strategy(relationship=relationship, initiatives=initiatives),
        technology=Technology(
            platforms=[Platform(id=p) for p in (platforms or ["instagram"])],
        ),
    )


def every_wrong_plan() -> list[Plan]:
    """Plans on which every rule, and every message variant, fires: two, as a segment
    without platforms (people/no-platforms) keeps technology/unused-platform silent."""
    return [everything_wrong(), _the_rest_wrong(), _results_wrong()]


def _results_wrong() -> Plan:
    """Results against targets: one behind pace and stale, one that reached its target
    before its deadline passed (time-bound/passed says when)."""
    from posttui.core.model import Result

    behind = target(baseline=100, target=1000, results=[Result(date=date(2026, 7, 1), value=150)])
    reached = target(baseline=1, target=10, results=[Result(date=date(2026, 11, 1), value=12)])
    objectives = [
        objective(id="r1", start=date(2026, 1, 1), deadline=date(2027, 6, 30), targets=[behind]),
        objective(id="r2", start=date(2026, 1, 1), deadline=date(2026, 12, 1), targets=[reached]),
    ]
    return make_plan(objectives=objectives)


def _the_rest_wrong() -> Plan:
    """What the first plan cannot show: findings whose cause it reports already, and
    what needs a plan period or a decreasing target."""
    decline = target(metric="complaints", direction="decrease", baseline=1000, target=10)
    objectives = [
        objective(id="a", primary=True, start=date(2026, 6, 1), targets=[decline]),
        objective(id="b", primary=True, deadline=date(2029, 1, 1)),
        objective(id="c", statement="Build an online fan base among students"),
        objective(id="d", segments=["students", "parents", "staff", "press", "x"]),
    ]
    names = ("students", "parents", "staff", "press", "x")
    segments = [segment(id=name) for name in names]
    plan = make_plan(objectives=objectives, segments=segments, platforms=["instagram", "snapchat"])
    plan.plan.period_start = date(2027, 1, 1)
    plan.plan.period_end = date(2028, 12, 31)
    plan.strategy.initiatives.append(Initiative(id="orphan", platforms=["myspace"]))
    return plan


def everything_wrong() -> Plan:
    """A plan on which nearly every rule, and nearly every message variant, fires."""
    segments = [
        segment(id="students", size=10, platforms=[], involvement=involvement(40, 30, 20, 4.5, 4)),
        segment(id="students", platforms=["facebook"]),
        segment(id="nobody"),  # no objective names it
    ]
    targets = [
        target(platform="tiktok", metric="followers", baseline=10.5, target=10.5),
        target(platform=None, metric=None, baseline=None, target=1),
        target(platform="instagram", baseline=1, target=10**6),
    ]
    objectives = [
        objective(id="a", statement="Grow", kind="embracing", owner="", why="", targets=targets),
        objective(id="e", kind=None, targets=[target(target=None)]),
        objective(id="a", statement="Improve our Instagram presence", segments=["ghost"]),
        objective(id="c", segments=[], deadline=None, targets=[target(platform="tiktok")]),
        objective(id="d", targets=[], start=date(2027, 8, 1), deadline=date(2026, 1, 1)),
    ]
    initiatives = [
        Initiative(id="x", objectives=["a", "nowhere"]),
        Initiative(id="x", objectives=["a"]),
    ]
    return make_plan(
        segments=segments,
        objectives=objectives,
        initiatives=initiatives,
        platforms=["instagram", "instagram", "snapchat"],
        relationship="",
        max_monthly_growth=0.1,
    )
