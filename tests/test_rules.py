"""The check rules against the contract (the format's table "Rules that must exist").

Every rule is shown to fire and not to fire at its threshold, and each finding carries
the contract's rule id, severity, subject and key path. Plans are built from a clean
plan (no findings at all) with just the part under test changed.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest

from posttui.core.catalog import FINDINGS
from posttui.core.i18n import LANGUAGES
from posttui.core.loader import parse
from posttui.core.model import (
    Initiative,
    Plan,
    Target,
)
from posttui.core.rules import RULES, Finding, Severity, lint
from support.built import (
    DEADLINE,
    START,
    TODAY,
    every_wrong_plan,
    involvement,
    make_plan,
    objective,
    segment,
    target,
)

DAYS_PER_MONTH = 30.44  # the contract's month

# The contract's table: rule id -> severity.
CONTRACT_RULES = {
    "specific/vague": Severity.WARNING,
    "specific/no-audience": Severity.WARNING,
    "measurable/no-target": Severity.WARNING,
    "measurable/no-baseline": Severity.WARNING,
    "attractive/no-owner": Severity.WARNING,
    "attractive/no-why": Severity.INFO,  # format 2: info
    "realistic/no-change": Severity.WARNING,
    "realistic/growth": Severity.WARNING,
    "realistic/exceeds-audience": Severity.WARNING,
    "time-bound/no-deadline": Severity.WARNING,
    "time-bound/passed": Severity.WARNING,
    "time-bound/start-after-deadline": Severity.WARNING,
    "people/no-platforms": Severity.WARNING,
    "people/involvement-sum": Severity.WARNING,
    "objectives/no-strategy": Severity.INFO,
    "objectives/audience-fit": Severity.WARNING,
    "technology/audience-absent": Severity.WARNING,
    "technology/not-in-mix": Severity.WARNING,
    "technology/unused-platform": Severity.WARNING,
    "plan/unknown-ref": Severity.ERROR,
    "plan/duplicate-id": Severity.ERROR,
    # format 2
    "objectives/no-kind": Severity.WARNING,
    "objectives/no-focus": Severity.INFO,
    "objectives/several-primary": Severity.WARNING,
    "measurable/no-target-value": Severity.WARNING,
    "strategy/orphan-initiative": Severity.WARNING,
    "people/untargeted-segment": Severity.INFO,
    "specific/everyone": Severity.INFO,
    "time-bound/outside-period": Severity.INFO,
    # format 2: results against targets
    "realistic/behind-pace": Severity.WARNING,
    "measurable/stale-results": Severity.INFO,
}
# Rules the project adds on top of the contract.
EXTRA_RULES = {
    "measurable/no-metric": Severity.WARNING,
    "technology/no-platform": Severity.WARNING,
    "strategy/no-relationship": Severity.INFO,  # advice, like objectives/no-strategy
    "strategy/platform-not-in-mix": Severity.WARNING,
}
SEVERITY = CONTRACT_RULES | EXTRA_RULES

EN_VAGUE = ("improve", "increase", "more", "better", "grow", "boost", "enhance", "maximize")
NB_VAGUE = ("øke", "bedre", "forbedre", "mer", "flere", "styrke")
# Word forms the message names too (øk*, forbedr*, increas*, ...).
EN_VAGUE_FORMS = ("increasing", "improved", "growth", "boosting", "maximise", "strengthen")
NB_VAGUE_FORMS = ("økt", "økning", "forbedret", "styrking", "auke", "fleire")

BAD = "reach-students"  # id of the objective under test: the second one, objectives[1]


# ---- building plans: support/built.py ----


def with_objective(**overrides: Any) -> Plan:
    """The clean plan plus a second objective, `BAD`, with `overrides`."""
    return make_plan(objectives=[objective(), objective(id=BAD, **overrides)])


def findings(plan: Plan, rule: str, today: date | None = None) -> list[Finding]:
    assert rule in RULES, rule
    return [f for f in lint(plan, today) if f.rule == rule]


def assert_fires(
    plan: Plan, rule: str, subject: str, path: str, today: date | None = None
) -> Finding:
    """`rule` fires exactly once, about `subject` at `path`, with the contract's severity."""
    found = findings(plan, rule, today)
    assert [(f.subject, f.path) for f in found] == [(subject, path)]
    finding = found[0]
    assert finding.severity == SEVERITY[rule]
    assert finding.message.strip()
    assert "{" not in finding.message
    return finding


def assert_silent(plan: Plan, rule: str, today: date | None = None) -> None:
    assert findings(plan, rule, today) == []


# ---- the registry and the clean baseline ----


def test_registry_holds_every_contract_rule_with_its_severity() -> None:
    registered = {rule_id: rule.severity for rule_id, rule in RULES.items()}
    assert {r: registered.get(r) for r in CONTRACT_RULES} == CONTRACT_RULES


def test_extra_rules_are_registered() -> None:
    assert {r: RULES[r].severity for r in EXTRA_RULES} == EXTRA_RULES


def test_clean_plan_has_no_findings() -> None:
    # Every "does not fire" test below starts from this plan.
    assert lint(make_plan(), TODAY) == []
    assert lint(with_objective(), TODAY) == []


def test_plan_from_toml_text_is_checked_like_the_same_plan_from_models() -> None:
    text = """
format = 1
[plan]
title = "Kafé"
as_of = 2027-01-01
[[objectives]]
id = "grow-instagram"
statement = "Grow"
"""
    rules = {f.rule for f in lint(parse(text))}
    assert {"specific/vague", "measurable/no-target", "time-bound/no-deadline"} <= rules


# ---- specific ----


@pytest.mark.parametrize(
    ("statement", "fires"),
    [
        ("3 Reels weekly", True),
        ("  3   Reels\tweekly  ", True),
        ("3 Reels every week", False),
        ("Instagram", True),
    ],
)
def test_vague_fewer_than_four_words(statement: str, fires: bool) -> None:
    plan = with_objective(statement=statement)
    if fires:
        finding = assert_fires(plan, "specific/vague", BAD, "objectives[1].statement")
        assert "too short" in finding.message
    else:
        assert_silent(plan, "specific/vague")


