"""Three-way merge by id and field, and git set up to use it, in real repositories."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from posttui.core.loader import LoadError, load, parse
from posttui.core.merge import merge
from posttui.core.model import Objective, Plan

SAMPLES = Path(__file__).parent.parent / "sample_plans"
NORDLYS = SAMPLES / "nordlys-analytics.post.toml"

Edit = Callable[[Plan], None]


def sides(ours: Edit, theirs: Edit) -> tuple[Plan, Plan, Plan]:
    base = load(NORDLYS).plan
    mine, yours = base.model_copy(deep=True), base.model_copy(deep=True)
    ours(mine)
    theirs(yours)
    return base, mine, yours


def new_objective(plan: Plan, id: str) -> None:
    plan.objectives.append(Objective(id=id, statement=f"Publish 12 {id} posts by June 2027"))


def test_edits_to_different_objects_and_fields_merge_cleanly() -> None:
    def ours(plan: Plan) -> None:
        plan.objectives[0].owner = "Ingrid"
        plan.objectives[1].why = "Ours"

    def theirs(plan: Plan) -> None:
        plan.objectives[0].why = "Theirs"  # same objective, another field
        plan.people.segments[0].size = 1234
        plan.plan.organization = "Nordlys AS"

    text, conflicts = merge(*sides(ours, theirs))
    assert conflicts == []
    merged = parse(text)
    assert (merged.objectives[0].owner, merged.objectives[0].why) == ("Ingrid", "Theirs")
    assert merged.objectives[1].why == "Ours"
    assert merged.people.segments[0].size == 1234
    assert merged.plan.organization == "Nordlys AS"


def test_additions_on_both_sides_keep_both_in_place() -> None:
    base, mine, yours = sides(
        lambda plan: new_objective(plan, "ours-new"),
        lambda plan: new_objective(plan, "theirs-new"),
    )
    text, conflicts = merge(base, mine, yours)
    ids = [objective.id for objective in parse(text).objectives]
    assert conflicts == []
    assert ids[: len(base.objectives)] == [o.id for o in base.objectives]
    assert set(ids[len(base.objectives) :]) == {"ours-new", "theirs-new"}


def test_a_deletion_merges_unless_the_other_side_edited_the_item() -> None:
    gone = load(NORDLYS).plan.objectives[1].id

    def delete(plan: Plan) -> None:
        del plan.objectives[1]

    text, conflicts = merge(*sides(delete, lambda plan: None))
    assert conflicts == [] and gone not in [o.id for o in parse(text).objectives]

    def edit(plan: Plan) -> None:
        plan.objectives[1].owner = "Still wanted"

    text, conflicts = merge(*sides(delete, edit))
    assert conflicts == [f"objectives[{gone}]"]
    assert "<<<<<<< ours" in text and "Still wanted" in text


def test_one_field_changed_two_ways_is_a_conflict_the_loader_points_at() -> None:
    def ours(plan: Plan) -> None:
        plan.objectives[2].owner = "Ours"

    def theirs(plan: Plan) -> None:
        plan.objectives[2].owner = "Theirs"

    text, conflicts = merge(*sides(ours, theirs))
    subject = load(NORDLYS).plan.objectives[2].id
    assert conflicts == [f"objectives[{subject}].owner"]
    lines = text.splitlines()
    start = lines.index("<<<<<<< ours")
    assert lines[start : start + 5] == [
        "<<<<<<< ours",
        'owner = "Ours"',
        "=======",
        'owner = "Theirs"',
        ">>>>>>> theirs",
    ]
    with pytest.raises(LoadError) as error:
        parse(text)
    assert [problem.line for problem in error.value.problems] == [start + 1, start + 3, start + 5]


def test_a_reorder_on_one_side_and_an_edit_on_the_other_merge() -> None:
    def reorder(plan: Plan) -> None:
        plan.objectives.reverse()

    def edit(plan: Plan) -> None:
        plan.objectives[0].owner = "Edited"

    base, mine, yours = sides(reorder, edit)
    text, conflicts = merge(base, mine, yours)
    merged = parse(text)
    assert conflicts == []
    assert [o.id for o in merged.objectives] == [o.id for o in mine.objectives]
    assert merged.objectives[-1].owner == "Edited"


def test_the_same_id_added_on_both_sides_is_one_item_or_a_conflict() -> None:
    same = sides(lambda p: new_objective(p, "twin"), lambda p: new_objective(p, "twin"))
    text, conflicts = merge(*same)
    assert conflicts == [] and [o.id for o in parse(text).objectives].count("twin") == 1

    def other(plan: Plan) -> None:
        plan.objectives.append(Objective(id="twin", statement="Another statement, 5 words"))

    text, conflicts = merge(*sides(lambda p: new_objective(p, "twin"), other))
    assert conflicts == ["objectives[twin].statement"]
    assert "<<<<<<< ours" in text


def test_plan_fields_and_settings_merge_like_item_fields() -> None:
    def ours(plan: Plan) -> None:
        plan.plan.title = "Ours"

    def theirs(plan: Plan) -> None:
        plan.settings.max_monthly_growth = 0.2
        plan.strategy.relationship = "Theirs"

    text, conflicts = merge(*sides(ours, theirs))
    merged = parse(text)
    assert conflicts == []
    assert (merged.plan.title, merged.settings.max_monthly_growth) == ("Ours", 0.2)
    assert merged.strategy.relationship == "Theirs"


# ---- with git ----


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=check)


def posttui(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "posttui", *args], cwd=repo, capture_output=True, text=True
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "team@example.com")
    git(tmp_path, "config", "user.name", "Team")
    shutil.copy(NORDLYS, tmp_path / "plan.post.toml")
    setup = posttui(tmp_path, "git-setup")
    assert setup.returncode == 0, setup.stderr
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "plan")
    return tmp_path


def branch_edit(repo: Path, branch: str, old: str, new: str) -> None:
    git(repo, "checkout", "-q", "-b", branch, "main")
    plan = repo / "plan.post.toml"
    text = plan.read_text(encoding="utf-8")
    assert old in text
    plan.write_text(text.replace(old, new, 1), encoding="utf-8")
    git(repo, "commit", "-qam", branch)


def test_git_setup_twice_changes_nothing(repo: Path) -> None:
    again = posttui(repo, "git-setup")
    assert again.returncode == 0
    assert "nothing changed" in again.stdout
    attributes = (repo / ".gitattributes").read_text().splitlines()
    assert attributes.count("*.post.toml diff=posttui merge=posttui") == 1
    assert "-m posttui merge %O %A %B" in git(repo, "config", "merge.posttui.driver").stdout


def test_files_the_editor_keeps_beside_a_plan_are_not_offered_to_git(repo: Path) -> None:
    (repo / ".plan.post.toml.4242.ab12cd.recovery").write_text("[plan]\n", encoding="utf-8")
    (repo / ".plan.post.toml.4242.xyz.tmp").write_text("", encoding="utf-8")
    assert git(repo, "status", "--porcelain").stdout == ""


def test_git_merges_branches_that_edit_different_objectives(repo: Path) -> None:
    branch_edit(repo, "a", "deadline = 2027-06-30", "deadline = 2027-09-30")
    branch_edit(repo, "b", 'owner = "', 'owner = "Kari, ')
    git(repo, "checkout", "-q", "a")
    merged = git(repo, "merge", "-q", "--no-edit", "b", check=False)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    text = (repo / "plan.post.toml").read_text(encoding="utf-8")
    assert "2027-09-30" in text and 'owner = "Kari, ' in text
    assert posttui(repo, "fmt", "--check", "plan.post.toml").returncode == 0  # canonical


def test_git_reports_a_conflict_the_loader_names(repo: Path) -> None:
    branch_edit(repo, "a", "deadline = 2027-06-30", "deadline = 2027-09-30")
    branch_edit(repo, "b", "deadline = 2027-06-30", "deadline = 2027-12-31")
    git(repo, "checkout", "-q", "a")
    merged = git(repo, "merge", "--no-edit", "b", check=False)
    assert merged.returncode != 0
    assert git(repo, "status", "--porcelain").stdout.startswith("UU plan.post.toml")
    check = posttui(repo, "check", "plan.post.toml")
    assert check.returncode == 2
    assert "git merge conflict marker <<<<<<<" in check.stderr
    assert "Traceback" not in check.stderr


def test_git_diff_reads_as_facts(repo: Path) -> None:
    plan = repo / "plan.post.toml"
    plan.write_text(plan.read_text().replace("deadline = 2027-06-30", "deadline = 2027-09-30", 1))
    shown = git(repo, "diff").stdout
    subject = load(NORDLYS).plan.objectives[2].id
    assert f"-objectives[{subject}].deadline = 2027-06-30" in shown
    assert f"+objectives[{subject}].deadline = 2027-09-30" in shown
