"""attractive/*: someone answers for the objective, and it is worth doing."""

from __future__ import annotations

from collections.abc import Iterator

from posttui.core.model import Objective
from posttui.core.rules.registry import Context, Hit, Severity, objective_rule


@objective_rule("attractive/no-owner")
def no_owner(ctx: Context, objective: Objective) -> Iterator[Hit]:
    if not objective.owner.strip():
        yield Hit("owner")


# Info, not a warning: many objectives ("Recruit staff") are their own why.
@objective_rule("attractive/no-why", Severity.INFO)
def no_why(ctx: Context, objective: Objective) -> Iterator[Hit]:
    if not objective.why.strip():
        yield Hit("why")
