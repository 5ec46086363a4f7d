"""Reading a plan file: every failure becomes a `LoadError` naming file, line and key."""

from __future__ import annotations

import itertools
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

from posttui.core import limits, paths
from posttui.core.catalog import Phrase, os_reason
from posttui.core.model import (
    FIRST_FORMAT,
    FORMAT,
    SLUG_PATTERN,
    Plan,
    format_2_keys,
    needed_format,
)
from posttui.core.source import SourceMap, comment_lines
from posttui.core.terminal import preview


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: what (a message of PROBLEMS), where (line, key path)."""

    phrase: Phrase
    line: int | None = None
    key: str | None = None

    @property
    def message(self) -> str:
        """The message in English; `text` says it in any language."""
        return self.text()

    def text(self, lang: str = "en") -> str:
        return self.phrase.text(lang)

    def render(self, file: str, lang: str = "en") -> str:
        where = f"{file}:{self.line}" if self.line else file
        key = f" {self.key}:" if self.key else ""
        # Names and values from the file are shown escaped, and a huge value only begun.
        return preview(f"{where}:{key} {self.text(lang)}")


class LoadError(Exception):
    """A plan that could not be loaded, with every problem found."""

    def __init__(self, path: Path | str, problems: list[Problem]) -> None:
        self.path = str(path)
        self.problems = problems
        super().__init__(self.render())

    def render(self, lang: str = "en") -> str:
        return "\n".join(problem.render(self.path, lang) for problem in self.problems)


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
    def fail(what: str, **params: object) -> LoadError:
        return LoadError(path, [Problem(Phrase(what, params))])

    try:
        with path.open("rb") as handle:
            # One byte past the limit tells a file too large without reading all of it.
            data = handle.read(limits.MAX_BYTES + 1)
    except FileNotFoundError:
        raise fail("no-such-file") from None
    except IsADirectoryError:
        raise fail("directory") from None
    except OSError as error:
        raise fail("unreadable", reason=os_reason(error)) from None
    if not data or data.isspace():  # strip() would copy a large file
        raise fail("empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail("utf-16")
    if b"\0" in data:
        raise fail("binary")
    if len(data) > limits.MAX_BYTES:
        raise LoadError(path, [Problem(limits.TOO_LARGE)])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise LoadError(path, [Problem(Phrase("not-utf-8"), line)]) from None


def parse(text: str, path: Path | str = "<plan>") -> Plan:
    """Validate TOML text into a Plan, or raise LoadError with all problems."""
    text = text.removeprefix("\ufeff")
    if too_much := limits.check(text):
        raise LoadError(path, [Problem(*too_much)])
    if markers := _conflict_markers(text):
        raise LoadError(path, markers)
    data = _toml(text, path)
    _check_format(data, text, path)
    try:
        plan = Plan.model_validate(data)
    except ValidationError as error:
        source = SourceMap(text)
        raise LoadError(path, _problems(error, source)) from None
    if plan.format == FIRST_FORMAT and (newer := _format_2_problems(plan, text)):
        raise LoadError(path, newer)
    # A format 2 file that uses nothing of format 2 is the format 1 plan it is saved as.
    plan.format = needed_format(plan)
    return plan


def _format_2_problems(plan: Plan, text: str) -> list[Problem]:
    """What a file that says `format = 1` uses of format 2, each named with its line:
    format 1 readers would refuse it, so posttui does not take it for format 1."""
    source = SourceMap(text)
    problems = []
    for path in itertools.islice(format_2_keys(plan), limits.MAX_PROBLEMS):
        name = path.rpartition(".")[2]
        if name == "target":  # a target without its value: a required key in format 1
            phrase = Phrase("missing.key.format-1", {"name": name})
        elif name == "language":
            phrase = Phrase("format.needs-2.value", {"name": name, "value": plan.plan.language})
        else:
            phrase = Phrase("format.needs-2", {"name": name})
        problems.append(Problem(phrase, source.line_of(path), path))
    return problems


# A line git writes around a merge conflict. The writer never starts a line with one.
CONFLICT_MARKER = re.compile(r"^(<{7}|={7}|\|{7}|>{7})(?: |\r?$)", re.MULTILINE)


def _conflict_markers(text: str) -> list[Problem]:
    if "<<<<<<<" not in text:
        return []
    found = [
        Problem(
            Phrase("conflict-marker", {"marker": match.group(1)}),
            text.count("\n", 0, match.start()) + 1,
        )
        for match in CONFLICT_MARKER.finditer(text)
    ]
    return found if any(p.phrase.params["marker"] == "<<<<<<<" for p in found) else []


# The patterns of errors are strings, compiled (and cached by `re`) once a file fails to load:
# a plan that loads does not pay for them.
_TOML_POSITION = r"\s*\(at line (\d+), column \d+\)$|\s*\(at end of document\)$"


def _toml(text: str, path: Path | str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = re.search(_TOML_POSITION, message)
        line = int(match.group(1)) if match and match.group(1) else None
        reason = _plain_toml_reason(re.sub(_TOML_POSITION, "", message))
        raise LoadError(path, [Problem(Phrase("not-toml", {"reason": reason}), line)]) from None


# tomllib's reasons, in the order they are tried, and the phrase each one is said with.
_TOML_REASONS = [
    (r"Cannot declare \((.*)\) twice", "toml.declared-twice"),
    (r"Cannot overwrite a value|Duplicate inline table key", "toml.set-twice"),
    (r"Illegal character '\\n'", "toml.open-string"),
    (r"Unterminated string", "toml.unterminated"),
    (r"Unescaped '\\' in a string", "toml.backslash"),
    (r"Invalid hex value|not a Unicode scalar value", "toml.bad-escape"),
    (r"Unclosed inline table", "toml.open-inline-table"),
    (r"Unclosed array", "toml.open-array"),
    (r"Expected '\]' at the end of a table", "toml.open-header"),
    (r"Expected '\]\]' at the end of an array", "toml.open-array-header"),
    (r"Expected '=' after a key", "toml.no-equals"),
    (r"Invalid initial character for a key", "toml.bad-key"),
    (r"Invalid value", "toml.bad-value"),
    (r"Invalid statement", "toml.bad-line"),
    (r"Invalid date or datetime", "toml.bad-date"),
    (r"Cannot mutate immutable namespace|Cannot redefine namespace", "toml.closed"),
    (r"(?:Illegal|Found invalid) character (.*)", "toml.character"),
    (r"Expected newline or end of document", "toml.line-goes-on"),
    (r"Expected (.*)", "toml.expected"),
]


def _plain_toml_reason(reason: str) -> Phrase | str:
    """tomllib's reason in plain words (Python's spellings of tuples turned into TOML's);
    a reason not known here stays in tomllib's words."""
    for pattern, plain in _TOML_REASONS:
        if match := re.search(pattern, reason):
            if plain == "toml.declared-twice":
                return Phrase(plain, {"table": ".".join(re.findall(r"'([^']*)'", match[1]))})
            return Phrase(plain, {"what": match[1]} if match.groups() else {})
    return reason


