"""The guided start: POST's questions one at a time, each answer in the plan at once.

People, Objectives, Strategy, Technology, in that order, as Groundswell insists.
Every answer is one undoable edit of the document, linted like any other, so the
findings panel follows; escape leaves with what was answered, shift+tab goes
back one question (and answering it again changes what was written).
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, OptionList

from posttui.core import fields
from posttui.core.rules.registry import DEFAULT_MAX_MONTHLY_GROWTH
from posttui.core.terminal import printable
from posttui.core.vocabulary import STEPS, step_name, step_question
from posttui.ui.catalog import language
from posttui.ui.guide.catalog import GUIDE
from posttui.ui.guide.interview import Interview
from posttui.ui.guide.questions import QUESTIONS, Answer, Question, smart_status
from posttui.ui.screens.base import PostScreen
from posttui.ui.screens.speaking import Speaking
from posttui.ui.widgets.fields import LINE_BREAK, LastWordSuggester
from posttui.ui.widgets.findings import FindingsPanel, FindingsSummary
from posttui.ui.widgets.footer import KeysFooter
from posttui.ui.widgets.text import Text
from posttui.ui.widgets.title import TitleBar

if TYPE_CHECKING:
    from posttui.ui.app import PostApp


class GuideScreen(Speaking[None]):
    """One question at a time, why it is asked beside it, the findings as they change."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Leave guide"),
        Binding("shift+tab", "back", "Back"),
        # The steps' keys leave the guide for the step asked for.
        *(
            Binding(key, f"leave('{step}')", step, show=False)
            for key, step in zip(("f2", "f3", "f4", "f5"), STEPS, strict=True)
        ),
    ]

    # As the POST screens: below 140 columns the findings are one line; below 100 the
    # question takes the whole width, why it is asked below it.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-medium"), (140, "-wide")]  # noqa: RUF012

    def __init__(self) -> None:
        super().__init__()
        self.interview: Interview | None = None
        self.answers: list[Answer] = []
        self._answering = False

    @property
    def post_app(self) -> PostApp:
        return cast("PostApp", self.app)

    @property
    def asking(self) -> Interview:
        assert self.interview is not None
        return self.interview

    @property
    def lang(self) -> str:
        return language(self)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Text(id="guide-progress")
        with Horizontal(id="guide-main"):
            with Vertical(id="guide-ask"):
                yield Text(id="guide-step")
                yield Text(id="guide-question")
                yield Input(id="guide-input", select_on_focus=False)
                yield OptionList(id="guide-choices")
                yield Text(id="guide-hint")
                yield Text(id="guide-live")
                yield Text(id="guide-keys")
            with VerticalScroll(id="guide-why", can_focus=False):
                yield Text(id="guide-explanation")
                yield Text(id="guide-choice-why")
            yield FindingsPanel()
        yield FindingsSummary()
        yield KeysFooter()

    def on_mount(self) -> None:
        self.interview = Interview(self.post_app)
        self.watch(self.app, "findings", self._findings_changed)
        self.watch(self.app, "revision", self._plan_changed, init=False)
        self.watch(self.app, "lang", self._language_changed, init=False)
        self.ask()

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The guide's own keys described in its language (Speaking does the others)."""
        words = {
            "leave": GUIDE("key.leave", self.lang),
            "back": GUIDE("key.back", self.lang),
            **{f"leave('{step}')": step_name(step, self.lang) for step in STEPS},
        }
        return {
            key: active._replace(binding=replace(active.binding, description=words[action]))
            if (action := active.binding.action) in words
            else active
            for key, active in super().active_bindings.items()
        }

    # ---- asking ----

    def ask(self) -> None:
        """Show the current question, or end the guide when there are no more."""
        interview = self.asking
        if interview.done:
            self._finish()
            return
        question = interview.question
        lang = self.lang
        self.query_one("#guide-progress", Text).show(self._progress(), layout=False)
        self.query_one("#guide-step", Text).show(self._step_heading(question.step))
        self.query_one("#guide-question", Text).show(
            Content.styled(GUIDE(f"{question.name}.ask", lang), "bold")
        )
        why = GUIDE(f"{question.name}.why", lang, percent=self._growth_percent())
        more = question.more(interview) if question.more else []
        self.query_one("#guide-explanation", Text).show(Content("\n").join([Content(why), *more]))
        self.query_one("#guide-choice-why", Text).show(Content(""))
        self.query_one("#guide-keys", Text).show(Content(GUIDE("keys", lang)))
        self._say("")
        if question.choices is not None:
            self._offer(question.choices(interview))
        else:
            self._prompt(question)

    def _progress(self) -> Content:
        interview = self.asking
        question = interview.question
        current = STEPS.index(question.step)
        parts: list[str | tuple[str, str]] = [(f"{GUIDE('title', self.lang)}  ", "bold")]
        for index, step in enumerate(STEPS):
            if index:
                parts.append((" ▸ ", "$text-muted"))
            style = "bold reverse $accent" if index == current else ""
            mark = "✓ " if index < current else ""
            parts.append((f" {mark}{step_name(step, self.lang)} ", style or "$text-muted"))
        in_step = [q.name for q in QUESTIONS if q.step == question.step]
        where = [
            interview.item_label(),
            GUIDE("progress", self.lang, n=in_step.index(question.name) + 1, total=len(in_step)),
        ]
        parts.append(("   " + " · ".join(part for part in where if part), "$text-muted"))
        return Content.assemble(*parts)

    def _step_heading(self, step: str) -> Content:
        return Content.assemble(
            (f"{step_name(step, self.lang)}: ", "bold $accent"), step_question(step, self.lang)
        )

    def _growth_percent(self) -> int:
        growth = self.post_app.plan.settings.max_monthly_growth or DEFAULT_MAX_MONTHLY_GROWTH
        return round(growth * 100)

    def _offer(self, answers: list[Answer]) -> None:
        self.answers = answers
        shown = self.asking.shown()
        chosen = next(
            (i for i, a in enumerate(answers) if shown is not None and a.value == shown), 0
        )
        choices = self.query_one(OptionList)
        choices.set_options([Content(answer.label) for answer in answers])
        choices.highlighted = chosen
        self.query_one(Input).display = False
        choices.display = True
        choices.focus()
        self.query_one("#guide-hint", Text).show(Content(GUIDE("choose", self.lang)))
        self.query_one("#guide-live", Text).show(Content(""))

    def _prompt(self, question: Question) -> None:
        interview = self.asking
        editor = self.query_one(Input)
        words = question.words
        editor.suggester = LastWordSuggester(partial(words, interview)) if words else None
        with editor.prevent(Input.Changed):
            editor.value = printable(fields.show(interview.shown())).replace("\n", LINE_BREAK)
        editor.cursor_position = len(editor.value)
        self.query_one(OptionList).display = False
        editor.display = True
        editor.focus()
        hints = [GUIDE("skip" if interview.skips() else "required", self.lang)]
        if words is not None and question.parse is fields.slugs:
            hints.append(GUIDE("list", self.lang))
        self.query_one("#guide-hint", Text).show(Content(" ".join(hints)))
        self._foresee(editor.value)

    def _say(self, problem: str) -> None:
        """Why the answer was not taken (nothing: it was)."""
        self.query_one("#guide-live", Text).show(Content.styled(problem, "$error"))

    # ---- live hints ----

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._foresee(event.value)

    def _foresee(self, raw: str) -> None:
        """What the plan's checks would say of this answer, while it is typed."""
        interview = self.asking
        question = interview.question
        try:
            value = self._parse(raw)
        except ValueError:
            return  # half typed: said when it is entered
        if not question.live and question.item not in ("objective", "target"):
            return
        findings = interview.foresee(value)
        lines = []
        if question.item in ("objective", "target"):
            # As the objectives form will show it: by the objective's id, as it will be.
            objective = interview.draft_id("objective", value)
            if objective is not None:
                lines.append(smart_status(findings, objective, self.lang))
        at = (
            ""
            if question.item == "plan"
            else f"{interview.draft_base(question.item)}.{question.key}"
        )
        found = [f for f in findings if f.rule in question.live and f.path.startswith(at)]
        lines += [Content.styled(printable(f"• {f.message}"), "$warning") for f in found]
        if "specific/vague" in question.live:
            if value and not found:
                lines.append(Content.styled(GUIDE("live.specific", self.lang), "$success"))
            lines.append(Content.styled(GUIDE("live.later", self.lang), "$text-muted"))
        self.query_one("#guide-live", Text).show(Content("\n").join(lines))

    def _parse(self, raw: str) -> Any:
        """The typed answer as a plan value; None for nothing about an item not made yet."""
        interview = self.asking
        if not raw.strip() and interview.base(interview.question.item) is None:
            return None
        return interview.question.parse(raw.replace(LINE_BREAK, "\n"))

    # ---- answering ----

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._submit()

    def _submit(self) -> None:
        """Answer the question shown with what is typed or chosen now: keys pressed
        fast (enter, enter) each answer the question shown when they arrive."""
        if self.asking.question.choices is not None:
            index = self.query_one(OptionList).highlighted
            if index is not None:
                self._answer(self.answers[index].value)
            return
        try:
            value = self._parse(self.query_one(Input).value)
        except fields.FieldError as error:
            self._say(error.text(self.lang))
            return
        self._answer(value)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if not event.option_list.display or event.option_index >= len(self.answers):
            return  # left over from the question before
        explanation = self.answers[event.option_index].explanation
        self.query_one("#guide-choice-why", Text).show(Content.styled(explanation, "$accent"))

    def _answer(self, value: Any) -> None:
        self._answering = True
        try:
            problem = self.asking.answer(value)
        finally:
            self._answering = False
        if problem:
            self._say(problem)
            return
        self.ask()

    def action_back(self) -> None:
        if self.asking.back():
            self.ask()

    def _plan_changed(self) -> None:
        """Undo, redo or a reload changed the plan: ask again from what it holds now."""
        if self._answering or self.asking.done:
            return  # its own answer (watchers run at once), or nothing left to ask
        self.asking.settle()
        self.ask()

    def _language_changed(self) -> None:
        if not self.asking.done:
            self.ask()  # in the language now spoken

    def _findings_changed(self) -> None:
        self.query_one(FindingsPanel).show(self.post_app.findings)
        self.query_one(FindingsSummary).show_findings(self.post_app.findings)

    # ---- leaving ----

    def action_leave(self, where: str | None = None) -> None:
        """Leave the guide for what it was asking about (or the step asked for)."""
        if where is None:
            where = "people" if self.asking.done else self.asking.nearest()
        self._close(where)
        self.notify(GUIDE("left", self.lang), markup=False)

    def _finish(self) -> None:
        """The last question is answered: show the first finding, or People, and say what next."""
        findings, _ = self.post_app.doc.lint(self.lang)
        self._close(findings[0].path if findings else "people")
        if findings:
            message = GUIDE("done.findings", self.lang, count=len(findings))
        else:
            message = GUIDE("done.clean", self.lang)
        self.notify(message, markup=False, timeout=10)

    def on_findings_panel_chosen(self, event: FindingsPanel.Chosen) -> None:
        event.stop()
        self._close(event.finding.path)

    def _close(self, path: str) -> None:
        app = self.post_app
        self.dismiss()
        if isinstance(app.screen, PostScreen):
            app.screen.sync_form()  # shown beneath the guide, its fields hold what they last read
        app.call_later(app.go_to, path)
