"""The writer: canonical, deterministic TOML, saved atomically."""

from __future__ import annotations

import datetime
import os
import re
import tomllib
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posttui.core import writer
from posttui.core.loader import load, parse
from posttui.core.model import (
    INVOLVEMENT_TYPES,
    Objective,
    People,
    Plan,
    Platform,
    Segment,
    Target,
    Technology,
)
from posttui.core.writer import dumps, save, write_atomic, write_new
from support.plans import plans

# The contract's example, with its keys shuffled, tables reordered and a target inline
# (`format` stays first: after a header it would belong to that table).
SHUFFLED = """\
format = 1

[[technology.platforms]]
role = "Bilder og Reels fra hverdagen på kafeen"
name = "Instagram"
id = "instagram"

[[objectives]]
deadline = 2027-06-30
start = 2027-01-01
why = "Flere studenter innom på hverdager"
owner = "Kari Nordmann"
segments = ["students"]
kind = "talking"
statement = "Øke antall Instagram-følgere blant studenter fra 1 200 til 2 000 innen 30. juni 2027"
id = "grow-instagram"
targets = [{target = 2000, baseline = 1200, metric = "followers", platform = "instagram"}]

[strategy]
relationship = "Fra anonym kafé til studentenes faste møteplass"

[[strategy.initiatives]]
cadence = "1/week"
platforms = ["instagram"]
content = ["video", "images"]
description = "Ukentlige Reels med de ansatte"
objectives = ["grow-instagram"]
id = "weekly-reels"

[[people.segments]]
platforms = ["instagram", "tiktok"]
size = 12000
linkage = "functional-output"
description = "Studenter ved NTNU"
name = "Studenter i Trondheim"
id = "students"

[people.segments.involvement]
advanced = 5
debaters = 9
sporadics = 23
lurkers = 29
socializers = 34

[settings]
max_monthly_growth = 0.2

[plan]
notes = "Første utkast"
as_of = 2026-11-27
language = "nb"
organization = "Kafé Solsiden AS"
title = "Kafé Solsiden \u2013 sosiale medier 2027"
"""

# The order the contract lists the keys and tables in.
CANONICAL_ORDER = [
    "format",
    "[plan]",
    "title",
    "organization",
    "language",
    "as_of",
    "notes",
    "[settings]",
    "max_monthly_growth",
    "[[people.segments]]",
    "id",
    "name",
    "description",
    "linkage",
    "size",
    "platforms",
    "[people.segments.involvement]",
    *INVOLVEMENT_TYPES,
    "[[objectives]]",
    "id",
    "statement",
    "kind",
    "segments",
    "owner",
    "why",
    "start",
    "deadline",
    "[[objectives.targets]]",
    "platform",
    "metric",
    "baseline",
    "target",
    "[strategy]",
    "relationship",
    "[[strategy.initiatives]]",
    "id",
    "objectives",
    "description",
    "content",
    "platforms",
    "cadence",
    "[[technology.platforms]]",
    "id",
    "name",
    "role",
]


def outline(text: str) -> list[str]:
    """Table headers and key names of a TOML text, in order (no values)."""
    items = []
    for line in text.splitlines():
        if line.startswith("["):
            items.append(line.strip())
        elif match := re.match(r"([A-Za-z0-9_-]+) = ", line):
            items.append(match.group(1))
    return items


def full_plan() -> Plan:
    return parse(SHUFFLED)


# ---- canonical form ----


def test_keys_and_tables_in_the_contracts_order() -> None:
    assert outline(dumps(full_plan())) == CANONICAL_ORDER


def test_the_shuffled_plan_keeps_its_content() -> None:
    plan = full_plan()
    assert parse(dumps(plan)) == plan


def test_arrays_of_tables_are_written_as_blocks() -> None:
    text = dumps(full_plan())
    # The inline target of the input is a [[objectives.targets]] block in the output.
    assert "targets =" not in text
    assert "[[objectives.targets]]\n" in text
    assert re.search(r"^\[\[technology\.platforms\]\]$", text, re.MULTILINE)
    assert "{" not in text


