"""plan/*: the plan holds together: ids unique, references resolve."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

from posttui.core.model import Objective
from posttui.core.rules.registry import Context, Hit, Severity, objective_rule, rule


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


@rule("plan/duplicate-id", Severity.ERROR)
def duplicate_id(ctx: Context) -> Iterator[Hit]:
    plan = ctx.plan
    sections: list[tuple[str, Sequence[_HasId]]] = [
        ("people.segments", plan.people.segments),
        ("objectives", plan.objectives),
        ("strategy.initiatives", plan.strategy.initiatives),
        ("technology.platforms", plan.technology.platforms),
    ]
    for section, items in sections:
        first: dict[str, int] = {}
        for index, item in enumerate(items):
            if item.id in first:
                params = {"id": item.id, "first": first[item.id] + 1, "section": section}
                yield Hit(f"{section}[{index}].id", "", params, item.id)
            first.setdefault(item.id, index)


@objective_rule("plan/unknown-ref", Severity.ERROR)
def unknown_segment(ctx: Context, objective: Objective) -> Iterator[Hit]:
    for index, ref in enumerate(objective.segments):
        if ref not in ctx.segments:
            yield Hit(f"segments[{index}]", ".segment", {"ref": ref})


@rule("plan/unknown-ref", Severity.ERROR)
def unknown_objective(ctx: Context) -> Iterator[Hit]:
    objective_ids = {objective.id for objective in ctx.plan.objectives}
    for i, initiative in enumerate(ctx.plan.strategy.initiatives):
        for index, ref in enumerate(initiative.objectives):
            if ref not in objective_ids:
                path = f"strategy.initiatives[{i}].objectives[{index}]"
                yield Hit(path, ".objective", {"ref": ref}, initiative.id)
