"""Three-way merge of plans by id and field, for git's merge driver.

Edits to different items, or to different fields of one item, and additions on
both sides merge cleanly. The same field changed two ways (or an item deleted on
one side and edited on the other) is a conflict: the result then carries standard
conflict markers around exactly the lines that differ, so git reports the file as
conflicted and posttui's loader names those lines.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from posttui.core.diff import ITEM_SECTIONS, data_of
from posttui.core.model import Plan
from posttui.core.writer import dumps

Data = dict[str, Any]
_MISSING: Any = object()


@dataclass
class Merged:
    """The merge taking our side in every conflict, and the one taking theirs."""

    ours: Data = field(default_factory=dict)
    theirs: Data = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)  # where: key paths

    def put(self, key: str, ours: Any, theirs: Any = _MISSING) -> None:
        _set(self.ours, key, ours)
        _set(self.theirs, key, ours if theirs is _MISSING else theirs)


def _set(data: Data, key: str, value: Any) -> None:
    if value is not _MISSING:
        data[key] = value


def merge(base: Plan, ours: Plan, theirs: Plan) -> tuple[str, list[str]]:
    """The merged plan's text and the conflicts (key paths); with conflicts, the text
    holds conflict markers: ours between `<<<<<<<` and `=======`, theirs after."""
    merged = Merged()
    _merge_table(merged, "", data_of(base), data_of(ours), data_of(theirs))
    ours_text = dumps(Plan.model_validate(merged.ours))
    if not merged.conflicts:
        return ours_text, []
    theirs_text = dumps(Plan.model_validate(merged.theirs))
    return _with_markers(ours_text, theirs_text), merged.conflicts


def _merge_table(merged: Merged, path: str, base: Data, ours: Data, theirs: Data) -> None:
    for key in dict.fromkeys([*ours, *theirs, *base]):
        where = f"{path}.{key}" if path else key
        b, o, t = (side.get(key, _MISSING) for side in (base, ours, theirs))
        if where in ITEM_SECTIONS:
            _merge_items(merged, key, where, b, o, t)
        elif all(isinstance(v, dict) or v is _MISSING for v in (b, o, t)) and (
            isinstance(o, dict) or isinstance(t, dict)
        ):
            inner = Merged()
            _merge_table(inner, where, _table(b), _table(o), _table(t))
            merged.put(key, inner.ours, inner.theirs)
            merged.conflicts += inner.conflicts
        else:
            _merge_value(merged, key, where, b, o, t)


def _table(value: Any) -> Data:
    return value if isinstance(value, dict) else {}


def _merge_value(merged: Merged, key: str, where: str, b: Any, o: Any, t: Any) -> None:
    if o == t or t == b:
        merged.put(key, o)
    elif o == b:
        merged.put(key, t)
    else:
        merged.put(key, o, t)
        merged.conflicts.append(where)


def _merge_items(merged: Merged, key: str, where: str, b: Any, o: Any, t: Any) -> None:
    """Items by id: merged field by field; added on either side; deleted unless the
    other side edited them (then: a conflict)."""
    base, ours, theirs = (_by_id(side) for side in (b, o, t))
    ours_items: list[Data] = []
    theirs_items: list[Data] = []
    for item_id in _order(list(base), list(ours), list(theirs)):
        item_b, item_o, item_t = (side.get(item_id, _MISSING) for side in (base, ours, theirs))
        at = f"{where}[{item_id}]"
        if item_o is _MISSING and item_t is _MISSING:
            continue  # deleted on both sides
        if item_o is _MISSING or item_t is _MISSING:
            kept = item_t if item_o is _MISSING else item_o
            deleted_unchanged = item_b is not _MISSING and kept == item_b
            if item_b is _MISSING or deleted_unchanged:
                if item_b is _MISSING:  # added on one side
                    ours_items.append(kept)
                    theirs_items.append(kept)
                continue
            merged.conflicts.append(at)  # deleted on one side, edited on the other
            if item_o is not _MISSING:
                ours_items.append(item_o)
            if item_t is not _MISSING:
                theirs_items.append(item_t)
            continue
        inner = Merged()
        _merge_table(inner, at, _table(item_b), item_o, item_t)
        merged.conflicts += inner.conflicts
        ours_items.append(inner.ours)
        theirs_items.append(inner.theirs)
    merged.put(key, ours_items or _MISSING, theirs_items or _MISSING)


def _by_id(items: Any) -> dict[str, Data]:
    return {item["id"]: item for item in items} if isinstance(items, list) else {}


def _order(base: list[str], ours: list[str], theirs: list[str]) -> list[str]:
    """Our order, with what only they have placed after what precedes it on their side."""
    order = list(dict.fromkeys([*ours, *(i for i in base if i not in ours)]))
    for index, item in enumerate(theirs):
        if item in order:
            continue
        before = next((theirs[j] for j in range(index - 1, -1, -1) if theirs[j] in order), None)
        order.insert(order.index(before) + 1 if before else 0, item)
    return order


def _with_markers(ours: str, theirs: str) -> str:
    """`ours` with every stretch that differs from `theirs` wrapped in conflict markers."""
    a, b = ours.splitlines(keepends=True), theirs.splitlines(keepends=True)
    out: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            out += a[i1:i2]
        else:
            out += ["<<<<<<< ours\n", *a[i1:i2], "=======\n", *b[j1:j2], ">>>>>>> theirs\n"]
    return "".join(out)