def test_every_item_of_an_array_gets_its_own_block_in_the_users_order() -> None:
    plan = Plan.new("T")
    plan.technology = Technology(
        platforms=[Platform(id="tiktok"), Platform(id="instagram"), Platform(id="facebook")]
    )
    text = dumps(plan)
    assert text.count("[[technology.platforms]]") == 3
    assert [line for line in text.splitlines() if line.startswith("id =")] == [
        'id = "tiktok"',
        'id = "instagram"',
        'id = "facebook"',
    ]


def test_dates_are_toml_dates_not_strings() -> None:
    text = dumps(full_plan())
    assert "deadline = 2027-06-30\n" in text
    assert "start = 2027-01-01\n" in text
    assert "as_of = 2026-11-27\n" in text
    data = tomllib.loads(text)
    assert data["objectives"][0]["deadline"] == datetime.date(2027, 6, 30)
    assert data["plan"]["as_of"] == datetime.date(2026, 11, 27)


def test_multiline_text_is_a_multiline_string() -> None:
    plan = Plan.new("T")
    plan.plan.notes = 'First line\nSecond "line"\n\nLast line'
    text = dumps(plan)
    # Readable in a diff: each line of the text is a line of the file.
    assert 'notes = """\nFirst line\nSecond \\"line\\"\n\nLast line"""' in text
    assert "\\n" not in text
    assert parse(text).plan.notes == plan.plan.notes


def test_single_line_text_stays_on_one_line() -> None:
    plan = Plan.new('Kafé "Solsiden" \\ 2027')
    text = dumps(plan)
    assert '"""' not in text
    assert parse(text).plan.title == 'Kafé "Solsiden" \\ 2027'


def test_unset_keys_are_omitted() -> None:
    text = dumps(Plan.new("Only a title"))
    assert tomllib.loads(text) == {"format": 1, "plan": {"title": "Only a title"}}
    for absent in ("organization", "language", "notes", "settings", "people", "objectives"):
        assert absent not in text
    assert "[]" not in text
    assert '""' not in text


def test_empty_text_is_omitted_like_a_missing_key() -> None:
    plan = Plan.new("T")
    plan.objectives = [Objective(id="a", statement="Reach 100 students by June", owner="")]
    text = dumps(plan)
    assert "owner" not in text
    assert "why" not in text
    assert "targets" not in text
    assert "segments" not in text


def test_zero_is_kept() -> None:
    # 0 is a value, not "unset": a baseline of 0 followers must survive a save.
    plan = Plan.new("T")
    plan.objectives = [Objective(id="a", statement="s", targets=[Target(baseline=0, target=50)])]
    plan.people = People(segments=[Segment(id="s", name="S", size=0)])
    text = dumps(plan)
    assert "baseline = 0\n" in text
    assert "size = 0\n" in text
    assert parse(text) == plan


def test_text_that_looks_like_a_merge_conflict_still_loads() -> None:
    # Notes may quote a conflict; the saved plan must not be refused as an unresolved merge.
    plan = Plan.new("T")
    plan.plan.notes = "Before:\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> main\nAfter"
    text = dumps(plan)
    assert parse(text) == plan
    assert dumps(parse(text)) == text


CONTROL = [chr(code) for code in (*range(32), 127)]
TRICKY_TEXT = st.lists(
    st.sampled_from([*CONTROL, "\r\n", '"', "\\", "a", "é", "漢"])
    | st.sampled_from(["<<<<<<< HEAD", "=======", ">>>>>>> main"])
    | st.characters()
).map("".join)


@given(TRICKY_TEXT)
@settings(max_examples=300, deadline=None)
def test_text_is_written_exactly_as_tomli_w_writes_it(text: str) -> None:
    # The writer escapes text itself, for speed; saved plans must not change by a byte.
    multiline = not writer.CONFLICT_MARKER.search(text)
    assert writer.literal_lines({"notes": text}) == tomli_w.dumps(
        {"notes": text}, multiline_strings=multiline
    )


VALUES = (
    st.booleans()
    | st.integers()
    | st.floats()
    | st.dates()
    | st.datetimes()
    | st.lists(TRICKY_TEXT, max_size=5)
    | st.lists(st.integers() | st.floats(), max_size=5)
)


