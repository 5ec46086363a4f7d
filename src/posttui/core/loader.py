"""Reading a plan file: every failure becomes a `LoadError` naming file, line and key."""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from posttui.core import paths
from posttui.core.model import FORMAT, SLUG_PATTERN, Plan
from posttui.core.source import SourceMap, comment_lines


@dataclass(frozen=True)
class Problem:
    message: str
    line: int | None = None
    key: str | None = None

    def render(self, file: str) -> str:
        where = f"{file}:{self.line}" if self.line else file
        key = f" {self.key}:" if self.key else ""
        return f"{where}:{key} {self.message}"


class LoadError(Exception):
    """A plan that could not be loaded, with every problem found."""

    def __init__(self, path: Path | str, problems: list[Problem]) -> None:
        self.path = str(path)
        self.problems = problems
        super().__init__(self.render())

    def render(self) -> str:
        return "\n".join(problem.render(self.path) for problem in self.problems)


@dataclass
class PlanFile:
    """A plan with the text it came from (empty for a plan not yet saved)."""

    path: Path
    plan: Plan
    text: str = ""

    @cached_property
    def source(self) -> SourceMap:
        return SourceMap(self.text)

    def line_of(self, key_path: str) -> int | None:
        return self.source.line_of(key_path) if self.text else None

    @cached_property
    def comment_lines(self) -> list[int]:
        return comment_lines(self.text)


def load(path: Path | str) -> PlanFile:
    path = Path(path)
    text = read_text(path)
    return PlanFile(path, parse(text, path), text)


def read_text(path: Path) -> str:
    def fail(message: str) -> LoadError:
        return LoadError(path, [Problem(message)])

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise fail("no such file") from None
    except IsADirectoryError:
        raise fail("is a directory, not a plan file") from None
    except OSError as error:
        raise fail(f"cannot be read: {error.strerror or error}") from None
    if not data.strip():
        raise fail("the file is empty: a plan starts with `format = 1` and a [plan] title")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail("is UTF-16 text: save it as UTF-8")
    if b"\0" in data:
        raise fail("is a binary file, not a TOML plan")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise LoadError(path, [Problem("is not UTF-8 text: save it as UTF-8", line)]) from None


def parse(text: str, path: Path | str = "<plan>") -> Plan:
    """Validate TOML text into a Plan, or raise LoadError with all problems."""
    text = text.removeprefix("\ufeff")
    if markers := _conflict_markers(text):
        raise LoadError(path, markers)
    data = _toml(text, path)
    _check_format(data, text, path)
    try:
        return Plan.model_validate(data)
    except ValidationError as error:
        source = SourceMap(text)
        raise LoadError(path, _problems(error, source)) from None


# A line git writes around a merge conflict. The writer never starts a line with one.
CONFLICT_MARKER = re.compile(r"^(<{7}|={7}|\|{7}|>{7})(?: |\r?$)", re.MULTILINE)


def _conflict_markers(text: str) -> list[Problem]:
    if "<<<<<<<" not in text:
        return []
    found = [
        Problem(
            f"git merge conflict marker {match.group(1)}: resolve the conflict first",
            text.count("\n", 0, match.start()) + 1,
        )
        for match in CONFLICT_MARKER.finditer(text)
    ]
    return found if any(p.message.startswith("git merge conflict marker <") for p in found) else []


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column \d+\)$|\s*\(at end of document\)$")


