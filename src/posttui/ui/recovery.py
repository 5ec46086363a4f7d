"""Crash recovery in the editor: unsaved edits journaled soon after each edit, and the
edits a crashed session left offered back when the plan opens."""

from __future__ import annotations

import asyncio
import contextlib
import time
from datetime import datetime
from typing import TYPE_CHECKING

from posttui.core.i18n import Catalog
from posttui.core.journal import Journal, Recovery, found
from posttui.core.loader import LoadError
from posttui.core.saving import why_not_written
from posttui.core.terminal import printable
from posttui.core.writer import dumps
from posttui.ui.screens.dialogs import Choice

if TYPE_CHECKING:
    from collections.abc import Callable
    from concurrent.futures import Future

    from textual.notifications import SeverityLevel
    from textual.timer import Timer

    from posttui.core.model import Plan
    from posttui.ui.app import PostApp

# The journal is written this long after the last edit (never on each key) ...
JOURNAL_AFTER_SECONDS = 0.5
# ... and, while the typing goes on, no later than this after the first edit it lacks.
JOURNAL_WITHIN_SECONDS = 1.0
# Recovery files offered one after another, newest first; older ones are kept and counted
# in one notice (however many files lie beside the plan, a few questions at most).
OFFERED = 3

RECOVERY = Catalog(
    "recovery",
    en={
        "offer": (
            "{name} has unsaved edits from a session that ended without saving "
            "(written {when}). Restore them?"
        ),
        "offer-older": (
            "{name} has unsaved edits from a session that ended without saving "
            "(written {when}). Careful: the file was saved after that ({saved}); restoring "
            "shows the edits instead, and saving them would replace that version. "
            "Restore them?"
        ),
        "restore": "Restore the edits",
        "discard": "Discard them",
        "later": "Decide later",
        "restored": "Restored the unsaved edits: save (ctrl+s) to keep them in {name}.",
        "kept": (
            "The edits are kept in {path}; they are offered again when {name} is next opened."
        ),
        "more": (
            (
                "{count} older recovery file of {name} is kept as it is, not offered: "
                "look for .{name}.*.recovery in {folder}."
            ),
            (
                "{count} older recovery files of {name} are kept as they are, not "
                "offered: look for .{name}.*.recovery in {folder}."
            ),
        ),
        "unreadable": (
            "A recovery file of {name} could not be read; it is kept as it is: {path}\n{problems}"
        ),
        "not-discarded": "The recovery file {path} could not be removed. {why}",
        "other-editor": (
            "{name} is open in another posttui too (process {pid}), with unsaved edits. "
            "Whichever of you saves second is asked before overwriting the other's version."
        ),
        "journal-failed": (
            "Your unsaved edits could not be written to a recovery file. {why} "
            "They are safe from a crash only once saved."
        ),
        "today": "today at {time}",
        "day": "on {date} at {time}",
        "time-format": "%H:%M",
        "date-format": "%Y-%m-%d",
    },
)


def when(timestamp: float, lang: str, now: datetime | None = None) -> str:
    """A file time as people say it: 'today at 14:32', or with the date."""
    moment = datetime.fromtimestamp(timestamp)
    now = now or datetime.now()
    clock = moment.strftime(RECOVERY("time-format", lang))
    if moment.date() == now.date():
        return RECOVERY("today", lang, time=clock)
    return RECOVERY("day", lang, date=moment.strftime(RECOVERY("date-format", lang)), time=clock)