@given(VALUES)
@settings(max_examples=300, deadline=None)
def test_other_values_are_written_exactly_as_tomli_w_writes_them(value: object) -> None:
    # Numbers, dates and lists skip tomli_w's overhead per value, not a byte of its output.
    assert writer.literal_lines({"size": value}) == tomli_w.dumps(
        {"size": value}, multiline_strings=True
    )


def test_crlf_in_text_is_normalised() -> None:
    plan = Plan.new("T")
    plan.plan.notes = "one\r\ntwo\r\nthree"
    text = dumps(plan)
    assert "\r" not in text
    assert parse(text).plan.notes == "one\ntwo\nthree"


def test_a_stray_cr_before_crlf_survives_a_save() -> None:
    # Pasted text with "\r\r\n": normalising must be done once and for all, or the plan
    # in memory differs from the same plan saved and loaded again.
    plan = Plan.new("T")
    plan.plan.notes = "one\r\r\ntwo"
    assert parse(dumps(plan)) == plan


def test_crlf_from_a_file_is_normalised(tmp_path: Path) -> None:
    path = tmp_path / "p.post.toml"
    path.write_bytes(b'format = 1\r\n[plan]\r\ntitle = "T"\r\nnotes = "a\\r\\nb"\r\n')
    file = load(path)
    assert file.plan.plan.notes == "a\nb"
    text = dumps(file.plan)
    assert "\r" not in text
    assert parse(text) == file.plan


def test_output_ends_with_one_newline_and_has_no_trailing_space() -> None:
    text = dumps(full_plan())
    assert text.endswith("\n")
    assert not text.endswith("\n\n")
    assert all(line == line.rstrip() for line in text.splitlines())


def test_writer_output_of_the_contract_example_is_a_fixed_point() -> None:
    text = dumps(full_plan())
    assert dumps(parse(text)) == text


# ---- determinism over generated plans ----

# The generated plans (`plans`) are in support/plans.py, for the fuzz tests too.


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans)
def test_a_saved_plan_loads_back_equal_and_saves_to_the_same_bytes(plan: Plan) -> None:
    text = dumps(plan)
    loaded = parse(text)
    assert loaded == plan
    assert dumps(loaded).encode("utf-8") == text.encode("utf-8")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans)
def test_every_saved_plan_is_in_canonical_order(plan: Plan) -> None:
    # Whatever is set, the keys that are there come in the contract's order.
    items = outline(dumps(plan))
    keys_of = {
        "": ["format"],
        "[plan]": ["title", "organization", "language", "as_of", "notes"],
        "[[objectives]]": [
            "id", "statement", "kind", "segments", "owner", "why", "start", "deadline", "notes",
        ],
        "[[objectives.targets]]": ["platform", "metric", "baseline", "target", "notes"],
    }  # fmt: skip
    header = ""
    seen: list[str] = []
    for item in items:
        if item.startswith("["):
            header, seen = item, []
            continue
        if header in keys_of:
            order = keys_of[header]
            assert item in order
            assert all(order.index(before) < order.index(item) for before in seen)
            seen.append(item)


# ---- saving ----


def test_save_writes_the_canonical_text(tmp_path: Path) -> None:
    path = tmp_path / "plan.post.toml"
    plan = full_plan()
    save(plan, path)
    assert path.read_bytes() == dumps(plan).encode("utf-8")
    assert load(path).plan == plan


def test_write_atomic_keeps_the_mode(tmp_path: Path) -> None:
    path = tmp_path / "plan.post.toml"
    path.write_text("old\n")
    path.chmod(0o640)
    write_atomic(path, "new\n")
    assert path.read_text() == "new\n"
    assert path.stat().st_mode & 0o7777 == 0o640


def test_write_atomic_refuses_a_read_only_file_even_for_root(tmp_path: Path) -> None:
    path = tmp_path / "plan.post.toml"
    path.write_text("old\n")
    path.chmod(0o444)
    (tmp_path / "link.post.toml").symlink_to(path.name)
    for target in (path, tmp_path / "link.post.toml"):
        with pytest.raises(PermissionError):
            write_atomic(target, "new\n")
    assert path.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.post.toml", "plan.post.toml"]