def _check_format(data: dict[str, Any], text: str, path: Path | str) -> None:
    version = data.get("format")
    if type(version) is int and FIRST_FORMAT <= version <= FORMAT:
        return
    if version is None:
        phrase = Phrase("format.missing", {"format": FIRST_FORMAT})
    elif type(version) is int and version > FORMAT:
        phrase = Phrase("format.newer", {"version": version, "format": FORMAT})
    else:
        formats = tuple(range(FIRST_FORMAT, FORMAT + 1))
        phrase = Phrase("format.wrong", {"format": formats, "got": _toml_type(version)})
    raise LoadError(path, [Problem(phrase, SourceMap(text).line_of("format"), "format")])


# ---- validation errors -> problems ----

_BRANCH = r"^(int|float|str|bool|date|none|literal\[.*\]|constrained-.*|function-.*)$"


def key_path(loc: tuple[int | str, ...]) -> str:
    """('objectives', 1, 'targets', 0, 'target') -> 'objectives[1].targets[0].target'."""
    path = ""
    after_item = True  # a key right after a list index (or first) is a key, never a branch
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif after_item or not re.match(_BRANCH, part):  # a result's `date` is a key
            path = f"{path}.{part}" if path else part
        after_item = isinstance(part, int)
    return path


def _problems(error: ValidationError, source: SourceMap) -> list[Problem]:
    by_path: dict[str, ErrorDetails] = {}
    for detail in error.errors(include_url=False):
        # A union (number = int | float) reports once per branch: keep the first.
        by_path.setdefault(key_path(detail["loc"]), detail)
    # A file wrong everywhere (thousands of unknown keys, say) lists its first problems
    # only: finding the line of each one reads its table again.
    shown = dict(itertools.islice(by_path.items(), limits.MAX_PROBLEMS))
    problems = [
        Problem(_describe(detail), source.line_of(path), path) for path, detail in shown.items()
    ]
    # In file order, like a compiler; problems without a line (a missing table) last.
    problems.sort(key=lambda p: p.line if p.line is not None else float("inf"))
    if len(by_path) > len(shown):
        problems.append(Problem(limits.more_problems(len(by_path) - len(shown))))
    return problems


