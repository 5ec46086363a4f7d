"""The posttui app: one plan, four POST screens, a live findings panel.

Start-up draws its first frame (the plan's title, the POST steps) before it loads
the plan; the other screens are built once the plan shows, while no one types.
"""

from __future__ import annotations

import gc
import re
import time
import tomllib
from collections.abc import Callable, Iterable
from functools import partial
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.content import Content
from textual.dom import DOMNode
from textual.reactive import var
from textual.screen import Screen
from textual.theme import ThemeProvider
from textual.timer import Timer
from textual.widget import AwaitMount
from textual.widgets import Static

from posttui.core.i18n import LANGUAGES, choose
from posttui.core.terminal import preview, printable
from posttui.ui.catalog import WORDS, say
from posttui.ui.commands import PlanCommands
from posttui.ui.keys import KeyGate
from posttui.ui.screens.base import PostScreen
from posttui.ui.screens.dialogs import Choice, LoadFailed, PlanDetails, SaveAs
from posttui.ui.state import Added, Deleted, Edited, Invalid, Moved, PlanState
from posttui.ui.widgets.findings import FindingsPanel
from posttui.ui.widgets.footer import KeysFooter
from posttui.ui.widgets.steps import StepBar
from posttui.ui.widgets.title import TitleBar

if TYPE_CHECKING:
    from posttui.core.config import Config
    from posttui.core.document import Document, ItemKey
    from posttui.core.history import History
    from posttui.core.loader import LoadError
    from posttui.core.model import Plan
    from posttui.core.rules import Finding
    from posttui.ui.recovery import CrashRecovery


def stylesheet() -> Path:
    """The app stylesheet: packaged beside the code, or in a source checkout's styles/."""
    here = Path(__file__).resolve().parent
    packaged = here.parent / "styles" / "posttui.tcss"
    return packaged if packaged.exists() else here.parents[2] / "styles" / "posttui.tcss"


# How often the file on disk is looked at for changes made elsewhere (git, editors).
DISK_CHECK_SECONDS = 1.0
MARK_CHANGES_SECONDS = 0.5
# Screens not shown yet are built only after this long without a key, a paste or a click:
# a key that comes while one is built waits for part of it (up to about 40 ms here).
QUIET_SECONDS = 0.5

# `KEY = "..."` in the [plan] table, found without parsing the whole file.
_PLAN_STRING = r'^\[plan\][ \t]*\r?\n(?:(?!\[).*\n)*?{key}[ \t]*=[ \t]*("(?:[^"\\\n]|\\.)*")'


def peek(path: Path, key: str) -> str | None:
    """A string of the plan's [plan] table for the first frame, read without loading the plan."""
    try:
        with path.open("rb") as handle:
            head = handle.read(16384).decode("utf-8", "replace")
        if match := re.search(_PLAN_STRING.format(key=key), head, re.M):
            return str(tomllib.loads(f"value = {match.group(1)}")["value"])
    except (OSError, tomllib.TOMLDecodeError):
        pass
    return None


def peek_title(path: Path) -> str:
    """The plan's title for the first frame (the file name if it has none)."""
    return peek(path, "title") or path.name


def peek_language(path: Path) -> str | None:
    """The plan's `language` for the first frame, if it is one posttui speaks."""
    language = peek(path, "language")
    return language if language in LANGUAGES else None


def screen(module: str, name: str) -> Callable[[], Screen[Any]]:
    """A mode's screen, imported when the mode is first built (ahead, or when shown)."""

    def made() -> Screen[Any]:
        made: Screen[Any] = getattr(import_module(f"posttui.ui.screens.{module}"), name)()
        # Styled as its widgets mount, with the app's stylesheet as it is. Textual would
        # parse all CSS again and style every screen anew for a screen it has not seen
        # (twice, on a switch of mode), though the CSS has not changed since.
        made._css_update_count = made.app._css_update_count
        return made

    return made