@pytest.mark.parametrize("word", EN_VAGUE)
@pytest.mark.parametrize("case", [str.lower, str.upper, str.capitalize])
def test_vague_english_word_without_digit(word: str, case: Any) -> None:
    statement = f"{case(word)} our presence among students on Instagram"
    plan = with_objective(statement=statement)
    plan.plan.language = "en"
    finding = assert_fires(plan, "specific/vague", BAD, "objectives[1].statement")
    assert case(word) in finding.message


@pytest.mark.parametrize("word", NB_VAGUE)
@pytest.mark.parametrize("case", [str.lower, str.upper, str.capitalize])
def test_vague_norwegian_word_without_digit(word: str, case: Any) -> None:
    plan = with_objective(statement=f"{case(word)} synlighet blant studenter på Instagram")
    plan.plan.language = "nb"
    finding = assert_fires(plan, "specific/vague", BAD, "objectives[1].statement")
    assert case(word) in finding.message


@pytest.mark.parametrize(
    ("word", "language"),
    [*((w, "en") for w in EN_VAGUE_FORMS), *((w, "nb") for w in NB_VAGUE_FORMS)],
)
def test_vague_word_forms_are_named(word: str, language: str) -> None:
    plan = with_objective(statement=f"{word.capitalize()} of our reach among students")
    plan.plan.language = language
    finding = assert_fires(plan, "specific/vague", BAD, "objectives[1].statement")
    assert word.capitalize() in finding.message


@pytest.mark.parametrize(
    "statement",
    [
        "Build an online fan base among students",  # no listed word, no quantity
        "Skape et positivt omdømme blant studenter",
        "Effective communication with our audiences online",
        "We need a presence on Instagram",
    ],
)
def test_vague_without_a_listed_word_when_no_quantity(statement: str) -> None:
    finding = assert_fires(
        with_objective(statement=statement), "specific/vague", BAD, "objectives[1].statement"
    )
    assert "no quantity" in finding.message


@pytest.mark.parametrize(
    ("statement", "language"),
    [
        ("Increase brand awareness among students in 2025", "en"),  # a year is no quantity
        ("Increase brand awareness 2024-2028 among students", "en"),
        ("Increase followers among students by 30 June 2027", "en"),
        ("Increase followers among students by June 30th", "en"),
        ("Increase followers among students by 2027-06-30", "en"),
        ("Boost reach in Q3 among students", "en"),
        ("Increase followers among students before week 12", "en"),
        ("Øke følgere blant studenter innen 30. juni 2027", "nb"),
        ("Flere studenter innom i uke 12", "nb"),
        ("Øke synligheten i 2. kvartal 2027", "nb"),
        ("Øke synligheten innen 31.12.2027 blant studenter", "nb"),
        ("Covid-19 information for all students online", "en"),  # part of a name
        ("More B2B leads from LinkedIn campaigns", "en"),
    ],
)
def test_vague_years_and_dates_are_no_quantity(statement: str, language: str) -> None:
    plan = with_objective(statement=statement)
    plan.plan.language = language
    assert_fires(plan, "specific/vague", BAD, "objectives[1].statement")


@pytest.mark.parametrize(
    ("statement", "language"),
    [
        ("Increase Instagram followers among students to 2 500", "en"),
        ("Reach 2000 followers among students by 2027", "en"),  # 2000 of something
        ("Grow Instagram followers by 5 percent this spring", "en"),
        ("Grow Instagram followers by 5 % this spring", "en"),
        ("Grow Instagram followers by x % this spring", "en"),  # a placeholder
        ("Grow Instagram followers by [number] this spring", "en"),
        ("Double Instagram followers among students", "en"),
        ("Answer every message within two hours", "en"),
        ("Get 10k followers among students", "en"),
        ("Øke antall følgere blant studenter til 2 000", "nb"),
        ("Øke andelen fornøyde brukere med XX %", "nb"),
        ("Doble antall følgere blant studenter", "nb"),
        ("Svare på alle meldinger innen to timer", "nb"),
        ("Nå halvparten av studentene i byen", "nb"),
        ("Øke til 2000 følgere innen 2027", "nb"),
    ],
)
def test_vague_a_quantity_is_specific(statement: str, language: str) -> None:
    plan = with_objective(statement=statement)
    plan.plan.language = language
    assert_silent(plan, "specific/vague")


@pytest.mark.parametrize(
    ("statement", "language"),
    [
        ("Moreover, post Reels from the café", "en"),
        ("Søke samarbeid med studentforeningen i byen", "nb"),
        ("Merkevaren skal kjennes igjen blant studenter", "nb"),
        ("Flerespråklige innlegg for turister i sentrum", "nb"),
        ("Bedre økonomi for kafeen gjennom sosiale medier", "en"),  # not the plan's language
    ],
)
def test_vague_word_matches_words_not_parts_of_words(statement: str, language: str) -> None:
    plan = with_objective(statement=statement)
    plan.plan.language = language
    finding = assert_fires(plan, "specific/vague", BAD, "objectives[1].statement")
    assert "no quantity" in finding.message  # no listed word named


@pytest.mark.parametrize(
    ("statement", "language", "fires"),
    [
        ("Post to students three times a week", "en", False),  # an English number word
        ("Post to students on Instagram weekly", "en", True),  # English 'to' is no number
        ("Post to students on Instagram weekly", None, True),
        ("Publisere to innlegg i uka på Instagram", "nb", False),  # Norwegian 'to' is two
        ("Publisere to innlegg i uka på Instagram", None, False),  # looks Norwegian
        ("Publisere to innlegg i uka på Instagram", "nn", False),
    ],
)
def test_vague_number_words_by_language(statement: str, language: str | None, fires: bool) -> None:
    plan = with_objective(statement=statement)
    plan.plan.language = language  # type: ignore[assignment]
    if fires:
        assert_fires(plan, "specific/vague", BAD, "objectives[1].statement")
    else:
        assert_silent(plan, "specific/vague")


