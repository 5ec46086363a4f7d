"""The command line as a user runs it: the real console script in a subprocess."""

from __future__ import annotations

import errno
import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from posttui.core.loader import load, parse
from posttui.core.writer import dumps
from support.cli import environment, posttui, write
from support.plans import CLEAN, TIKTOK

# CLEAN but no initiative serves the objective: only objectives/no-strategy (info).
INFO_ONLY = CLEAN.replace(
    """[[strategy.initiatives]]
id = "weekly-reels"
objectives = ["reach-students"]
platforms = ["instagram"]

""",
    "",
)

# Objectives first, then segments: rules about segments report on later lines.
WARNINGS = """\
format = 1

[plan]
title = "Plan with problems"
language = "en"
as_of = 2027-01-15

[[objectives]]
id = "grow"
statement = "Grow"

[[objectives]]
id = "reach-students"
statement = "Reach 1500 Instagram followers among students by June 2027"
segments = ["students"]
owner = "Kari Nordmann"
why = "Students fill the quiet weekday afternoons"
deadline = 2027-06-30

[[objectives.targets]]
platform = "instagram"
metric = "followers"
target = 1500

[[people.segments]]
id = "students"
name = "Students in Trondheim"

[[technology.platforms]]
id = "instagram"
"""


DUPLICATE = CLEAN + '\n[[technology.platforms]]\nid = "instagram"\nname = "Again"\n'

FINDING = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<rule>[a-z-]+/[a-z-]+) (?P<message>.+)$")


def line_of(text: str, needle: str) -> int:
    found = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(found) == 1, f"{needle!r} is on lines {found}"
    return found[0]


def findings(tmp_path: Path, text: str, *args: str) -> list[dict[str, str]]:
    write(tmp_path, text)
    result = posttui("check", "plan.post.toml", "--format", "json", *args, cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)["findings"]  # type: ignore[no-any-return]


def rules(found: list[dict[str, str]]) -> set[str]:
    return {finding["rule"] for finding in found}


# ---- check: text ----


def test_check_text_lines_are_file_line_rule_message(tmp_path: Path) -> None:
    write(tmp_path, WARNINGS)
    result = posttui("check", "plan.post.toml", cwd=tmp_path)
    assert result.returncode == 1
    *lines, summary = result.stdout.splitlines()
    assert lines
    parsed = [FINDING.match(line) for line in lines]
    assert all(parsed), lines
    assert {match["file"] for match in parsed if match} == {"plan.post.toml"}
    numbers = [int(match["line"]) for match in parsed if match]
    assert numbers == sorted(numbers)
    assert not FINDING.match(summary)
    # Each finding points into the item it is about.
    first = line_of(WARNINGS, 'id = "grow"')
    second = line_of(WARNINGS, 'id = "reach-students"')
    segment = line_of(WARNINGS, "[[people.segments]]")
    by_rule: dict[str, list[int]] = {}
    for match in parsed:
        assert match
        by_rule.setdefault(match["rule"], []).append(int(match["line"]))
    assert by_rule["specific/vague"] == [line_of(WARNINGS, 'statement = "Grow"')]
    assert all(first - 1 <= n < second - 1 for n in by_rule["specific/no-audience"])
    assert all(second - 1 <= n < segment for n in by_rule["measurable/no-baseline"])
    assert len(by_rule["people/no-platforms"]) == 1
    assert segment <= by_rule["people/no-platforms"][0] <= segment + 2


def test_check_summary_counts_the_findings(tmp_path: Path) -> None:
    found = findings(tmp_path, WARNINGS)
    warnings = sum(1 for finding in found if finding["severity"] == "warning")
    infos = sum(1 for finding in found if finding["severity"] == "info")
    assert warnings > 1
    assert infos >= 1
    result = posttui("check", "plan.post.toml", cwd=tmp_path)
    summary = result.stdout.splitlines()[-1]
    assert re.search(rf"\b{warnings} warnings?\b", summary), summary
    assert re.search(rf"\b{infos} info\b", summary), summary
    assert "error" not in summary