class CrashRecovery:
    """The app's journal of unsaved edits, and the offer of what a crash left."""

    def __init__(self, app: PostApp) -> None:
        self.app = app
        self.journal: Journal | None = None  # None: nothing to journal (yet, or any more)
        self._timer: Timer | None = None
        self._due = 0.0  # when the pending write must happen at the latest
        self._warned = False  # about a failed write, until one succeeds again
        self._then: Callable[[], object] = lambda: None  # once the offer is settled

    @property
    def lang(self) -> str:
        return self.app.lang

    def say(
        self,
        key: str,
        severity: SeverityLevel = "information",
        timeout: float = 10,
        **params: object,
    ) -> None:
        self.app.notify(
            RECOVERY(key, self.lang, **params), severity=severity, timeout=timeout, markup=False
        )

    # ---- journaling ----

    def start(self, then: Callable[[], object]) -> None:
        """The plan has loaded: journal its edits from now on, and offer what a crash left;
        `then` runs once that is settled (restored, discarded, or left for later)."""
        self.journal = Journal(self.app.doc.path)
        self._then = then
        self._offer(found(self.app.doc.path, besides=self.journal))

    def changed(self) -> None:
        """The plan changed: journal it soon (or clear the journal when it is as saved)."""
        if self.journal is None:
            return
        now = time.monotonic()
        if self._timer is None:
            self._due = now + JOURNAL_WITHIN_SECONDS
        elif now + JOURNAL_AFTER_SECONDS > self._due:
            return  # the write already waiting is due sooner, and takes this edit along
        else:
            self._timer.stop()
        self._timer = self.app.set_timer(JOURNAL_AFTER_SECONDS, self._journal, name="journal")

    def _journal(self) -> None:
        self._timer = None
        if self.journal is None:
            return
        doc = self.app.doc
        self._follow(self.journal.record(doc.plan) if doc.dirty else self.journal.clear())

    def _follow(self, done: Future[None]) -> None:
        """Hear, in the app, how a write of the journal went."""
        asyncio.wrap_future(done).add_done_callback(self._journaled)

    def _journaled(self, done: asyncio.Future[None]) -> None:
        error = None if done.cancelled() else done.exception()
        if error is None:
            self._warned = False
        elif not self._warned and self.journal is not None:
            self._warned = True
            why = (
                why_not_written(error, self.journal.path, self.lang)
                if isinstance(error, OSError)
                else printable(str(error))
            )
            self.say("journal-failed", "warning", 15, why=why)

    def saved(self) -> None:
        """The plan is saved (perhaps elsewhere): its recovery file goes."""
        if self.journal is not None:
            self.journal.clear()
            self.journal.plan = self.app.doc.path

    def end(self) -> None:
        """A clean quit: what was unsaved is saved or dropped on purpose; no recovery file."""
        if self.journal is not None:
            self._stop()
            self.journal.clear()
            self.close()

    def close(self) -> None:
        """The app ends: journal what is pending (it may be a crash), and wait for it."""
        if self.journal is None:
            return
        if self._timer is not None:
            self._stop()
            if self.app.doc.dirty:
                self.journal.record(self.app.doc.plan)
        self.journal.close()
        self.journal = None

    def _stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    # ---- offering what a crash left ----

    def _offer(self, recoveries: list[Recovery]) -> None:
        """Name each other posttui running on the plan (a few at most), and offer the
        newest recovery files of crashed sessions; older ones are counted once."""
        path = self.app.doc.path
        name = printable(path.name)
        running = dict.fromkeys(recovery.pid for recovery in recoveries if recovery.running)
        for pid in list(running)[:OFFERED]:
            self.say("other-editor", "warning", name=name, pid=pid)
        crashed = [recovery for recovery in recoveries if not recovery.running]
        if len(crashed) > OFFERED:
            count = len(crashed) - OFFERED
            folder = printable(str(path.parent))
            self.say("more", "warning", 20, name=name, count=count, folder=folder)
        self._offer_next(crashed[:OFFERED])

    def _offer_next(self, left: list[Recovery]) -> None:
        """Offer the newest recovery file that holds edits; the rest wait their turn."""
        if not left:
            self._then()
            return
        recovery, rest = left[0], left[1:]
        plan = self._load(recovery)
        if plan is None or dumps(plan) == dumps(self.app.plan):
            if plan is not None:
                with contextlib.suppress(OSError):
                    recovery.discard()  # nothing in it that the plan lacks
            self._offer_next(rest)
            return
        answers = [
            ("restore", RECOVERY("restore", self.lang)),
            ("discard", RECOVERY("discard", self.lang)),
            ("later", RECOVERY("later", self.lang)),
        ]
        self.app.push_screen(
            Choice(self._question(recovery), answers),
            lambda answer: self._answered(answer, recovery, plan, rest),
        )

    def _load(self, recovery: Recovery) -> Plan | None:
        try:
            return recovery.load()
        except LoadError as error:
            self.say(
                "unreadable",
                "error",
                20,
                name=printable(self.app.doc.path.name),
                path=printable(str(recovery.path)),
                problems=printable(error.render(self.lang)),
            )
            return None

    def _question(self, recovery: Recovery) -> str:
        plan = self.app.doc.path
        name, written = printable(plan.name), when(recovery.written, self.lang)
        saved = recovery.saved_since(plan)
        if saved is None:
            return RECOVERY("offer", self.lang, name=name, when=written)
        return RECOVERY(
            "offer-older", self.lang, name=name, when=written, saved=when(saved, self.lang)
        )

    def _answered(
        self, answer: str | None, recovery: Recovery, plan: Plan, left: list[Recovery]
    ) -> None:
        name = printable(self.app.doc.path.name)
        if answer == "restore" and self.journal is not None:
            self._follow(self.journal.adopt(recovery))  # before anything else is journaled
            self.app.doc.restore(plan)
            self.app.show_new_plan()
            self.say("restored", name=name)
            self._then()
        elif answer == "discard":
            try:
                recovery.discard()
            except OSError as error:
                why = why_not_written(error, recovery.path, self.lang)
                self.say("not-discarded", path=printable(str(recovery.path)), why=why)
            self._offer_next(left)
        else:
            self.say("kept", path=printable(str(recovery.path)), name=name)
            self._then()
