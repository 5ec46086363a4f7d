"""A plan as one fact per line, items named by id: stable text for git's textconv.

    objectives[grow-instagram].targets[0].target = 2000

Reordering keys or reformatting the file changes no line; editing one field
changes one line, named by what it belongs to rather than where it sits.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

from posttui.core.diff import ITEM_SECTIONS, TABLES, data_of
from posttui.core.model import Plan
from posttui.core.terminal import printable


def facts(plan: Plan) -> Iterator[str]:
    data = data_of(plan)
    yield f"format = {data['format']}"
    for table in TABLES:
        yield from _lines(table, _own(data, table))
    for section in ITEM_SECTIONS:
        table, _, key = section.rpartition(".")
        items = data.get(table, {}).get(key, []) if table else data.get(section, [])
        for item in items:
            yield from _lines(f"{section}[{item['id']}]", item)


def _own(data: dict[str, Any], table: str) -> dict[str, Any]:
    fields = data.get(table, {})
    return {k: v for k, v in fields.items() if f"{table}.{k}" not in ITEM_SECTIONS}


def _lines(prefix: str, table: dict[str, Any]) -> Iterator[str]:
    for key, value in table.items():
        path = f"{prefix}.{key}"
        if isinstance(value, dict):
            yield from _lines(path, value)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            for index, item in enumerate(value):
                yield from _lines(f"{path}[{index}]", item)
        else:
            yield f"{path} = {printable(_literal(value))}"


def _literal(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False)
