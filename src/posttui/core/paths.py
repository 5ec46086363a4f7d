"""Key paths into a plan: `objectives[3].targets[0].target` read and written.

The same paths name findings, load problems and edits, so a finding can lead
straight to the field it concerns.
"""

from __future__ import annotations

import re
import typing
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

_STEP = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]")

Step = str | int


def steps(path: str) -> list[Step]:
    """'objectives[3].targets' -> ['objectives', 3, 'targets']."""
    return [name or int(index) for name, index in _STEP.findall(path)]


def join(*parts: Step) -> str:
    path = ""
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path = f"{path}.{part}" if path else part
    return path


def _step(node: Any, step: Step) -> Any:
    return node[step] if isinstance(step, int) else getattr(node, step)


def get(root: Any, path: str) -> Any:
    """The value at `path`; None where the path runs through an unset table."""
    node = root
    for step in steps(path):
        if node is None:
            return None
        node = _step(node, step)
    return node


def put(root: Any, path: str, value: Any) -> None:
    """Set the value at `path`; pydantic validates field assignments."""
    *parents, last = steps(path)
    node = root
    for step in parents:
        node = _step(node, step)
    _set(node, last, value)


def put_copy(root: Any, path: str, value: Any) -> Any:
    """A copy of `root` with `value` at `path`. Only the tables and lists along the path
    are copied, the rest is shared: a draft of one edit costs what its path is long."""
    *parents, last = steps(path)
    top = node = _shallow(root)
    for step in parents:
        _set(node, step, _shallow(_step(node, step)))
        node = _step(node, step)  # as the model holds it: assignment validates, may copy
    _set(node, last, value)
    return top


def _shallow(node: Any) -> Any:
    return list(node) if isinstance(node, list) else node.model_copy()


def _set(node: Any, step: Step, value: Any) -> None:
    if isinstance(step, int):
        node[step] = value
    else:
        setattr(node, step, value)


def model_at(path: str) -> type[BaseModel]:
    """The model class of the table at `path` ('' is the whole plan)."""
    from posttui.core.model import Plan  # paths are read without the models, so lazily

    model: type[BaseModel] = Plan
    for step in steps(path):
        if isinstance(step, str):
            model = _inner_model(model.model_fields[step].annotation)
    return model


def _inner_model(annotation: Any) -> type[BaseModel]:
    """The model inside an annotation such as `list[Target]` or `Involvement | None`."""
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        try:
            return _inner_model(arg)
        except LookupError:
            continue
    raise LookupError(annotation)
