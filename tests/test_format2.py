"""Format 2: its keys load, write in canonical order and round-trip; a plan that uses none
of them stays format 1, byte for byte; a file that says `format = 1` may not use them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from posttui.core.loader import LoadError, parse
from posttui.core.model import Plan, format_2_keys, needed_format
from posttui.core.writer import dumps
from support.plans import SAMPLES

FORMAT_2 = """\
format = 2

[plan]
title = "Kommunen på sosiale medier"
language = "nn"
as_of = 2026-01-01
period_start = 2024-01-01
period_end = 2028-12-31

[[objectives]]
id = "omdomme"
statement = "Auke delen som har tillit til kommunen frå 48 % til 60 %"
kind = "talking"
primary = true

[[objectives.targets]]
source = "survey"
metric = "trust"
direction = "increase"
baseline = 48
target = 60

[[objectives.targets]]
platform = "facebook"
metric = "followers"
direction = "maintain"
baseline = 12000

[[objectives]]
id = "svar"
statement = "Svare på 90 % av meldingane innan to timar"
"""

ONE = 'format = 1\n\n[plan]\ntitle = "T"\n'


def test_a_format_2_plan_loads_with_every_new_key() -> None:
    plan = parse(FORMAT_2)
    assert plan.format == 2
    assert plan.plan.language == "nn"
    assert (plan.plan.period_start, plan.plan.period_end) == (date(2024, 1, 1), date(2028, 12, 31))
    first = plan.objectives[0]
    assert first.primary and not plan.objectives[1].primary
    survey, held = first.targets
    assert (survey.platform, survey.source, survey.direction) == (None, "survey", "increase")
    assert (held.target, held.direction) == (None, "maintain")


def test_a_format_2_plan_round_trips_in_canonical_order() -> None:
    assert dumps(parse(FORMAT_2)) == FORMAT_2
    assert dumps(parse(dumps(parse(FORMAT_2)))) == FORMAT_2


def test_canonical_order_of_the_new_keys() -> None:
    shuffled = FORMAT_2.replace(
        'source = "survey"\nmetric = "trust"\ndirection = "increase"\n',
        'direction = "increase"\nmetric = "trust"\nsource = "survey"\n',
    ).replace('kind = "talking"\nprimary = true\n', 'primary = true\nkind = "talking"\n')
    assert shuffled != FORMAT_2
    assert dumps(parse(shuffled)) == FORMAT_2


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*.post.toml")))
def test_samples_are_written_byte_for_byte(sample: str) -> None:
    text = (SAMPLES / sample).read_text(encoding="utf-8")
    plan = parse(text)
    assert dumps(plan) == text
    assert plan.format == needed_format(plan)  # each sample says the format it needs


@pytest.mark.parametrize(
    ("edit", "path"),
    [
        (lambda p: setattr(p.plan, "period_start", date(2027, 1, 1)), "plan.period_start"),
        (lambda p: setattr(p.plan, "period_end", date(2027, 1, 1)), "plan.period_end"),
        (lambda p: setattr(p.plan, "language", "nn"), "plan.language"),
        (lambda p: setattr(p.objectives[0], "primary", True), "objectives[0].primary"),
        (
            lambda p: setattr(p.objectives[0].targets[0], "source", "crm"),
            "objectives[0].targets[0].source",
        ),
        (
            lambda p: setattr(p.objectives[0].targets[0], "direction", "increase"),
            "objectives[0].targets[0].direction",
        ),
        (
            lambda p: setattr(p.objectives[0].targets[0], "target", None),
            "objectives[0].targets[0].target",
        ),
    ],
)
def test_any_format_2_key_makes_the_plan_format_2_and_removing_it_format_1(
    edit: object, path: str
) -> None:
    text = FORMAT_1_PLAN
    plan = parse(text)
    assert needed_format(plan) == 1
    edit(plan)  # type: ignore[operator]
    assert list(format_2_keys(plan)) == [path]
    written = dumps(plan)
    assert written.startswith("format = 2\n")
    assert parse(written) == plan.model_copy(update={"format": 2})


FORMAT_1_PLAN = """\
format = 1

[plan]
title = "Kafé"
language = "nb"

[[objectives]]
id = "grow"
statement = "Øke antall følgere fra 1 200 til 2 000"

