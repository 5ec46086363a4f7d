"""The plan document: pydantic models of the whole format (formats 1 and 2).

Field order is the canonical key order of the file; the writer relies on it.
Unset optional keys take their defaults ("" / [] / None) and are omitted on save,
so an empty value and a missing key mean the same thing.

The models hold format 2, a superset of format 1. `format_2_keys` lists what a plan
uses of format 2; a plan that uses nothing of it is written as format 1, byte for byte
as before, and a file that says `format = 1` may not use it (the loader says which key).
A later format adds its keys here and its uses to `format_2_keys` (or a sibling).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

# The first format, and the newest this posttui reads and writes.
FIRST_FORMAT: Literal[1] = 1
FORMAT: Literal[2] = 2
FormatVersion = Literal[1, 2]

SLUG_PATTERN = r"^[a-z0-9-]+$"

Kind = Literal["listening", "talking", "energizing", "supporting", "embracing"]
KINDS: tuple[Kind, ...] = ("listening", "talking", "energizing", "supporting", "embracing")

Linkage = Literal["enabling", "functional-input", "functional-output", "normative", "diffuse"]
LINKAGES: tuple[Linkage, ...] = (
    "enabling",
    "functional-input",
    "functional-output",
    "normative",
    "diffuse",
)

Language = Literal["en", "nb", "nn"]
LANGUAGE_CHOICES: tuple[Language, ...] = ("en", "nb", "nn")
FORMAT_2_LANGUAGES = ("nn",)

Direction = Literal["increase", "decrease", "maintain"]
DIRECTIONS: tuple[Direction, ...] = ("increase", "decrease", "maintain")

INVOLVEMENT_TYPES = ("socializers", "lurkers", "sporadics", "debaters", "advanced")
# Brandtzæg's shares of Norwegian users, offered as a starting point.
NORWEGIAN_INVOLVEMENT = (34, 29, 23, 9, 5)


_LINE_END = re.compile(r"\r+\n")


def _normalize_newlines(text: str) -> str:
    # TOML multi-line strings cannot keep "\r\n"; normalising here keeps round trips exact.
    return _LINE_END.sub("\n", text)


def _not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("must not be empty")
    return text


Text = Annotated[str, AfterValidator(_normalize_newlines)]
RequiredText = Annotated[str, AfterValidator(_normalize_newlines), AfterValidator(_not_blank)]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]
Number = Annotated[float, Field(allow_inf_nan=False)] | int
Day = date  # a field named `date` cannot name its own type
Share = (
    Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)] | Annotated[int, Field(ge=0, le=100)]
)


class Table(BaseModel):
    """Every table of the file: strict types, unknown keys refused."""

    model_config = ConfigDict(strict=True, extra="forbid", validate_assignment=True)


class PlanInfo(Table):
    title: RequiredText
    organization: Text = ""
    language: Language | None = None
    as_of: date | None = None
    period_start: date | None = None
    period_end: date | None = None
    notes: Text = ""


# Days after the latest result at which the results of a target are stale.
DEFAULT_REPORT_EVERY = 31


class Settings(Table):
    max_monthly_growth: (
        Annotated[float, Field(gt=0, allow_inf_nan=False)] | Annotated[int, Field(gt=0)] | None
    ) = None
    report_every: Annotated[int, Field(gt=0)] | None = None  # format 2: days
    notes: Text = ""


class Involvement(Table):
    socializers: Share | None = None
    lurkers: Share | None = None
    sporadics: Share | None = None
    debaters: Share | None = None
    advanced: Share | None = None
    notes: Text = ""

    def shares(self) -> tuple[float, ...]:
        """The five shares in Brandtzæg's order, unset ones as 0."""
        return tuple(getattr(self, name) or 0 for name in INVOLVEMENT_TYPES)


class Segment(Table):
    id: Slug
    name: RequiredText
    description: Text = ""
    linkage: Linkage | None = None
    size: Annotated[int, Field(ge=0)] | None = None
    platforms: list[Slug] = []
    involvement: Involvement | None = None
    notes: Text = ""


class People(Table):
    segments: list[Segment] = []
    notes: Text = ""