def _toml(text: str, path: Path | str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _TOML_POSITION.search(message)
        line = int(match.group(1)) if match and match.group(1) else None
        reason = _plain_toml_reason(_TOML_POSITION.sub("", message))
        raise LoadError(path, [Problem(f"not valid TOML: {reason}", line)]) from None


_TOML_REASONS = [
    (re.compile(r"Cannot declare \((.*)\) twice"), "the table [{0}] is declared twice"),
    (
        re.compile(r"Cannot overwrite a value"),
        "a key is set twice, or a key and a table share a name",
    ),
    (re.compile(r"Illegal character '\\n'"), "the line ends inside a string: is a quote missing?"),
]


def _plain_toml_reason(reason: str) -> str:
    """tomllib's wording, with Python's spellings (tuples, escapes) turned into TOML's."""
    for pattern, plain in _TOML_REASONS:
        if match := pattern.search(reason):
            dotted = ".".join(re.findall(r"'([^']*)'", match.group(1))) if match.groups() else ""
            return plain.format(dotted)
    return reason


def _check_format(data: dict[str, Any], text: str, path: Path | str) -> None:
    version = data.get("format")
    if version == FORMAT and type(version) is int:
        return
    if version is None:
        message = f"missing `format = {FORMAT}` at the top: is this a posttui plan?"
    elif type(version) is int and version > FORMAT:
        message = (
            f"format {version} is newer than this posttui understands ({FORMAT}): "
            "upgrade posttui to open it"
        )
    else:
        message = f"format must be {FORMAT}, not {_toml_type(version)}"
    raise LoadError(path, [Problem(message, SourceMap(text).line_of("format"), "format")])


# ---- validation errors -> problems ----

_BRANCH = re.compile(r"^(int|float|str|bool|date|none|literal\[.*\]|constrained-.*|function-.*)$")


def key_path(loc: tuple[int | str, ...]) -> str:
    """('objectives', 1, 'targets', 0, 'target') -> 'objectives[1].targets[0].target'."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif not _BRANCH.match(part):
            path = f"{path}.{part}" if path else part
    return path


def _problems(error: ValidationError, source: SourceMap) -> list[Problem]:
    by_path: dict[str, ErrorDetails] = {}
    for detail in error.errors(include_url=False):
        # A union (number = int | float) reports once per branch: keep the first.
        by_path.setdefault(key_path(detail["loc"]), detail)
    problems = [
        Problem(_describe(detail), source.line_of(path), path) for path, detail in by_path.items()
    ]
    # In file order, like a compiler; problems without a line (a missing table) last.
    return sorted(problems, key=lambda p: p.line if p.line is not None else float("inf"))


def _describe(detail: ErrorDetails) -> str:
    kind, value = detail["type"], detail.get("input")
    name = next((p for p in reversed(detail["loc"]) if isinstance(p, str)), "")
    if kind == "extra_forbidden":
        return f"unknown key `{name}`{_suggestion(name, detail['loc'])}"
    if kind == "missing":
        return f"missing required {'table' if name in _TABLES else 'key'} `{name}`"
    if kind in _BOUNDS:
        return _BOUNDS[kind].format(**detail.get("ctx", {}))
    if kind == "value_error":
        return detail["msg"].removeprefix("Value error, ")
    if kind == "literal_error":
        return f"{value!r} is not allowed; use one of {detail['ctx']['expected']}"
    if kind == "string_pattern_mismatch" and detail["ctx"]["pattern"] == SLUG_PATTERN:
        return f"{value!r} is not a valid id: use lowercase letters, digits and hyphens"
    if kind.endswith("_type") or kind in ("int_from_float", "finite_number"):
        expected = _TYPE_NAMES.get(kind, kind.removesuffix("_type"))
        return f"expected {expected}, got {_toml_type(value)}"
    return f"{detail['msg'][0].lower()}{detail['msg'][1:]}"


_TABLES = {"plan", "settings", "people", "strategy", "technology", "involvement"}
_BOUNDS = {
    "greater_than_equal": "must be {ge} or more",
    "greater_than": "must be more than {gt}",
    "less_than_equal": "must be {le} or less",
    "less_than": "must be less than {lt}",
}

_TYPE_NAMES = {
    "int_type": "a number",
    "float_type": "a number",
    "finite_number": "a finite number",
    "string_type": "text in quotes",
    "date_type": "a date such as 2027-06-30 (no quotes, no time)",
    "list_type": "a list [ ... ]",
    "model_type": "a table",
    "model_attributes_type": "a table",
    "dict_type": "a table",
    "bool_type": "true or false",
}


def _toml_type(value: object) -> str:
    """A TOML value as a user wrote it: `text "5"`, `the number 5`, `true`, `a date`, ..."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"text {json.dumps(value, ensure_ascii=False)}"
    if isinstance(value, datetime):
        return "a date with a time of day"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, list):
        return "a list"
    return "a table" if isinstance(value, dict) else type(value).__name__


def _suggestion(key: str, loc: tuple[int | str, ...]) -> str:
    import difflib  # only a plan with a typo needs it; check starts faster without

    known = list(paths.model_at(key_path(loc[:-1])).model_fields)
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    return f" (did you mean `{close[0]}`?)" if close else f"; known keys: {', '.join(known)}"
