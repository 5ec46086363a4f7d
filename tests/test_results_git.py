"""Results in diff, show and merge: by date, with real files and a real git repository."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from posttui.core.diff import describe, diff
from posttui.core.facts import facts
from posttui.core.loader import load, parse
from posttui.core.merge import merge

BASE = """\
format = 2

[plan]
title = "Results"

[[objectives]]
id = "grow"
statement = "Grow followers from 1,000 to 2,000 by July"

[[objectives.targets]]
platform = "instagram"
metric = "followers"
baseline = 1000
target = 2000

[[objectives.targets.results]]
date = 2027-02-01
value = 1100
"""


def with_result(text: str, day: str, value: int) -> str:
    return text + f"\n[[objectives.targets.results]]\ndate = {day}\nvalue = {value}\n"


def test_results_added_on_both_sides_for_different_dates_merge_cleanly() -> None:
    ours = with_result(BASE, "2027-03-01", 1200)
    theirs = with_result(BASE, "2027-04-01", 1300)
    text, conflicts = merge(parse(BASE), parse(ours), parse(theirs))
    assert conflicts == []
    results = parse(text).objectives[0].targets[0].results
    assert [(r.date, r.value) for r in results] == [
        (date(2027, 2, 1), 1100),
        (date(2027, 3, 1), 1200),
        (date(2027, 4, 1), 1300),
    ]


def test_one_date_with_two_values_is_a_conflict() -> None:
    ours = with_result(BASE, "2027-03-01", 1200)
    theirs = with_result(BASE, "2027-03-01", 1250)
    text, conflicts = merge(parse(BASE), parse(ours), parse(theirs))
    assert conflicts == ["objectives[grow].targets[0].results[2027-03-01]"]
    assert "<<<<<<< ours\nvalue = 1200\n=======\nvalue = 1250\n>>>>>>> theirs\n" in text


def test_the_same_result_on_both_sides_is_no_conflict() -> None:
    both = with_result(BASE, "2027-03-01", 1200)
    assert merge(parse(BASE), parse(both), parse(both))[1] == []


def test_diff_and_show_name_results_by_date() -> None:
    new = parse(with_result(BASE, "2027-01-15", 1050))
    changes = diff(parse(BASE), new)
    assert [c.field for c in changes] == ["targets[0].results[2027-01-15].value"]
    assert describe(changes[0]) == (
        "objective grow: targets[0].results[2027-01-15].value (unset) → 1050"
    )
    assert "objectives[grow].targets[0].results[2027-02-01].value = 1100" in list(facts(new))


# ---- with git ----


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=check)


def posttui(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "posttui", *args], cwd=repo, capture_output=True, text=True
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "team@example.com")
    git(tmp_path, "config", "user.name", "Team")
    (tmp_path / "plan.post.toml").write_text(BASE)
    assert posttui(tmp_path, "git-setup").returncode == 0
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "plan")
    return tmp_path


def record_on(repo: Path, branch: str, day: str, value: str) -> None:
    git(repo, "checkout", "-q", "-b", branch, "main")
    done = posttui(repo, "record", "plan.post.toml", "grow", value, "--date", day)
    assert done.returncode == 0, done.stderr
    git(repo, "commit", "-qam", branch)


def test_git_merges_results_recorded_on_two_branches(repo: Path) -> None:
    record_on(repo, "kari", "2027-03-01", "1200")
    record_on(repo, "ola", "2027-04-01", "1300")
    git(repo, "checkout", "-q", "kari")
    merged = git(repo, "merge", "-q", "--no-edit", "ola", check=False)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    results = load(repo / "plan.post.toml").plan.objectives[0].targets[0].results
    assert [r.date.isoformat() for r in results] == ["2027-02-01", "2027-03-01", "2027-04-01"]
    shown = git(repo, "log", "-p", "-1", "ola").stdout
    assert "results[2027-04-01].value = 1300" in shown  # show as git's textconv


def test_git_reports_one_date_recorded_twice_as_a_conflict(repo: Path) -> None:
    record_on(repo, "kari", "2027-03-01", "1200")
    record_on(repo, "ola", "2027-03-01", "1250")
    git(repo, "checkout", "-q", "kari")
    merged = git(repo, "merge", "--no-edit", "ola", check=False)
    assert merged.returncode != 0
    check = posttui(repo, "check", "plan.post.toml")
    assert check.returncode == 2 and "<<<<<<<" in check.stderr
