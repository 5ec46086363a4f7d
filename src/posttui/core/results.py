"""Entering results: finding the target a value is for, reading numbers people write,
and adding a result without a second one on the same date. No Textual."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from posttui.core.model import Objective, Plan, Result, Target


class NoTarget(Exception):
    """Why no single target could be chosen: `reason` is `objective` (no such objective),
    `none` (it has no targets), `several` (say which), `unknown` (no target by that
    name) or `ambiguous` (more than one by that name); `choices` names those there are."""

    def __init__(self, reason: str, name: str, choices: tuple[str, ...] = ()) -> None:
        self.reason = reason
        self.name = name
        self.choices = choices
        super().__init__(f"{reason}: {name}")


def find_objective(plan: Plan, objective_id: str) -> Objective:
    for objective in plan.objectives:
        if objective.id == objective_id:
            return objective
    raise NoTarget("objective", objective_id, tuple(o.id for o in plan.objectives))


def names(target: Target) -> set[str]:
    """What a target answers to: `platform/metric`, and `source/metric` too."""
    return {
        f"{where}/{target.metric or '-'}" for where in (target.platform, target.source) if where
    }


def choose_target(objective: Objective, name: str | None = None) -> tuple[int, Target]:
    """The target of `objective` named `name` (`platform/metric`); without a name, its
    only target. Raises NoTarget."""
    labels = tuple(target.label() for target in objective.targets)
    if not objective.targets:
        raise NoTarget("none", objective.id)
    if name is None:
        if len(objective.targets) > 1:
            raise NoTarget("several", objective.id, labels)
        return 0, objective.targets[0]
    found = [(i, t) for i, t in enumerate(objective.targets) if name in names(t)]
    if not found:
        raise NoTarget("unknown", name, labels)
    if len(found) > 1:
        raise NoTarget("ambiguous", name, labels)
    return found[0]


def targets_named(plan: Plan, name: str) -> Iterator[tuple[Objective, int, Target]]:
    """Every target of the plan that answers to `name` (`platform/metric`)."""
    for objective in plan.objectives:
        for index, target in enumerate(objective.targets):
            if name in names(target):
                yield objective, index, target


def add_result(target: Target, result: Result) -> Result | None:
    """Add `result` to `target`, in date order; a result already on that date is replaced
    (and returned)."""
    results = list(target.results)
    for at, old in enumerate(results):
        if old.date == result.date:
            results[at] = result
            target.results = results
            return old
    results.append(result)
    results.sort(key=lambda r: r.date)
    target.results = results
    return None


# ---- numbers as people write them ----

# Spaces that group digits: a space, a no-break space, a narrow no-break space; an
# apostrophe groups them in Switzerland.
_GROUPING = re.compile("[ \u00a0\u202f']")
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d+)*|[.,]\d+)")


def parse_number(text: str, decimal: str | None = None) -> int | float:
    """A number as English or Norwegian people write it: `1,234.5`, `1 234,5`, `1.234,5`,
    `1234`, `12 %`. With both marks, the last is the decimal mark; a lone comma or point
    followed by exactly three digits groups thousands unless `decimal` says it is the
    decimal mark (or spaces group the digits, as in Norwegian, making a comma decimal).
    ValueError for anything else."""
    raw = text.strip().removesuffix("%").strip().replace("\u2212", "-")
    spaced = bool(_GROUPING.search(raw))
    plain = _GROUPING.sub("", raw)
    if not _NUMBER.fullmatch(plain):
        raise ValueError(text)
    commas, points = plain.count(","), plain.count(".")
    if commas and points:
        mark = "," if plain.rfind(",") > plain.rfind(".") else "."
    elif commas or points:
        mark = "," if commas else "."
        count = commas or points
        digits_after = len(plain) - plain.rfind(mark) - 1
        if count > 1:
            mark = ""  # 1,234,567 or 1.234.567: only grouping
        elif digits_after == 3 and decimal != mark and not (spaced and mark == ","):
            mark = ""  # 1,234 or 1.234: a thousand and more
    else:
        mark = ""
    group = {",": ".", ".": ","}.get(mark, ",.")
    for char in group:
        plain = plain.replace(char, "")
    if mark:
        plain = plain.replace(mark, ".")
        return float(plain)
    return int(plain)


@dataclass(frozen=True, slots=True)
class Added:
    """What adding results to one target did."""

    objective: str
    index: int
    label: str
    added: tuple[Result, ...]
    already: tuple[date, ...]  # dates recorded before, left as they were
