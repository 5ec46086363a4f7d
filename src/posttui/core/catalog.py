"""What posttui says about a plan, by language: findings, and why a file cannot be loaded.

A key is a rule id, plus a variant suffix where one rule says different things.
Parameters are filled with str.format; the templates format numbers and dates.
`localized` dresses the parameters for the reader first: numbers keep the
template's format but take the language's separators (1,200 / 1 200, 15% / 15 %),
and the method's words (a Groundswell kind) are named in the reader's language.
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from posttui.core.i18n import Catalog, norwegian
from posttui.core.vocabulary import kind_choice

# Norwegian groups digits with a space (kept on one line) and writes a decimal comma.
_NBSP = "\u00a0"
_NORWEGIAN_DIGITS = str.maketrans({",": _NBSP, ".": ","})


class Number:
    """A number that formats as its reader writes numbers, with the template's spec."""

    __slots__ = ("lang", "value")

    def __init__(self, value: float, lang: str) -> None:
        self.value = value
        self.lang = lang

    def __format__(self, spec: str) -> str:
        text = format(self.value, spec)
        if not norwegian(self.lang):
            return text
        text = text.translate(_NORWEGIAN_DIGITS)
        return f"{text.removesuffix('%')}{_NBSP}%" if spec.endswith("%") else text


# Parameters that hold a value of the method's vocabulary, by name.
_TERMS: dict[str, Callable[[str, str], str]] = {"kind": kind_choice}