def test_check_text_has_no_colour_when_not_a_terminal(tmp_path: Path) -> None:
    write(tmp_path, WARNINGS)
    result = posttui("check", "plan.post.toml", cwd=tmp_path)
    assert result.stdout
    assert "\x1b" not in result.stdout
    assert "\x1b" not in result.stderr


def run_on_a_terminal(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    main, child = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "posttui", *args], cwd=cwd, stdout=child, stderr=child, env=env
    )
    os.close(child)
    output = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError as error:  # EIO: the child closed the terminal
            assert error.errno == errno.EIO
            break
        if not chunk:
            break
        output += chunk
    os.close(main)
    assert process.wait(timeout=60) == 1
    return output.decode("utf-8")


def test_check_uses_colour_on_a_terminal_unless_no_color(tmp_path: Path) -> None:
    write(tmp_path, WARNINGS)
    coloured = run_on_a_terminal(["check", "plan.post.toml"], tmp_path, environment())
    assert "\x1b[" in coloured
    plain = run_on_a_terminal(["check", "plan.post.toml"], tmp_path, environment(NO_COLOR="1"))
    assert "\x1b" not in plain
    assert "specific/vague" in plain


def test_check_clean_plan(tmp_path: Path) -> None:
    write(tmp_path, CLEAN)
    result = posttui("check", "plan.post.toml", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert not any(FINDING.match(line) for line in result.stdout.splitlines())
    assert "plan.post.toml" in result.stdout
    assert result.stderr == ""


def test_check_through_the_installed_script(tmp_path: Path) -> None:
    write(tmp_path, WARNINGS)
    result = posttui("check", "plan.post.toml", script=True, cwd=tmp_path)
    assert result.returncode == 1
    assert "plan.post.toml:" in result.stdout
    assert "specific/vague" in result.stdout
    write(tmp_path, CLEAN, "clean.post.toml")
    assert posttui("check", "clean.post.toml", script=True, cwd=tmp_path).returncode == 0


OBSERVER = """\
open(MARKER, "a").write("loaded\\n")


class Observer:
    def new_schema_validator(self, *args, **kwargs):
        return None, None, None


plugin = Observer()
"""


def pydantic_plugin(folder: Path, marker: Path) -> dict[str, str]:
    """A package on the import path with a pydantic plugin that, if ever loaded, writes
    `marker`; the environment that puts it there."""
    dist = folder / "observer-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: observer\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[pydantic]\nobserver = observer:plugin\n")
    (folder / "observer.py").write_text(OBSERVER.replace("MARKER", repr(str(marker))))
    env = environment(PYTHONPATH=str(folder))
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    return env


def test_a_pydantic_plugin_installed_beside_posttui_does_not_run_in_it(tmp_path: Path) -> None:
    """posttui's models alone validate a plan: no plugin takes part."""
    marker = tmp_path / "marker"
    env = pydantic_plugin(tmp_path / "site", marker)
    model = "import pydantic\nclass M(pydantic.BaseModel):\n    x: int\n"
    subprocess.run([sys.executable, "-c", model], env=env, check=True)
    assert marker.read_text() == "loaded\n"  # pydantic itself loads it
    marker.unlink()
    write(tmp_path, WARNINGS)
    result = posttui("check", "plan.post.toml", script=True, cwd=tmp_path, env=env)
    assert result.returncode == 1, result.stderr
    assert "specific/vague" in result.stdout
    assert not marker.exists()


def test_a_plan_named_like_a_subcommand_can_be_checked(tmp_path: Path) -> None:
    write(tmp_path, CLEAN, "check")
    result = posttui("check", "check", cwd=tmp_path)
    assert result.returncode == 0, result.stderr


# ---- check: JSON ----


