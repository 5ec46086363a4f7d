"""Plans for any test: the sample plans, small plan texts, and generated plans.

The samples in sample_plans/ are named by KAFE (Norwegian, a café), NORDLYS (English,
a company) and TROMSO (Norwegian, a municipality); `sample_plan(name)` is the path of
one, and tests copy it (the `plan_copy` fixture) before they change it.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from hypothesis import strategies as st

from posttui.core.loader import load
from posttui.core.model import (
    KINDS,
    LINKAGES,
    Initiative,
    Involvement,
    Objective,
    People,
    Plan,
    PlanInfo,
    Platform,
    Segment,
    Settings,
    Strategy,
    Target,
    Technology,
)

SAMPLES = Path(__file__).resolve().parent.parent.parent / "sample_plans"

KAFE = "kafe-solsiden"
NORDLYS = "nordlys-analytics"
TROMSO = "tromso-kommune"


def sample_plan(name: str) -> Path:
    """The sample plan `name` (KAFE, NORDLYS, TROMSO) in sample_plans/: read it, never write it."""
    return SAMPLES / f"{name}.post.toml"


def saved(path: Path) -> Plan:
    """The plan in the file at `path`, as loaded (what a save wrote)."""
    return load(path).plan


# ---- plan texts ----

# No finding of any rule: every objective is SMART, served, and on a platform of its audience.
CLEAN = """\
format = 1

[plan]
title = "Clean plan"
language = "en"
as_of = 2027-01-15

[[people.segments]]
id = "students"
name = "Students in Trondheim"
size = 5000
platforms = ["instagram"]

[[objectives]]
id = "reach-students"
statement = "Reach 1500 Instagram followers among students by June 2027"
kind = "talking"
segments = ["students"]
owner = "Kari Nordmann"
why = "Students fill the quiet weekday afternoons"
start = 2027-01-01
deadline = 2027-06-30

[[objectives.targets]]
platform = "instagram"
metric = "followers"
baseline = 1200
target = 1500

[strategy]
relationship = "From an anonymous café to the students' regular place"

[[strategy.initiatives]]
id = "weekly-reels"
objectives = ["reach-students"]
platforms = ["instagram"]

[[technology.platforms]]
id = "instagram"
name = "Instagram"
"""

# The contract's JSON example: a target on tiktok, where the objective's segment is not.
TIKTOK = """\
format = 1

[plan]
title = "Kafé Solsiden"
as_of = 2027-01-15

[[people.segments]]
id = "students"
name = "Studenter i Trondheim"
platforms = ["instagram"]

[[objectives]]
id = "grow-instagram"
statement = "Reach 2000 Instagram followers among students by June 2027"
segments = ["students"]

[[objectives.targets]]
platform = "instagram"
metric = "followers"
baseline = 1200
target = 2000

[[objectives]]
id = "grow-tiktok"
statement = "Reach 500 TikTok followers among students by June 2027"
segments = ["students"]

[[objectives.targets]]
platform = "tiktok"
metric = "followers"
baseline = 100
target = 500

[[technology.platforms]]
id = "instagram"

[[technology.platforms]]
id = "tiktok"
"""


# ---- generated plans (hypothesis) ----

slugs = st.from_regex(r"[a-z0-9-]{1,12}", fullmatch=True)
# Any unicode (no surrogates: they cannot be UTF-8), biased towards what breaks writers.
tricky = st.sampled_from(
    [
        *['"', "'", "\\", "\n", "\r\n", "\r", "\t", '"""', "'''", "[/", "[b]", "#", "="],
        *["\x1b[31m", "é", "\u2028", "<<<<<<<", "=======", ">>>>>>> x", " "],
    ]
)
texts = st.lists(st.one_of(st.text(max_size=8), tricky), max_size=6).map("".join)
required_texts = texts.filter(lambda text: bool(text.strip()))
dates = st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31))
INT64 = 2**63 - 1
counts = st.integers(min_value=0, max_value=INT64)
numbers = st.one_of(
    st.integers(min_value=-INT64, max_value=INT64),
    st.floats(allow_nan=False, allow_infinity=False),
)
shares = st.one_of(st.integers(0, 100), st.floats(0, 100, allow_nan=False))


def optional(strategy: st.SearchStrategy) -> st.SearchStrategy:  # type: ignore[type-arg]
    return st.one_of(st.none(), strategy)


involvements = st.builds(
    Involvement,
    socializers=optional(shares),
    lurkers=optional(shares),
    sporadics=optional(shares),
    debaters=optional(shares),
    advanced=optional(shares),
    notes=texts,
)
segments = st.builds(
    Segment,
    id=slugs,
    name=required_texts,
    description=texts,
    linkage=optional(st.sampled_from(LINKAGES)),
    size=optional(counts),
    platforms=st.lists(slugs, max_size=3),
    involvement=optional(involvements),
    notes=texts,
)
targets = st.builds(
    Target,
    platform=optional(slugs),
    metric=optional(slugs),
    baseline=optional(numbers),
    target=numbers,
    notes=texts,
)
objectives = st.builds(
    Objective,
    id=slugs,
    statement=required_texts,
    kind=optional(st.sampled_from(KINDS)),
    segments=st.lists(slugs, max_size=3),
    owner=texts,
    why=texts,
    start=optional(dates),
    deadline=optional(dates),
    targets=st.lists(targets, max_size=3),
    notes=texts,
)
initiatives = st.builds(
    Initiative,
    id=slugs,
    objectives=st.lists(slugs, max_size=3),
    description=texts,
    content=st.lists(slugs, max_size=3),
    platforms=st.lists(slugs, max_size=3),
    cadence=texts,
    notes=texts,
)
platforms = st.builds(Platform, id=slugs, name=texts, role=texts, notes=texts)
plans = st.builds(
    Plan,
    format=st.just(1),
    plan=st.builds(
        PlanInfo,
        title=required_texts,
        organization=texts,
        language=optional(st.sampled_from(["en", "nb"])),
        as_of=optional(dates),
        notes=texts,
    ),
    settings=st.builds(
        Settings,
        max_monthly_growth=optional(
            st.one_of(
                st.integers(1, 100), st.floats(min_value=1e-9, max_value=1e9, allow_nan=False)
            )
        ),
        notes=texts,
    ),
    people=st.builds(People, segments=st.lists(segments, max_size=3), notes=texts),
    objectives=st.lists(objectives, max_size=3),
    strategy=st.builds(
        Strategy,
        relationship=texts,
        initiatives=st.lists(initiatives, max_size=3),
        notes=texts,
    ),
    technology=st.builds(Technology, platforms=st.lists(platforms, max_size=3), notes=texts),
)