@pytest.mark.parametrize(
    ("statement", "language", "named"),
    [
        ("Better presence among students on Instagram", "en", True),
        ("Better presence among students on Instagram", "nb", False),
        ("Better presence among students on Instagram", None, True),
        ("Bedre synlighet blant studenter på Instagram", "nb", True),
        ("Bedre synlighet blant studenter på Instagram", "nn", True),
        ("Bedre synlighet blant studenter på Instagram", "en", False),
        ("Bedre synlighet blant studenter på Instagram", None, True),
    ],
)
def test_vague_words_named_follow_the_plans_language(
    statement: str, language: str | None, named: bool
) -> None:
    plan = with_objective(statement=statement)
    plan.plan.language = language  # type: ignore[assignment]
    finding = assert_fires(plan, "specific/vague", BAD, "objectives[1].statement")
    assert (statement.split()[0] in finding.message) == named


@pytest.mark.parametrize(("segments", "fires"), [([], True), (["students"], False)])
def test_no_audience(segments: list[str], fires: bool) -> None:
    plan = with_objective(segments=segments)
    if fires:
        assert_fires(plan, "specific/no-audience", BAD, "objectives[1].segments")
    else:
        assert_silent(plan, "specific/no-audience")


# ---- measurable ----


@pytest.mark.parametrize(("targets", "fires"), [([], True), ([target()], False)])
def test_no_target(targets: list[Target], fires: bool) -> None:
    plan = with_objective(targets=targets)
    if fires:
        assert_fires(plan, "measurable/no-target", BAD, "objectives[1].targets")
    else:
        assert_silent(plan, "measurable/no-target")


@pytest.mark.parametrize(("baseline", "fires"), [(None, True), (0, False), (1200, False)])
def test_no_baseline(baseline: int | None, fires: bool) -> None:
    plan = with_objective(targets=[target(), target(baseline=baseline)])
    if fires:
        path = "objectives[1].targets[1].baseline"
        assert_fires(plan, "measurable/no-baseline", BAD, path)
    else:
        assert_silent(plan, "measurable/no-baseline")


@pytest.mark.parametrize(("metric", "fires"), [(None, True), ("followers", False)])
def test_no_metric(metric: str | None, fires: bool) -> None:
    plan = with_objective(targets=[target(), target(metric=metric)])
    if fires:
        assert_fires(plan, "measurable/no-metric", BAD, "objectives[1].targets[1].metric")
    else:
        assert_silent(plan, "measurable/no-metric")


# ---- attractive ----


@pytest.mark.parametrize("field", ["owner", "why"])
@pytest.mark.parametrize(("value", "fires"), [("", True), ("  \n ", True), ("Kari", False)])
def test_no_owner_and_no_why(field: str, value: str, fires: bool) -> None:
    plan = with_objective(**{field: value})
    rule = f"attractive/no-{field}"
    if fires:
        assert_fires(plan, rule, BAD, f"objectives[1].{field}")
    else:
        assert_silent(plan, rule)


# ---- realistic ----


@pytest.mark.parametrize(
    ("baseline", "value", "fires"),
    [(1200, 1200, True), (1200, 1200.0, True), (1200, 1201, False), (None, 1200, False)],
)
def test_no_change(baseline: float | None, value: float, fires: bool) -> None:
    plan = with_objective(targets=[target(baseline=baseline, target=value)])
    if fires:
        assert_fires(plan, "realistic/no-change", BAD, "objectives[1].targets[0].target")
    else:
        assert_silent(plan, "realistic/no-change")


def growth_boundary(baseline: float, limit: float, start: date, deadline: date) -> float:
    """The target at which (target/baseline)^(1/months) - 1 equals `limit`."""
    months = (deadline - start).days / DAYS_PER_MONTH
    return baseline * (1 + limit) ** months


@pytest.mark.parametrize(("setting", "limit"), [(None, 0.15), (0.3, 0.3), (1, 1.0)])
@pytest.mark.parametrize(("factor", "fires"), [(1.001, True), (0.999, False)])
def test_growth_around_max_monthly_growth(
    setting: float | None, limit: float, factor: float, fires: bool
) -> None:
    value = growth_boundary(1000, limit, START, DEADLINE) * factor
    plan = make_plan(
        objectives=[objective(), objective(id=BAD, targets=[target(baseline=1000, target=value)])],
        max_monthly_growth=setting,
    )
    if fires:
        assert_fires(plan, "realistic/growth", BAD, "objectives[1].targets[0].target")
    else:
        assert_silent(plan, "realistic/growth")


def test_growth_allowed_by_a_higher_setting_does_not_fire() -> None:
    value = growth_boundary(1000, 0.15, START, DEADLINE) * 1.5
    tight = with_objective(targets=[target(baseline=1000, target=value)])
    assert_fires(tight, "realistic/growth", BAD, "objectives[1].targets[0].target")
    loose = make_plan(objectives=tight.objectives, max_monthly_growth=0.5)
    assert_silent(loose, "realistic/growth")


@pytest.mark.parametrize("today_from", ["lint", "as_of"])
@pytest.mark.parametrize(("factor", "fires"), [(1.001, True), (0.999, False)])
def test_growth_without_start_counts_from_today(
    today_from: str, factor: float, fires: bool
) -> None:
    today = date(2027, 3, 15)  # later than START: fewer months, a lower boundary
    value = growth_boundary(1000, 0.15, today, DEADLINE) * factor
    bad = objective(id=BAD, start=None, targets=[target(baseline=1000, target=value)])
    plan = make_plan(objectives=[objective(), bad], as_of=today if today_from == "as_of" else None)
    lint_today = today if today_from == "lint" else None
    if fires:
        path = "objectives[1].targets[0].target"
        assert_fires(plan, "realistic/growth", BAD, path, today=lint_today)
    else:
        assert_silent(plan, "realistic/growth", today=lint_today)