[[objectives.targets]]
platform = "instagram"
metric = "followers"
baseline = 1200
target = 2000
"""


def test_a_format_2_file_without_format_2_keys_is_written_as_format_1() -> None:
    plan = parse(FORMAT_1_PLAN.replace("format = 1", "format = 2"))
    assert plan.format == 1  # the plan it is saved as
    assert dumps(plan) == FORMAT_1_PLAN
    assert parse(dumps(plan)) == plan


TARGET = "objectives[0].targets[0]"


@pytest.mark.parametrize(
    ("line", "insert_after", "key", "message"),
    [
        ("primary = true", 'statement = "Øke', "objectives[0].primary", "`primary` is new"),
        ("period_end = 2027-12-31", 'language = "nb"', "plan.period_end", "`period_end` is new"),
        ('source = "survey"', 'platform = "instagram"', f"{TARGET}.source", "`source` is new"),
        ('direction = "maintain"', 'metric = "followers"', f"{TARGET}.direction", "`direction`"),
    ],
)
def test_a_format_1_file_using_a_format_2_key_is_refused_naming_key_and_line(
    line: str, insert_after: str, key: str, message: str
) -> None:
    lines = FORMAT_1_PLAN.splitlines()
    at = next(i for i, text in enumerate(lines) if text.startswith(insert_after)) + 1
    text = "\n".join([*lines[:at], line, *lines[at:]]) + "\n"
    with pytest.raises(LoadError) as caught:
        parse(text, "plan.post.toml")
    [problem] = caught.value.problems
    assert (problem.key, problem.line) == (key, at + 1)
    assert message in problem.message
    assert "format = 2" in problem.message
    assert parse(text.replace("format = 1", "format = 2")).format == 2  # as format 2: fine


def test_a_format_1_file_in_nynorsk_is_refused() -> None:
    with pytest.raises(LoadError) as caught:
        parse(FORMAT_1_PLAN.replace('"nb"', '"nn"'), "plan.post.toml")
    [problem] = caught.value.problems
    assert (problem.key, problem.line) == ("plan.language", 5)
    assert 'language "nn" is new in format 2' in problem.message


def test_a_format_1_target_without_its_value_is_still_a_missing_key() -> None:
    with pytest.raises(LoadError) as caught:
        parse(FORMAT_1_PLAN.replace("target = 2000\n", ""), "plan.post.toml")
    [problem] = caught.value.problems
    assert problem.key == "objectives[0].targets[0].target"
    assert problem.line == 11  # the target's table
    assert "missing required key `target`" in problem.message
    assert "format = 2" in problem.message


def test_every_format_2_problem_of_a_format_1_file_at_once() -> None:
    text = FORMAT_1_PLAN.replace('language = "nb"', 'language = "nb"\nperiod_start = 2027-01-01')
    text = text.replace("target = 2000\n", "")
    with pytest.raises(LoadError) as caught:
        parse(text)
    assert [p.key for p in caught.value.problems] == [
        "plan.period_start",
        "objectives[0].targets[0].target",
    ]


@pytest.mark.parametrize("value", ["sideways", "Increase", ""])
def test_direction_is_one_of_three(value: str) -> None:
    text = FORMAT_2.replace('direction = "increase"', f'direction = "{value}"')
    with pytest.raises(LoadError) as caught:
        parse(text)
    assert "'increase', 'decrease' or 'maintain'" in caught.value.problems[0].message


def test_the_schema_knows_format_2(tmp_path: Path) -> None:
    schema = Plan.model_json_schema()
    assert schema["properties"]["format"]["enum"] == [1, 2]
    text = json.dumps(schema)
    for key in ("period_start", "period_end", "primary", "source", "direction", '"nn"'):
        assert key in text


def test_a_nynorsk_plan_is_spoken_to_in_nynorsk() -> None:
    from posttui.core.i18n import choose

    assert choose(None, "nn", {}) == "nn"
    assert choose(None, "en", {"LANG": "nb_NO.UTF-8"}) == "en"


def test_the_report_shows_the_lead_the_period_and_a_level_held() -> None:
    from posttui.core.report import export

    report = export(parse(FORMAT_2), "md", "en")
    assert "### `omdomme` · Talking (marketing) · leads the plan" in report
    assert "trust on survey: from 48 to 60" in report
    assert "followers on facebook: at least not set, now 12,000" in report
    assert "2028-12-31, the end of the plan's period" in report
    norwegian = export(parse(FORMAT_2), "md", "nb")
    assert "hovedmålet" in norwegian and "slutten av planens periode" in norwegian
