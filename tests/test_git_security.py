"""A cloned repository is data: nothing in it runs, and nothing in it stops git.

Each test is an attack or an accident from a real repository in a temp folder, run
through the real git and the real `posttui` console script.
"""

from __future__ import annotations

import asyncio
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest

from posttui.cli import _edit_shorthand, parser
from posttui.core.loader import load
from support.plans import SAMPLES
from support.served import Served, editor_output

NORDLYS = SAMPLES / "nordlys-analytics.post.toml"
POSTTUI = str(Path(sys.executable).with_name("posttui"))


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=check)


def posttui(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The console script, as a user runs it: never `python -m posttui` from the repository."""
    return subprocess.run([POSTTUI, *args], cwd=repo, capture_output=True, text=True)


def new_repo(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "user.email", "team@example.com")
    git(path, "config", "user.name", "Team")
    return path


def hostile_package(repo: Path, marker: Path) -> None:
    """A `posttui/` folder that, if ever imported, writes `marker` and stops."""
    package = repo / "posttui"
    package.mkdir()
    payload = f"open({str(marker)!r}, 'a').write('ran\\n')\nraise SystemExit(0)\n"
    (package / "__init__.py").write_text(payload, encoding="utf-8")
    (package / "__main__.py").write_text(payload, encoding="utf-8")


@pytest.fixture
def cloned(tmp_path: Path) -> tuple[Path, Path]:
    """A repository with a plan and a hostile `posttui/` folder, cloned and set up the
    way its docs ask: `posttui git-setup` in the clone. Gives the clone and the marker."""
    marker = tmp_path / "marker"
    origin = new_repo(tmp_path / "origin")
    shutil.copy(NORDLYS, origin / "plan.post.toml")
    hostile_package(origin, marker)
    (origin / ".gitattributes").write_text("*.post.toml diff=posttui merge=posttui\n")
    git(origin, "add", ".")
    git(origin, "commit", "-qm", "plan")
    git(tmp_path, "clone", "-q", str(origin), "clone")
    clone = tmp_path / "clone"
    git(clone, "config", "user.email", "me@example.com")
    git(clone, "config", "user.name", "Me")
    setup = posttui(clone, "git-setup")
    assert setup.returncode == 0, setup.stderr
    assert not marker.exists(), "git-setup ran the repository's posttui"
    return clone, marker


def edit(repo: Path, old: str, new: str, name: str = "plan.post.toml") -> None:
    plan = repo / name
    text = plan.read_text(encoding="utf-8")
    assert old in text
    plan.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_git_diff_in_a_cloned_repository_does_not_run_its_posttui(
    cloned: tuple[Path, Path],
) -> None:
    clone, marker = cloned
    edit(clone, "deadline = 2027-06-30", "deadline = 2027-09-30")
    shown = git(clone, "diff")
    subject = load(NORDLYS).plan.objectives[2].id
    assert f"+objectives[{subject}].deadline = 2027-09-30" in shown.stdout, shown.stderr
    assert not marker.exists(), "git diff ran the repository's posttui/__main__.py"


def test_git_merge_in_a_cloned_repository_does_not_run_its_posttui(
    cloned: tuple[Path, Path],
) -> None:
    clone, marker = cloned
    git(clone, "checkout", "-q", "-b", "a")
    edit(clone, "deadline = 2027-06-30", "deadline = 2027-09-30")
    git(clone, "commit", "-qam", "a")
    git(clone, "checkout", "-q", "-b", "b", "main")
    edit(clone, 'owner = "', 'owner = "Kari, ')
    git(clone, "commit", "-qam", "b")
    git(clone, "checkout", "-q", "a")
    merged = git(clone, "merge", "-q", "--no-edit", "b", check=False)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    text = (clone / "plan.post.toml").read_text(encoding="utf-8")
    assert "2027-09-30" in text and 'owner = "Kari, ' in text  # posttui merged it
    assert not marker.exists(), "git merge ran the repository's posttui/__main__.py"


def test_serve_in_a_cloned_repository_does_not_run_its_posttui(
    cloned: tuple[Path, Path],
) -> None:
    clone, marker = cloned
    server = Served(clone / "plan.post.toml", "--lang", "en", cwd=clone)
    try:
        server.wait_until_listening()

        # The editor the page starts draws the plan: posttui's own, not the clone's.
        ws = f"ws://127.0.0.1:{server.port}/ws?token={server.token}"

        async def editor() -> bytes:
            async with aiohttp.ClientSession() as session:
                return await editor_output(session, ws, {})

        drawn = asyncio.run(editor())
    finally:
        server.kill()
    assert not marker.exists(), "serve ran the repository's posttui/__main__.py"
    assert b"Nordlys" in drawn


def test_git_setup_names_an_isolated_python(cloned: tuple[Path, Path]) -> None:
    clone, _ = cloned
    for key in ("diff.posttui.textconv", "merge.posttui.driver"):
        python, flag, *rest = shlex.split(git(clone, "config", key).stdout)
        # This interpreter (by whichever of its names), isolated from the working folder.
        assert Path(python).resolve() == Path(sys.executable).resolve()
        assert flag in ("-I", "-P") and rest[:2] == ["-m", "posttui"]
    assert git(clone, "config", "diff.posttui.textconv").stdout.strip().endswith(" show --")


def test_git_setup_refuses_a_symlinked_gitattributes(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    # What a cloned repository can commit: .gitattributes pointing at a file outside it
    # (here a stand-in for a .pth file in the virtual environment's site-packages).
    victim = tmp_path / "outside" / "evil.pth"
    victim.parent.mkdir()
    victim.write_text("# the user's file\n", encoding="utf-8")
    (repo / ".gitattributes").symlink_to(victim)
    result = posttui(repo, "git-setup", "--lang", "en")
    assert result.returncode == 2
    assert "is a symbolic link: not written through it" in result.stderr
    assert victim.read_text(encoding="utf-8") == "# the user's file\n"
    textconv = git(repo, "config", "--local", "--get", "diff.posttui.textconv", check=False)
    assert textconv.stdout == ""  # refused before anything was set
    nb = posttui(repo, "git-setup", "--lang", "nb")
    assert nb.returncode == 2 and "er en symbolsk lenke" in nb.stderr


def test_git_setup_refuses_a_dangling_symlinked_gitattributes(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    target = tmp_path / "nowhere" / "site-packages.pth"
    target.parent.mkdir()
    (repo / ".gitattributes").symlink_to(target)
    result = posttui(repo, "git-setup", "--lang", "en")
    assert result.returncode == 2 and "symbolic link" in result.stderr
    assert not target.exists()


def test_git_log_p_goes_on_past_a_version_that_does_not_load(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    assert posttui(repo, "git-setup").returncode == 0
    plan = repo / "plan.post.toml"
    good = NORDLYS.read_text(encoding="utf-8")
    versions = [
        ("first", good),
        # Not a plan that loads, with an escape sequence that must not reach the terminal.
        ("broken", good.replace("[plan]", "[plan\n\x1b]0;owned\x07", 1)),
        ("fixed", good.replace("deadline = 2027-06-30", "deadline = 2027-09-30", 1)),
    ]
    for message, text in versions:
        plan.write_text(text, encoding="utf-8")
        git(repo, "add", "plan.post.toml")
        git(repo, "commit", "-qm", message)
    log = git(repo, "log", "-p", check=False)
    assert log.returncode == 0, log.stderr
    for message, _ in versions:
        assert f"    {message}\n" in log.stdout, f"git log -p stopped before {message!r}"
    subject = load(NORDLYS).plan.objectives[2].id
    assert f"+objectives[{subject}].deadline = 2027-09-30" in log.stdout  # facts again
    assert "\x1b" not in log.stdout and "\x07" not in log.stdout
    assert "+\\x1b]0;owned\\x07" in log.stdout  # the broken version, escaped


def test_show_prints_a_plan_that_does_not_load_as_text(tmp_path: Path) -> None:
    plan = tmp_path / "broken.post.toml"
    plan.write_bytes(b"format = 1\n[plan]\n\x1b[2Jtitle = \xff\n")
    shown = posttui(tmp_path, "show", str(plan))
    assert shown.returncode == 0
    assert shown.stdout == "format = 1\n[plan]\n\\x1b[2Jtitle = \\xff\n"
    missing = posttui(tmp_path, "show", str(tmp_path / "missing.post.toml"))
    assert missing.returncode == 2 and missing.stdout == "" and missing.stderr


def test_git_diff_of_a_plan_named_like_an_option(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    assert posttui(repo, "git-setup").returncode == 0
    shutil.copy(NORDLYS, repo / "-x.post.toml")
    git(repo, "add", "--", "-x.post.toml")
    git(repo, "commit", "-qm", "plan")
    edit(repo, "deadline = 2027-06-30", "deadline = 2027-09-30", name="-x.post.toml")
    shown = git(repo, "diff", check=False)
    assert shown.returncode == 0, shown.stderr
    subject = load(NORDLYS).plan.objectives[2].id
    assert f"+objectives[{subject}].deadline = 2027-09-30" in shown.stdout


def test_posttui_dash_dash_takes_a_plan_named_like_an_option() -> None:
    assert _edit_shorthand(["--", "-x.post.toml"]) == ["edit", "--", "-x.post.toml"]
    assert _edit_shorthand(["--lang", "nb", "--", "-x.post.toml"]) == [
        "--lang",
        "nb",
        "edit",
        "--",
        "-x.post.toml",
    ]
    options = parser().parse_args(_edit_shorthand(["--", "-x.post.toml"]))
    assert (options.command, options.plan) == ("edit", "-x.post.toml")


def test_posttui_dash_dash_opens_the_plan_in_a_terminal(tmp_path: Path) -> None:
    from support.terminal import Terminal  # skips this test where tmux is missing

    plan = tmp_path / "-x.post.toml"
    shutil.copy(NORDLYS, plan)
    os.chmod(plan, 0o644)
    title = load(NORDLYS).plan.plan.title
    with Terminal("--lang", "en", "--", str(plan)) as term:
        term.wait_for(title[:30], timeout=30)
        term.wait_for("Findings (", timeout=30)  # loaded and checked
        term.keys("C-q")
        assert term.exit_status() == 0
