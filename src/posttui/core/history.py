"""Undo and redo of plan edits.

Every edit replaces the value at one key path, and may carry the change to other
paths (an id renamed in every reference to it), undone and redone as one step.
Structural edits (add, delete, reorder) replace a whole list with a new list of the
same item objects, which is cheap. Typing into one field makes one undo step, not
one per key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from posttui.core import paths
from posttui.core.model import Plan


@dataclass
class Edit:
    path: str
    old: Any
    new: Any
    serial: int
    typing: bool = False
    # Other paths the edit carried to: path -> (old, new).
    also: dict[str, tuple[Any, Any]] = field(default_factory=dict)


class History:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self._done: list[Edit] = []
        self._undone: list[Edit] = []
        self._serial = 0
        self._saved = 0  # the state last saved; -1: never
        self._saved_plan: dict[str, Any] | None = plan.model_dump()
        # Each path edited since the save, and whether its value differs from the file's:
        # kept up to date edit by edit, so a key costs what its path holds, not the plan.
        self._differ: dict[str, bool] = {}

    @property
    def state(self) -> int:
        """Names the plan's current state: equal states, equal plans."""
        return self._done[-1].serial if self._done else 0

    @property
    def dirty(self) -> bool:
        """Whether the plan differs from the file as last loaded or saved."""
        state = self.state
        if state == self._saved:
            return False
        if self._saved_plan is None:
            return True
        return any(self._differ.values())  # edits that cancel out leave it as saved

    def _judge(self, changed: list[str]) -> None:
        """Judge anew every path edited since the save that `changed` reaches into or
        out of (a list replaced, a field of one of its items)."""
        if self._saved_plan is None:
            return
        for path in changed:
            self._differ.setdefault(path, True)
        for path in self._differ:
            if any(_related(path, other) for other in changed):
                self._differ[path] = _dumped(self.plan, path) != _dumped(self._saved_plan, path)

    def mark_saved(self) -> None:
        self.seal()
        self._saved = self.state
        self._saved_plan = self.plan.model_dump()
        self._differ.clear()

    def mark_unsaved(self) -> None:
        self._saved = -1
        self._saved_plan = None

    def running(self, path: str) -> Edit | None:
        """The typing run at `path` that the next key typed there joins, if any."""
        last = self._done[-1] if self._done else None
        if last and last.typing and last.path == path and not self._undone:
            return last
        return None

    def set(
        self, path: str, value: Any, *, typing: bool = False, also: dict[str, Any] | None = None
    ) -> bool:
        """Set the value at `path`, and each of `also` at its path (may raise pydantic's
        ValidationError).

        Returns False when the value is unchanged. Consecutive typing into the
        same field merges into the previous undo step.
        """
        also = also or {}
        old = paths.get(self.plan, path)
        if old == value and type(old) is type(value) and not also:
            return False
        run = self.running(path) if typing else None
        olds = {
            p: run.also[p][0] if run and p in run.also else paths.get(self.plan, p) for p in also
        }
        paths.put(self.plan, path, value)
        for other, new in also.items():
            paths.put(self.plan, other, new)
        if run is not None:
            run.new = value
            run.also.update({p: (olds[p], new) for p, new in also.items()})
            if run.new == run.old and all(o == n for o, n in run.also.values()):
                self._done.pop()  # typed and taken back: as if never typed
        else:
            self._serial += 1
            changes = {p: (olds[p], new) for p, new in also.items()}
            self._done.append(Edit(path, old, value, self._serial, typing, changes))
        self._undone.clear()
        self._judge([path, *also])
        return True

    def seal(self) -> None:
        """End the current typing run: the next keystroke starts a new undo step."""
        if self._done:
            self._done[-1].typing = False

    def undo(self) -> Edit | None:
        if not self._done:
            return None
        edit = self._done.pop()
        for other, (old, _) in reversed(edit.also.items()):
            paths.put(self.plan, other, old)
        paths.put(self.plan, edit.path, edit.old)
        edit.typing = False
        self._undone.append(edit)
        self._judge([edit.path, *edit.also])
        return edit

    def redo(self) -> Edit | None:
        if not self._undone:
            return None
        edit = self._undone.pop()
        paths.put(self.plan, edit.path, edit.new)
        for other, (_, new) in edit.also.items():
            paths.put(self.plan, other, new)
        self._done.append(edit)
        self._judge([edit.path, *edit.also])
        return edit


def _related(a: str, b: str) -> bool:
    """Whether one path is the other or inside it."""
    return a == b or a.startswith((f"{b}.", f"{b}[")) or b.startswith((f"{a}.", f"{a}["))


_GONE = object()  # a path that leads nowhere (an item no longer in its list)


def _dumped(root: Any, path: str) -> Any:
    """The value at `path` of a plan or of its dump, as a dump (models as dicts)."""
    node = root
    for step in paths.steps(path):
        try:
            node = (
                node[step]
                if isinstance(step, int) or isinstance(node, dict)
                else getattr(node, step)
            )
        except (IndexError, KeyError):
            return _GONE
        if node is None:
            return None
    return _plain(node)


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump()
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value
