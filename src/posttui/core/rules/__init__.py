"""The checks of a plan: one small pure function per rule id, in modules by POST step."""

# Importing a rule module registers its rules; this order is the report order.
from posttui.core.rules import integrity, people, smart, objectives, technology  # noqa: F401, I001
from posttui.core.rules.registry import RULES, Finding, Linter, Severity, lint

__all__ = ["RULES", "Finding", "Linter", "Severity", "lint"]
