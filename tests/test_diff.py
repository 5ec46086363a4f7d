"""Semantic diff, one-fact-per-line rendering and the JSON Schema, through the real CLI."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from posttui.core.diff import Change, diff
from posttui.core.git import GitError, committed_text
from posttui.core.loader import load, parse
from posttui.core.writer import dumps
from support.plans import SAMPLES

NORDLYS = SAMPLES / "nordlys-analytics.post.toml"


def posttui(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "posttui", *args], capture_output=True, text=True, cwd=cwd
    )


def edited(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """A copy of the Nordlys sample with `old` replaced by `new` once."""
    text = NORDLYS.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_changed_deadline_is_one_change_in_the_contract_shape(tmp_path: Path) -> None:
    later = edited(tmp_path, "b.post.toml", "deadline = 2027-06-30", "deadline = 2027-08-31")
    result = posttui("diff", "--format", "json", str(NORDLYS), str(later))
    assert result.returncode == 1
    subject = load(NORDLYS).plan.objectives[2].id
    assert json.loads(result.stdout) == {
        "changes": [
            {
                "op": "changed",
                "section": "objectives",
                "subject": subject,
                "field": "deadline",
                "old": "2027-06-30",
                "new": "2027-08-31",
            }
        ]
    }


def test_formatting_and_comments_are_no_change(tmp_path: Path) -> None:
    plan = load(NORDLYS).plan
    shuffled = tmp_path / "shuffled.post.toml"
    # Same data, other layout: one line per key set inline, plus a comment.
    shuffled.write_text("# reviewed\n" + dumps(plan).replace(" = ", "   =   "), encoding="utf-8")
    result = posttui("diff", str(NORDLYS), str(shuffled))
    assert (result.returncode, result.stdout.strip()) == (0, "no changes")


def test_added_removed_moved_and_target_changes() -> None:
    old = load(NORDLYS).plan
    new = old.model_copy(deep=True)
    first, second, *rest = new.objectives
    removed = rest.pop()
    new.objectives = [second, first, *rest]
    new.objectives[0].targets[0].target = 99
    new.people.segments[0].platforms = ["linkedin"]
    new.plan.title = "Renamed"
    changes = diff(old, new)
    assert (
        Change("removed", "objectives", removed.id, old=removed.model_dump(exclude_defaults=True))
        in changes
    )
    assert Change("changed", "plan", None, "title", old.plan.title, "Renamed") in changes
    target = [c for c in changes if c.field == "targets[0].target"]
    assert target == [
        Change(
            "changed",
            "objectives",
            second.id,
            "targets[0].target",
            old.objectives[1].targets[0].target,
            99,
        )
    ]
    moved = [c for c in changes if c.op == "moved"]
    assert len(moved) == 1 and moved[0].subject in (first.id, second.id)
    platforms = [c for c in changes if c.field == "platforms"]
    assert platforms[0].new == ["linkedin"]
    added = old.model_copy(deep=True)
    added.objectives.append(removed.model_copy(update={"id": "brand-new"}))
    assert [c.op for c in diff(old, added)] == ["added"]


def test_text_output_groups_by_post_step(tmp_path: Path) -> None:
    later = edited(tmp_path, "b.post.toml", 'name = "Logistics', 'name = "Senior logistics')
    result = posttui("diff", str(NORDLYS), str(later))
    lines = result.stdout.splitlines()
    assert result.returncode == 1
    assert lines[0] == "People"
    assert lines[1].startswith("  ~ segment ") and "name" in lines[1] and "→" in lines[1]


def test_an_unloadable_side_exits_2_with_the_loaders_message(tmp_path: Path) -> None:
    broken = tmp_path / "broken.post.toml"
    broken.write_text("format = 1\n[plan]\ntitel = 'x'\n")
    result = posttui("diff", str(NORDLYS), str(broken))
    assert result.returncode == 2
    assert "did you mean `title`" in result.stderr
    assert "Traceback" not in result.stderr


def test_diff_against_a_committed_revision(tmp_path: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "t@example.com")
    git("config", "user.name", "T")
    plan = tmp_path / "plan.post.toml"
    shutil.copy(NORDLYS, plan)
    git("add", "plan.post.toml")
    git("commit", "-qm", "plan")
    assert posttui("diff", str(plan)).returncode == 0  # the working file is HEAD's

    plan.write_text(NORDLYS.read_text().replace("cadence = ", 'cadence = "weekly"\nnotes = ', 1))
    result = posttui("diff", "plan.post.toml", "--rev", "HEAD", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    fields = [c["field"] for c in json.loads(result.stdout)["changes"]]
    assert fields == ["cadence", "notes"]

    missing = posttui("diff", str(plan), "--rev", "no-such-rev")
    assert missing.returncode == 2 and "no-such-rev" in missing.stderr


def test_git_failures_are_told_apart_and_said_in_the_language_spoken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # no repository above
    plan = tmp_path / "plan.post.toml"
    shutil.copy(NORDLYS, plan)

    def failure(path: Path, rev: str = "HEAD") -> GitError:
        with pytest.raises(GitError) as raised:
            committed_text(path, rev)
        return raised.value

    outside = failure(plan)
    assert outside.text("en") == f"{plan} is not in a git repository"
    assert outside.text("nb") == f"{plan} ligger ikke i et git-repo"
    result = posttui("diff", "--lang", "nb", str(plan))
    assert result.returncode == 2
    assert result.stderr == f"posttui diff: {plan} ligger ikke i et git-repo\n"

    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    assert failure(plan).text("en") == "git knows no revision HEAD"
    subprocess.run(["git", "add", "."], cwd=tmp_path, check=True)
    subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "p"],
        cwd=tmp_path,
        check=True,
    )
    other = tmp_path / "other.post.toml"
    shutil.copy(NORDLYS, other)
    assert failure(other).text("nb") == f"{other} finnes ikke i HEAD"
    assert failure(plan, "v9").text("nb") == "git kjenner ingen revisjon v9"
    gone = tmp_path / "gone" / "plan.post.toml"
    assert failure(gone).text("en") == f"there is no folder {gone.parent}"
    monkeypatch.setenv("PATH", str(tmp_path / "no-git-here"))
    assert failure(plan).text("nb") == "git er ikke installert"


def test_show_is_one_fact_per_line_and_stable_under_reformatting(tmp_path: Path) -> None:
    shown = posttui("show", str(NORDLYS))
    assert shown.returncode == 0
    lines = shown.stdout.splitlines()
    subject = load(NORDLYS).plan.objectives[2].id
    assert f"objectives[{subject}].deadline = 2027-06-30" in lines
    assert all(" = " in line for line in lines)

    reformatted = tmp_path / "same.post.toml"
    reformatted.write_text("# a comment\n" + NORDLYS.read_text(encoding="utf-8"), encoding="utf-8")
    assert posttui("show", str(reformatted)).stdout == shown.stdout

    later = edited(tmp_path, "b.post.toml", "deadline = 2027-06-30", "deadline = 2027-08-31")
    after = posttui("show", str(later)).stdout.splitlines()
    assert [line for line in after if line not in lines] == [
        f"objectives[{subject}].deadline = 2027-08-31"
    ]


def test_schema_describes_the_format_and_refuses_unknown_keys() -> None:
    result = posttui("schema")
    schema = json.loads(result.stdout)
    assert result.returncode == 0
    assert schema["required"] == ["format", "plan"]
    assert schema["additionalProperties"] is False
    objective = schema["$defs"]["Objective"]
    assert {"statement", "deadline", "targets"} <= set(objective["properties"])
    assert parse(NORDLYS.read_text()).plan.title  # the sample it describes loads
