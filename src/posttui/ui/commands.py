"""The command palette: "area: verb" commands, and a jump to any item or finding."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from posttui.core.terminal import printable

if TYPE_CHECKING:
    from posttui.ui.app import PostApp

Command = tuple[str, Callable[[], object], str]


class PlanCommands(Provider):
    @property
    def post_app(self) -> PostApp:
        return cast("PostApp", self.app)

    def commands(self) -> Iterator[Command]:
        app = self.post_app
        for mode, title in (
            ("people", "People"),
            ("objectives", "Objectives"),
            ("strategy", "Strategy"),
            ("technology", "Technology"),
        ):
            yield f"{title}: open", partial(app.switch_mode, mode), f"Go to the {title} screen"
        yield "Plan: save", app.action_save, "Write the plan to its file (ctrl+s)"
        yield "Plan: edit details", app.action_plan_details, "Title, language, as-of date"
        yield "Plan: undo", app.action_undo, "Undo the last edit (ctrl+z)"
        yield "Plan: redo", app.action_redo, "Redo (ctrl+y)"
        if app.plan_loaded and app.doc.head is not None:
            yield "Plan: changes since the last commit", app.action_changes, "What differs (f7)"
        if not app.plan_loaded:
            return
        plan = app.plan
        for index, objective in enumerate(plan.objectives):
            yield (
                f"Objective: {objective.statement}",
                partial(app.go_to, f"objectives[{index}]"),
                "Go to this objective",
            )
        for index, segment in enumerate(plan.people.segments):
            yield (
                f"Segment: {segment.name}",
                partial(app.go_to, f"people.segments[{index}]"),
                "Go to this segment",
            )
        for finding in app.findings:
            yield (
                f"Finding: {finding.rule} {finding.subject}",
                partial(app.go_to, finding.path),
                "Go to what this finding is about",
            )

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
