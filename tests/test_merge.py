"""Three-way merge by id and field, and git set up to use it, in real repositories."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from posttui.core.loader import LoadError, load, parse
from posttui.core.merge import _order, merge
from posttui.core.model import Objective, Plan, Target
from posttui.core.writer import dumps
from support.plans import SAMPLES

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


# ---- where the markers go ----


def resolved(text: str, side: str) -> str:
    """The merged text with every conflict settled for `side` ('ours' or 'theirs')."""
    out, taking = [], {"ours": True, "theirs": True}
    for line in text.split("\n"):  # lines as git sees them: at line feeds only
        if line == "<<<<<<< ours":
            taking = {"ours": True, "theirs": False}
        elif line == "=======" and not taking["theirs"]:
            taking = {"ours": False, "theirs": True}
        elif line == ">>>>>>> theirs":
            taking = {"ours": True, "theirs": True}
        elif taking[side]:
            out.append(line)
    return "\n".join(out)


def hunks(text: str) -> list[tuple[list[str], list[str]]]:
    """Each conflict's lines: ours, theirs."""
    found: list[tuple[list[str], list[str]]] = []
    lines = text.split("\n")
    for start, line in enumerate(lines):
        if line == "<<<<<<< ours":
            middle = lines.index("=======", start)
            end = lines.index(">>>>>>> theirs", middle)
            found.append((lines[start + 1 : middle], lines[middle + 1 : end]))
    return found


def settled_both_ways(text: str) -> tuple[Plan, Plan]:
    """Each way of settling the conflicts gives a plan in the writer's own form."""
    plans = []
    for side in ("ours", "theirs"):
        settled = resolved(text, side)
        plan = parse(settled)
        assert dumps(plan) == settled, side
        plans.append(plan)
    return plans[0], plans[1]


def test_each_conflict_is_marked_alone_and_both_sides_are_whole_plans() -> None:
    def ours(plan: Plan) -> None:
        plan.objectives[1].owner = "Ours"
        plan.objectives[1].deadline = None  # a key gone on one side, changed on the other
        plan.objectives[3].why = "Ours too"
        plan.people.segments[1].involvement.lurkers = 40  # type: ignore[union-attr]
        plan.plan.notes = "Line one\nour line two\nline three"

    def theirs(plan: Plan) -> None:
        plan.objectives[1].owner = "Theirs"
        plan.objectives[1].deadline = date(2027, 12, 31)
        plan.objectives[3].why = "Theirs too"
        plan.people.segments[1].involvement.lurkers = 10  # type: ignore[union-attr]
        plan.plan.notes = "Line one\ntheir line two\nline three"

    base, mine, yours = sides(ours, theirs)
    text, conflicts = merge(base, mine, yours)
    ids = [o.id for o in base.objectives]
    segment = base.people.segments[1].id
    assert conflicts == [
        "plan.notes",
        f"people.segments[{segment}].involvement.lurkers",
        f"objectives[{ids[1]}].owner",
        f"objectives[{ids[1]}].deadline",
        f"objectives[{ids[3]}].why",
    ]
    mine_settled, yours_settled = settled_both_ways(text)
    assert dumps(mine_settled) == dumps(mine)
    assert dumps(yours_settled) == dumps(yours)
    assert hunks(text) == [
        (["our line two"], ["their line two"]),
        (["lurkers = 40"], ["lurkers = 10"]),
        (['owner = "Ours"'], ['owner = "Theirs"']),
        ([], ["deadline = 2027-12-31"]),
        (['why = "Ours too"'], ['why = "Theirs too"']),
    ]


