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

from posttui.core.diff import ITEM_SECTIONS, TABLES, data_of, flatten, items_of, own_fields
from posttui.core.model import Plan
from posttui.core.terminal import printable


def facts(plan: Plan) -> Iterator[str]:
    data = data_of(plan)
    yield f"format = {data['format']}"
    for table in TABLES:
        yield from _lines(table, own_fields(data, table))
    for section in ITEM_SECTIONS:
        for item in items_of(data, section):
            yield from _lines(f"{section}[{item['id']}]", item)


def _lines(prefix: str, table: dict[str, Any]) -> Iterator[str]:
    for path, value in flatten(table, prefix):
        yield f"{path} = {printable(_literal(value))}"


def _literal(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False)
