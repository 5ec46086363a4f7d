"""What changed between two plans, by section, id and field, not by line.

Items (segments, objectives, initiatives, platforms) are matched by id, so a moved
objective is one `moved` change, not a removal and an addition. Formatting, key
order and comments are no change at all: plans are compared as data.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from posttui.core.i18n import Catalog
from posttui.core.model import Plan, needed_format, results_in_date_order
from posttui.core.vocabulary import step_name

Op = Literal["added", "removed", "changed", "moved"]

# Sections of items with ids, in POST order, and the plain tables.
ITEM_SECTIONS = ("people.segments", "objectives", "strategy.initiatives", "technology.platforms")
TABLES = ("plan", "settings", "people", "strategy", "technology")


@dataclass(frozen=True)
class Change:
    op: Op
    section: str
    subject: str | None = None
    field: str | None = None
    old: Any = None
    new: Any = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"op": self.op, "section": self.section}
        if self.subject is not None:
            data["subject"] = self.subject
        if self.field is not None:
            data["field"] = self.field
        data["old"], data["new"] = _json_value(self.old), _json_value(self.new)
        return data


def _json_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_json_value(item) for item in value]
    if isinstance(value, dict):
        return {key: _json_value(item) for key, item in value.items()}
    return value


def data_of(plan: Plan) -> dict[str, Any]:
    """The plan as plain data, unset keys left out, in the format the writer writes."""
    data = results_in_date_order(plan.model_dump(mode="python", exclude_defaults=True))
    data["format"] = needed_format(plan)
    return data


def diff(old: Plan, new: Plan) -> list[Change]:
    """Every change from `old` to `new`: tables' fields, then items section by section."""
    before, after = data_of(old), data_of(new)
    changes: list[Change] = []
    for table in TABLES:
        changes += _fields(table, None, own_fields(before, table), own_fields(after, table))
    for section in ITEM_SECTIONS:
        changes += _items(section, items_of(before, section), items_of(after, section))
    return changes


def items_of(data: dict[str, Any], section: str) -> list[dict[str, Any]]:
    """The items of `section` ("people.segments") in plan data."""
    node: Any = data
    for key in section.split("."):
        node = node.get(key, {}) if isinstance(node, dict) else {}
    return node or []


def own_fields(data: dict[str, Any], table: str) -> dict[str, Any]:
    """A table's own keys (its arrays of items are compared by id elsewhere)."""
    fields = data.get(table, {})
    return {key: value for key, value in fields.items() if f"{table}.{key}" not in ITEM_SECTIONS}


