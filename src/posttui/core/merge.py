"""Three-way merge of plans by id and field, for git's merge driver.

Edits to different items, or to different fields of one item, and additions on
both sides merge cleanly. The same field changed two ways (or an item deleted on
one side and edited on the other) is a conflict: the result then carries standard
conflict markers around exactly the lines that differ, so git reports the file as
conflicted and posttui's loader names those lines.

Everything takes time in proportion to the plans: items are looked up by id in
dicts and sets, and the markers are placed by writing the two outcomes (ours and
theirs in every conflict) side by side, table by table and key by key, so only
what differs is compared line by line, never the whole text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from posttui.core.diff import ITEM_SECTIONS, data_of
from posttui.core.model import Plan
from posttui.core.writer import blocks, dumps, is_array_of_tables, literal_lines

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
    ours = Plan.model_validate(merged.ours)
    if not merged.conflicts:
        return dumps(ours), []
    # Both outcomes in the writer's canonical form, then written side by side.
    ours_data, theirs_data = data_of(ours), data_of(Plan.model_validate(merged.theirs))
    return _with_markers(_table_pair(ours_data, theirs_data, "", "{}")), merged.conflicts


def _merge_table(merged: Merged, path: str, base: Data, ours: Data, theirs: Data) -> None:
    for key in dict.fromkeys([*ours, *theirs, *base]):
        where = f"{path}.{key}" if path else key
        b, o, t = (side.get(key, _MISSING) for side in (base, ours, theirs))
        if where in ITEM_SECTIONS:
            _merge_items(merged, key, where, b, o, t)
        elif key == "targets" and _parallel(b, o, t):
            _merge_targets(merged, key, where, b, o, t)
        elif key == "results" and all(isinstance(v, list) or v is _MISSING for v in (b, o, t)):
            _merge_results(merged, key, where, b, o, t)
        elif all(isinstance(v, dict) or v is _MISSING for v in (b, o, t)) and (
            isinstance(o, dict) or isinstance(t, dict)
        ):
            inner = Merged()
            _merge_table(inner, where, _table(b), _table(o), _table(t))
            merged.put(key, inner.ours, inner.theirs)
            merged.conflicts += inner.conflicts
        else:
            _merge_value(merged, key, where, b, o, t)


def _parallel(b: Any, o: Any, t: Any) -> bool:
    """Both sides keep the same number of targets as each other (and as the base, if it
    has them): targets are then merged place by place, their results by date."""
    if not (isinstance(o, list) and isinstance(t, list) and len(o) == len(t)):
        return False
    return b is _MISSING or (isinstance(b, list) and len(b) == len(o))


def _merge_targets(merged: Merged, key: str, where: str, b: Any, o: Any, t: Any) -> None:
    ours_items: list[Data] = []
    theirs_items: list[Data] = []
    for index, (item_o, item_t) in enumerate(zip(o, t, strict=True)):
        item_b = b[index] if isinstance(b, list) else {}
        inner = Merged()
        _merge_table(inner, f"{where}[{index}]", _table(item_b), item_o, item_t)
        merged.conflicts += inner.conflicts
        ours_items.append(inner.ours)
        theirs_items.append(inner.theirs)
    merged.put(key, ours_items, theirs_items)


def _merge_results(merged: Merged, key: str, where: str, b: Any, o: Any, t: Any) -> None:
    """A target's results by date: results added on either side are kept; one date
    given two different values (or changed on one side, deleted on the other) is a
    conflict."""
    base, ours, theirs = (
        {r["date"]: r for r in side} if isinstance(side, list) else {} for side in (b, o, t)
    )
    ours_items: list[Data] = []
    theirs_items: list[Data] = []
    for day in sorted({*base, *ours, *theirs}):
        rb, ro, rt = (side.get(day, _MISSING) for side in (base, ours, theirs))
        if ro == rt or rt == rb:
            chosen_o = chosen_t = ro
        elif ro == rb:
            chosen_o = chosen_t = rt
        else:
            merged.conflicts.append(f"{where}[{day.isoformat()}]")
            chosen_o, chosen_t = ro, rt
        if chosen_o is not _MISSING:
            ours_items.append(chosen_o)
        if chosen_t is not _MISSING:
            theirs_items.append(chosen_t)
    merged.put(key, ours_items or _MISSING, theirs_items or _MISSING)


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
        if item_o == item_t or item_t == item_b:  # most items: changed on one side at most
            ours_items.append(item_o)
            theirs_items.append(item_o)
            continue
        if item_o == item_b:
            ours_items.append(item_t)
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
    """Our order, with what only they have placed after what precedes it on their side.

    Each item only they have follows its predecessor in their list (the first one
    leads), so each is chained to that predecessor and the chains are unwound as the
    order is written out.
    """
    ours_set = set(ours)
    order = list(dict.fromkeys([*ours, *(i for i in base if i not in ours_set)]))
    known = set(order)
    after: dict[str, str] = {}  # an item -> the item of theirs only that follows it
    first: str | None = None
    for index, item in enumerate(theirs):  # ids: each once
        if item in known:
            continue
        if index == 0:
            first = item
        else:
            after[theirs[index - 1]] = item
        known.add(item)
    result: list[str] = []
    for item in [first, *order] if first is not None else order:
        result.append(item)
        while item in after:
            item = after.pop(item)
            result.append(item)
    return result


# ---- the two outcomes side by side ----

# A piece of the merged text: our outcome's lines and theirs (None: the same lines).
Pair = tuple[str, str | None]
_SEPARATOR = "\n"  # between the writer's blocks: every block but the first follows one


def _same(text: str) -> Pair:
    return text, None


def _block_text(table: Mapping[str, Any], name: str, header: str) -> str:
    """A table and its sub-tables as the writer writes them, within the whole text."""
    return "".join(_SEPARATOR + block if name else block for block in blocks(table, name, header))


def _items_text(items: Iterable[Mapping[str, Any]], name: str) -> str:
    return "".join(_block_text(item, name, "[[{}]]\n") for item in items)


def _table_pair(ours: Data, theirs: Data, name: str, header: str) -> Iterator[Pair]:
    """The table `name` of each outcome, as the writer writes it, in pieces that are
    the same in both or differ; only tables that differ are taken apart."""
    if ours == theirs:
        yield _same(_block_text(ours, name, header))
        return
    ours_parts, theirs_parts = _parts(ours), _parts(theirs)
    heads = [
        _SEPARATOR + header.format(name)
        if name and (literals or header.startswith("[[") or not children)
        else ""
        for literals, children in (ours_parts, theirs_parts)
    ]
    yield _pair(heads[0], heads[1])
    (ours_literals, ours_children), (theirs_literals, theirs_children) = ours_parts, theirs_parts
    for key, in_ours, in_theirs in _aligned(list(ours_literals), list(theirs_literals)):
        o = ours_literals[key] if in_ours else _MISSING
        t = theirs_literals[key] if in_theirs else _MISSING
        if in_ours and in_theirs and o == t:
            yield _same(literal_lines({key: o}))
        else:
            yield (
                literal_lines({key: o}) if in_ours else "",
                literal_lines({key: t}) if in_theirs else "",
            )
    for key, in_ours, in_theirs in _aligned(list(ours_children), list(theirs_children)):
        path = f"{name}.{key}" if name else key
        o = ours_children[key] if in_ours else _MISSING
        t = theirs_children[key] if in_theirs else _MISSING
        if in_ours and in_theirs and isinstance(o, dict) and isinstance(t, dict):
            yield from _table_pair(o, t, path, "[{}]\n")
        elif in_ours and in_theirs and path in ITEM_SECTIONS:
            yield from _items_pair(o, t, path)
        else:  # on one side only, or a list of tables that is one value (targets)
            yield _pair(_child_text(o, path), _child_text(t, path))


def _parts(table: Data) -> tuple[Data, Data]:
    """A table's plain keys and its sub-tables and lists of tables, as the writer tells them."""
    literals: Data = {}
    children: Data = {}
    for key, value in table.items():
        if isinstance(value, dict) or is_array_of_tables(value):
            children[key] = value
        else:
            literals[key] = value
    return literals, children