class PostApp(App[int]):
    CSS_PATH = stylesheet()
    TITLE = "posttui"
    COMMANDS = App.COMMANDS | {PlanCommands}
    MODES: ClassVar[dict[str, Any]] = {
        "people": screen("people", "PeopleScreen"),
        "objectives": screen("objectives", "ObjectivesScreen"),
        "strategy": screen("strategy", "StrategyScreen"),
        "technology": screen("technology", "TechnologyScreen"),
        "progress": screen("progress", "ProgressScreen"),  # the follow-up, read only
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True, id="app.quit"),
        Binding("ctrl+s", "save", "Save", id="app.save"),
        Binding("ctrl+z", "undo", "Undo", priority=True, id="app.undo"),
        Binding("ctrl+y", "redo", "Redo", priority=True, show=False, id="app.redo"),
        Binding("f1", "help", "Keys", id="app.help"),
        # The step bar under the header shows these.
        Binding("f2", "switch_mode('people')", "People", show=False, id="app.people"),
        Binding("f3", "switch_mode('objectives')", "Objectives", show=False, id="app.objectives"),
        Binding("f4", "switch_mode('strategy')", "Strategy", show=False, id="app.strategy"),
        Binding("f5", "switch_mode('technology')", "Technology", show=False, id="app.technology"),
        Binding("f9", "switch_mode('progress')", "Progress", show=False, id="app.progress"),
        # Text areas use f6 themselves; the plan's own fields must open from anywhere.
        Binding("f6", "plan_details", "Plan", priority=True, id="app.details"),
        Binding("f7", "changes", "Changes", id="app.changes"),
        Binding("ctrl+g", "guide", "Guide", show=False, id="app.guide"),
    ]
    # Actions that need a plan: none of them while it loads or when it failed to.
    PLAN_ACTIONS: ClassVar[set[str]] = {
        "save",
        "undo",
        "redo",
        "switch_mode",
        "plan_details",
        "command_palette",
        "changes",
        "guide",
    }

    # The language the editor speaks: `--lang`, else the plan's `language`, else the locale.
    lang: var[str] = var("en", init=False)
    findings: var[list[Finding]] = var(list, init=False)
    revision: var[int] = var(0, init=False)
    # Key paths that differ from the plan committed at HEAD, marked in the editors.
    changed: var[frozenset[str]] = var(frozenset(), init=False)

    def __init__(
        self,
        path: Path | str,
        lang: str | None = None,
        *,
        config: Config | None = None,
        config_problems: list[str] | None = None,
        build_ahead: bool = True,
    ) -> None:
        """`lang`: the language asked for (`--lang`); it wins over the plan's, which wins
        over the settings' (`config`, read from the settings file by `posttui edit`).
        `build_ahead`: once the plan shows, build the screens not shown yet while no one
        types, so that each shows at once when first asked for."""
        super().__init__()
        self.path = Path(path)
        self.asked_lang = lang
        self.settings = config
        self._config_problems = config_problems or []
        # Known before the first frame, which is drawn before the plan is loaded.
        self.set_reactive(PostApp.lang, self._language(peek_language(self.path)))
        self.document: Document | None = None
        self.load_error: LoadError | None = None
        self.recovery: CrashRecovery | None = None  # journals edits once the plan has loaded
        self.flags: dict[str, set[str]] = {}
        self.invalid: dict[object, tuple[str, str]] = {}  # fields holding text that is not
        # valid: their label and why; the plan keeps their last valid values
        self._renamed_in = -1  # the undo step whose rename was last said
        self._lint_due = False
        self.gate = KeyGate(self, super().on_event)  # closed until the plan shows
        self._disk_seen: object = None  # the version on disk the user was told about
        self._marks: Timer | None = None
        self.build_ahead = build_ahead
        self._modes_shown: set[str] = set()
        self._building = False  # a screen is being built ahead (see exit)
        self._exit_after_build: Callable[[], None] | None = None
        self._last_input = 0.0  # time.monotonic() of the last key, paste or click
        self._hold_frames = True  # App.delay_update's hold: off for a switch of screens

    @property
    def plan_loaded(self) -> bool:
        return self.document is not None

    @property
    def doc(self) -> Document:
        assert self.document is not None, "no plan is loaded"
        return self.document

    @property
    def plan(self) -> Plan:
        return self.doc.plan

    @property
    def history(self) -> History:
        return self.doc.history

    # ---- opening ----

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield StepBar("")
        opening = say(self, "app.opening", name=printable(self.path.name))
        yield Static(Content(opening), classes="opening")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = preview(peek_title(self.path))
        self._apply_settings()

    async def on_ready(self) -> None:
        """The first frame is drawn: now the plan (not after the frames that follow it)."""
        try:
            await self._open_plan()
        finally:
            # What start-up built lives as long as the app: spare it from every collection
            # (`posttui edit` starts with them off, as each would scan it all again).
            gc.freeze()
            gc.enable()

    async def _open_plan(self) -> None:
        from posttui.core.document import Document
        from posttui.core.loader import LoadError
        from posttui.ui.recovery import CrashRecovery

        try:
            self.document = Document.open(self.path)
        except LoadError as error:
            self.load_error = error
            self.title = "posttui"
            self.push_screen(LoadFailed(error))
            self.gate.open(keep=False)  # keys meant for a plan: not for the explanation
            return
        self._follow_plan_language()
        self._lint()
        self._show_titles()
        await self.switch_mode("people")
        self.set_interval(DISK_CHECK_SECONDS, self._watch_disk)
        self._mark_changes_soon()
        if comments := self.doc.comments:
            lines = ", ".join(map(str, comments[:8]))
            self.notify(
                say(self, "app.comments", lines=lines),
                severity="warning",
                timeout=10,
                markup=False,
            )
        # Last, so that the offer of what a crash left comes before anything else; an
        # empty plan (and not one a crash left edits of) then starts the guided start.
        self.recovery = CrashRecovery(self)
        self.recovery.start(then=self._guide_if_empty)
        self.call_after_refresh(self.gate.open)  # the keys typed meanwhile, in order
        if self.build_ahead:
            self.call_after_refresh(self._build_next)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste, events.MouseDown)):
            self._last_input = time.monotonic()
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            quitting = isinstance(event, events.Key) and event.key == "ctrl+q"
            if not (quitting and not self.gate.is_open) and self.gate.hold(event):
                return
        await super().on_event(event)

    def _guide_if_empty(self) -> None:
        if not (self.plan.people.segments or self.plan.objectives):
            self.action_guide()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "changes":  # only for a plan that git has
            return self.plan_loaded and self.doc.may_have_head()
        return self.plan_loaded or action not in self.PLAN_ACTIONS

    # ---- editing: widgets post what changed, the app applies it ----

    def key(self, section: str, index: int) -> ItemKey:
        return self.doc.key(section, index)

    def made_id(self, section: str, name: str) -> str:
        return self.doc.made_id(section, name)

    @on(Edited)
    def _edited(self, event: Edited) -> None:
        try:
            if event.item is None:
                changed, references = self.doc.edit(event.key, event.value, typing=True), 0
            else:
                applied = self.doc.edit_item(event.item, event.key, event.value, typing=True)
                changed, references = applied.changed, applied.references
                if applied.also and isinstance(self.screen, PostScreen):
                    self.screen.show_values(set(applied.also))
        except LookupError:  # the item is gone: show what is selected now
            self._show_form()
            return
        except ValueError as error:
            event.field.refused(str(error), event.value)
            return
        if not event.typing:
            self.history.seal()
        if changed:
            self._changed()
        if references:
            self._say_renamed(references)
        if not event.typing:
            self._show_form()

    def _say_renamed(self, references: int) -> None:
        """Say once per undo step how many references a rename carried to."""
        if self._renamed_in != self.history.state:
            self._renamed_in = self.history.state
            self.notify(say(self, "app.renamed", count=references), markup=False)

    @on(Added)
    def _added(self, event: Added) -> None:
        index = self.doc.add(event.section, event.item, event.after)
        self._changed()
        if event.show and isinstance(self.screen, PostScreen):
            self.screen.show_item(index, added=True)

    @on(Deleted)
    def _deleted(self, event: Deleted) -> None:
        deleted = self.doc.delete(event.item)
        if deleted is None:
            return
        index, references = deleted
        self._changed()
        if isinstance(self.screen, PostScreen):
            remaining = len(self.screen.items.items)
            self.screen.show_item(min(index, remaining - 1) if remaining else None)
        said = say(self, f"deleted.{event.noun}")
        if references:
            said += " " + say(self, "deleted.references", count=references)
        self.notify(said, markup=False)

    @on(Moved)
    def _moved(self, event: Moved) -> None:
        index = self.doc.move(event.item, event.offset)
        if index is None:
            return
        self._changed()
        if isinstance(self.screen, PostScreen):
            self.screen.show_item(index)

    @on(Invalid)
    def _invalid(self, event: Invalid) -> None:
        if event.reason is None:
            self.invalid.pop(event.field, None)
        else:
            self.invalid[event.field] = (event.label, event.reason)
        self._show_titles()

    def _show_form(self) -> None:
        if isinstance(self.screen, PostScreen):
            self.screen.sync_form()

    def edit(self, path: str, value: Any, *, typing: bool = False) -> str | None:
        """Set the value at `path`; returns why the plan refused it, if it did."""
        try:
            changed = self.doc.edit(path, value, typing=typing)
        except ValueError as error:
            return str(error)
        if changed:
            self._changed()
        return None

    def _changed(self) -> None:
        self._follow_plan_language()
        self.revision += 1
        self._show_titles()
        self._mark_changes_soon()
        if self.recovery is not None:
            self.recovery.changed()
        if not self._lint_due:
            # Queued behind the keys already waiting: a burst of keys is linted once.
            self._lint_due = True
            self.call_later(self._lint)

    def _mark_changes_soon(self) -> None:
        """Mark what differs from HEAD half a second after the last edit (never per key)."""
        if not self.doc.may_have_head():
            return
        if self._marks is not None:
            self._marks.stop()
        self._marks = self.set_timer(MARK_CHANGES_SECONDS, self._mark_changes)

    def _mark_changes(self) -> None:
        if self._head_loads():
            self.changed = frozenset(self.doc.changed_paths())

    def _head_loads(self) -> bool:
        """Whether the plan git has at HEAD loads; if not, f7 goes (it was offered while
        git's answer was not read yet)."""
        if self.doc.head is None:
            self.refresh_bindings()
            return False
        return True

    def _follow_plan_language(self) -> None:
        """Speak the plan's language (an edit, undo or reload may change it), unless
        `--lang` chose one."""
        self.lang = self._language(self.plan.plan.language)

    def _language(self, plan: str | None) -> str:
        preferred = self.settings.language if self.settings else None
        return choose(self.asked_lang, plan, preferred=preferred)

    def watch_lang(self) -> None:
        self.refresh_bindings()  # the footer and the key help describe them anew
        if self.plan_loaded:
            self._show_titles()

    def _lint(self) -> None:
        """Recompute the findings (in the language spoken)."""
        self._lint_due = False
        findings, self.flags = self.doc.lint(self.lang)
        self.findings = findings

    def _show_titles(self) -> None:
        """The plan's title; then, first so that a narrow terminal keeps them, whether
        the plan differs from its file and how many fields hold invalid text."""
        self.title = preview(self.plan.plan.title)
        marks = [say(self, "app.unsaved")] if self.doc.dirty else []
        if invalid := self._invalid_fields():
            marks.append(say(self, "app.invalid", count=len(invalid)))
        self.sub_title = " ".join([*marks, printable(self.path.name)])

    def _invalid_fields(self) -> list[tuple[str, str]]:
        """The label and reason of each field shown that holds invalid text."""
        return [why for field, why in self.invalid.items() if getattr(field, "is_attached", False)]

    def action_undo(self) -> None:
        self._step(self.doc.undo(), say(self, "app.nothing-to-undo"))

    def action_redo(self) -> None:
        self._step(self.doc.redo(), say(self, "app.nothing-to-redo"))

    def _step(self, stepped: bool, nothing: str) -> None:
        if not stepped:
            self.notify(nothing, markup=False)
            return
        self._changed()
        if isinstance(self.screen, PostScreen):
            self.screen.sync_form()

    # ---- saving and quitting ----

    def action_save(self) -> None:
        self._unless_invalid("invalid.save-anyway", lambda: self.save_then(None))

    def _unless_invalid(self, anyway: str, then: Callable[[], object]) -> None:
        """Run `then`, once the user knows which fields hold invalid text (whose last
        valid values the plan keeps) and chose to go on, or go back to the first."""
        invalid = [f for f in self.invalid if getattr(f, "is_attached", False)]
        if not invalid:
            then()
            return
        listed = "; ".join(f"{label}: {why}" for label, why in self._invalid_fields())
        question = say(self, "invalid.ask", fields=printable(listed))
        answers = self._answers(go_back="invalid.go-back", anyway=anyway, cancel="answer.cancel")

        async def answered(answer: str | None) -> None:
            if answer == "anyway":
                then()
            elif answer == "go-back":
                await self._go_to_field(invalid[0])

        self.push_screen(Choice(question, answers), answered)

    async def _go_to_field(self, field: object) -> None:
        from posttui.ui.widgets.fields import BoundField

        assert isinstance(field, BoundField)
        mode = field.screen.name
        if mode in self.MODES and self.current_mode != mode:
            await self.switch_mode(mode)
        field.focus_editor()

    def save_then(self, after: Callable[[], object] | None) -> None:
        """Save (asking first when the file changed on disk, or when saving drops its
        comments), then run `after` if it saved."""
        if self.doc.changed_on_disk():
            self._ask_about_disk(after)
        else:
            self._save_asking_about_comments(after)

    def _ask_about_disk(self, after: Callable[[], object] | None) -> None:
        question = say(self, "disk.save-over", name=printable(self.path.name))
        answers = self._answers(
            overwrite="disk.overwrite",
            reload="disk.reload-drop",
            save_as="disk.save-elsewhere",
            cancel="answer.cancel",
        )

        def answered(answer: str | None) -> None:
            if answer == "overwrite":
                self._save_asking_about_comments(after)
            elif answer == "reload":
                self.reload()
            elif answer == "save-as":
                self._offer_save_as(after)

        self.push_screen(Choice(question, answers), answered)

    def _offer_save_as(self, after: Callable[[], object] | None) -> None:
        from posttui.core.saving import elsewhere

        suggestion = str(elsewhere(self.path))
        self.push_screen(SaveAs(suggestion), lambda path: self._save_as(path, after))

    def _save_as(self, path: str | None, after: Callable[[], object] | None) -> None:
        if path is None:
            return
        target = Path(path)
        if target.exists():
            self.notify(say(self, "save.exists", path=printable(path)), markup=False)
            return
        self._write(target, after)

    def _save_asking_about_comments(self, after: Callable[[], object] | None) -> None:
        def save() -> None:
            self.save(after)

        if not self.doc.comments:
            save()
            return
        lines = ", ".join(map(str, self.doc.comments[:8]))
        question = say(self, "save.comments", name=printable(self.path.name), lines=lines)
        answers = self._answers(save="save.without-comments", cancel="answer.cancel")
        self.push_screen(
            Choice(question, answers), lambda answer: save() if answer == "save" else None
        )

    def save(self, after: Callable[[], object] | None = None) -> None:
        """Write the plan, then run `after`; if writing fails, say why and offer to
        save it elsewhere (the edits stay, the file is as it was)."""
        self._write(self.doc.path, after)

    def _write(self, target: Path, after: Callable[[], object] | None) -> None:
        from posttui.core.saving import failed

        try:
            self.doc.save_as(target)
        except OSError as error:
            question = failed(error, target, self.lang)
            answers = self._answers(save_as="save.elsewhere", cancel="save.not-now")
            self.push_screen(
                Choice(question, answers),
                lambda answer: self._offer_save_as(after) if answer == "save-as" else None,
            )
            return
        self.path = self.doc.path
        if self.recovery is not None:
            self.recovery.saved()
        self._show_titles()
        self.notify(say(self, "save.done", name=printable(self.path.name)), markup=False)
        if after is not None:
            after()

    async def action_quit(self) -> None:
        if isinstance(self.screen, Choice):
            return  # already asking
        if self.plan_loaded:
            self._unless_invalid("invalid.quit-anyway", self._quit)
        else:
            self.exit(return_code=2)

    def _quit(self) -> None:
        if not self.doc.dirty:
            self._end_recovery()
            self.exit(return_code=0)
            return
        answers = self._answers(save="quit.save", discard="quit.discard", cancel="answer.cancel")
        question = say(self, "quit.unsaved", name=printable(self.path.name))
        self.push_screen(Choice(question, answers), self._quit_answer)

    def _answers(self, **labels: str) -> list[tuple[str, str]]:
        """A Choice's answers (`save_as` answers "save-as"), labelled in the language spoken."""
        return [(answer.replace("_", "-"), say(self, key)) for answer, key in labels.items()]

    def _quit_answer(self, answer: str | None) -> None:
        if answer == "discard":
            self._end_recovery()
            self.exit()
        elif answer == "save":
            self.save_then(self.exit)

    def _end_recovery(self) -> None:
        """A clean quit: nothing unsaved is left to recover."""
        if self.recovery is not None:
            self.recovery.end()

    def on_unmount(self) -> None:
        if self.recovery is not None:
            self.recovery.close()  # what is unsaved stays recoverable, as after a crash

    # ---- changes on disk ----

    def _watch_disk(self) -> None:
        stamp = self.doc.disk_stamp()
        if stamp in (self.doc.stamp, self._disk_seen) or isinstance(self.screen, Choice):
            return
        self._disk_seen = stamp
        name = printable(self.path.name)
        if self.doc.dirty:
            self.notify(
                say(self, "disk.edits-kept", name=name),
                severity="warning",
                timeout=10,
                markup=False,
            )
            return
        question = say(self, "disk.reload-ask", name=name)
        answers = self._answers(reload="disk.reload", keep="disk.keep")
        self.push_screen(
            Choice(question, answers), lambda answer: self.reload() if answer == "reload" else None
        )

    def reload(self) -> None:
        """Read the plan again from disk (undo history starts afresh)."""
        from posttui.core.document import Document
        from posttui.core.loader import LoadError

        try:
            self.document = Document.open(self.path)
        except LoadError as error:
            self.notify(
                say(self, "reload.failed", problems=printable(error.render(self.lang))),
                severity="error",
                timeout=15,
                markup=False,
            )
            return
        self._disk_seen = None
        self.show_new_plan()
        self.notify(say(self, "reload.done", name=printable(self.path.name)), markup=False)

    def show_new_plan(self) -> None:
        """Show the plan that replaced the one shown (reloaded, or restored after a crash)."""
        self._changed()
        if isinstance(self.screen, PostScreen):
            self.screen.sync_form()

    # ---- moving around ----

    async def go_to(self, path: str) -> None:
        """Show the screen, item and field that `path` names (plan fields: the dialog)."""
        mode = path.partition(".")[0].partition("[")[0]
        if mode not in self.MODES:
            self.action_plan_details()
            return
        if self.current_mode != mode:
            await self.switch_mode(mode)
        if isinstance(self.screen, PostScreen):
            await self.screen.focus_path(path)

    async def on_findings_panel_chosen(self, event: FindingsPanel.Chosen) -> None:
        await self.go_to(event.finding.path)

    def action_guide(self) -> None:
        from posttui.ui.screens.guide import GuideScreen

        if isinstance(self.screen, PostScreen):  # not over a dialog, nor over the guide
            self.push_screen(GuideScreen())

    def action_plan_details(self) -> None:
        if self.plan_loaded and not isinstance(self.screen, PlanDetails):
            self.push_screen(PlanDetails())

    def action_changes(self) -> None:
        from posttui.core.diff import by_step, key_paths
        from posttui.ui.screens.changes import ChangesView

        if not self._head_loads():
            return
        changes = by_step(self.doc.changes_since_head())
        paths = key_paths(changes, self.plan)
        self.push_screen(ChangesView(changes, paths), self._go_to_change)

    async def _go_to_change(self, path: str | None) -> None:
        if path is not None:
            await self.go_to(path)

    def action_help(self) -> None:
        from textual.widgets import HelpPanel  # it brings Markdown: only when asked for

        if self.screen.query(HelpPanel):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    # ---- settings: theme, keymap ----

    def _apply_settings(self) -> None:
        """The theme and keys the settings file asks for; what is wrong in it is said,
        and the rest applies."""
        problems = list(self._config_problems)
        if self.settings is not None:
            if self.settings.theme in self.available_themes:
                self.theme = self.settings.theme
            elif self.settings.theme is not None:
                problems.append(say(self, "config.no-theme", theme=printable(self.settings.theme)))
            self.set_keymap(self.settings.keymap)
            self.watch(self, "theme", self._remember_theme, init=False)
        for problem in problems:
            self.notify(
                say(self, "config.problem", problem=problem),
                severity="warning",
                timeout=15,
                markup=False,
            )

    def _remember_theme(self, theme: str) -> None:
        """The theme chosen in the palette is kept for the next start."""
        from posttui.core import config

        try:
            problems = config.remember_theme(theme)
        except OSError as error:
            problems = [str(error)]
        for problem in problems:
            self.notify(
                say(self, "config.not-saved", problem=printable(problem)),
                severity="warning",
                markup=False,
            )

    def switch_mode(self, mode: str) -> AwaitMount:
        # Textual holds the frames of a switch for 50 ms (delay_update), so that a screen
        # being built is not seen half done. A screen shows only once built, and is laid
        # out right the first time (its fields wrapped at the width they get, its keys
        # and focus set): it shows in the first frame drawn, not after the hold.
        if mode not in self._modes_shown:
            # A screen lives as long as the app: once drawn, spare it and what drawing it
            # made from every full collection (one scanning them took 12-75 ms within a
            # switch, as much for a screen built ahead as for a new one).
            self.call_after_refresh(gc.freeze)
        self._modes_shown.add(mode)
        self._hold_frames = False
        try:
            mounted = super().switch_mode(mode)
        finally:
            self._hold_frames = True
        if not self.screen.is_mounted:  # built ahead, and not done: what to wait for
            return AwaitMount(self.screen, [self.screen])
        return mounted

    async def _build_next(self) -> None:
        """Build the next screen not built yet, hidden, as Textual builds a mode's screen
        when first shown: composed, mounted and laid out. Its first visit then costs a
        layout and a frame, not some 90 widgets made, styled and mounted. One screen at
        a time and after a pause in typing: a key waits for part of one screen at most."""
        quiet = time.monotonic() - self._last_input
        if quiet < QUIET_SECONDS:
            self.set_timer(QUIET_SECONDS - quiet, self._build_next)
            return
        gc.freeze()  # the screen built last: see switch_mode
        mode = next((mode for mode in self.MODES if mode not in self._screen_stacks), None)
        if mode is None or not self.is_running:
            return
        self._building = True
        try:
            await self._init_mode(mode)
        finally:
            self._building = False
        if self._exit_after_build is not None:  # asked for meanwhile
            self.call_after_refresh(self._exit_after_build)
        else:
            self.call_after_refresh(self._build_next)  # once it is laid out

    def exit(self, result: int | None = None, return_code: int = 0, message: Any = None) -> None:
        # Textual's widgets fail to mount once the app exits: a screen being built ahead
        # is finished first (a quit waits for one screen at most).
        if self._building:
            self._exit_after_build = partial(super().exit, result, return_code, message)
        else:
            super().exit(result, return_code, message)

    def delay_update(self, delay: float = 0.05) -> None:
        if self._hold_frames:
            super().delay_update(delay)

    def update_styles(self, node: DOMNode, animate: bool = True) -> None:
        # A widget not mounted yet is styled as it mounts. Textual styles it at each
        # class change before that too, as its constructor sets `compact` or `disabled`:
        # a restyle of every input, button and field a screen builds, done for nothing.
        if node is self or node.is_attached:
            super().update_styles(node, animate)

    # ---- Textual's own words, in the language spoken ----

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            key = f"system.{command.title.lower()}"
            if key in WORDS.en:
                command = command._replace(title=say(self, key), help=say(self, f"{key}-help"))
            yield command

    def action_command_palette(self) -> None:
        # One palette at a time, also when a dialog (f6) has opened above it: a second
        # one would share its id, and Textual would stop the app.
        palette_open = any(isinstance(screen, CommandPalette) for screen in self.screen_stack)
        if self.use_command_palette and not palette_open:
            placeholder = say(self, "app.search-commands")
            self.push_screen(CommandPalette(placeholder=placeholder, id="--command-palette"))

    def search_themes(self) -> None:
        placeholder = say(self, "app.search-themes")
        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder=placeholder))

    def action_help_quit(self) -> None:
        """ctrl+c copies; someone who pressed it to quit is told the key that does."""
        self.notify(say(self, "app.help-quit", shortcut="ctrl+q"), markup=False)


if TYPE_CHECKING:
    _checked: type[PlanState] = PostApp  # mypy holds the app to what its widgets may read