@pytest.mark.parametrize("baseline", [0, 0.0, None])
def test_growth_never_fires_without_a_positive_baseline(baseline: float | None) -> None:
    plan = with_objective(targets=[target(baseline=baseline, target=10**9)])
    assert_silent(plan, "realistic/growth")


def test_growth_needs_a_deadline() -> None:
    plan = with_objective(deadline=None, targets=[target(baseline=1, target=10**9)])
    assert_silent(plan, "realistic/growth")


def audience_plan(metric: str | None, value: float, sizes: tuple[int | None, ...]) -> Plan:
    ids = [f"segment-{i}" for i in range(len(sizes))]
    segments = [segment(id=i, size=size) for i, size in zip(ids, sizes, strict=True)]
    bad = objective(id=BAD, segments=ids, targets=[target(metric=metric, target=value)])
    return make_plan(objectives=[objective(segments=[]), bad], segments=segments)


@pytest.mark.parametrize("metric", ["followers", "reach"])
@pytest.mark.parametrize(
    ("sizes", "value", "fires"),
    [
        ((5000, 7000), 12001, True),
        ((5000, 7000), 12000, False),
        ((12000,), 12000.5, True),
        ((0,), 1, True),
        ((5000, None), 10**9, False),
        ((None,), 10**9, False),
    ],
)
def test_exceeds_audience(
    metric: str, sizes: tuple[int | None, ...], value: float, fires: bool
) -> None:
    plan = audience_plan(metric, value, sizes)
    if fires:
        path = "objectives[1].targets[0].target"
        assert_fires(plan, "realistic/exceeds-audience", BAD, path)
    else:
        assert_silent(plan, "realistic/exceeds-audience")


@pytest.mark.parametrize("metric", ["engagement-rate", "leads", "followers-growth", None])
def test_exceeds_audience_only_for_followers_and_reach(metric: str | None) -> None:
    assert_silent(audience_plan(metric, 10**9, (100,)), "realistic/exceeds-audience")


def test_exceeds_audience_needs_named_segments() -> None:
    plan = with_objective(segments=[], targets=[target(target=10**9)])
    assert_silent(plan, "realistic/exceeds-audience")


def test_exceeds_audience_needs_every_named_segment_known() -> None:
    # An unknown segment has no size, so the audience is not known.
    plan = with_objective(segments=["students", "ghost"], targets=[target(target=10**9)])
    assert_silent(plan, "realistic/exceeds-audience")


# ---- time-bound ----


@pytest.mark.parametrize(("deadline", "fires"), [(None, True), (DEADLINE, False)])
def test_no_deadline(deadline: date | None, fires: bool) -> None:
    plan = with_objective(deadline=deadline)
    if fires:
        assert_fires(plan, "time-bound/no-deadline", BAD, "objectives[1].deadline")
    else:
        assert_silent(plan, "time-bound/no-deadline")


@pytest.mark.parametrize(("days", "fires"), [(-1, True), (0, False), (1, False)])
@pytest.mark.parametrize("today_from", ["lint", "as_of", "lint over as_of"])
def test_passed(days: int, fires: bool, today_from: str) -> None:
    today = date(2027, 5, 20)
    plan = make_plan(
        objectives=[objective(), objective(id=BAD, start=None, deadline=today + timedelta(days))]
    )
    plan.plan.as_of = {"lint": None, "as_of": today, "lint over as_of": date(2030, 1, 1)}[
        today_from
    ]
    lint_today = None if today_from == "as_of" else today
    if fires:
        path = "objectives[1].deadline"
        assert_fires(plan, "time-bound/passed", BAD, path, today=lint_today)
    else:
        assert_silent(plan, "time-bound/passed", today=lint_today)


def test_passed_uses_the_real_date_without_today_or_as_of() -> None:
    plan = make_plan(
        objectives=[objective(), objective(id=BAD, start=None, deadline=date(2000, 1, 1))],
        as_of=None,
    )
    assert_fires(plan, "time-bound/passed", BAD, "objectives[1].deadline")


@pytest.mark.parametrize(("days", "fires"), [(1, True), (0, False), (-1, False)])
def test_start_after_deadline(days: int, fires: bool) -> None:
    plan = with_objective(start=DEADLINE + timedelta(days), deadline=DEADLINE)
    if fires:
        assert_fires(plan, "time-bound/start-after-deadline", BAD, "objectives[1].start")
    else:
        assert_silent(plan, "time-bound/start-after-deadline")


# ---- people ----


@pytest.mark.parametrize(("platforms", "fires"), [([], True), (["instagram"], False)])
def test_no_platforms(platforms: list[str], fires: bool) -> None:
    plan = make_plan(segments=[segment(), segment(id="parents", platforms=platforms)])
    if fires:
        assert_fires(plan, "people/no-platforms", "parents", "people.segments[1].platforms")
    else:
        assert_silent(plan, "people/no-platforms")


@pytest.mark.parametrize(
    ("shares", "fires"),
    [
        ((34, 29, 23, 9, 5), False),
        ((34, 29, 23, 9, 4), False),  # 99
        ((34, 29, 23, 9, 6), False),  # 101
        ((34, 29, 23, 9, 3.9), True),  # 98.9
        ((34, 29, 23, 9, 6.1), True),  # 101.1
        ((41.3, 42.4, 15.3), False),  # 99.0 in decimals
        ((94.8, 0.1, 4.1), False),  # 99.0 in decimals
        ((93.2, 2.4, 5.4), False),  # 101.0 in decimals
        ((100,), False),  # unset shares count as 0
        ((50,), True),
        ((0, 0, 0, 0, 0), True),
    ],
)
def test_involvement_sum_is_100_plus_minus_1(shares: tuple[float, ...], fires: bool) -> None:
    segments = [segment(), segment(id="parents", involvement=involvement(*shares))]
    plan = make_plan(segments=segments)
    if fires:
        path = "people.segments[1].involvement"
        assert_fires(plan, "people/involvement-sum", "parents", path)
    else:
        assert_silent(plan, "people/involvement-sum")