def test_write_atomic_replaces_a_symlinks_target(tmp_path: Path) -> None:
    real_dir = tmp_path / "real"
    real_dir.mkdir()
    target = real_dir / "plan.post.toml"
    target.write_text("old\n")
    link = tmp_path / "link.post.toml"
    link.symlink_to(target)
    write_atomic(link, "new\n")
    assert link.is_symlink()
    assert os.readlink(link) == str(target)
    assert target.read_text() == "new\n"
    assert sorted(p.name for p in real_dir.iterdir()) == ["plan.post.toml"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.post.toml", "real"]


def test_write_atomic_leaves_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "plan.post.toml"
    path.write_text("old\n")
    write_atomic(path, "new\n")
    write_atomic(path, "newer\n")
    assert [p.name for p in tmp_path.iterdir()] == ["plan.post.toml"]
    assert path.read_text() == "newer\n"


def test_write_atomic_writes_utf8_with_unix_newlines(tmp_path: Path) -> None:
    path = tmp_path / "plan.post.toml"
    write_atomic(path, 'title = "Kafé \u2013 ø"\nx = 1\n')
    assert path.read_bytes() == 'title = "Kafé \u2013 ø"\nx = 1\n'.encode()


def _old_file(tmp_path: Path) -> tuple[Path, bytes]:
    path = tmp_path / "plan.post.toml"
    old = dumps(full_plan()).encode("utf-8")
    path.write_bytes(old)
    return path, old


def test_a_failed_rename_leaves_the_old_file(tmp_path: Path, monkeypatch) -> None:
    path, old = _old_file(tmp_path)

    def crash(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer.os, "replace", crash)
    with pytest.raises(OSError):
        save(Plan.new("Replacement"), path)
    monkeypatch.undo()
    assert path.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir()] == ["plan.post.toml"]


def test_a_write_interrupted_midway_leaves_the_old_file(tmp_path: Path, monkeypatch) -> None:
    path, old = _old_file(tmp_path)
    real_fsync = os.fsync

    def crash(fd: int) -> None:
        # The new text is partly on disk in the temp file when the failure hits.
        raise KeyboardInterrupt

    monkeypatch.setattr(writer.os, "fsync", crash)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, "half a plan")
    monkeypatch.setattr(writer.os, "fsync", real_fsync)
    assert path.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir()] == ["plan.post.toml"]


def test_a_failing_encode_leaves_the_old_file(tmp_path: Path) -> None:
    path, old = _old_file(tmp_path)
    with pytest.raises(UnicodeEncodeError):
        write_atomic(path, "lone surrogate \udc80")
    assert path.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir()] == ["plan.post.toml"]


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_a_new_file_gets_its_mode_from_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    old_umask = os.umask(umask)
    try:
        path = tmp_path / "new.post.toml"
        write_atomic(path, "x = 1\n")
        written = path.stat().st_mode & 0o7777
    finally:
        os.umask(old_umask)
    assert written == mode


def test_write_new_creates_a_file(tmp_path: Path) -> None:
    path = tmp_path / "new.post.toml"
    old_umask = os.umask(0o022)
    try:
        write_new(path, dumps(Plan.new("New")))
    finally:
        os.umask(old_umask)
    assert load(path).plan == Plan.new("New")
    assert path.stat().st_mode & 0o7777 == 0o644


def test_write_new_refuses_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "plan.post.toml"
    path.write_bytes(b"precious\n")
    with pytest.raises(FileExistsError):
        write_new(path, "x = 1\n")
    assert path.read_bytes() == b"precious\n"


def test_write_new_refuses_a_dangling_symlink(tmp_path: Path) -> None:
    link = tmp_path / "plan.post.toml"
    link.symlink_to(tmp_path / "elsewhere.toml")
    with pytest.raises(FileExistsError):
        write_new(link, "x = 1\n")
    assert not (tmp_path / "elsewhere.toml").exists()
