"""The checks of a plan: one small pure function per rule id.

Where a rule lives is what its id says: `specific/vague` is in `specific.py`,
`plan/unknown-ref` in `plan.py`, `time-bound/passed` in `time_bound.py` (a hyphen
becomes an underscore). The first part of an id is a SMART letter (`specific`,
`measurable`, `attractive`, `realistic`, `time-bound`) or a POST step (`people`,
`objectives`, `strategy`, `technology`), or `plan` for the plan as a whole; each has
its module. `registry.py` holds what they share: `Finding`, the `Context` rules look
things up in, the `@rule` / `@objective_rule` decorators, `targets_lacking` and `lint`.
`vague.py` is the statement heuristic behind `specific/vague`.

One cause, one finding: a rule stays silent where another rule reports the cause
(see `technology.py`).
"""

# Importing a rule module registers its rules; this order is the report order.
from posttui.core.rules import (  # noqa: F401, I001
    plan,
    people,
    specific,
    measurable,
    attractive,
    realistic,
    time_bound,
    objectives,
    strategy,
    technology,
)
from posttui.core.rules.registry import RULES, Finding, Linter, Severity, lint

__all__ = ["RULES", "Finding", "Linter", "Severity", "lint"]
