"""Undo and redo of plan edits.

Every edit replaces the value at one key path; structural edits (add, delete,
reorder) replace a whole list with a new list of the same item objects, which is
cheap. Typing into one field makes one undo step, not one per key.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from posttui.core import paths
from posttui.core.model import Plan


@dataclass
class Edit:
    path: str
    old: Any
    new: Any
    serial: int
    typing: bool = False


class History:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self._done: list[Edit] = []
        self._undone: list[Edit] = []
        self._serial = 0
        self._saved = 0  # the state last saved; -1: never

    @property
    def state(self) -> int:
        """Names the plan's current state: equal states, equal plans."""
        return self._done[-1].serial if self._done else 0

    @property
    def dirty(self) -> bool:
        return self.state != self._saved

    def mark_saved(self) -> None:
        self.seal()
        self._saved = self.state

    def mark_unsaved(self) -> None:
        self._saved = -1

    def set(self, path: str, value: Any, *, typing: bool = False) -> bool:
        """Set the value at `path` (may raise pydantic's ValidationError).

        Returns False when the value is unchanged. Consecutive typing into the
        same field merges into the previous undo step.
        """
        old = paths.get(self.plan, path)
        if old == value and type(old) is type(value):
            return False
        paths.put(self.plan, path, value)
        last = self._done[-1] if self._done else None
        if typing and last and last.typing and last.path == path and not self._undone:
            last.new = value
        else:
            self._serial += 1
            self._done.append(Edit(path, old, value, self._serial, typing))
        self._undone.clear()
        return True

    def seal(self) -> None:
        """End the current typing run: the next keystroke starts a new undo step."""
        if self._done:
            self._done[-1].typing = False

    def undo(self) -> Edit | None:
        return self._move(self._done, self._undone, "old")

    def redo(self) -> Edit | None:
        return self._move(self._undone, self._done, "new")

    def _move(self, source: list[Edit], target: list[Edit], side: str) -> Edit | None:
        if not source:
            return None
        edit = source.pop()
        edit.typing = False
        paths.put(self.plan, edit.path, getattr(edit, side))
        target.append(edit)
        return edit