def test_involvement_sum_needs_involvement() -> None:
    assert_silent(make_plan(segments=[segment(involvement=None)]), "people/involvement-sum")


# ---- objectives and strategy ----


def test_no_strategy_fires_for_an_objective_no_initiative_lists() -> None:
    initiatives = [Initiative(id="weekly-reels", objectives=["grow-instagram"])]
    plan = make_plan(objectives=[objective(), objective(id=BAD)], initiatives=initiatives)
    assert_fires(plan, "objectives/no-strategy", BAD, "objectives[1].id")


def test_no_strategy_is_silent_when_some_initiative_lists_the_objective() -> None:
    initiatives = [
        Initiative(id="weekly-reels", objectives=["grow-instagram"]),
        Initiative(id="student-days", objectives=[BAD]),
    ]
    plan = make_plan(objectives=[objective(), objective(id=BAD)], initiatives=initiatives)
    assert_silent(plan, "objectives/no-strategy")


def fit_plan(kind: str | None, *shares: tuple[float, float] | None) -> Plan:
    """An objective of `kind` for one segment per (debaters, advanced) share pair."""
    ids = [f"segment-{i}" for i in range(len(shares))]
    segments = [
        segment(id=i, involvement=None if s is None else involvement(debaters=s[0], advanced=s[1]))
        for i, s in zip(ids, shares, strict=True)
    ]
    bad = objective(id=BAD, kind=kind, segments=ids)
    return make_plan(objectives=[objective(segments=[]), bad], segments=segments)


@pytest.mark.parametrize("kind", ["energizing", "supporting", "embracing"])
@pytest.mark.parametrize(
    ("shares", "fires"),
    [
        (((4.9, 5),), True),  # 9.9
        (((5, 5),), False),  # 10
        (((0, 0),), True),
        (((4.9, 5), (9.9, 0)), True),
        (((4.9, 5), (5, 5)), False),  # one segment takes part enough
        (((4.9, 5), None), False),  # one segment without involvement
    ],
)
def test_audience_fit_for_active_kinds(
    kind: str, shares: tuple[tuple[float, float] | None, ...], fires: bool
) -> None:
    plan = fit_plan(kind, *shares)
    if fires:
        assert_fires(plan, "objectives/audience-fit", BAD, "objectives[1].kind")
    else:
        assert_silent(plan, "objectives/audience-fit")


@pytest.mark.parametrize("kind", ["listening", "talking", None])
def test_audience_fit_only_for_active_kinds(kind: str | None) -> None:
    assert_silent(fit_plan(kind, (0, 0)), "objectives/audience-fit")


def test_audience_fit_needs_named_segments() -> None:
    plan = make_plan(
        objectives=[objective(), objective(id=BAD, kind="embracing", segments=[])],
        segments=[segment(involvement=involvement(debaters=0, advanced=0))],
    )
    assert_silent(plan, "objectives/audience-fit")


@pytest.mark.parametrize(("relationship", "fires"), [("", True), ("  ", True), ("Closer", False)])
def test_no_relationship(relationship: str, fires: bool) -> None:
    plan = make_plan(relationship=relationship)
    if fires:
        assert_fires(plan, "strategy/no-relationship", "", "strategy.relationship")
    else:
        assert_silent(plan, "strategy/no-relationship")


def test_no_relationship_is_silent_before_there_are_objectives() -> None:
    assert_silent(make_plan(objectives=[], relationship=""), "strategy/no-relationship")


# ---- technology ----

TWO_SEGMENTS = [
    segment(id="students", platforms=["instagram"]),
    segment(id="parents", platforms=["facebook"]),
]


@pytest.mark.parametrize(
    ("segments", "platform", "fires"),
    [
        (["students"], "instagram", False),
        (["students"], "facebook", True),  # only another segment is there
        (["students"], "tiktok", True),
        (["students", "parents"], "facebook", False),
        ([], "facebook", False),  # no segments named: any segment of the plan counts
        ([], "instagram", False),
        ([], "tiktok", True),
    ],
)
def test_audience_absent(segments: list[str], platform: str, fires: bool) -> None:
    bad = objective(id=BAD, segments=segments, targets=[target(platform=platform)])
    plan = make_plan(
        objectives=[objective(), bad],
        segments=TWO_SEGMENTS,
        platforms=["instagram", "facebook", "tiktok"],
    )
    if fires:
        path = "objectives[1].targets[0].platform"
        finding = assert_fires(plan, "technology/audience-absent", BAD, path)
        assert platform in finding.message
    else:
        assert_silent(plan, "technology/audience-absent")


def test_audience_absent_without_any_segment_in_the_plan() -> None:
    plan = make_plan(objectives=[objective(segments=[])], segments=[])
    path = "objectives[0].targets[0].platform"
    assert_fires(plan, "technology/audience-absent", "grow-instagram", path)


@pytest.mark.parametrize(("platform", "fires"), [("tiktok", True), ("instagram", False)])
def test_not_in_mix(platform: str, fires: bool) -> None:
    segments = [segment(platforms=["instagram", "tiktok"])]
    bad = objective(id=BAD, targets=[target(), target(platform=platform)])
    plan = make_plan(objectives=[objective(), bad], segments=segments, platforms=["instagram"])
    if fires:
        path = "objectives[1].targets[1].platform"
        finding = assert_fires(plan, "technology/not-in-mix", BAD, path)
        assert platform in finding.message
    else:
        assert_silent(plan, "technology/not-in-mix")


