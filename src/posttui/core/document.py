"""One open plan: its file, its edit history, and what the file held besides the plan."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from posttui.core import ids, paths
from posttui.core.diff import Change, diff, key_paths
from posttui.core.git import GitError, committed_soon
from posttui.core.history import Edit, History
from posttui.core.loader import LoadError, load, parse
from posttui.core.model import Plan, title_from_filename
from posttui.core.references import SECTIONS, dropped, rename_in, renamed
from posttui.core.rules import Finding, Linter
from posttui.core.rules.registry import flags
from posttui.core.writer import dumps, write_atomic

# The field an item's id is made from, by section; and what the item is called.
NAMED_BY = {
    "people.segments": "name",
    "objectives": "statement",
    "strategy.initiatives": "description",
    "technology.platforms": "name",
}
KIND_OF = {section: kind for kind, section in SECTIONS.items()}


@dataclass(frozen=True)
class ItemKey:
    """An item of a section (`objectives`, `people.segments`, ...) by its id, and where it
    was when it was shown: edits find their item by id, so that an edit made for an
    item never lands in another one after the list changed."""

    section: str
    id: str
    index: int


@dataclass(frozen=True)
class Applied:
    """What an edit did: whether it changed the plan, and how many references to a
    renamed id it renamed too."""

    changed: bool
    references: int = 0
    also: tuple[str, ...] = ()  # the other paths it set (an id following a name, references)


class Document:
    def __init__(self, path: Path, plan: Plan, *, comments: list[int] | None = None) -> None:
        self.path = path
        self.history = History(plan)
        self.comments = comments or []  # lines of TOML comments a save would drop
        self.linter = Linter()
        self._renamed: dict[tuple[str, str], str] = {}  # (section, old id): new id
        self.stamp = self.disk_stamp()  # the file as loaded or last saved
        self._ask_git()

    @classmethod
    def open(cls, path: Path | str) -> Document:
        """The plan at `path`, or a new one to be saved there; LoadError when unusable."""
        path = Path(path)
        if not path.exists() and not path.is_symlink():
            document = cls(path, Plan.new(title_from_filename(path.name)))
            document.history.mark_unsaved()
            return document
        file = load(path)
        return cls(path, file.plan, comments=file.comment_lines)

    @property
    def plan(self) -> Plan:
        return self.history.plan

    @property
    def dirty(self) -> bool:
        return self.history.dirty

    def edit(self, path: str, value: Any, *, typing: bool = False) -> bool:
        """Set the value at `path`; False when it was set already.

        Raises ValueError, with a message for the user, when the plan refuses it.
        """
        return self._set(path, value, typing=typing).changed

    def find(self, key: ItemKey) -> int | None:
        """Where the item `key` names is now (None: it is gone). Edits on their way when
        the item's id changed name it by the id it had: they still find it.

        The ids it has had are tried where it was first, then anywhere: an id typed
        through another item's id (`folgere` on the way to `folgere-2027`) is a name
        of that item too, and must not take the edits of the item typed in."""
        items = paths.get(self.plan, key.section)
        names = self._names(key)
        if key.index < len(items) and items[key.index].id in names:
            return key.index
        return next((i for name in names for i, it in enumerate(items) if it.id == name), None)

    def _names(self, key: ItemKey) -> list[str]:
        """The ids the item `key` names has had since, from `key.id` on, in order."""
        names = [key.id]
        while (new := self._renamed.get((key.section, names[-1]))) and new not in names:
            names.append(new)
        return names

    def key(self, section: str, index: int) -> ItemKey:
        return ItemKey(section, paths.get(self.plan, section)[index].id, index)

    def edit_item(self, key: ItemKey, field: str, value: Any, *, typing: bool = False) -> Applied:
        """Set `field` (a path inside the item) of the item `key` names; an id carries
        through to every reference to it.

        Raises LookupError when the item is gone, ValueError (with a message for the
        user) when the plan refuses the value.
        """
        index = self.find(key)
        if index is None:
            raise LookupError(key)
        path = f"{key.section}[{index}].{field}"
        if field == "id":
            also = self._references(key.section, path, value)
        elif field == NAMED_BY.get(key.section):
            also = self._id_from_name(key.section, index, path, value)
        else:
            also = {}
        id_path = f"{key.section}[{index}].id"
        if (new := value if field == "id" else also.get(id_path)) is not None:
            self._renamed[(key.section, paths.get(self.plan, id_path))] = new
        return self._set(path, value, typing=typing, also=also)

    def made_id(self, section: str, name: str, index: int | None = None) -> str:
        """The id made from `name` for an item of `section` (at `index`: its own id
        is not taken), in whole words of the plan's language."""
        items = paths.get(self.plan, section)
        taken = {item.id for i, item in enumerate(items) if i != index}
        lang = self.plan.plan.language
        return ids.slug_from(name, lang, taken, fallback=ids.item_word(KIND_OF[section], lang))

    def _id_from_name(self, section: str, index: int, path: str, name: str) -> dict[str, Any]:
        """An id made from the item's name follows the name (and the references to it
        follow the id); an id of the user's own stays as it is."""
        id_path = f"{section}[{index}].id"
        run = self.history.running(path)
        if run is not None:
            if id_path not in run.also:
                return {}
            old = run.also[id_path][0]
            refs = {p: values for p, (values, _) in run.also.items() if p != id_path}
        else:
            item = paths.get(self.plan, f"{section}[{index}]")
            old = item.id
            if old != self.made_id(section, getattr(item, NAMED_BY[section]), index):
                return {}
            refs = dict(renamed(self.plan, section, old, old))
        new = self.made_id(section, name, index)
        return {id_path: new, **{p: rename_in(values, old, new) for p, values in refs.items()}}

    def _references(self, section: str, path: str, new: str) -> dict[str, Any]:
        """The references a new id at `path` renames: those to the id the item had when
        typing in it began (a rename passing through another item's id takes none of
        that item's), and none when that id named more than one item."""
        run = self.history.running(path)
        if run is not None:
            return {p: rename_in(old, run.old, new) for p, (old, _) in run.also.items()}
        old = paths.get(self.plan, path)
        if sum(item.id == old for item in paths.get(self.plan, section)) > 1:
            return {}
        return renamed(self.plan, section, old, new)

    def _set(
        self, path: str, value: Any, *, typing: bool = False, also: dict[str, Any] | None = None
    ) -> Applied:
        parent, _, name = path.rpartition(".")
        try:
            if parent and paths.get(self.plan, parent) is None:
                # The first value in an unset table (involvement) creates the table.
                path, value = parent, paths.model_at(parent).model_validate({name: value})
            changed = self.history.set(path, value, typing=typing, also=also)
        except ValidationError as error:
            raise ValueError(error.errors()[0]["msg"]) from None
        if changed:
            self.linter.forget(self.plan, path)
            for other in also or ():
                self.linter.forget(self.plan, other)
        others = tuple(also or ())
        return Applied(changed, sum(not other.endswith(".id") for other in others), others)

    # ---- items added, deleted, moved: one undo step each, found by id ----

    def add(self, section: str, item: Any, after: ItemKey | None = None) -> int:
        """Add `item` after the item `after` names (at the end when it is gone or None);
        returns where it went."""
        items = list(paths.get(self.plan, section))
        index = self.find(after) if after is not None else None
        position = len(items) if index is None else index + 1
        items.insert(position, item)
        self._replace(section, items)
        return position

    def delete(self, key: ItemKey) -> tuple[int, int] | None:
        """Delete the item `key` names, and its id from the lists that name it (unless
        another item has that id), as one undo step; returns where it was and how many
        references went with it (None: it was gone)."""
        index = self.find(key)
        if index is None:
            return None
        items = paths.get(self.plan, key.section)
        gone = items[index].id
        shared = sum(item.id == gone for item in items) > 1
        also = {} if shared else dropped(self.plan, key.section, gone)
        self._replace(key.section, items[:index] + items[index + 1 :], also)
        return index, len(also)

    def move(self, key: ItemKey, offset: int) -> int | None:
        """Move the item `key` names by `offset` places; returns where it is now (None:
        it is gone; unmoved at either end)."""
        index = self.find(key)
        if index is None:
            return None
        items = list(paths.get(self.plan, key.section))
        to = index + offset
        if 0 <= to < len(items):
            items[index], items[to] = items[to], items[index]
            self._replace(key.section, items)
            return to
        return index

    def _replace(self, section: str, items: list[Any], also: dict[str, Any] | None = None) -> None:
        self.history.seal()
        self._set(section, items, also=also)
        self.history.seal()

    def undo(self) -> bool:
        return self._changed_by(self.history.undo())

    def redo(self) -> bool:
        return self._changed_by(self.history.redo())

    def _changed_by(self, edit: Edit | None) -> bool:
        if edit is not None:
            for path in (edit.path, *edit.also):
                self.linter.forget(self.plan, path)
        return edit is not None

    def lint(self, lang: str) -> tuple[list[Finding], dict[str, set[str]]]:
        """The findings in `lang`, and for each subject the SMART letters and steps it fails."""
        if self.linter.lang != lang:
            self.linter = Linter(lang)  # it keeps what it found in words of one language
        findings = self.linter.lint(self.plan)
        return findings, flags(findings)

    def foresee(self, path: str, value: Any) -> list[Finding]:
        """The findings the plan would have with `value` at `path` (ValidationError when
        the plan refuses it), the plan itself unchanged.

        An edit inside the objectives leaves the others' findings as the linter keeps
        them; any other edit can change what every objective is checked against.
        """
        draft = paths.put_copy(self.plan, path, value)
        linter = self.linter if path.startswith("objectives") else Linter(self.linter.lang)
        return linter.lint(draft)

    def save(self) -> None:
        """Write the plan atomically (OSError when that fails: nothing is lost)."""
        self.save_as(self.path)

    def save_as(self, path: Path) -> None:
        """Write the plan to `path` and go on editing it there (only once it is written)."""
        write_atomic(path, dumps(self.plan))
        if path != self.path:
            self.path = path
            self._ask_git()
        self.comments = []
        self.history.mark_saved()
        self.stamp = self.disk_stamp()

    def restore(self, plan: Plan) -> None:
        """Edit `plan` (recovered after a crash) instead: unsaved, undo starts afresh."""
        self.history = History(plan)
        self.history.mark_unsaved()

    def _ask_git(self) -> None:
        # git answers in a thread while the plan is drawn; its text is parsed when needed.
        self._committed = committed_soon(self.path)
        self.__dict__.pop("head", None)

    @cached_property
    def head(self) -> Plan | None:
        """The plan as git has it at HEAD; None when git has none (not in git, never
        committed) or none that loads: then there are no changes to show."""
        try:
            return parse(self._committed.result(), f"{self.path}@HEAD")
        except (GitError, LoadError):
            return None

    def may_have_head(self) -> bool:
        """Whether `head` may be a plan, known without parsing it: git has the file at
        HEAD, and it was not found unusable."""
        if "head" in self.__dict__:
            return self.head is not None
        return self._committed.exception() is None

    def changes_since_head(self) -> list[Change]:
        return diff(self.head, self.plan) if self.head is not None else []

    def changed_paths(self) -> set[str]:
        """Key paths of what differs from HEAD, to mark in the editors."""
        return set(key_paths(self.changes_since_head(), self.plan))

    def disk_stamp(self) -> tuple[int, int, int] | None:
        """What identifies the file's current version on disk (None: no file)."""
        try:
            stat = self.path.stat()
        except OSError:
            return None
        return stat.st_mtime_ns, stat.st_size, stat.st_ino

    def changed_on_disk(self) -> bool:
        """Something else (git, another editor) wrote the file since we read or saved it."""
        return self.disk_stamp() != self.stamp