def localized(params: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """`params` ready for a template in `lang`: numbers and the method's words dressed."""
    return {name: _localized(name, value, lang) for name, value in params.items()}


def _localized(name: str, value: Any, lang: str) -> Any:
    if name in _TERMS:
        return _TERMS[name](value, lang)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Number(value, lang)
    return value


FINDINGS = Catalog(
    "findings",
    en={
        "specific/vague.short": (
            "The statement is too short ({words} of at least 4 words): "
            "say who, what and how much, e.g. 'Grow Instagram followers among "
            "students from 1,200 to 2,000 by 30 June'."
        ),
        "specific/vague.word": (
            "'{word}' without a number is vague: say from what to what, "
            "e.g. 'from 1,200 to 2,000 followers'."
        ),
        "specific/vague.quantity": (
            "The statement says no quantity: say how much, e.g. 'from 1,200 to 2,000 "
            "followers' or 'to 40 %' (a year or a date is not a quantity)."
        ),
        "specific/no-audience": "No segment named: say which segments this objective is for.",
        "specific/everyone": (
            (
                "This objective names every segment ({count}): an objective for "
                "everyone reaches no one in particular; name the segments it is "
                "really for."
            ),
            (
                "This objective names all {count} segments: an objective for everyone "
                "reaches no one in particular; name the segments it is really for."
            ),
        ),
        "measurable/no-target": "No target: add a platform, a metric and a number to reach.",
        "measurable/no-baseline": (
            "Target {n} has no baseline: note where you stand today, so progress can be measured."
        ),
        "measurable/no-metric": (
            "Target {n} has no metric: name what is counted (followers, reach, leads, ...)."
        ),
        "measurable/no-target-value": (
            "Target {n} has no target value: say the level to reach, once it is known."
        ),
        "measurable/stale-results": (
            "The latest result for {target} is from {date}, {days} days ago (report_every: "
            "{every} days): record where it stands now."
        ),
        "attractive/no-owner": "No owner: name the person who answers for this objective.",
        "attractive/no-why": (
            "No 'why': say what makes this objective worth the effort, unless the "
            "statement says it already."
        ),
        "realistic/no-change": (
            "The target equals the baseline ({value:,}): set the level you want to reach."
        ),
        "realistic/growth": (
            "From {baseline:,} to {target:,} in {months:.1f} months needs {monthly:.0%} "
            "growth a month, above {limit:.0%}: lower the target or allow more time."
        ),
        "realistic/growth.decline": (
            "From {baseline:,} down to {target:,} in {months:.1f} months needs a fall of "
            "{monthly:.0%} a month, above {limit:.0%}: aim less low or allow more time."
        ),
        "realistic/exceeds-audience": (
            "A target of {target:,} {metric} exceeds the {audience:,} people in this objective's "
            "segments: lower the target or widen the audience."
        ),
        "realistic/behind-pace": (
            "Behind pace: at {actual:+,.1f} per 30 days so far, {target} reaches about "
            "{forecast:,.0f} by {deadline}, not {value:,}; it needs {needed:+,.1f} per 30 days "
            "from now."
        ),
        "time-bound/no-deadline": (
            "No deadline: set the date by which the target is reached, or the plan's period."
        ),
        "time-bound/passed": (
            "The deadline {deadline} has passed (today is {today}): move it or close the objective."
        ),
        "time-bound/passed.reached": (
            "The deadline {deadline} has passed; the target was reached on {reached}: "
            "close the objective or set the next target."
        ),
        "time-bound/start-after-deadline": (
            "The start {start} is after the deadline {deadline}: swap or correct the dates."
        ),
        "time-bound/outside-period.start": (
            "The start {start} is before the plan's period begins ({period}): "
            "move the start or widen the period."
        ),
        "time-bound/outside-period.deadline": (
            "The deadline {deadline} is after the plan's period ends ({period}): "
            "move the deadline or widen the period."
        ),
        "people/no-platforms": (
            "No platforms: find out where this segment is before choosing technology."
        ),
        "people/untargeted-segment": (
            "No objective is for {segment}: name it in an objective, or leave it out of the plan."
        ),
        "people/involvement-sum": (
            "Involvement shares sum to {total:g} %, not 100: adjust them (Norwegian averages: "
            "34/29/23/9/5)."
        ),
        "objectives/no-strategy": (
            "No initiative serves this objective: add one in Strategy, or drop the objective."
        ),
        "objectives/audience-fit": (
            "An objective of kind {kind} needs people who take part, but at most {share:g} % "
            "of its segments are debaters or advanced users: pick another kind or audience."
        ),
        "objectives/no-kind": (
            "No kind: say which Groundswell function this objective serves (listening, "
            "talking, energizing, supporting or embracing)."
        ),
        "objectives/no-focus": (
            (
                "{count} objective and none chosen to lead: mark the one that matters "
                "most as primary."
            ),
            (
                "{count} objectives and none chosen to lead: mark the one that "
                "matters most as primary."
            ),
        ),
        "objectives/several-primary": (
            "'{first}' is the primary objective already: one objective leads, "
            "make this one secondary."
        ),
        "strategy/no-relationship": (
            "No relationship statement: say how the relationship with the audience should change."
        ),
        "strategy/orphan-initiative": (
            "This initiative serves no objective: name the objectives it serves, or drop it."
        ),
        "strategy/platform-not-in-mix": (
            "This initiative is on {platform}, which is not in the platform mix: add it in "
            "Technology, or pick a platform of the mix (ctrl+o)."
        ),
        "technology/audience-absent": (
            "Target on {platform}, but none of this objective's segments ({segments}) is on "
            "{platform}: choose a platform where they are."
        ),
        "technology/audience-absent.any": (
            "Target on {platform}, but no segment of the plan is on {platform}: "
            "choose a platform where the audience is."
        ),
        "technology/not-in-mix": (
            "Target on {platform}, which is not in the platform mix: add it under Technology."
        ),
        "technology/no-platform": (
            "Target {n} names no platform and no source: say where it is measured."
        ),
        "technology/unused-platform": (
            "No segment is on {platform}: drop it from the mix, or add the segment that is there."
        ),
        "plan/duplicate-id": (
            "The id '{id}' is used already by item {first} of {section}: ids must be unique."
        ),
        "plan/unknown-ref.segment": "Unknown segment '{ref}': add it under People or fix the id.",
        "plan/unknown-ref.objective": (
            "Unknown objective '{ref}': add it under Objectives or fix the id."
        ),
    },
)


@dataclass(frozen=True)
class Phrase:
    """A message of PROBLEMS with its parameters, to be said in any language.

    A parameter that is a Phrase is said in the same language; a tuple of values is
    listed as alternatives ('en' or 'nb').
    """

    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        return PROBLEMS(self.key, lang, **{n: _said(v, lang) for n, v in self.params.items()})


def _said(value: object, lang: str) -> object:
    if isinstance(value, Phrase):
        return value.text(lang)
    if isinstance(value, tuple):
        *first, last = map(repr, value)
        return f"{', '.join(first)} {PROBLEMS('or', lang)} {last}" if first else last
    return value


def os_reason(error: OSError) -> Phrase:
    """Why the system refused a file operation, in words a user reads."""
    if error.errno in (errno.EACCES, errno.EPERM):
        return Phrase("os.permission")
    return Phrase("os.other", {"reason": error.strerror or str(error)})


# What is wrong with a plan file that cannot be loaded.
PROBLEMS = Catalog(
    "problems",
    en={
        "or": "or",
        "os.permission": "permission denied",
        "os.other": "{reason}",
        "no-such-file": "no such file",
        "directory": "is a directory, not a plan file",
        "unreadable": "cannot be read: {reason}",
        "empty": "the file is empty: a plan starts with `format = 1` and a [plan] title",
        "utf-16": "is UTF-16 text: save it as UTF-8",
        "binary": "is a binary file, not a TOML plan",
        "not-utf-8": "is not UTF-8 text: save it as UTF-8",
        "conflict-marker": "git merge conflict marker {marker}: resolve the conflict first",
        "not-toml": "not valid TOML: {reason}",
        "toml.declared-twice": "the table [{table}] is declared twice",
        "toml.set-twice": "a key is set twice, or a key and a table share a name",
        "toml.open-string": "the line ends inside a string: is a quote missing?",
        "toml.unterminated": "a string is never closed: is a quote missing?",
        "toml.backslash": (
            "a lone backslash in a string: write \\\\ for one, or use 'single quotes'"
        ),
        "toml.bad-escape": "an escape \\u or \\U that is not a character",
        "toml.open-inline-table": "an inline table {{ … }} is not closed",
        "toml.open-array": "a list [ … ] is not closed",
        "toml.open-header": "a table header [ … ] is not closed with ]",
        "toml.open-array-header": "a table header [[ … ]] is not closed with ]]",
        "toml.no-equals": "a key without = and a value",
        "toml.bad-key": "a key cannot start with this character",
        "toml.bad-value": "not a value: text goes in quotes, numbers and dates without",
        "toml.bad-line": "not a `key = value` line or a [table] header",
        "toml.bad-date": "not a valid date (YYYY-MM-DD)",
        "toml.closed": "an inline table or a list cannot be added to after it is written",
        "toml.character": "a character that is not allowed here: {what}",
        "toml.line-goes-on": "the line goes on after its value: one `key = value` a line",
        "toml.expected": "expected {what} here",
        "format.missing": "missing `format = {format}` at the top: is this a posttui plan?",
        "format.newer": (
            "format {version} is newer than this posttui understands ({format}): "
            "upgrade posttui to open it"
        ),
        "format.wrong": "format must be {format}, not {got}",
        "format.needs-2": (
            "`{name}` is new in format 2: write `format = 2` at the top of the file to use it"
        ),
        "format.needs-2.value": (
            '{name} "{value}" is new in format 2: write `format = 2` at the top of the '
            "file to use it"
        ),
        "missing.key.format-1": (
            "missing required key `{name}` (optional from format 2 on: "
            "write `format = 2` at the top of the file)"
        ),
        "unknown-key.close": "unknown key `{name}` (did you mean `{close}`?)",
        "unknown-key.known": "unknown key `{name}`; known keys: {known}",
        "missing.key": "missing required key `{name}`",
        "missing.table": "missing required table `{name}`",
        "bound.greater_than_equal": "must be {ge} or more",
        "bound.greater_than": "must be more than {gt}",
        "bound.less_than_equal": "must be {le} or less",
        "bound.less_than": "must be less than {lt}",
        "blank": "must not be empty",
        "literal": "{value} is not allowed; use one of {expected}",
        "slug": "{value} is not a valid id: use lowercase letters, digits and hyphens",
        "type": "expected {expected}, got {got}",
        "type.number": "a number",
        "type.finite-number": "a finite number",
        "type.text": "text in quotes",
        "type.date": "a date such as 2027-06-30 (no quotes, no time)",
        "type.list": "a list [ ... ]",
        "type.table": "a table",
        "type.bool": "true or false",
        "value.number": "the number {value}",
        "value.text": "text {value}",
        "value.datetime": "a date with a time of day",
        "value.date": "a date",
        "value.list": "a list",
        "value.table": "a table",
        "other": "{reason}",
    },
)