@pytest.mark.parametrize(("platform", "fires"), [(None, True), ("instagram", False)])
def test_no_platform(platform: str | None, fires: bool) -> None:
    plan = with_objective(targets=[target(), target(platform=platform)])
    if fires:
        path = "objectives[1].targets[1].platform"
        assert_fires(plan, "technology/no-platform", BAD, path)
    else:
        assert_silent(plan, "technology/no-platform")


@pytest.mark.parametrize(
    ("segment_platforms", "fires"),
    [(["instagram"], True), (["instagram", "tiktok"], False)],
)
def test_unused_platform(segment_platforms: list[str], fires: bool) -> None:
    plan = make_plan(
        segments=[segment(platforms=segment_platforms)], platforms=["instagram", "tiktok"]
    )
    if fires:
        assert_fires(plan, "technology/unused-platform", "tiktok", "technology.platforms[1].id")
    else:
        assert_silent(plan, "technology/unused-platform")


# ---- plan integrity ----


def duplicate_plan(section: str, second_id: str) -> Plan:
    """The clean plan with a second item in `section` whose id is `second_id`."""
    if section == "people.segments":
        return make_plan(segments=[segment(id="students"), segment(id=second_id)])
    if section == "objectives":
        return make_plan(objectives=[objective(id="grow-instagram"), objective(id=second_id)])
    if section == "strategy.initiatives":
        initiatives = [
            Initiative(id="weekly-reels", objectives=["grow-instagram"]),
            Initiative(id=second_id, objectives=["grow-instagram"]),
        ]
        return make_plan(initiatives=initiatives)
    return make_plan(platforms=["instagram", second_id])


FIRST_IDS = {
    "people.segments": "students",
    "objectives": "grow-instagram",
    "strategy.initiatives": "weekly-reels",
    "technology.platforms": "instagram",
}


@pytest.mark.parametrize("section", list(FIRST_IDS))
def test_duplicate_id(section: str) -> None:
    plan = duplicate_plan(section, FIRST_IDS[section])
    the_id = FIRST_IDS[section]
    finding = assert_fires(plan, "plan/duplicate-id", the_id, f"{section}[1].id")
    assert the_id in finding.message


@pytest.mark.parametrize("section", list(FIRST_IDS))
def test_distinct_ids_are_not_duplicates(section: str) -> None:
    assert_silent(duplicate_plan(section, "something-else"), "plan/duplicate-id")


def test_the_same_id_in_different_sections_is_not_a_duplicate() -> None:
    plan = make_plan(
        segments=[segment(id="instagram")],
        objectives=[objective(id="instagram", segments=["instagram"])],
        initiatives=[Initiative(id="instagram", objectives=["instagram"])],
        platforms=["instagram"],
    )
    assert_silent(plan, "plan/duplicate-id")


@pytest.mark.parametrize(("ref", "fires"), [("ghost", True), ("students", False)])
def test_unknown_segment_ref(ref: str, fires: bool) -> None:
    plan = with_objective(segments=["students", ref])
    if fires:
        finding = assert_fires(plan, "plan/unknown-ref", BAD, "objectives[1].segments[1]")
        assert ref in finding.message
    else:
        assert_silent(plan, "plan/unknown-ref")


@pytest.mark.parametrize(
    ("ref", "fires"),
    [
        ("ghost", True),
        ("students", True),
        ("grow-instagram", False),
    ],  # a segment id is no objective
)
def test_unknown_objective_ref(ref: str, fires: bool) -> None:
    initiatives = [
        Initiative(id="weekly-reels", objectives=["grow-instagram"]),
        Initiative(id="student-days", objectives=["grow-instagram", ref]),
    ]
    plan = make_plan(initiatives=initiatives)
    if fires:
        path = "strategy.initiatives[1].objectives[1]"
        finding = assert_fires(plan, "plan/unknown-ref", "student-days", path)
        assert ref in finding.message
    else:
        assert_silent(plan, "plan/unknown-ref")


# ---- messages ----


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_rule_can_fire_and_its_message_is_filled_in(lang: str) -> None:
    found = [f for plan in every_wrong_plan() for f in lint(plan, TODAY, lang=lang)]
    assert {f.rule for f in found} == set(RULES)
    for finding in found:
        assert finding.message.strip(), finding
        assert "{" not in finding.message and "}" not in finding.message, finding


def test_every_catalog_message_is_reachable() -> None:
    """Each message (variants included) is what some finding says, placeholders filled."""
    said = [f.message for plan in every_wrong_plan() for f in lint(plan, TODAY)]
    for key, template in ((k, t if isinstance(t, str) else t[-1]) for k, t in FINDINGS.en.items()):
        literal = re.split(r"\{[^}]*\}", template)
        pattern = re.compile(".+?".join(re.escape(part) for part in literal), re.DOTALL)
        assert any(pattern.fullmatch(message) for message in said), key


def test_catalog_has_a_message_for_every_rule_and_none_for_unknown_rules() -> None:
    assert {key.partition(".")[0] for key in FINDINGS.en} == set(RULES)


def test_findings_serialize_with_the_contract_fields() -> None:
    for finding in (f for plan in every_wrong_plan() for f in lint(plan, TODAY)):
        data = finding.to_json()
        assert set(data) == {"rule", "severity", "subject", "path", "message"}
        assert data["severity"] == SEVERITY[finding.rule].value


# ---- format 2: new and revised rules ----


def with_period(plan: Plan, start: date | None, end: date | None) -> Plan:
    plan.plan.period_start, plan.plan.period_end = start, end
    return plan


@pytest.mark.parametrize(
    ("deadline", "period_end", "fires"),
    [(None, None, True), (None, DEADLINE, False), (DEADLINE, None, False)],
)
def test_no_deadline_counts_the_plans_period_end(
    deadline: date | None, period_end: date | None, fires: bool
) -> None:
    plan = with_period(with_objective(deadline=deadline), None, period_end)
    if fires:
        assert_fires(plan, "time-bound/no-deadline", BAD, "objectives[1].deadline")
    else:
        assert_silent(plan, "time-bound/no-deadline")