def _child_text(value: Any, path: str) -> str:
    if value is _MISSING:
        return ""
    if isinstance(value, dict):
        return _block_text(value, path, "[{}]\n")
    return _items_text(value, path)


def _items_pair(ours: list[Data], theirs: list[Data], path: str) -> Iterator[Pair]:
    """Items of a section, by id: an item on both sides is compared field by field."""
    ours_by_id, theirs_by_id = _by_id(ours), _by_id(theirs)
    for item_id, in_ours, in_theirs in _aligned(list(ours_by_id), list(theirs_by_id)):
        o = ours_by_id[item_id] if in_ours else None
        t = theirs_by_id[item_id] if in_theirs else None
        if o is not None and t is not None:
            yield from _table_pair(o, t, path, "[[{}]]\n")
        else:
            yield _pair(_items_text([o] if o else [], path), _items_text([t] if t else [], path))


def _pair(ours: str, theirs: str) -> Pair:
    return (ours, None) if ours == theirs else (ours, theirs)


def _aligned(ours: list[str], theirs: list[str]) -> Iterator[tuple[str, bool, bool]]:
    """The keys of both lists in the order of each, and on which side each is: keys on
    both sides pair up where both orders agree (they always do for the writer's keys and
    for merged items); a key the two orders place differently comes once from each."""
    ahead_in_ours, ahead_in_theirs = set(ours), set(theirs)
    i = j = 0
    while i < len(ours) or j < len(theirs):
        if i < len(ours) and j < len(theirs) and ours[i] == theirs[j]:
            ahead_in_ours.discard(ours[i])
            ahead_in_theirs.discard(theirs[j])
            yield ours[i], True, True
            i, j = i + 1, j + 1
        elif i < len(ours) and (j == len(theirs) or ours[i] not in ahead_in_theirs):
            ahead_in_ours.discard(ours[i])
            yield ours[i], True, False
            i += 1
        else:
            ahead_in_theirs.discard(theirs[j])
            yield theirs[j], False, True
            j += 1


def _with_markers(pairs: Iterable[Pair]) -> str:
    """The pieces in order: where the outcomes differ, conflict markers around the lines
    that differ (ours, then theirs), lines both sides share kept outside them."""
    out: list[str] = []
    ours: list[str] = []
    theirs: list[str] = []

    def conflict() -> None:
        a, b = _lines("".join(ours)), _lines("".join(theirs))
        ours.clear()
        theirs.clear()
        start = 0
        while start < min(len(a), len(b)) and a[start] == b[start]:
            start += 1
        end = 0
        while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
            end += 1
        out.extend(a[:start])
        if len(a) - end > start or len(b) - end > start:
            out.append("<<<<<<< ours\n")
            out.extend(a[start : len(a) - end])
            out.append("=======\n")
            out.extend(b[start : len(b) - end])
            out.append(">>>>>>> theirs\n")
        out.extend(a[len(a) - end :])

    for mine, yours in pairs:
        if yours is None:
            if ours or theirs:
                conflict()
            out.append(mine)
        else:
            ours.append(mine)
            theirs.append(yours)
    if ours or theirs:
        conflict()
    return "".join(out)


def _lines(text: str) -> list[str]:
    """Lines split at line feeds only (text holds other line breaks, such as U+2028)."""
    return [line + "\n" for line in text.split("\n")[:-1]]