def test_an_item_deleted_and_edited_is_one_conflict_around_its_block() -> None:
    gone = load(NORDLYS).plan.objectives[1]

    def delete(plan: Plan) -> None:
        del plan.objectives[1]

    def edit(plan: Plan) -> None:
        plan.objectives[1].owner = "Still wanted"

    text, conflicts = merge(*sides(edit, delete))
    assert conflicts == [f"objectives[{gone.id}]"]
    [(ours, theirs)] = hunks(text)
    assert theirs == []
    assert ours[:3] == ["", "[[objectives]]", f'id = "{gone.id}"']
    assert 'owner = "Still wanted"' in ours
    assert sum(line == "[[objectives]]" for line in ours) == 1  # that item only
    kept, dropped = settled_both_ways(text)
    assert gone.id in [o.id for o in kept.objectives]
    assert gone.id not in [o.id for o in dropped.objectives]


def test_targets_changed_two_ways_are_one_conflict_of_the_targets() -> None:
    def ours(plan: Plan) -> None:
        plan.objectives[1].targets.append(Target(platform="x", metric="posts", target=5))

    def theirs(plan: Plan) -> None:
        plan.objectives[1].targets[0].target = 99

    text, conflicts = merge(*sides(ours, theirs))
    assert conflicts == [f"objectives[{load(NORDLYS).plan.objectives[1].id}].targets"]
    [(ours_lines, theirs_lines)] = hunks(text)
    assert "target = 99" in theirs_lines and "[[objectives.targets]]" in ours_lines
    mine, yours = settled_both_ways(text)
    assert mine.objectives[1].targets[-1].platform == "x"
    assert yours.objectives[1].targets[0].target == 99


def test_every_objective_in_conflict_gives_one_conflict_each() -> None:
    def owners(who: str) -> Edit:
        def edit(plan: Plan) -> None:
            for objective in plan.objectives:
                objective.owner = f"{who} {objective.id}"

        return edit

    base, mine, yours = sides(owners("Ours"), owners("Theirs"))
    text, conflicts = merge(base, mine, yours)
    assert len(conflicts) == len(base.objectives) == len(hunks(text))
    assert all(len(ours) == len(theirs) == 1 for ours, theirs in hunks(text))
    settled_both_ways(text)


def test_markers_go_between_lines_as_git_sees_them_not_at_other_line_breaks() -> None:
    def why(text: str) -> Edit:
        def edit(plan: Plan) -> None:
            plan.objectives[1].why = text

        return edit

    # U+2028 and U+0085 break lines for str.splitlines, not for git or TOML.
    first = "First\u2028second\x85third"
    text, conflicts = merge(*sides(why(f"{first} ours"), why(f"{first} theirs")))
    assert conflicts == [f"objectives[{load(NORDLYS).plan.objectives[1].id}].why"]
    assert hunks(text) == [([f'why = "{first} ours"'], [f'why = "{first} theirs"'])]
    settled_both_ways(text)


def test_a_merge_of_thousands_of_conflicts_takes_seconds_not_minutes() -> None:
    base = load(NORDLYS).plan
    template = base.objectives[1]
    base.objectives = [
        template.model_copy(update={"id": f"objective-{n}"}, deep=True) for n in range(3000)
    ]
    mine, yours = base.model_copy(deep=True), base.model_copy(deep=True)
    for objective in mine.objectives:
        objective.owner = "Ours"
    for objective in yours.objectives:
        objective.owner = "Theirs"
    yours.objectives.insert(0, Objective(id="theirs-first", statement="Publish 1 post"))
    started = time.monotonic()
    text, conflicts = merge(base, mine, yours)
    assert time.monotonic() - started < 30  # before: 1,000 such conflicts took minutes
    assert len(conflicts) == len(hunks(text)) == 3000
    settled_both_ways(text)


def test_items_only_they_have_follow_their_predecessor_on_their_side() -> None:
    assert _order(["a", "b", "c"], ["a", "c", "b"], ["x", "a", "y", "z", "b", "w", "c"]) == [
        *("x", "a", "y", "z", "c", "b", "w")
    ]
    assert _order(["a", "b"], ["b"], ["a", "b", "n"]) == ["b", "n", "a"]
    assert _order([], [], ["p", "q"]) == ["p", "q"]


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