@pytest.mark.parametrize(("kind", "fires"), [(None, True), ("listening", False)])
def test_no_kind(kind: str | None, fires: bool) -> None:
    plan = with_objective(kind=kind)
    if fires:
        assert_fires(plan, "objectives/no-kind", BAD, "objectives[1].kind")
    else:
        assert_silent(plan, "objectives/no-kind")


def objectives_of(count: int, primary: tuple[int, ...] = ()) -> Plan:
    return make_plan(objectives=[objective(id=f"o{i}", primary=i in primary) for i in range(count)])


@pytest.mark.parametrize(
    ("count", "primary", "fires"),
    [(3, (), False), (4, (), True), (4, (2,), False), (9, (8,), False)],
)
def test_no_focus(count: int, primary: tuple[int, ...], fires: bool) -> None:
    plan = objectives_of(count, primary)
    if fires:
        finding = assert_fires(plan, "objectives/no-focus", "plan", "objectives")
        assert str(count) in finding.message
    else:
        assert_silent(plan, "objectives/no-focus")


@pytest.mark.parametrize(
    ("primary", "expected"),
    [
        ((), []),
        ((1,), []),
        ((0, 2), [("o2", "objectives[2].primary")]),
        ((0, 1, 2), [("o1", "objectives[1].primary"), ("o2", "objectives[2].primary")]),
    ],
)
def test_several_primary_one_finding_per_primary_after_the_first(
    primary: tuple[int, ...], expected: list[tuple[str, str]]
) -> None:
    found = findings(objectives_of(3, primary), "objectives/several-primary")
    assert [(f.subject, f.path) for f in found] == expected
    assert all(f.severity == Severity.WARNING and "o0" in f.message for f in found) or not found


@pytest.mark.parametrize(("value", "fires"), [(None, True), (0, False), (1500, False)])
def test_no_target_value(value: float | None, fires: bool) -> None:
    plan = with_objective(targets=[target(), target(target=value)])
    if fires:
        path = "objectives[1].targets[1].target"
        assert_fires(plan, "measurable/no-target-value", BAD, path)
    else:
        assert_silent(plan, "measurable/no-target-value")


def test_a_target_without_value_is_no_change_nor_growth() -> None:
    plan = with_objective(targets=[target(target=None)])
    for rule in ("realistic/no-change", "realistic/growth", "realistic/exceeds-audience"):
        assert_silent(plan, rule)


@pytest.mark.parametrize(("objectives", "fires"), [([], True), (["grow-instagram"], False)])
def test_orphan_initiative(objectives: list[str], fires: bool) -> None:
    initiatives = [
        Initiative(id="weekly-reels", objectives=["grow-instagram"]),
        Initiative(id="student-days", objectives=objectives),
    ]
    plan = make_plan(initiatives=initiatives)
    if fires:
        path = "strategy.initiatives[1].objectives"
        assert_fires(plan, "strategy/orphan-initiative", "student-days", path)
    else:
        assert_silent(plan, "strategy/orphan-initiative")


@pytest.mark.parametrize(
    ("platforms", "mix", "fires"),
    [
        (["instagram", "instag"], ["instagram"], True),  # a typo
        (["instagram"], ["instagram"], False),
        (["instagram"], [], False),  # no mix yet: Technology comes last
    ],
)
def test_platform_not_in_mix(platforms: list[str], mix: list[str], fires: bool) -> None:
    initiatives = [
        Initiative(id="weekly-reels", objectives=["grow-instagram"], platforms=platforms)
    ]
    plan = make_plan(initiatives=initiatives, platforms=mix)
    if fires:
        path = "strategy.initiatives[0].platforms[1]"
        assert_fires(plan, "strategy/platform-not-in-mix", "weekly-reels", path)
    else:
        assert_silent(plan, "strategy/platform-not-in-mix")


@pytest.mark.parametrize(
    ("named", "fires"),
    [
        (["students"], True),  # parents: no objective names them
        (["students", "parents"], False),
        ([], False),  # no objective names segments at all: too early to tell
    ],
)
def test_untargeted_segment(named: list[str], fires: bool) -> None:
    plan = make_plan(objectives=[objective(segments=named)], segments=TWO_SEGMENTS)
    if fires:
        finding = assert_fires(
            plan, "people/untargeted-segment", "parents", "people.segments[1].id"
        )
        assert "parents" in finding.message
    else:
        assert_silent(plan, "people/untargeted-segment")


EVERYONE = ["students", "parents", "staff", "press"]


@pytest.mark.parametrize(
    ("segments", "named", "fires"),
    [
        (EVERYONE, EVERYONE, True),
        (EVERYONE, EVERYONE[:3], False),  # not all of them
        (EVERYONE[:3], EVERYONE[:3], False),  # fewer than 4 segments in the plan
    ],
)
def test_everyone(segments: list[str], named: list[str], fires: bool) -> None:
    plan = make_plan(
        objectives=[objective(), objective(id=BAD, segments=named)],
        segments=[segment(id=s) for s in segments],
    )
    if fires:
        assert_fires(plan, "specific/everyone", BAD, "objectives[1].segments")
    else:
        assert_silent(plan, "specific/everyone")


PERIOD_START, PERIOD_END = date(2027, 1, 1), date(2027, 12, 31)


@pytest.mark.parametrize(
    ("start", "deadline", "paths"),
    [
        (PERIOD_START, PERIOD_END, []),
        (PERIOD_START - timedelta(days=1), PERIOD_END, ["objectives[1].start"]),
        (PERIOD_START, PERIOD_END + timedelta(days=1), ["objectives[1].deadline"]),
        (None, None, []),
    ],
)
def test_outside_period(start: date | None, deadline: date | None, paths: list[str]) -> None:
    plan = with_period(with_objective(start=start, deadline=deadline), PERIOD_START, PERIOD_END)
    found = findings(plan, "time-bound/outside-period")
    assert [f.path for f in found] == paths
    assert all(f.subject == BAD and f.severity == Severity.INFO for f in found)


