"""The guide's place among its questions, and how an answer becomes an edit of the plan."""

from __future__ import annotations

import contextlib
import re
from typing import TYPE_CHECKING, Any, cast

from pydantic import ValidationError

from posttui.core import paths
from posttui.core.rules import Finding
from posttui.ui.guide.catalog import GUIDE
from posttui.ui.guide.questions import FILLED, POSITION, QUESTIONS, SECTIONS, Change, Question

if TYPE_CHECKING:
    from collections.abc import Iterable

    from posttui.core.model import Plan
    from posttui.ui.app import PostApp


class Interview:
    """Where the guide is: the question asked, the items its answers fill in, the way back."""

    def __init__(self, app: PostApp) -> None:
        self.app = app
        self.position = 0
        # The segment, objective and initiative being filled in, by id; the target by index.
        self.filling: dict[str, str | int | None] = dict.fromkeys(FILLED)
        self.trail: list[tuple[int, dict[str, str | int | None]]] = []
        # Ids an answer gave items in place of the ones they had (an objective begun by
        # its kind is named by its statement): new id -> old, for when undo brings it back.
        self.renamed: dict[str, str] = {}

    @property
    def plan(self) -> Plan:
        return self.app.plan

    @property
    def lang(self) -> str:
        """The language the editor speaks."""
        return self.app.lang

    @property
    def done(self) -> bool:
        return self.position >= len(QUESTIONS)

    @property
    def question(self) -> Question:
        return QUESTIONS[self.position]

    def section(self, item: str) -> str | None:
        """The list the item is in (a target's: its objective's targets, once that exists)."""
        if item != "target":
            return SECTIONS[item]
        objective = self.base("objective")
        return None if objective is None else f"{objective}.targets"

    def base(self, item: str) -> str | None:
        """The key path of the item being filled in; None while it does not exist."""
        if item == "plan":
            return ""
        section, wanted = self.section(item), self.filling[item]
        if section is None or wanted is None:
            return None
        entries = paths.get(self.plan, section)
        if item == "target":
            return f"{section}[{wanted}]" if cast(int, wanted) < len(entries) else None
        found = self._find(entries, cast(str, wanted))
        return None if found is None else f"{section}[{found}]"

    def _find(self, entries: list[Any], wanted: str) -> int | None:
        """Where the item with id `wanted` is, or with the id it had before an answer
        renamed it (that answer undone)."""
        for _ in range(len(self.renamed) + 1):  # each rename once, should they go round
            found = next((i for i, entry in enumerate(entries) if entry.id == wanted), None)
            if found is not None or wanted not in self.renamed:
                return found
            wanted = self.renamed[wanted]
        return None

    def item_id(self, item: str) -> str | None:
        """The id of the segment, objective or initiative being filled in (None: not made)."""
        base = self.base(item)
        return None if not base else cast(str, paths.get(self.plan, base).id)

    def draft_id(self, item: str, value: Any) -> str | None:
        """The id the item being filled in will have once `value` answers the question."""
        change = self.change(value) if self.question.item == item else None
        if change is not None:
            path, new = change
            if path == self.section(item) and self.base(item) is None:
                return cast(str, new[-1].id)  # the answer makes it
            if path == self.base(item):
                return cast(str, new.id)  # the answer gives it anew
        return self.item_id(item)

    def path(self) -> str | None:
        base, key = self.base(self.question.item), self.question.key
        if base is None or not key:
            return None
        return f"{base}.{key}" if base else key

    def nearest(self) -> str:
        """The key path nearest to what is asked about: the field, else its item (a
        target's objective, before the target is made), else the POST step."""
        question = self.question
        item = self.base(question.item) or ""
        if not item and question.item == "target":
            item = self.base("objective") or ""
        return self.path() or item or question.step

    def asks(self, question: Question) -> bool:
        if question.needed is not None and not question.needed(self):
            return False
        if self.base(question.item) is not None:
            return True
        return question.create is not None and self.section(question.item) is not None

    def shown(self) -> Any:
        """The answer the question offers: the value the plan has, where it has one."""
        if self.question.shown is not None:
            return self.question.shown(self)
        path = self.path()
        return None if path is None else paths.get(self.plan, path)

    def value_unless(self, placeholders: Iterable[Any]) -> Any:
        """The value, unless it is a placeholder the item was made with."""
        path = self.path()
        value = None if path is None else paths.get(self.plan, path)
        return None if value in placeholders else value

    def skips(self) -> bool:
        """An empty answer skips (nothing is made, or the field may be unset)."""
        if self.base(self.question.item) is None:
            return True
        try:
            self.question.parse("")
        except ValueError:
            return False
        return True

    def change(self, value: Any) -> Change | None:
        """What answering `value` changes in the plan."""
        question = self.question
        base = self.base(question.item)
        if base is None:
            section = self.section(question.item)
            if question.create is None or section is None or value in (None, "", []):
                return None
            return section, [*paths.get(self.plan, section), question.create(self, value)]
        if question.store is not None:
            return question.store(self, base, value)
        path = self.path()
        return None if path is None else (path, value)

    def answer(self, value: Any) -> str | None:
        """Write the answer and go on to the next question; why not, when the plan refuses."""
        question = self.question
        if question.check is not None and (problem := question.check(self, value)):
            return problem
        base = self.base(question.item)
        made = base is None
        change = self.change(value)
        if change is not None:
            if problem := self.app.edit(*change):
                return problem
            new = change[1]
            if made:
                self.filling[question.item] = (
                    len(new) - 1 if question.item == "target" else new[-1].id
                )
            elif change[0] == base and new.id != self.filling[question.item]:
                # The whole item anew, by another id (an objective named by its statement).
                self.renamed[new.id] = cast(str, self.filling[question.item])
                self.filling[question.item] = new.id
        self.trail.append((self.position, dict(self.filling)))
        self.go(question.then(self, value) if question.then else None)
        return None

    def go(self, name: str | None) -> None:
        self.position = POSITION[name] if name else self.position + 1
        self.skip_unasked()

    def skip_unasked(self) -> None:
        while not self.done and not self.asks(self.question):
            self.position += 1

    def start_new(self, item: str) -> None:
        self.filling[item] = None
        if item == "objective":
            self.filling["target"] = None

    def back(self) -> bool:
        if not self.trail:
            return False
        self.position, self.filling = self.trail.pop()
        return True

    def settle(self) -> None:
        """After undo or redo: back to the last question that can still be asked (the
        one that makes an item that is gone again), else on to the next."""
        while not self.done and not self.asks(self.question) and self.back():
            pass
        self.skip_unasked()

    def foresee(self, value: Any) -> list[Finding]:
        """The findings the plan would have with `value` as the answer: its own, when
        the answer would change nothing (or the plan would refuse it). Never none for
        want of an answer: a plan whose objective fails SMART fails it still."""
        change = self.change(value)
        if change is not None:
            with contextlib.suppress(ValidationError):
                return self.app.doc.foresee(*change)
        findings, _ = self.app.doc.lint(self.lang)
        return findings

    def draft_base(self, item: str) -> str:
        """Where the item is, or will be once the answer makes it."""
        if (base := self.base(item)) is not None:
            return base
        section = self.section(item) or ""
        return f"{section}[{len(paths.get(self.plan, section))}]"

    def item_label(self) -> str:
        """'segment 2': which item the question is about ('' for the plan's own fields)."""
        item = {"target": "objective", "plan": ""}.get(self.question.item, self.question.item)
        if not item:
            return ""
        number = int(re.findall(r"\d+", self.draft_base(item))[-1]) + 1
        return GUIDE(f"item.{item}", self.lang, number=number)
