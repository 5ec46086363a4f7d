"""Keys in turn: each key typed is handled, with all it sets off, before the next.

Textual hands a key to the focused widget and goes straight on to the next one. A key
bound further up (enter in a list, tab, escape, a screen's F key) acts only when it has
bubbled back to the app, and a field's enter moves on only when its message arrives:
keys typed behind it went meanwhile to the widget focused before, and were lost there
or did something else. A fast typist, keys batched over ssh or a busy machine make
such bursts. The gate lets a key through when the app has nothing left to do, and
holds the keys behind it, in order, until then. Text typed into a text field, behind
more text, moves nothing: it goes straight through, as fast as it comes. (Any other
key waits for the text before it: ctrl+z, say, undoes the text typed before it.)

While a key to a text field is handled, no frame is drawn: the text and what it sets
off (the findings, the SMART line) show in one frame, not in a frame of text and, a
frame's period or two later, one of findings.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from textual import events
from textual.app import App, ScreenStackError
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.widgets import Input, TextArea

Typed = events.Key | events.Paste

# A handler that waits on something (a worker, a dialog) holds no key for longer.
ROUND_SECONDS = 0.5
ROUNDS = 20
# Nor the frames for longer, while a key to a text field is handled (looked at every ms).
FRAME_SECONDS = 0.05
FRAME_POLL = 0.001


class KeyGate:
    """Holds typed keys (and pastes) while the app is busy, and lets them through one at
    a time with `let_through`; closed (every key held) until `open` is called."""

    def __init__(self, app: App[Any], let_through: Callable[[Typed], Awaitable[None]]) -> None:
        self.app = app
        self.let_through = let_through
        self.held: deque[Typed] = deque()
        self.is_open = False
        self._waiting = False  # for the app to go idle, then let the keys held through
        self._calm = True  # every key let through since the app was idle was text typed
        self._task: asyncio.Task[None] | None = None  # held: the loop keeps only weak ones
        self._drawing: asyncio.Task[None] | None = None  # draws once a key is handled

    def hold(self, event: Typed) -> bool:
        """Whether `event` has to wait its turn (it is then held); if not, it may go on."""
        typing = self._typing(event)
        free = self.is_open and not self.held and not self._waiting
        if free and ((typing and self._calm) or self._idle()):
            self._calm = typing
            self._draw_when_handled()
            return False
        self.held.append(event)
        self._wait()
        return True

    @property
    def busy(self) -> bool:
        """Whether keys are held, or about to be let through."""
        return bool(self.held) or self._waiting

    async def settled(self) -> None:
        """Wait until every key typed has gone through and the app has handled it.
        Keys posted but not yet taken from the app's queue are held only once the app
        gets to them: the app going quiet is not enough, the gate must be empty then."""
        while self.app.is_running:
            if self.busy:
                await asyncio.sleep(0.005)
                continue
            await self._quiet()
            if not self.busy:
                return

    def open(self, *, keep: bool = True) -> None:
        """Let keys through from now on: those held so far too, unless not `keep`."""
        self.is_open = True
        if not keep:
            self.held.clear()
        self._wait()

    def _typing(self, event: Typed) -> bool:
        """Whether `event` is text typed into the text field focused (it moves nothing)."""
        typed = isinstance(event, events.Key) and event.is_printable
        return typed and self._editing()

    def _editing(self) -> bool:
        return isinstance(self.app.focused, (Input, TextArea))

    def _draw_when_handled(self) -> None:
        """A key to a text field: draw once it has been handled, with what it sets off."""
        if self._drawing is None and self._editing():
            self.app._begin_batch()  # Textual's own hold on frames (App.batch_update)
            self._drawing = asyncio.create_task(self._draw())

    async def _draw(self) -> None:
        try:
            deadline = time.monotonic() + FRAME_SECONDS
            while not self._idle() and time.monotonic() < deadline:
                await asyncio.sleep(FRAME_POLL)
        finally:
            self._drawing = None
            self.app._end_batch()
            with contextlib.suppress(ScreenStackError):
                self.app.screen.check_idle()  # it draws what waited

    def _nodes(self) -> list[MessagePump]:
        try:
            return [self.app, *self.app.screen.walk_children(with_self=True)]
        except ScreenStackError:  # the app is closing
            return [self.app]

    def _idle(self) -> bool:
        """Nothing waits to be handled: no message, nor a callback for after the next
        frame (`call_after_refresh`, which may move the focus: a new target row's)."""
        nodes = self._nodes()
        after_frame = any(isinstance(node, Screen) and node._callbacks for node in nodes)
        return not after_frame and all(node._message_queue.empty() for node in nodes)

    def _wait(self) -> None:
        if self.is_open and self.held and not self._waiting:
            self._waiting = True
            self._task = asyncio.create_task(self._when_idle())

    async def _when_idle(self) -> None:
        await self._quiet()
        if self.app.is_running:
            self.app.call_later(self._release)

    async def _quiet(self) -> None:
        """Wait until the app is idle (or has been busy for long enough)."""
        for _ in range(ROUNDS):
            if not self.app.is_running:
                return
            await self._round()
            if self._idle():
                return

    async def _round(self) -> None:
        """Wait until every widget has handled what it was sent before now."""
        nodes = [node for node in self._nodes() if node.is_running]
        left = len(nodes)
        done = asyncio.Event()

        def handled() -> None:
            nonlocal left
            left -= 1
            if not left:
                done.set()

        for node in nodes:
            node.call_later(handled)
        # Not longer: a widget may be removed meanwhile, or wait on something.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(done.wait(), ROUND_SECONDS)

    async def _release(self) -> None:
        """The app is idle: let the first key held through, and the text typed behind it
        while it moves nothing."""
        self._waiting, idle = False, True
        while self.held and (idle or (self._calm and self._typing(self.held[0]))):
            event = self.held.popleft()
            self._calm, idle = self._typing(event), False
            self._draw_when_handled()
            await self.let_through(event)
        self._wait()