def _describe(detail: ErrorDetails) -> Phrase:
    kind, value = detail["type"], detail.get("input")
    name = next((p for p in reversed(detail["loc"]) if isinstance(p, str)), "")
    if kind == "extra_forbidden":
        return _unknown_key(name, detail["loc"])
    if kind == "missing":
        return Phrase("missing.table" if name in _TABLES else "missing.key", {"name": name})
    if kind in _BOUNDS:
        return Phrase(f"bound.{kind}", detail.get("ctx", {}))
    if kind == "value_error":
        # The model's one validator of its own refuses blank text (model._not_blank).
        reason = detail["msg"].removeprefix("Value error, ")
        return (
            Phrase("blank")
            if reason == "must not be empty"
            else Phrase("other", {"reason": reason})
        )
    if kind == "literal_error":
        options = tuple(re.findall(r"'([^']*)'", detail["ctx"]["expected"]))
        return Phrase("literal", {"value": repr(value), "expected": options})
    if kind == "string_pattern_mismatch" and detail["ctx"]["pattern"] == SLUG_PATTERN:
        return Phrase("slug", {"value": repr(value)})
    if kind.endswith("_type") or kind in ("int_from_float", "finite_number"):
        expected = _TYPE_NAMES.get(kind, kind.removesuffix("_type"))
        return Phrase("type", {"expected": expected, "got": _toml_type(value)})
    return Phrase("other", {"reason": f"{detail['msg'][0].lower()}{detail['msg'][1:]}"})


_TABLES = {"plan", "settings", "people", "strategy", "technology", "involvement"}
_BOUNDS = {"greater_than_equal", "greater_than", "less_than_equal", "less_than"}

_TYPE_NAMES = {
    "int_type": Phrase("type.number"),
    "float_type": Phrase("type.number"),
    "finite_number": Phrase("type.finite-number"),
    "string_type": Phrase("type.text"),
    "date_type": Phrase("type.date"),
    "list_type": Phrase("type.list"),
    "model_type": Phrase("type.table"),
    "model_attributes_type": Phrase("type.table"),
    "dict_type": Phrase("type.table"),
    "bool_type": Phrase("type.bool"),
}


def _toml_type(value: object) -> Phrase | str:
    """A TOML value as a user wrote it: `text "5"`, `the number 5`, `true`, `a date`, ..."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return Phrase("value.number", {"value": value})
    if isinstance(value, str):
        return Phrase("value.text", {"value": json.dumps(value, ensure_ascii=False)})
    if isinstance(value, datetime):
        return Phrase("value.datetime")
    if isinstance(value, date):
        return Phrase("value.date")
    if isinstance(value, list):
        return Phrase("value.list")
    return Phrase("value.table") if isinstance(value, dict) else type(value).__name__


def _unknown_key(key: str, loc: tuple[int | str, ...]) -> Phrase:
    import difflib  # only a plan with a typo needs it; check starts faster without

    known = list(paths.model_at(key_path(loc[:-1])).model_fields)
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if close:
        return Phrase("unknown-key.close", {"name": key, "close": close[0]})
    return Phrase("unknown-key.known", {"name": key, "known": ", ".join(known)})