def _keyed(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Items by id; a repeated id is told apart by its occurrence (`a`, `a#2`)."""
    keyed: dict[str, dict[str, Any]] = {}
    for item in items:
        key, count = item["id"], 2
        while key in keyed:
            key, count = f"{item['id']}#{count}", count + 1
        keyed[key] = item
    return keyed


def _items(section: str, old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[Change]:
    before, after = _keyed(old), _keyed(new)
    changes = [
        Change("removed", section, key, old=item)
        for key, item in before.items()
        if key not in after
    ]
    for key, item in after.items():
        if key not in before:
            changes.append(Change("added", section, key, new=item))
        else:
            changes += _fields(section, key, before[key], item)
    changes += _moves(section, [k for k in before if k in after], [k for k in after if k in before])
    return changes


def _moves(section: str, old_order: list[str], new_order: list[str]) -> list[Change]:
    """Items whose place among the items of both plans changed (fewest moves)."""
    kept: set[str] = set()
    matcher = difflib.SequenceMatcher(a=old_order, b=new_order, autojunk=False)
    for block in matcher.get_matching_blocks():
        kept.update(old_order[block.a : block.a + block.size])
    return [
        Change("moved", section, key, old=old_order.index(key), new=new_order.index(key))
        for key in new_order
        if key not in kept
    ]


def _fields(
    section: str, subject: str | None, old: dict[str, Any], new: dict[str, Any]
) -> list[Change]:
    old_flat, new_flat = dict(flatten(old)), dict(flatten(new))
    return [
        Change("changed", section, subject, field, old_flat.get(field), new_flat.get(field))
        for field in dict.fromkeys([*old_flat, *new_flat])
        if old_flat.get(field) != new_flat.get(field)
        or type(old_flat.get(field)) is not type(new_flat.get(field))
    ]


def flatten(table: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Leaf values by key path: `targets[0].target`, a result by its date
    (`targets[0].results[2027-03-01].value`); lists of ids stay whole values."""
    for key, value in table.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            yield from flatten(value, path)
        elif key == "results" and isinstance(value, list):
            # A target's results by date: a new result is a few new facts, not a shift.
            for item in value:
                day = item.get("date")
                rest = {k: v for k, v in item.items() if k != "date"}
                yield from flatten(rest, f"{path}[{day.isoformat() if day else '?'}]")
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            for index, item in enumerate(value):
                yield from flatten(item, f"{path}[{index}]")
        else:
            yield path, value


# The POST step each section belongs to ("plan" for the plan's own tables), in POST order.
SECTION_STEPS = {
    "plan": "plan",
    "settings": "plan",
    "people": "people",
    "people.segments": "people",
    "objectives": "objectives",
    "strategy": "strategy",
    "strategy.initiatives": "strategy",
    "technology": "technology",
    "technology.platforms": "technology",
}
STEP_ORDER = list(dict.fromkeys(SECTION_STEPS.values()))
MARKS = {"added": "+", "removed": "-", "changed": "~", "moved": "↕"}

WORDS = Catalog(
    "diff",
    en={
        "noun.people.segments": "segment",
        "noun.objectives": "objective",
        "noun.strategy.initiatives": "initiative",
        "noun.technology.platforms": "platform",
        "added": "{what} added",
        "removed": "{what} removed",
        "moved": "{what} moved from position {old} to {new}",
        "changed": "{what}: {field} {old} → {new}",
        "unset": "(unset)",
    },
)


def step_title(section: str, lang: str = "en") -> str:
    """The heading a section's changes go under: 'Plan' or its POST step."""
    return step_name(SECTION_STEPS[section], lang)


def by_step(changes: list[Change]) -> list[Change]:
    """The changes in POST order (stable within a step)."""
    return sorted(changes, key=lambda change: STEP_ORDER.index(SECTION_STEPS[change.section]))


def describe(change: Change, lang: str = "en") -> str:
    """One line for people: `objective grow: deadline 2027-06-30 → 2027-08-31`."""
    what = change.section
    if change.subject:
        what = f"{WORDS(f'noun.{change.section}', lang)} {change.subject}"
    if change.op in ("added", "removed"):
        return WORDS(change.op, lang, what=what)
    if change.op == "moved":
        return WORDS("moved", lang, what=what, old=change.old + 1, new=change.new + 1)
    old, new = _shown(change.old, lang), _shown(change.new, lang)
    return WORDS("changed", lang, what=what, field=change.field, old=old, new=new)


def _shown(value: Any, lang: str) -> str:
    if value is None:
        return WORDS("unset", lang)
    return json.dumps(_json_value(value), ensure_ascii=False)


def key_paths(changes: list[Change], plan: Plan) -> list[str]:
    """Where in `plan` each change is (its item's place there; the section if gone)."""
    data = data_of(plan)
    ids = {section: [item["id"] for item in items_of(data, section)] for section in ITEM_SECTIONS}
    return [_key_path(change, ids) for change in changes]


def _key_path(change: Change, ids: dict[str, list[str]]) -> str:
    if change.subject is None:
        return f"{change.section}.{change.field}" if change.field else change.section
    subject = change.subject.split("#")[0]
    if subject not in ids[change.section]:
        return change.section
    item = f"{change.section}[{ids[change.section].index(subject)}]"
    return f"{item}.{change.field}" if change.field else item