def test_check_json_is_one_object_in_the_contracts_shape(tmp_path: Path) -> None:
    write(tmp_path, TIKTOK)
    result = posttui("check", "plan.post.toml", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1
    report = json.loads(result.stdout)  # the whole of stdout is one JSON document
    assert isinstance(report, dict)
    assert {"file", "findings"} <= set(report)
    assert report["file"] == "plan.post.toml"
    assert isinstance(report["findings"], list)
    for finding in report["findings"]:
        assert {"rule", "severity", "subject", "path", "message"} <= set(finding)
        for key in ("rule", "severity", "subject", "path", "message"):
            assert isinstance(finding[key], str)
        assert finding["severity"] in ("error", "warning", "info")
        assert finding["message"]
    absent = [f for f in report["findings"] if f["rule"] == "technology/audience-absent"]
    assert len(absent) == 1
    assert absent[0]["severity"] == "warning"
    assert absent[0]["subject"] == "grow-tiktok"
    assert absent[0]["path"] == "objectives[1].targets[0].platform"
    assert "tiktok" in absent[0]["message"]
    assert "students" in absent[0]["message"]
    assert result.stderr == ""


def test_check_json_clean_plan_has_no_findings(tmp_path: Path) -> None:
    write(tmp_path, CLEAN)
    result = posttui("check", "plan.post.toml", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0
    assert json.loads(result.stdout)["findings"] == []


def test_check_json_keeps_unicode_and_has_no_colour(tmp_path: Path) -> None:
    text = WARNINGS.replace('statement = "Grow"', 'statement = "Øke"').replace(
        'language = "en"', 'language = "nb"'
    )
    write(tmp_path, text, "kafé.post.toml")
    result = posttui("check", "kafé.post.toml", "--format", "json", cwd=tmp_path)
    assert "\x1b" not in result.stdout
    report = json.loads(result.stdout)
    assert report["file"] == "kafé.post.toml"
    assert "specific/vague" in rules(report["findings"])


def test_check_json_subject_and_path_name_the_item(tmp_path: Path) -> None:
    found = findings(tmp_path, WARNINGS)
    vague = [f for f in found if f["rule"] == "specific/vague"]
    assert [(f["subject"], f["path"].split(".")[0]) for f in vague] == [("grow", "objectives[0]")]
    segment = [f for f in found if f["rule"] == "people/no-platforms"]
    assert [f["subject"] for f in segment] == ["students"]
    assert segment[0]["path"].startswith("people.segments[0]")
    baseline = [f for f in found if f["rule"] == "measurable/no-baseline"]
    assert [f["subject"] for f in baseline] == ["reach-students"]
    assert baseline[0]["path"].startswith("objectives[1].targets[0]")


# ---- check: exit codes ----


def test_exit_1_with_warnings(tmp_path: Path) -> None:
    write(tmp_path, WARNINGS)
    assert posttui("check", "plan.post.toml", cwd=tmp_path).returncode == 1


def test_fail_on_error_lets_warnings_pass(tmp_path: Path) -> None:
    write(tmp_path, WARNINGS)
    result = posttui("check", "plan.post.toml", "--fail-on", "error", cwd=tmp_path)
    assert result.returncode == 0
    assert "specific/vague" in result.stdout  # still reported, just not failing


def test_fail_on_error_fails_on_errors(tmp_path: Path) -> None:
    write(tmp_path, DUPLICATE)
    result = posttui("check", "plan.post.toml", "--fail-on", "error", cwd=tmp_path)
    assert result.returncode == 1
    assert "plan/duplicate-id" in result.stdout


def test_info_passes_by_default_and_fails_with_fail_on_info(tmp_path: Path) -> None:
    found = findings(tmp_path, INFO_ONLY)
    assert rules(found) >= {"objectives/no-strategy"}
    assert {f["severity"] for f in found} == {"info"}
    write(tmp_path, INFO_ONLY)
    assert posttui("check", "plan.post.toml", cwd=tmp_path).returncode == 0
    result = posttui("check", "plan.post.toml", "--fail-on", "info", cwd=tmp_path)
    assert result.returncode == 1
    assert "objectives/no-strategy" in result.stdout


def test_fail_on_info_passes_a_clean_plan(tmp_path: Path) -> None:
    write(tmp_path, CLEAN)
    assert posttui("check", "plan.post.toml", "--fail-on", "info", cwd=tmp_path).returncode == 0


UNLOADABLE = {
    "not-toml": (CLEAN.replace('kind = "talking"', "kind = talking"), "kind = talking"),
    "conflict": (
        CLEAN.replace('kind = "talking"', '<<<<<<< HEAD\nkind = "talking"\n=======\n>>>>>>> b'),
        "<<<<<<< HEAD",
    ),
    "unknown-key": (CLEAN.replace("deadline =", "deadlnie ="), "deadlnie"),
    "wrong-type": (CLEAN.replace("size = 5000", 'size = "5000"'), "size ="),
    "newer-format": (CLEAN.replace("format = 1", "format = 3"), "format = 3"),
}


@pytest.mark.parametrize("case", sorted(UNLOADABLE))
@pytest.mark.parametrize("output", ["text", "json"])
def test_exit_2_for_an_unloadable_plan(tmp_path: Path, case: str, output: str) -> None:
    text, needle = UNLOADABLE[case]
    write(tmp_path, text)
    result = posttui("check", "plan.post.toml", "--format", output, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    message = result.stderr.strip().splitlines()
    assert message
    assert message[0].startswith(f"plan.post.toml:{line_of(text, needle)}:")
    if case != "conflict":  # a conflict names each of its marker lines
        assert len(message) == 1


def test_exit_2_for_a_missing_plan(tmp_path: Path) -> None:
    result = posttui("check", "missing.post.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "missing.post.toml" in result.stderr


def test_exit_2_names_the_unknown_key_and_suggests_a_fix(tmp_path: Path) -> None:
    write(tmp_path, CLEAN.replace("deadline =", "deadlnie ="))
    result = posttui("check", "plan.post.toml", script=True, cwd=tmp_path)
    assert result.returncode == 2
    assert "objectives[0].deadlnie" in result.stderr
    assert "deadline" in result.stderr.replace("deadlnie", "")


def test_bad_today_is_a_usage_error(tmp_path: Path) -> None:
    write(tmp_path, CLEAN)
    result = posttui("check", "plan.post.toml", "--today", "30.06.2027", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "30.06.2027" in result.stderr


# ---- check: --today ----


def test_today_after_the_deadline_makes_it_passed(tmp_path: Path) -> None:
    assert "time-bound/passed" not in rules(findings(tmp_path, CLEAN, "--today", "2027-06-30"))
    passed = [
        f
        for f in findings(tmp_path, CLEAN, "--today", "2027-07-01")
        if f["rule"] == "time-bound/passed"
    ]
    assert len(passed) == 1
    assert passed[0]["subject"] == "reach-students"
    assert "2027-06-30" in passed[0]["message"]
    result = posttui("check", "plan.post.toml", "--today", "2027-07-01", cwd=tmp_path)
    assert result.returncode == 1


def test_today_overrides_as_of(tmp_path: Path) -> None:
    late = CLEAN.replace("as_of = 2027-01-15", "as_of = 2027-08-01")
    assert "time-bound/passed" in rules(findings(tmp_path, late))
    assert "time-bound/passed" not in rules(findings(tmp_path, late, "--today", "2027-02-01"))


def test_without_as_of_or_today_the_real_date_counts(tmp_path: Path) -> None:
    old = CLEAN.replace("as_of = 2027-01-15\n", "").replace(
        "start = 2027-01-01\ndeadline = 2027-06-30", "start = 1999-01-01\ndeadline = 2000-01-01"
    )
    assert "time-bound/passed" in rules(findings(tmp_path, old))


# ---- fmt ----

NON_CANONICAL = """\
format = 1
[plan]
language = "en"
title = "Messy"
[[objectives]]
statement = "Reach 1500 followers by June"
id = "reach"
targets = [{target = 1500, platform = "instagram"}]
deadline = 2027-06-30
"""


def test_fmt_rewrites_a_file_in_canonical_form(tmp_path: Path) -> None:
    path = write(tmp_path, NON_CANONICAL)
    before = parse(NON_CANONICAL)
    result = posttui("fmt", "plan.post.toml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "plan.post.toml" in result.stdout + result.stderr
    after = path.read_text(encoding="utf-8")
    assert after == dumps(before)
    assert load(path).plan == before
    assert after.index("title") < after.index("language")
    assert "[[objectives.targets]]" in after
    assert [p.name for p in tmp_path.iterdir()] == ["plan.post.toml"]


def test_fmt_leaves_a_canonical_file_untouched(tmp_path: Path) -> None:
    path = write(tmp_path, dumps(parse(NON_CANONICAL)))
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    before = path.stat()
    result = posttui("fmt", "plan.post.toml", cwd=tmp_path)
    assert result.returncode == 0
    after = path.stat()
    assert after.st_mtime_ns == before.st_mtime_ns
    assert after.st_ino == before.st_ino  # not even replaced by an identical copy


def test_fmt_twice_changes_nothing_the_second_time(tmp_path: Path) -> None:
    path = write(tmp_path, NON_CANONICAL)
    assert posttui("fmt", "plan.post.toml", cwd=tmp_path).returncode == 0
    first = path.read_bytes()
    assert posttui("fmt", "--check", "plan.post.toml", cwd=tmp_path).returncode == 0
    assert posttui("fmt", "plan.post.toml", cwd=tmp_path).returncode == 0
    assert path.read_bytes() == first


def test_fmt_check_writes_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, NON_CANONICAL)
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    result = posttui("fmt", "--check", "plan.post.toml", cwd=tmp_path)
    assert result.returncode == 1
    assert "plan.post.toml" in result.stdout + result.stderr
    assert path.read_text(encoding="utf-8") == NON_CANONICAL
    assert path.stat().st_mtime_ns == 1_000_000_000_000_000_000
    canonical = write(tmp_path, dumps(parse(NON_CANONICAL)), "canonical.post.toml")
    result = posttui("fmt", "--check", "canonical.post.toml", cwd=tmp_path)
    assert result.returncode == 0
    assert canonical.read_text(encoding="utf-8") == dumps(parse(NON_CANONICAL))


def test_fmt_keeps_the_files_mode(tmp_path: Path) -> None:
    path = write(tmp_path, NON_CANONICAL)
    path.chmod(0o600)
    assert posttui("fmt", "plan.post.toml", cwd=tmp_path).returncode == 0
    assert path.stat().st_mode & 0o7777 == 0o600


@pytest.mark.parametrize("lang, said", [("en", "The file is read-only"), ("nb", "skrivebeskyttet")])
def test_fmt_does_not_write_over_a_read_only_file(tmp_path: Path, lang: str, said: str) -> None:
    path = write(tmp_path, NON_CANONICAL)
    path.chmod(0o444)  # read-only for everyone, which root would otherwise write over
    result = posttui("fmt", "--lang", lang, "plan.post.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("posttui fmt: ") and said in result.stderr
    assert path.read_text(encoding="utf-8") == NON_CANONICAL
    assert [p.name for p in tmp_path.iterdir()] == ["plan.post.toml"]


def test_fmt_does_not_drop_comments_unless_told(tmp_path: Path) -> None:
    text = NON_CANONICAL.replace('title = "Messy"', 'title = "Messy"  # ask Kari about this')
    path = write(tmp_path, text)
    result = posttui("fmt", "plan.post.toml", cwd=tmp_path)
    assert result.returncode != 0
    assert "comment" in result.stderr
    assert str(line_of(text, "# ask Kari")) in result.stderr
    assert path.read_text(encoding="utf-8") == text
    assert posttui("fmt", "--check", "plan.post.toml", cwd=tmp_path).returncode != 0
    assert path.read_text(encoding="utf-8") == text
    result = posttui("fmt", "--drop-comments", "plan.post.toml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert path.read_text(encoding="utf-8") == dumps(parse(text))
    assert "#" not in path.read_text(encoding="utf-8")


def test_fmt_counts_only_what_it_wrote(tmp_path: Path) -> None:
    commented = NON_CANONICAL.replace('title = "Messy"', 'title = "Messy"  # ask Kari')
    write(tmp_path, commented, "commented.post.toml")
    write(tmp_path, NON_CANONICAL, "messy.post.toml")
    write(tmp_path, dumps(parse(NON_CANONICAL)), "tidy.post.toml")
    names = ("commented.post.toml", "messy.post.toml", "tidy.post.toml")
    result = posttui("fmt", *names, "--lang", "en", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.endswith("1 file reformatted, 1 unchanged\n")  # not the commented one
    assert (tmp_path / "commented.post.toml").read_text(encoding="utf-8") == commented


def test_fmt_does_not_take_a_hash_in_text_for_a_comment(tmp_path: Path) -> None:
    text = NON_CANONICAL.replace('title = "Messy"', 'title = "Messy #1"')
    path = write(tmp_path, text)
    result = posttui("fmt", "plan.post.toml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert load(path).plan.plan.title == "Messy #1"


def test_fmt_broken_file_exits_2_and_is_not_modified(tmp_path: Path) -> None:
    text = NON_CANONICAL.replace('title = "Messy"', 'title = "Messy')
    path = write(tmp_path, text)
    result = posttui("fmt", "plan.post.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"plan.post.toml:{line_of(text, 'title =')}:" in result.stderr
    assert path.read_text(encoding="utf-8") == text


def test_fmt_formats_the_good_files_next_to_a_broken_one(tmp_path: Path) -> None:
    bad = write(tmp_path, "format = 1\n[plan]\ntitel = 'x'\n", "bad.post.toml")
    good = write(tmp_path, NON_CANONICAL, "good.post.toml")
    result = posttui("fmt", "bad.post.toml", "good.post.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert "bad.post.toml:3:" in result.stderr
    assert bad.read_text() == "format = 1\n[plan]\ntitel = 'x'\n"
    assert good.read_text(encoding="utf-8") == dumps(parse(NON_CANONICAL))


def test_fmt_follows_a_symlink(tmp_path: Path) -> None:
    real = write(tmp_path, NON_CANONICAL, "real.post.toml")
    (tmp_path / "link.post.toml").symlink_to(real.name)
    assert posttui("fmt", "link.post.toml", cwd=tmp_path).returncode == 0
    assert (tmp_path / "link.post.toml").is_symlink()
    assert real.read_text(encoding="utf-8") == dumps(parse(NON_CANONICAL))


# ---- new ----


def test_new_creates_a_plan_that_check_loads(tmp_path: Path) -> None:
    result = posttui("new", "kafe.post.toml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "kafe.post.toml" in result.stdout
    path = tmp_path / "kafe.post.toml"
    assert load(path).plan.plan.title.strip()
    assert load(path).plan.plan.language is None  # no language asked for: both vague-word lists
    check = posttui("check", "kafe.post.toml", cwd=tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr
    assert posttui("fmt", "--check", "kafe.post.toml", cwd=tmp_path).returncode == 0


def test_new_uses_the_title(tmp_path: Path) -> None:
    title = 'Kafé "Solsiden" \u2013 2027 \\ sosiale medier'
    result = posttui("new", "plan.post.toml", "--title", title, script=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert load(tmp_path / "plan.post.toml").plan.plan.title == title


def test_new_refuses_to_overwrite(tmp_path: Path) -> None:
    path = write(tmp_path, WARNINGS)
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    result = posttui("new", "plan.post.toml", "--title", "Other", cwd=tmp_path)
    assert result.returncode == 2
    assert "plan.post.toml" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_text(encoding="utf-8") == WARNINGS
    assert path.stat().st_mtime_ns == 1_000_000_000_000_000_000


def test_new_in_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = posttui("new", "no/such/folder/plan.post.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "plan.post.toml" in result.stderr
    assert not (tmp_path / "no").exists()


# ---- help ----


@pytest.mark.parametrize("command", [[], ["check"], ["fmt"], ["new"], ["edit"]])
def test_help_works(tmp_path: Path, command: list[str]) -> None:
    result = posttui(*command, "--help", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: posttui")
    assert "Traceback" not in result.stderr


def test_check_help_lists_its_options(tmp_path: Path) -> None:
    result = posttui("check", "--help", script=True, cwd=tmp_path)
    assert result.returncode == 0
    for option in ("--format", "--today", "--fail-on"):
        assert option in result.stdout


@pytest.mark.parametrize(
    "argv",
    [["plan.post.toml"], ["--lang", "nb", "plan.post.toml"], ["--lang=nb", "plan.post.toml"]],
)
def test_a_plan_alone_opens_the_editor_with_or_without_a_language_first(argv: list[str]) -> None:
    from posttui.cli import _edit_shorthand, parser

    options = parser().parse_args(_edit_shorthand(argv))
    assert options.command == "edit"
    assert options.plan == "plan.post.toml"
    assert options.lang == ("nb" if len(argv) > 1 else None)
