"""The command palette: "area: verb" commands, and a jump to any item or finding."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from posttui.core.terminal import preview, printable
from posttui.core.vocabulary import STEPS, step_name
from posttui.ui.guide.words import GUIDE
from posttui.ui.words import WORDS

if TYPE_CHECKING:
    from posttui.ui.app import PostApp

Command = tuple[str, Callable[[], object], str]

# Characters of a statement or name in a command: a title is a line, and the fuzzy
# search costs what the titles are long (thousands of items are searched per key).
NAME = 80


class PlanCommands(Provider):
    @property
    def post_app(self) -> PostApp:
        return cast("PostApp", self.app)

    def command(self, key: str, run: Callable[[], object], **params: str) -> Command:
        """A command, its title and help in the language spoken (`key`, `key-help`)."""
        lang = self.post_app.lang
        return WORDS(key, lang, **params), run, WORDS(f"{key}-help", lang, **params)

    def commands(self) -> Iterator[Command]:
        app = self.post_app
        for mode in STEPS:
            step = step_name(mode, app.lang)
            yield self.command("command.open", partial(app.switch_mode, mode), step=step)
        yield self.command("command.save", app.action_save)
        yield self.command("command.details", app.action_plan_details)
        yield self.command("command.undo", app.action_undo)
        yield self.command("command.redo", app.action_redo)
        if app.plan_loaded and app.doc.head is not None:
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
        for title, command, help_text in self.commands():
            yield DiscoveryHit(Content(printable(title)), command, text=title, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, command, help_text in self.commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, highlight(matcher, title), command, text=title, help=help_text)


def highlight(matcher: Matcher, title: str) -> Content:
    """The title with the matched letters marked; plan text is never read as markup."""
    content = Content(printable(title))
    if content.plain != title:
        return content
    _, offsets = matcher.fuzzy_search.match(matcher.query, title)
    for offset in offsets:
        content = content.stylize("bold underline", offset, offset + 1)
    return content
