"""Fuzzing the loader: whatever a file holds, posttui loads it or says why.

Three kinds of input: arbitrary bytes, the sample plans broken in the ways people
and tools break files (lines lost or doubled, a merge left half done, a value of the
wrong type, stray characters), and valid plans written in other TOML spellings.
Hypothesis runs derandomized: the same examples in every run, on every machine.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posttui.core import limits
from posttui.core.loader import LoadError, load, parse
from posttui.core.model import Plan
from posttui.core.writer import dumps, save
from support.plans import SAMPLES, plans

SAMPLE_FILES = sorted(SAMPLES.glob("*.post.toml"))
SAMPLE_TEXTS = [path.read_text(encoding="utf-8") for path in SAMPLE_FILES]
NAME = "fuzzed.post.toml"


def fuzz(examples: int) -> Callable[[Callable[..., None]], Callable[..., None]]:
    return settings(
        max_examples=examples,
        derandomize=True,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def assert_explained(error: LoadError, name: str) -> None:
    """A load error is a message a user can act on: every line names the file."""
    message = error.render()
    assert message.strip()
    assert all(line.startswith(name) for line in message.splitlines()), message
    assert all(problem.text() for problem in error.problems)
    assert message == str(error)


def loads_or_explains(text: str) -> Plan | None:
    """The plan in `text`, or None when the loader explained why it is not one."""
    try:
        return parse(text, NAME)
    except LoadError as error:
        assert_explained(error, NAME)
        return None


def assert_survives_a_save(plan: Plan) -> None:
    """What loaded is saved as a plan that loads again, equal, and saves the same."""
    text = dumps(plan)
    again = parse(text, NAME)
    assert again == plan
    assert dumps(again) == text


# ---- arbitrary bytes ----

# Characters that TOML gives a meaning, so that random text gets past the first byte.
TOML_ISH = st.text(
    alphabet=st.sampled_from(list("[]{}\"'=.,#\\\n\r\t -_:+01279eEfinrtuxabc\u00e9\u2028\x00\x7f")),
    max_size=200,
)


@fuzz(300)
@given(data=st.binary(max_size=400))
def test_any_bytes_load_or_are_explained(folder: Path, data: bytes) -> None:
    path = folder / NAME
    path.write_bytes(data)
    try:
        file = load(path)
    except LoadError as error:
        assert_explained(error, str(path))
        return
    assert_survives_a_save(file.plan)


@fuzz(300)
@given(text=st.one_of(TOML_ISH, st.text(max_size=200)))
def test_any_text_loads_or_is_explained(text: str) -> None:
    for candidate in (text, f"format = 1\n[plan]\ntitle = 'T'\n{text}"):
        if (plan := loads_or_explains(candidate)) is not None:
            assert_survives_a_save(plan)


# ---- near-valid plans: the samples, broken ----

CONFLICT_LINES = ["<<<<<<< HEAD", "=======", "||||||| base", ">>>>>>> theirs"]
VALUES = st.one_of(
    st.integers(-(2**70), 2**70).map(str),
    st.floats().map(lambda number: tomli_w.dumps({"v": number})[4:-1]),
    st.sampled_from(["true", "false", "nan", "-inf", "1e400", "0x1F", "0o7", "1_000"]),
    st.dates().map(str),
    st.sampled_from(["2027-06-30T10:00:00", "10:00:00", "2027-13-45", "[]", "{}", '""', "''"]),
    st.sampled_from(['["instagram", 5]', "[[1], [2]]", '{id = "x"}', '[{id = "x"}]']),
    st.text(max_size=10).map(lambda text: tomli_w.dumps({"v": text})[4:-1]),
)
MUTATIONS = st.sampled_from(
    ["delete", "duplicate", "swap", "flip", "truncate", "conflict", "retype", "unicode"]
)


@st.composite
def broken_plans(draw: st.DrawFn) -> str:
    """A sample plan with a few of the changes that break files in real life."""
    lines = draw(st.sampled_from(SAMPLE_TEXTS)).splitlines(keepends=True)
    for mutation in draw(st.lists(MUTATIONS, min_size=1, max_size=4)):
        at = draw(st.integers(0, len(lines) - 1)) if lines else 0
        if not lines:
            lines = [draw(st.text(max_size=20))]
        elif mutation == "delete":
            del lines[at]
        elif mutation == "duplicate":
            lines.insert(at, lines[at])
        elif mutation == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif mutation == "flip":
            line = lines[at]
            column = draw(st.integers(0, len(line)))
            lines[at] = line[:column] + draw(st.characters()) + line[column + 1 :]
        elif mutation == "truncate":
            lines = [*lines[:at], lines[at][: draw(st.integers(0, len(lines[at])))]]
        elif mutation == "conflict":
            lines.insert(at, draw(st.sampled_from(CONFLICT_LINES)) + "\n")
        elif mutation == "retype":
            key, equals, _ = lines[at].partition("=")
            lines[at] = f"{key}= {draw(VALUES)}\n" if equals else lines[at]
        else:
            line = lines[at]
            column = draw(st.integers(0, len(line)))
            lines[at] = line[:column] + draw(st.text(min_size=1, max_size=5)) + line[column:]
    return "".join(lines)


@fuzz(400)
@given(text=broken_plans())
def test_a_broken_sample_loads_or_is_explained(text: str) -> None:
    if (plan := loads_or_explains(text)) is not None:
        assert_survives_a_save(plan)


def test_the_mutations_reach_both_outcomes() -> None:
    # The fuzzer above is only worth something if broken samples both load and fail.
    outcomes: set[bool] = set()

    @fuzz(100)
    @given(text=broken_plans())
    def record(text: str) -> None:
        outcomes.add(loads_or_explains(text) is not None)

    record()
    assert outcomes == {True, False}


# ---- valid plans ----


def other_spelling(plan: Plan) -> str:
    """The plan as tomli_w writes it by itself: other quoting, arrays of tables inline."""
    return tomli_w.dumps(plan.model_dump(mode="python", exclude_defaults=True))


@fuzz(150)
@given(plan=plans)
def test_a_valid_plan_in_another_spelling_loads_equal(plan: Plan) -> None:
    assert parse(other_spelling(plan), NAME) == plan
    assert dumps(parse(other_spelling(plan), NAME)) == dumps(plan)


@fuzz(100)
@given(plan=plans)
def test_a_valid_plan_round_trips_through_the_file(folder: Path, plan: Plan) -> None:
    path = folder / NAME
    save(plan, path)
    written = path.read_bytes()
    loaded = load(path)
    assert loaded.plan == plan
    save(loaded.plan, path)
    assert path.read_bytes() == written


# ---- the limits look past texts and quoted keys ----

TRICKY = st.text(alphabet=st.sampled_from(list("[]{}\"'\\.#=,\n\t x")), max_size=8)


@fuzz(200)
@given(
    depth=st.integers(1, 40),
    leaf=TRICKY,
    key=TRICKY,
    tables=st.booleans(),
    multiline=st.booleans(),
)
def test_nesting_is_measured_outside_texts_and_quoted_keys(
    depth: int, leaf: str, key: str, tables: bool, multiline: bool
) -> None:
    # Arrays in arrays, or tables in tables (a header of `depth` parts), around texts
    # and keys full of brackets, quotes, dots and backslashes: too deep exactly past
    # the limit, whatever the texts hold.
    value: object = leaf
    for _ in range(depth):
        value = {key: value} if tables else [value, leaf]
    text = tomli_w.dumps({"a": value}, multiline_strings=multiline)
    found = limits.check(text)
    assert (found is not None and found[0].key == "too-deep") == (depth > limits.MAX_DEPTH)