def test_outside_period_needs_a_period() -> None:
    plan = with_objective(start=date(2000, 1, 1), deadline=date(2099, 1, 1))
    assert_silent(plan, "time-bound/outside-period")


@pytest.mark.parametrize(
    ("direction", "fires"), [(None, True), ("increase", True), ("maintain", False)]
)
def test_no_change_unless_maintained(direction: str | None, fires: bool) -> None:
    plan = with_objective(targets=[target(baseline=50, target=50, direction=direction)])
    if fires:
        assert_fires(plan, "realistic/no-change", BAD, "objectives[1].targets[0].target")
    else:
        assert_silent(plan, "realistic/no-change")


@pytest.mark.parametrize(("factor", "fires"), [(1.001, True), (0.999, False)])
def test_growth_judges_a_decline_the_same_way(factor: float, fires: bool) -> None:
    months = (DEADLINE - START).days / DAYS_PER_MONTH
    # The value a fall of exactly 15 % a month reaches by the deadline; a fall to
    # factor x that value is a fall slower (> 1) or faster (< 1) than the limit.
    edge = 1000 * (1 - 0.15) ** months
    lower = edge / factor
    plan = with_objective(
        targets=[target(metric="complaints", direction="decrease", baseline=1000, target=lower)]
    )
    if fires:
        finding = assert_fires(plan, "realistic/growth", BAD, "objectives[1].targets[0].target")
        assert "fall" in finding.message
    else:
        assert_silent(plan, "realistic/growth")


@pytest.mark.parametrize(("direction", "value"), [("decrease", 0), ("maintain", 10**6)])
def test_growth_silent_for_a_fall_to_zero_or_a_level_held(direction: str, value: float) -> None:
    plan = with_objective(targets=[target(direction=direction, baseline=1000, target=value)])
    assert_silent(plan, "realistic/growth")


def test_growth_counts_to_the_period_end_without_a_deadline() -> None:
    steep = [target(baseline=100, target=10**6)]
    assert_silent(with_objective(deadline=None, targets=steep), "realistic/growth")
    plan = with_period(with_objective(deadline=None, targets=steep), None, DEADLINE)
    assert_fires(plan, "realistic/growth", BAD, "objectives[1].targets[0].target")


@pytest.mark.parametrize(
    ("platform", "source", "fires"),
    [(None, None, True), (None, "survey", False), ("instagram", None, False)],
)
def test_no_platform_unless_a_source(platform: str | None, source: str | None, fires: bool) -> None:
    plan = with_objective(targets=[target(platform=platform, source=source)])
    if fires:
        assert_fires(plan, "technology/no-platform", BAD, "objectives[1].targets[0].platform")
    else:
        assert_silent(plan, "technology/no-platform")


def test_platform_rules_skip_targets_measured_without_a_platform() -> None:
    plan = with_objective(targets=[target(platform=None, source="survey", metric="awareness")])
    for rule in ("technology/audience-absent", "technology/not-in-mix", "technology/no-platform"):
        assert_silent(plan, rule)


# ---- one cause, one finding ----


@pytest.mark.parametrize(
    ("platforms", "unused"),
    [
        (["instagram"], ["tiktok"]),  # every segment's platforms known: tiktok unused
        ([], []),  # a segment without platforms: people/no-platforms only
    ],
)
def test_unused_platform_waits_for_every_segments_platforms(
    platforms: list[str], unused: list[str]
) -> None:
    segments = [segment(), segment(id="parents", platforms=platforms)]
    plan = make_plan(segments=segments, platforms=["instagram", "tiktok"])
    assert [f.subject for f in findings(plan, "technology/unused-platform")] == unused
    no_platforms = findings(plan, "people/no-platforms")
    assert [f.subject for f in no_platforms] == ([] if platforms else ["parents"])


@pytest.mark.parametrize(
    ("platforms", "fires"),
    [
        (["facebook"], True),  # parents are on facebook, not tiktok
        ([], False),  # where parents are is not known: people/no-platforms says so
    ],
)
def test_audience_absent_waits_for_the_segments_platforms(
    platforms: list[str], fires: bool
) -> None:
    segments = [segment(), segment(id="parents", platforms=platforms)]
    bad = objective(id=BAD, segments=["parents"], targets=[target(platform="tiktok")])
    plan = make_plan(
        objectives=[objective(), bad], segments=segments, platforms=["instagram", "tiktok"]
    )
    if fires:
        path = "objectives[1].targets[0].platform"
        assert_fires(plan, "technology/audience-absent", BAD, path)
    else:
        assert_silent(plan, "technology/audience-absent")


# ---- a rule's many findings as one row ----


@pytest.mark.parametrize(("count", "grouped"), [(2, False), (3, True), (8, True)])
def test_collapsed_gathers_three_or_more_findings_of_one_rule(count: int, grouped: bool) -> None:
    from posttui.core.rules.registry import RuleGroup, collapsed

    plan = make_plan(objectives=[objective(id=f"o{i}", kind=None) for i in range(count)])
    found = lint(plan, TODAY)
    rows = collapsed(found)
    kinds = [r for r in rows if getattr(r, "rule", "") == "objectives/no-kind"]
    if grouped:
        [row] = kinds
        assert isinstance(row, RuleGroup) and row.count == count
        assert row.group == "objectives" and row.severity == Severity.WARNING
        assert [f.subject for f in row.findings] == [f"o{i}" for i in range(count)]
    else:
        assert kinds == [f for f in found if f.rule == "objectives/no-kind"]
    # Every finding is in the rows once, in its order; nothing else is.
    flat = [f for r in rows for f in (r.findings if isinstance(r, RuleGroup) else (r,))]
    assert sorted(flat, key=found.index) == found and len(flat) == len(found)
