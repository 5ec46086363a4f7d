"""The open plan: edits, undo/redo, saving, and findings that stay exact as it changes."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from posttui.core import paths
from posttui.core.document import Document
from posttui.core.loader import LoadError, load
from posttui.core.model import Target
from posttui.core.rules import lint
from support.plans import SAMPLES

# Edits a user makes, each as (key path, value): inside one objective, and elsewhere
# (segments, initiatives, the mix, settings), which every objective is checked against.
EDITS: list[tuple[str, Any]] = [
    ("objectives[0].statement", "Improve everything"),
    ("objectives[0].statement", "Grow from 1 200 to 2 000 followers by June"),
    ("objectives[1].owner", ""),
    ("objectives[1].deadline", None),
    ("objectives[2].segments", ["nobody"]),
    ("objectives[2].targets", [Target(platform="myspace", metric="followers", target=5)]),
    ("objectives[3].id", "renamed"),
    ("people.segments[0].platforms", []),
    ("people.segments[0].id", "new-id"),
    ("strategy.initiatives", []),
    ("technology.platforms", []),
    ("settings.max_monthly_growth", 0.01),
    ("plan.language", "en"),
]


@pytest.fixture
def document(tmp_path: Path) -> Document:
    path = tmp_path / "kafe.post.toml"
    shutil.copy(SAMPLES / "kafe-solsiden.post.toml", path)
    return Document.open(path)


FORESEEN = [("foresee", index) for index in range(len(EDITS))]


@settings(max_examples=40, deadline=None)
@given(
    steps=st.lists(
        st.sampled_from([*range(len(EDITS)), "undo", "redo", "reorder", *FORESEEN]), max_size=12
    )
)
def test_findings_while_editing_equal_a_fresh_check(steps: list[Any]) -> None:
    document = Document.open(SAMPLES / "kafe-solsiden.post.toml")
    document.lint("en")
    for step in steps:
        if isinstance(step, tuple):  # what the guide shows while an answer is typed
            path, value = EDITS[step[1]]
            if path.startswith("objectives[") and len(document.plan.objectives) < 4:
                continue
            before = document.plan.model_copy(deep=True)
            edited = document.plan.model_copy(deep=True)
            paths.put(edited, path, value)
            assert document.foresee(path, value) == lint(edited)
            assert document.plan == before  # only foreseen
        elif step == "undo":
            document.undo()
        elif step == "redo":
            document.redo()
        elif step == "reorder":
            document.edit("objectives", list(reversed(document.plan.objectives)))
        else:
            path, value = EDITS[step]
            if path.startswith("objectives[") and len(document.plan.objectives) < 4:
                continue
            document.edit(path, value)
        assert document.lint("en")[0] == lint(document.plan)


def test_an_edit_is_saved_and_marks_the_plan_unsaved_until_then(document: Document) -> None:
    assert not document.dirty
    assert document.edit("objectives[0].owner", "Per Hansen")
    assert document.dirty
    document.save()
    assert not document.dirty
    assert load(document.path).plan.objectives[0].owner == "Per Hansen"


def test_setting_the_same_value_is_no_edit(document: Document) -> None:
    owner = document.plan.objectives[0].owner
    assert not document.edit("objectives[0].owner", owner)
    assert not document.dirty


def test_a_refused_value_says_why_and_changes_nothing(document: Document) -> None:
    before = document.plan.objectives[0].statement
    with pytest.raises(ValueError, match="empty"):
        document.edit("objectives[0].statement", "   ")
    assert document.plan.objectives[0].statement == before
    assert not document.dirty


def test_the_first_share_creates_the_involvement_table(document: Document) -> None:
    document.edit(
        "people.segments",
        [document.plan.people.segments[0].model_copy(update={"involvement": None})],
    )
    assert document.edit("people.segments[0].involvement.debaters", 12)
    involvement = document.plan.people.segments[0].involvement
    assert involvement is not None and involvement.debaters == 12


def test_undo_and_redo_walk_the_edits(document: Document) -> None:
    first = document.plan.objectives[0].owner
    document.edit("objectives[0].owner", "A")
    document.history.seal()
    document.edit("objectives[0].owner", "B")
    assert document.undo() and document.plan.objectives[0].owner == "A"
    assert document.undo() and document.plan.objectives[0].owner == first
    assert not document.undo()
    assert document.redo() and document.plan.objectives[0].owner == "A"


def test_a_missing_file_is_a_new_unsaved_plan_named_after_it(tmp_path: Path) -> None:
    document = Document.open(tmp_path / "bakeri-nord.post.toml")
    assert document.plan.plan.title == "Bakeri nord"
    assert document.dirty
    document.save()
    assert load(tmp_path / "bakeri-nord.post.toml").plan.plan.title == "Bakeri nord"


def test_a_broken_file_is_not_opened(tmp_path: Path) -> None:
    path = tmp_path / "broken.post.toml"
    path.write_text("format = 1\n[plan]\ntitel = 'x'\n")
    with pytest.raises(LoadError):
        Document.open(path)


def test_unsaved_means_differs_from_the_file_whatever_the_edits(document: Document) -> None:
    first = document.key("objectives", 0)
    statement = document.plan.objectives[0].statement
    document.edit_item(first, "statement", "Changed")
    document.history.seal()
    assert document.dirty
    document.edit_item(first, "statement", statement, typing=True)  # typed back, a new run
    assert not document.dirty
    document.move(first, 1)
    document.edit_item(document.key("objectives", 1), "owner", "Someone", typing=True)
    assert document.dirty
    document.move(document.key("objectives", 1), -1)  # back in place, the owner still new
    assert document.dirty
    for _ in range(3):  # the move back, the owner, the first move: as the file is
        document.undo()
    assert not document.dirty
    document.delete(first)
    assert document.dirty
    document.undo()
    assert not document.dirty


def test_typing_an_id_through_another_items_id_renames_only_the_item_typed_in(
    document: Document,
) -> None:
    """Typing `folgere-2027` into a new objective passes through `folgere`, another
    objective's id: each key still edits the objective typed in, never that one."""
    other = document.plan.objectives[-1].id
    typed_in = document.key("objectives", 0)  # the id it had when typing began
    for end in range(1, len(other) + 6):
        document.edit_item(typed_in, "id", (other + "-2027")[:end], typing=True)
    ids = [objective.id for objective in document.plan.objectives]
    assert ids[0] == other + "-2027"
    assert ids[-1] == other
