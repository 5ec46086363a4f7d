"""The command palette: "area: verb" commands, and a jump to any item or finding."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cached_property, partial
from heapq import nlargest
from itertools import islice
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from posttui.core.terminal import preview
from posttui.core.vocabulary import STEPS, step_name
from posttui.ui.catalog import WORDS, say
from posttui.ui.guide.catalog import GUIDE
from posttui.ui.matching import match

if TYPE_CHECKING:
    from posttui.ui.app import PostApp

Command = tuple[str, Callable[[], object], str]

# Characters of a statement or name in a command: a title is a line, and matching
# costs what the titles are long (thousands of items are searched per key).
NAME = 80

# Commands the palette lists at most, the best first: typing narrows them. Laying out
# the list costs what it holds, and thousands of items made each key take a second.
SHOWN = 100


class PlanCommands(Provider):
    @property
    def post_app(self) -> PostApp:
        return cast("PostApp", self.app)

    @cached_property
    def listed(self) -> list[Command]:
        """The commands, made once: the palette makes its providers anew each time it
        opens, and each key typed searches them all."""
        return list(self.commands())

    def command(self, key: str, run: Callable[[], object], **params: str) -> Command:
        """A command, its title and help in the language spoken (`key`, `key-help`)."""
        lang = self.post_app.lang
        return WORDS(key, lang, **params), run, WORDS(f"{key}-help", lang, **params)

    def commands(self) -> Iterator[Command]:
        app = self.post_app
        for mode in STEPS:
            step = step_name(mode, app.lang)
            yield self.command("command.open", partial(app.switch_mode, mode), step=step)
        follow_up = say(app, "steps.progress")
        yield self.command("command.open", partial(app.switch_mode, "progress"), step=follow_up)
        yield self.command("command.save", app.action_save)
        yield self.command("command.details", app.action_plan_details)
        yield self.command("command.undo", app.action_undo)
        yield self.command("command.redo", app.action_redo)
        if app.plan_loaded and app.doc.may_have_head():
            yield self.command("command.changes", app.action_changes)
        yield GUIDE("command", app.lang), app.action_guide, GUIDE("command-help", app.lang)
        if not app.plan_loaded:
            return
        plan = app.plan
        for index, objective in enumerate(plan.objectives):
            go = partial(app.go_to, f"objectives[{index}]")
            yield self.command("command.objective", go, name=preview(objective.statement, NAME))
        for index, segment in enumerate(plan.people.segments):
            go = partial(app.go_to, f"people.segments[{index}]")
            yield self.command("command.segment", go, name=preview(segment.name, NAME))
        for finding in app.findings:
            go = partial(app.go_to, finding.path)
            subject = preview(finding.subject, NAME)
            yield self.command("command.finding", go, rule=finding.rule, subject=subject)

    async def discover(self) -> Hits:
        for title, command, help_text in islice(self.commands(), SHOWN):
            yield DiscoveryHit(Content(title), command, text=title, help=help_text)

    async def search(self, query: str) -> Hits:
        hits = [
            (found, title, command, help_text)
            for title, command, help_text in self.listed
            if (found := match(query, title))
        ]
        for found, title, command, help_text in nlargest(SHOWN, hits, key=lambda h: h[0].score):
            shown = highlight(title, found.offsets)
            yield Hit(found.score, shown, command, text=title, help=help_text)


def highlight(title: str, offsets: list[int]) -> Content:
    """The title with the matched letters marked; plan text is never read as markup
    (and the titles hold it escaped already: see `commands`)."""
    content = Content(title)
    for start, end in runs(offsets):
        content = content.stylize("bold underline", start, end)
    return content


def runs(offsets: list[int]) -> Iterator[tuple[int, int]]:
    """Ascending offsets as (start, end) spans of neighbours: [1, 2, 3, 7] -> (1, 4), (7, 8)."""
    start = end = offsets[0]
    for offset in offsets[1:]:
        if offset != end + 1:
            yield start, end + 1
            start = offset
        end = offset
    yield start, end + 1
