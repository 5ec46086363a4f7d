"""One open plan: its file, its edit history, and what the file held besides the plan."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from posttui.core import paths
from posttui.core.diff import Change, diff, key_paths
from posttui.core.git import GitError, committed_text
from posttui.core.history import Edit, History
from posttui.core.loader import LoadError, load, parse
from posttui.core.model import Plan, title_from_filename
from posttui.core.rules import Finding, Linter
from posttui.core.rules.registry import flags
from posttui.core.writer import dumps, write_atomic


class Document:
    def __init__(self, path: Path, plan: Plan, *, comments: list[int] | None = None) -> None:
        self.path = path
        self.history = History(plan)
        self.comments = comments or []  # lines of TOML comments a save would drop
        self.linter = Linter()
        self.stamp = self.disk_stamp()  # the file as loaded or last saved
        self.head = self._committed()  # the plan as git has it at HEAD, if it does

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
        parent, _, name = path.rpartition(".")
        try:
            if parent and paths.get(self.plan, parent) is None:
                # The first value in an unset table (involvement) creates the table.
                path, value = parent, paths.model_at(parent).model_validate({name: value})
            changed = self.history.set(path, value, typing=typing)
        except ValidationError as error:
            raise ValueError(error.errors()[0]["msg"]) from None
        if changed:
            self.linter.forget(self.plan, path)
        return changed

    def undo(self) -> bool:
        return self._changed_by(self.history.undo())

    def redo(self) -> bool:
        return self._changed_by(self.history.redo())

    def _changed_by(self, edit: Edit | None) -> bool:
        if edit is not None:
            self.linter.forget(self.plan, edit.path)
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
            self.head = self._committed()
        self.comments = []
        self.history.mark_saved()
        self.stamp = self.disk_stamp()

    def restore(self, plan: Plan) -> None:
        """Edit `plan` (recovered after a crash) instead: unsaved, undo starts afresh."""
        self.history = History(plan)
        self.history.mark_unsaved()

    def _committed(self) -> Plan | None:
        try:
            return parse(committed_text(self.path), f"{self.path}@HEAD")
        except (GitError, LoadError):
            return None  # not in git, never committed, or not loadable there: no changes view

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
