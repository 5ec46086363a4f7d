"""Loading a plan: every failure is one clear LoadError naming file, line and key path."""

from __future__ import annotations

import datetime
import textwrap
from pathlib import Path

import pytest

from posttui.core.catalog import Phrase
from posttui.core.loader import LoadError, PlanFile, Problem, load, parse
from posttui.core.source import SourceMap, comment_lines

# A small valid plan that exercises every section; tests break it one key at a time.
VALID = """\
format = 1

[plan]
title = "Kafé Solsiden"
language = "nb"

[[people.segments]]
id = "students"
name = "Studenter"
linkage = "functional-output"
size = 12000
platforms = ["instagram"]

[[objectives]]
id = "grow-instagram"
statement = "Øke antall følgere fra 1200 til 2000"
kind = "talking"
segments = ["students"]
deadline = 2027-06-30

[[objectives.targets]]
platform = "instagram"
metric = "followers"
baseline = 1200
target = 2000

[[technology.platforms]]
id = "instagram"
"""


def line_of(text: str, needle: str) -> int:
    """The 1-based number of the only line of `text` that contains `needle`."""
    found = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(found) == 1, f"{needle!r} is on lines {found}"
    return found[0]


def write(tmp_path: Path, text: str | bytes, name: str = "plan.post.toml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def load_error(path: Path) -> LoadError:
    """The LoadError of loading `path`, checked for what every load error must have."""
    with pytest.raises(LoadError) as caught:
        load(path)
    error = caught.value
    assert error.problems, "a LoadError must say what is wrong"
    rendered = error.render()
    assert "Traceback" not in rendered
    # Every problem is on a line of its own that starts with the file's name.
    assert len(rendered.splitlines()) == len(error.problems)
    for line in rendered.splitlines():
        assert line.startswith(str(path))
    # The cause is not chained into the error: a user sees the message, not a parser's guts.
    assert error.__cause__ is None
    return error


def only_problem(path: Path) -> Problem:
    error = load_error(path)
    assert len(error.problems) == 1, error.render()
    return error.problems[0]


def broken(tmp_path: Path, old: str, new: str) -> tuple[Path, str]:
    """VALID with `old` (which must occur once) replaced by `new`, written to a file."""
    assert VALID.count(old) == 1
    text = VALID.replace(old, new)
    return write(tmp_path, text), text


# ---- the valid plan itself ----


def test_the_valid_plan_loads(tmp_path: Path) -> None:
    file = load(write(tmp_path, VALID))
    assert isinstance(file, PlanFile)
    assert file.plan.plan.title == "Kafé Solsiden"
    assert file.plan.objectives[0].deadline == datetime.date(2027, 6, 30)
    assert file.plan.objectives[0].targets[0].target == 2000
    assert file.text == VALID


def test_a_utf8_bom_file_loads(tmp_path: Path) -> None:
    path = write(tmp_path, b"\xef\xbb\xbf" + VALID.encode("utf-8"))
    file = load(path)
    assert file.plan.plan.title == "Kafé Solsiden"
    assert file.line_of("plan.title") == line_of(VALID, "title =")


def test_crlf_line_endings_load(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace("\n", "\r\n").encode("utf-8"))
    file = load(path)
    assert file.plan.objectives[0].id == "grow-instagram"
    assert file.line_of("objectives[0].deadline") == line_of(VALID, "deadline =")


# ---- reading the file ----


def test_missing_path(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.post.toml"
    problem = only_problem(path)
    assert "no such file" in problem.message.lower()
    assert problem.line is None


def test_a_directory(tmp_path: Path) -> None:
    folder = tmp_path / "plans.post.toml"
    folder.mkdir()
    problem = only_problem(folder)
    assert "directory" in problem.message


@pytest.mark.parametrize("content", ["", "   \n\n\t \n"], ids=["empty", "whitespace-only"])
def test_empty_file(tmp_path: Path, content: str) -> None:
    problem = only_problem(write(tmp_path, content))
    assert "empty" in problem.message
    # The message tells a user how a plan starts.
    assert "format = 1" in problem.message


def test_binary_file(tmp_path: Path) -> None:
    problem = only_problem(write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01"))
    assert "binary" in problem.message


def test_utf16_file_is_told_to_be_saved_as_utf8(tmp_path: Path) -> None:
    # What Windows PowerShell's `>` writes.
    problem = only_problem(write(tmp_path, VALID.encode("utf-16")))
    assert "UTF-8" in problem.message
    assert "binary" not in problem.message


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    # Latin-1 'é' on line 4 (the title), as an editor with the wrong encoding saves it.
    text = VALID.encode("utf-8").replace("Kafé".encode(), "Kafé".encode("latin-1"))
    problem = only_problem(write(tmp_path, text))
    assert "UTF-8" in problem.message
    assert problem.line == line_of(VALID, "title =")


# ---- not TOML ----


def test_not_toml_names_the_line(tmp_path: Path) -> None:
    path, text = broken(tmp_path, 'kind = "talking"', "kind = ")
    problem = only_problem(path)
    assert "TOML" in problem.message
    assert problem.line == line_of(text, "kind =")
    assert f"{path}:{problem.line}:" in load_error(path).render()


def test_unclosed_string_is_not_toml(tmp_path: Path) -> None:
    path, text = broken(tmp_path, 'title = "Kafé Solsiden"', 'title = "Kafé Solsiden')
    problem = only_problem(path)
    assert "TOML" in problem.message
    assert problem.line == line_of(text, "title =")


def test_duplicate_key_is_not_toml(tmp_path: Path) -> None:
    path, text = broken(tmp_path, 'kind = "talking"\n', 'kind = "talking"\nkind = "listening"\n')
    problem = only_problem(path)
    assert "TOML" in problem.message
    assert problem.line == line_of(text, 'kind = "listening"')


def test_git_merge_conflict_markers(tmp_path: Path) -> None:
    text = VALID.replace(
        'kind = "talking"\n',
        '<<<<<<< HEAD\nkind = "talking"\n=======\nkind = "energizing"\n>>>>>>> feature/energize\n',
    )
    path = write(tmp_path, text)
    error = load_error(path)
    lines = {problem.line for problem in error.problems}
    assert lines == {
        line_of(text, "<<<<<<< HEAD"),
        line_of(text, "======="),
        line_of(text, ">>>>>>> feature"),
    }
    for problem in error.problems:
        assert "conflict" in problem.message
    rendered = error.render()
    for line in sorted(lines):
        assert f"{path}:{line}:" in rendered


def test_git_merge_conflict_markers_in_a_crlf_file(tmp_path: Path) -> None:
    text = VALID.replace(
        'kind = "talking"\n',
        '<<<<<<< HEAD\nkind = "talking"\n=======\nkind = "energizing"\n>>>>>>> theirs\n',
    )
    path = write(tmp_path, text.replace("\n", "\r\n").encode("utf-8"))
    lines = {problem.line for problem in load_error(path).problems}
    assert lines == {
        line_of(text, "<<<<<<< HEAD"),
        line_of(text, "======="),
        line_of(text, ">>>>>>> theirs"),
    }


def test_diff3_conflict_markers_are_named_too(tmp_path: Path) -> None:
    text = VALID.replace(
        'kind = "talking"\n',
        "<<<<<<< ours\n"
        'kind = "talking"\n'
        "||||||| base\n"
        'kind = "listening"\n'
        "=======\n"
        'kind = "energizing"\n'
        ">>>>>>> theirs\n",
    )
    lines = {problem.line for problem in load_error(write(tmp_path, text)).problems}
    assert lines == {
        line_of(text, "<<<<<<<"),
        line_of(text, "|||||||"),
        line_of(text, "======="),
        line_of(text, ">>>>>>>"),
    }


# ---- format ----


def test_missing_format(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace("format = 1\n", ""))
    problem = only_problem(path)
    assert "format = 1" in problem.message


def test_newer_format_says_upgrade(tmp_path: Path) -> None:
    path, _ = broken(tmp_path, "format = 1", "format = 3")
    problem = only_problem(path)
    assert "upgrade" in problem.message
    assert "3" in problem.message
    assert problem.line == 1
    assert problem.key == "format"


def test_format_as_text_is_refused(tmp_path: Path) -> None:
    path, _ = broken(tmp_path, "format = 1", 'format = "1"')
    problem = only_problem(path)
    assert problem.key == "format"
    assert problem.line == 1
    assert "1" in problem.message


def test_older_format_is_refused(tmp_path: Path) -> None:
    path, _ = broken(tmp_path, "format = 1", "format = 0")
    problem = only_problem(path)
    assert problem.key == "format"
    assert "upgrade" not in problem.message  # posttui is not too old for format 0


# ---- unknown keys ----


def test_unknown_key_suggests_the_nearest_known_key(tmp_path: Path) -> None:
    path, text = broken(tmp_path, "deadline = 2027-06-30", "deadlnie = 2027-06-30")
    problem = only_problem(path)
    assert problem.key == "objectives[0].deadlnie"
    assert problem.line == line_of(text, "deadlnie")
    assert "deadlnie" in problem.message
    assert "`deadline`" in problem.message
    rendered = load_error(path).render()
    assert rendered.startswith(f"{path}:{problem.line}: objectives[0].deadlnie:")


def test_unknown_key_in_a_nested_table(tmp_path: Path) -> None:
    path, text = broken(tmp_path, "baseline = 1200", "basline = 1200")
    problem = only_problem(path)
    assert problem.key == "objectives[0].targets[0].basline"
    assert problem.line == line_of(text, "basline")
    assert "`baseline`" in problem.message


def test_unknown_table_suggests_the_known_one(tmp_path: Path) -> None:
    path, text = broken(tmp_path, "[[technology.platforms]]", "[[tecnology.platforms]]")
    problem = only_problem(path)
    assert problem.key == "tecnology"
    assert problem.line == line_of(text, "tecnology")
    assert "`technology`" in problem.message


def test_unknown_key_far_from_any_known_lists_the_known_keys(tmp_path: Path) -> None:
    path, text = broken(tmp_path, 'language = "nb"', 'zzzz = "nb"')
    problem = only_problem(path)
    assert problem.key == "plan.zzzz"
    assert problem.line == line_of(text, "zzzz")
    for known in ("title", "organization", "language", "as_of", "notes"):
        assert known in problem.message


# ---- wrong types ----


@pytest.mark.parametrize(
    ("old", "new", "key", "needle", "expected"),
    [
        (
            'statement = "Øke antall følgere fra 1200 til 2000"',
            "statement = 5",
            "objectives[0].statement",
            "statement =",
            "text",
        ),
        ("size = 12000", 'size = "many"', "people.segments[0].size", "size =", "number"),
        (
            "deadline = 2027-06-30",
            'deadline = "2027-06-30"',
            "objectives[0].deadline",
            "deadline =",
            "date",
        ),
        (
            "target = 2000",
            'target = "2000"',
            "objectives[0].targets[0].target",
            "target =",
            "number",
        ),
        (
            'platforms = ["instagram"]',
            'platforms = "instagram"',
            "people.segments[0].platforms",
            "platforms =",
            "list",
        ),
        ('title = "Kafé Solsiden"', "title = true", "plan.title", "title =", "text"),
    ],
    ids=["statement-number", "size-text", "deadline-string", "target-text", "list-text", "bool"],
)
def test_wrong_type(
    tmp_path: Path, old: str, new: str, key: str, needle: str, expected: str
) -> None:
    path, text = broken(tmp_path, old, new)
    problem = only_problem(path)
    assert problem.key == key
    assert problem.line == line_of(text, needle)
    assert expected in problem.message


def test_deadline_as_string_says_to_drop_the_quotes(tmp_path: Path) -> None:
    path, _ = broken(tmp_path, "deadline = 2027-06-30", 'deadline = "2027-06-30"')
    problem = only_problem(path)
    assert "quotes" in problem.message
    assert "2027-06-30" in problem.message


def test_negative_size_is_refused(tmp_path: Path) -> None:
    path, text = broken(tmp_path, "size = 12000", "size = -5")
    problem = only_problem(path)
    assert problem.key == "people.segments[0].size"
    assert problem.line == line_of(text, "size =")


def test_blank_title_is_refused(tmp_path: Path) -> None:
    path, text = broken(tmp_path, 'title = "Kafé Solsiden"', 'title = "   "')
    problem = only_problem(path)
    assert problem.key == "plan.title"
    assert problem.line == line_of(text, "title =")
    assert "empty" in problem.message


# ---- enums ----


@pytest.mark.parametrize(
    ("old", "new", "key", "allowed"),
    [
        (
            'kind = "talking"',
            'kind = "selling"',
            "objectives[0].kind",
            ("listening", "talking", "energizing", "supporting", "embracing"),
        ),
        (
            'linkage = "functional-output"',
            'linkage = "functional"',
            "people.segments[0].linkage",
            ("enabling", "functional-input", "functional-output", "normative", "diffuse"),
        ),
        ('language = "nb"', 'language = "no"', "plan.language", ("en", "nb")),
    ],
    ids=["kind", "linkage", "language"],
)
def test_invalid_enum_lists_the_allowed_values(
    tmp_path: Path, old: str, new: str, key: str, allowed: tuple[str, ...]
) -> None:
    path, text = broken(tmp_path, old, new)
    problem = only_problem(path)
    assert problem.key == key
    assert problem.line == line_of(text, new)
    bad = new.split('"')[1]
    assert bad in problem.message
    for value in allowed:
        assert f"'{value}'" in problem.message or f'"{value}"' in problem.message


# ---- ids ----


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ('id = "grow-instagram"', 'id = "Grow Instagram"', "objectives[0].id"),
        ('id = "students"', 'id = "studenter_ntnu"', "people.segments[0].id"),
        ('id = "instagram"', 'id = "Instagram"', "technology.platforms[0].id"),
    ],
    ids=["objective", "segment", "platform"],
)
def test_bad_id_is_not_a_slug(tmp_path: Path, old: str, new: str, key: str) -> None:
    path, text = broken(tmp_path, old, new)
    problem = only_problem(path)
    assert problem.key == key
    assert problem.line == line_of(text, new)
    assert new.split('"')[1] in problem.message
    assert "lowercase" in problem.message


def test_bad_id_in_a_reference_list(tmp_path: Path) -> None:
    path, text = broken(tmp_path, 'segments = ["students"]', 'segments = ["Students"]')
    problem = only_problem(path)
    assert problem.key == "objectives[0].segments[0]"
    assert problem.line == line_of(text, "segments = ")


# ---- missing required keys ----


@pytest.mark.parametrize(
    ("old", "key", "line_needle"),
    [
        ('title = "Kafé Solsiden"\n', "plan.title", "[plan]"),
        ('id = "grow-instagram"\n', "objectives[0].id", "[[objectives]]"),
        ('statement = "Øke antall følgere fra 1200 til 2000"\n', "objectives[0].statement", None),
        ("target = 2000\n", "objectives[0].targets[0].target", "[[objectives.targets]]"),
        ('name = "Studenter"\n', "people.segments[0].name", "[[people.segments]]"),
        ('id = "instagram"\n', "technology.platforms[0].id", "[[technology.platforms]]"),
    ],
    ids=["title", "objective-id", "statement", "target", "segment-name", "platform-id"],
)
def test_missing_required_key(tmp_path: Path, old: str, key: str, line_needle: str | None) -> None:
    path, text = broken(tmp_path, old, "")
    problem = only_problem(path)
    assert problem.key == key
    assert "missing" in problem.message
    # The line is the table the key is missing from.
    assert problem.line == line_of(text, line_needle or "[[objectives]]")


def test_missing_plan_table(tmp_path: Path) -> None:
    path = write(tmp_path, 'format = 1\n\n[[technology.platforms]]\nid = "instagram"\n')
    problem = only_problem(path)
    assert problem.key == "plan"
    assert "missing" in problem.message


# ---- all problems, not just the first ----


def test_all_problems_are_collected(tmp_path: Path) -> None:
    text = (
        VALID.replace('language = "nb"', 'langauge = "nb"')
        .replace("size = 12000", 'size = "lots"')
        .replace('kind = "talking"', 'kind = "shouting"')
    )
    path = write(tmp_path, text)
    error = load_error(path)
    by_key = {problem.key: problem for problem in error.problems}
    assert set(by_key) == {
        "plan.langauge",
        "people.segments[0].size",
        "objectives[0].kind",
    }
    assert by_key["plan.langauge"].line == line_of(text, "langauge")
    assert by_key["people.segments[0].size"].line == line_of(text, "size =")
    assert by_key["objectives[0].kind"].line == line_of(text, "kind =")


def test_problems_are_listed_in_file_order(tmp_path: Path) -> None:
    # Like a compiler: the first problem in the file comes first, whatever table it is in.
    text = (
        VALID.replace(
            "[[technology.platforms]]\nid",
            "[settings]\nmax_monthly_growth = 0\n\n[[technology.platforms]]\nid",
        )
        .replace('id = "grow-instagram"', 'id = "Grow"')
        .replace("deadline = 2027-06-30", 'deadline = "2027-06-30"')
        .replace('kind = "talking"', "kind = 3")
    )
    path = write(tmp_path, text)
    lines = [problem.line for problem in load_error(path).problems]
    assert len(lines) == 4
    assert None not in lines
    assert lines == sorted(lines)


def test_problems_in_several_items_are_each_reported(tmp_path: Path) -> None:
    text = VALID + textwrap.dedent("""
        [[technology.platforms]]
        id = "TikTok"

        [[technology.platforms]]
        id = "x"
        nmae = "X"
    """)
    path = write(tmp_path, text)
    error = load_error(path)
    keys = {problem.key: problem.line for problem in error.problems}
    assert keys == {
        "technology.platforms[1].id": line_of(text, '"TikTok"'),
        "technology.platforms[2].nmae": line_of(text, "nmae"),
    }


def test_one_problem_per_key_even_for_number_unions(tmp_path: Path) -> None:
    # `baseline` accepts an integer or a decimal: a wrong value is still one problem.
    path, _ = broken(tmp_path, "baseline = 1200", 'baseline = "1200"')
    problem = only_problem(path)
    assert problem.key == "objectives[0].targets[0].baseline"


# ---- the line map ----

NESTED = """\
format = 1

[plan]
title = "Nested"

[[people.segments]]
id = "first"
name = "First"

[[people.segments]]
id = "second"
name = "Second"
platforms = ["instagram"]

[people.segments.involvement]
socializers = 34
lurkers = 29
debaters = 9

[[objectives]]
id = "one"
statement = "One one one one"

[[objectives.targets]]
target = 5

[[objectives]]
id = "two"
why = \"\"\"
Not a key:
statement = "inside a multi-line string"
[[objectives.targets]]
\"\"\"
statement = "Two two two two"

[[objectives.targets]]
platform = "instagram"
target = 10

[[objectives.targets]]
platform = "tiktok"
target = 20
"""


def test_line_map_of_nested_arrays_of_tables() -> None:
    source = SourceMap(NESTED)
    lines = NESTED.splitlines()
    second_target = line_of(NESTED, 'platform = "tiktok"')
    assert source.line_of("objectives[1].targets[1].platform") == second_target
    assert source.line_of("objectives[1].targets[1].target") == line_of(NESTED, "target = 20")
    assert source.line_of("objectives[1].targets[0].target") == line_of(NESTED, "target = 10")
    assert source.line_of("objectives[0].targets[0].target") == line_of(NESTED, "target = 5")
    # A key that is not in the file resolves to its table's header.
    header = source.line_of("objectives[1].targets[1].baseline")
    assert header is not None
    assert lines[header - 1] == "[[objectives.targets]]"
    assert header == second_target - 1


def test_line_map_of_a_segments_involvement() -> None:
    source = SourceMap(NESTED)
    assert source.line_of("people.segments[1].involvement.debaters") == line_of(
        NESTED, "debaters = 9"
    )
    assert source.line_of("people.segments[1].involvement") == line_of(
        NESTED, "[people.segments.involvement]"
    )
    # Unset share: the involvement table, not the first segment.
    assert source.line_of("people.segments[1].involvement.advanced") == line_of(
        NESTED, "[people.segments.involvement]"
    )
    assert source.line_of("people.segments[1].platforms") == line_of(NESTED, "platforms =")
    assert source.line_of("people.segments[0].name") == line_of(NESTED, '"First"')


def test_a_key_inside_a_multiline_string_is_not_a_key() -> None:
    source = SourceMap(NESTED)
    assert source.line_of("objectives[1].statement") == line_of(NESTED, '"Two two two two"')
    # The `[[objectives.targets]]` inside the string does not count as a target either.
    assert source.line_of("objectives[1].targets[0].platform") == line_of(
        NESTED, 'platform = "instagram"'
    )


def test_nested_problem_reported_at_its_line(tmp_path: Path) -> None:
    text = NESTED.replace("target = 20", 'target = "twenty"').replace(
        "debaters = 9", "debaters = 900"
    )
    path = write(tmp_path, text)
    error = load_error(path)
    by_key = {problem.key: problem.line for problem in error.problems}
    assert by_key == {
        "objectives[1].targets[1].target": line_of(text, '"twenty"'),
        "people.segments[1].involvement.debaters": line_of(text, "debaters = 900"),
    }


def test_plan_file_line_of(tmp_path: Path) -> None:
    file = load(write(tmp_path, NESTED))
    assert file.line_of("objectives[1].targets[1].platform") == line_of(NESTED, '"tiktok"')
    assert file.plan.objectives[1].why.startswith("Not a key:")


def test_line_map_with_spaced_headers_and_quoted_keys() -> None:
    text = 'format = 1\n[ plan ]\ntitle = "T"\n[[ objectives ]]\nid = "a"\n"statement" = "x"\n'
    source = SourceMap(text)
    assert source.line_of("plan.title") == 3
    assert source.line_of("objectives[0].statement") == 6


# ---- comments ----


def test_comment_lines_are_found() -> None:
    text = textwrap.dedent("""\
        # a plan
        format = 1
        [plan]
        title = "Kafé # 1"  # trailing comment
        notes = \"\"\"
        # not a comment: inside a string
        \"\"\"
        organization = 'hash # in a literal'
        language = "en"
    """)
    assert comment_lines(text) == [1, 4]


def test_a_comment_after_a_closing_triple_quote_is_found() -> None:
    text = 'format = 1\n[plan]\ntitle = "T"\nnotes = """\nsome text\n"""  # keep me\n'
    assert comment_lines(text) == [6]


def test_triple_quotes_in_a_comment_or_literal_do_not_hide_the_rest() -> None:
    text = textwrap.dedent("""\
        # Long text goes in \"\"\" quotes
        format = 1
        [plan]
        title = '\"\"\"quoted\"\"\"'
        organization = "Org" # who \"\"\"
        notes = \"\"\"
        line \\\"\"\" still inside
        \"\"\"
        language = "en"  # last
    """)
    assert parse(text).plan.language == "en"
    source = SourceMap(text)
    assert source.line_of("plan.title") == 4
    assert source.line_of("plan.organization") == 5
    assert source.line_of("plan.notes") == 6
    assert source.line_of("plan.language") == 9
    assert comment_lines(text) == [1, 5, 9]


def test_a_plan_without_comments_has_none(tmp_path: Path) -> None:
    assert load(write(tmp_path, VALID)).comment_lines == []


# ---- the error as a whole ----


def test_str_and_render_start_with_the_file_path(tmp_path: Path) -> None:
    path, _ = broken(tmp_path, "deadline = 2027-06-30", "deadlnie = 2027-06-30")
    error = load_error(path)
    assert str(error).startswith(str(path))
    assert error.render().startswith(str(path))
    assert error.path == str(path)


def test_parse_without_a_file_names_a_placeholder() -> None:
    with pytest.raises(LoadError) as caught:
        parse("format = 1\n[plan]\ntitl = 'x'\n")
    error = caught.value
    assert {problem.key for problem in error.problems} == {"plan.titl", "plan.title"}
    assert str(error).startswith("<plan>")


def test_problem_render_without_a_line() -> None:
    assert Problem(Phrase("no-such-file")).render("a.toml") == "a.toml: no such file"
    blank = Problem(Phrase("blank"), 3, "plan.title")
    assert blank.render("a.toml") == "a.toml:3: plan.title: must not be empty"
    assert blank.render("a.toml", "nb") == "a.toml:3: plan.title: kan ikke være tom"