class Result(Table):
    """A value a target's metric had on a date (format 2): one follow-up measurement."""

    date: Day
    value: Number
    source: Slug | None = None
    note: Text = ""


class Target(Table):
    platform: Slug | None = None
    source: Slug | None = None
    metric: Slug | None = None
    direction: Direction | None = None
    baseline: Number | None = None
    target: Number | None = None
    results: list[Result] = []  # format 2; the writer writes them in date order
    notes: Text = ""

    def label(self) -> str:
        """`platform/metric` (the source where no platform is named): how the command
        line and the reports name a target."""
        return f"{self.platform or self.source or '-'}/{self.metric or '-'}"

    def heading(self) -> Direction | None:
        """Where the metric should go: `direction`, else inferred from baseline and
        target (equal ones: maintain); None when neither says."""
        if self.direction is not None:
            return self.direction
        if self.baseline is None or self.target is None:
            return None
        if self.target > self.baseline:
            return "increase"
        return "decrease" if self.target < self.baseline else "maintain"


class Objective(Table):
    id: Slug
    statement: RequiredText
    kind: Kind | None = None
    primary: bool = False
    segments: list[Slug] = []
    owner: Text = ""
    why: Text = ""
    start: date | None = None
    deadline: date | None = None
    targets: list[Target] = []
    notes: Text = ""


class Initiative(Table):
    id: Slug
    objectives: list[Slug] = []
    description: Text = ""
    content: list[Slug] = []
    platforms: list[Slug] = []
    cadence: Text = ""
    notes: Text = ""


class Strategy(Table):
    relationship: Text = ""
    initiatives: list[Initiative] = []
    notes: Text = ""


class Platform(Table):
    id: Slug
    name: Text = ""
    role: Text = ""
    notes: Text = ""


class Technology(Table):
    platforms: list[Platform] = []
    notes: Text = ""


class Plan(Table):
    format: FormatVersion
    plan: PlanInfo
    settings: Settings = Field(default_factory=Settings)
    people: People = Field(default_factory=People)
    objectives: list[Objective] = []
    strategy: Strategy = Field(default_factory=Strategy)
    technology: Technology = Field(default_factory=Technology)

    @classmethod
    def new(cls, title: str) -> Plan:
        return cls(format=FIRST_FORMAT, plan=PlanInfo(title=title))


def format_2_keys(plan: Plan) -> Iterator[str]:
    """Key paths of what `plan` says that format 1 cannot say, in file order: the keys
    new in format 2, `language = "nn"`, and a target without a `target` value."""
    info = plan.plan
    if info.language in FORMAT_2_LANGUAGES:
        yield "plan.language"
    for name in ("period_start", "period_end"):
        if getattr(info, name) is not None:
            yield f"plan.{name}"
    if plan.settings.report_every is not None:
        yield "settings.report_every"
    for i, objective in enumerate(plan.objectives):
        if objective.primary:
            yield f"objectives[{i}].primary"
        for j, target in enumerate(objective.targets):
            for name in ("source", "direction"):
                if getattr(target, name) is not None:
                    yield f"objectives[{i}].targets[{j}].{name}"
            if target.target is None:
                yield f"objectives[{i}].targets[{j}].target"
            if target.results:
                yield f"objectives[{i}].targets[{j}].results"


def results_in_date_order(data: dict[str, Any]) -> dict[str, Any]:
    """Plan data (a `model_dump`) with each target's results in date order, in place:
    the order the writer writes them in (a stable sort: one date twice keeps its order)."""
    for objective in data.get("objectives", ()):
        for target in objective.get("targets", ()):
            if results := target.get("results"):
                results.sort(key=lambda result: result["date"])
    return data


def needed_format(plan: Plan) -> FormatVersion:
    """The format `plan` is written in: 1 unless it uses something of format 2."""
    return FORMAT if next(format_2_keys(plan), None) is not None else FIRST_FORMAT


def title_from_filename(name: str) -> str:
    """A first title for a new plan: 'kafe-solsiden.post.toml' -> 'Kafe solsiden'."""
    stem = name.removesuffix(".toml").removesuffix(".post")
    return stem.replace("-", " ").replace("_", " ").strip().capitalize() or "New plan"
