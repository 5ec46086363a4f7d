"""Dialogs: the plan's own fields, questions before losing work, a plan that failed to load."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Static

from posttui.core import fields
from posttui.core.model import LANGUAGE_CHOICES
from posttui.core.terminal import printable
from posttui.ui.catalog import language, say
from posttui.ui.screens.speaking import Speaking
from posttui.ui.widgets.fields import BoundField, ChoiceField, NotesField, TextField
from posttui.ui.widgets.title import TitleBar

if TYPE_CHECKING:
    from posttui.core.loader import LoadError


class PlanDetails(Speaking[None], ModalScreen[None]):
    """Title, organization, language, 'today' and thresholds of the plan.

    Choosing another language for the plan switches the editor to it at once
    (unless `--lang` chose one): this dialog is composed again in it.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(Content.styled(say(self, "details.title"), "bold"), classes="dialog-title")
            yield TextField(say(self, "details.plan-title"), "title", fields.required, fixed="plan")
            yield TextField(say(self, "details.organization"), "organization", fixed="plan")
            yield ChoiceField(
                say(self, "details.language"),
                "language",
                # Each in its own language; a Nynorsk plan is checked with the Norwegian lists.
                [("en", "English"), ("nb", "Norsk bokmål"), ("nn", "Norsk nynorsk")],
                explain={lang: say(self, f"details.language-{lang}") for lang in LANGUAGE_CHOICES},
                fixed="plan",
                id="language",
            )
            yield TextField(
                say(self, "details.as-of"),
                "as_of",
                fields.optional_date,
                placeholder=say(self, "details.as-of-hint"),
                hint=say(self, "details.as-of-note"),
                fixed="plan",
            )
            for end in ("start", "end"):
                yield TextField(
                    say(self, f"details.period-{end}"),
                    f"period_{end}",
                    fields.optional_date,
                    placeholder=say(self, "field.date"),
                    hint=say(self, "details.period-note") if end == "end" else "",
                    fixed="plan",
                )
            yield TextField(
                say(self, "details.growth"),
                "max_monthly_growth",
                fields.optional_number,
                placeholder=say(self, "details.growth-hint"),
                fixed="settings",
            )
            yield NotesField(say(self, "field.notes"), "notes", fixed="plan")
            yield Button(say(self, "details.close"), id="close")

    def on_mount(self) -> None:
        self._bind_fields()
        self.query(BoundField).first().focus_editor()
        self.watch(self.app, "lang", self._language_changed, init=False)

    def _bind_fields(self) -> None:
        for field in self.query(BoundField):
            field.bind(field.fixed)

    def _language_changed(self) -> None:
        self.call_later(self._speak)

    async def _speak(self) -> None:
        """Compose again in the app's language, the focus back on the language chosen."""
        await self.recompose()
        self._bind_fields()
        self.query_one("#language", BoundField).focus_editor()

    def on_button_pressed(self) -> None:
        self.dismiss()


class Choice(Speaking[str], ModalScreen[str]):
    """A question with a few answers; Escape picks the last one (cancel)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, question: str, answers: list[tuple[str, str]]) -> None:
        super().__init__()
        self.question = question
        self.answers = answers

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.question), classes="dialog-title")
            with Horizontal(classes="dialog-buttons"):
                for answer, label in self.answers:
                    yield Button(label, id=answer)

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_cancel(self) -> None:
        self.dismiss(self.answers[-1][0])


class SaveAs(Speaking[str | None], ModalScreen[str | None]):
    """Ask for another path to save to (under `posttui serve`, only beside the plan)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, suggestion: str) -> None:
        super().__init__()
        self.suggestion = suggestion

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content.styled(say(self, "save-as.title"), "bold"), classes="dialog-title")
            yield Input(value=self.suggestion, id="save-as-path")
            yield Static(Content(say(self, "save-as.note")), classes="form-note")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from posttui.core.confine import confined, refusal, save_folder

        text = event.value.strip()
        folder = save_folder()
        if not text or folder is None:
            self.dismiss(text or None)
            return
        # Served (`posttui serve`): only a NAME.post.toml beside the plan.
        if (target := confined(text, folder)) is None:
            self.notify(refusal(text, folder, language(self)), severity="error", markup=False)
            return
        self.dismiss(str(target))

    def action_cancel(self) -> None:
        self.dismiss(None)


class LoadFailed(Speaking[None]):
    """The plan could not be loaded: say why; the file is left as it is."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape", "app.quit", "Quit", show=False),
    ]

    def __init__(self, error: LoadError) -> None:
        super().__init__()
        self.error = error

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(classes="load-error"):
            title = say(self, "load-failed.title", path=printable(self.error.path))
            yield Static(Content.styled(title, "bold $error"))
            yield Static(Content(printable(self.error.render(language(self)))))
            yield Static(Content(say(self, "load-failed.help")), classes="load-error-help")
        yield Footer()
