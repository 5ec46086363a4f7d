"""Dialogs: the plan's own fields, questions before losing work, a plan that failed to load."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Header, Input, Static

from posttui.core import fields
from posttui.core.terminal import printable
from posttui.ui.widgets.fields import BoundField, ChoiceField, NotesField, TextField

if TYPE_CHECKING:
    from posttui.core.loader import LoadError


class PlanDetails(ModalScreen[None]):
    """Title, organization, language, 'today' and thresholds of the plan."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(Content.styled("Plan", "bold"), classes="dialog-title")
            yield TextField("Title", "title", fields.required, fixed="plan")
            yield TextField("Organization", "organization", fixed="plan")
            yield ChoiceField(
                "Language of the plan's text",
                "language",
                [("en", "English"), ("nb", "Norsk bokmål")],
                explain={
                    "en": "Checks look for English vague words.",
                    "nb": "Checks look for Norwegian vague words (øke, bedre, flere, ...).",
                },
                fixed="plan",
            )
            yield TextField(
                "As of",
                "as_of",
                fields.optional_date,
                placeholder="YYYY-MM-DD (empty: today)",
                hint="the 'today' deadlines are checked against",
                fixed="plan",
            )
            yield TextField(
                "Highest realistic monthly growth",
                "max_monthly_growth",
                fields.optional_number,
                placeholder="0.15 (15 % a month)",
                fixed="settings",
            )
            yield NotesField("Notes", "notes", fixed="plan")
            yield Button("Close (esc)", id="close")

    def on_mount(self) -> None:
        for field in self.query(BoundField):
            field.bind(field.fixed)
        self.query(BoundField).first().focus_editor()

    def on_button_pressed(self) -> None:
        self.dismiss()


class Choice(ModalScreen[str]):
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


class SaveAs(ModalScreen[str | None]):
    """Ask for another path to save to."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, suggestion: str) -> None:
        super().__init__()
        self.suggestion = suggestion

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content.styled("Save as", "bold"), classes="dialog-title")
            yield Input(value=self.suggestion, id="save-as-path")
            yield Static(Content("Enter saves there; Escape cancels."), classes="form-note")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class LoadFailed(Screen[None]):
    """The plan could not be loaded: say why; the file is left as it is."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape", "app.quit", "Quit", show=False),
    ]

    def __init__(self, error: LoadError) -> None:
        super().__init__()
        self.error = error

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(classes="load-error"):
            yield Static(
                Content.styled(f"Could not open {printable(self.error.path)}", "bold $error")
            )
            yield Static(Content(printable(self.error.render())))
            yield Static(
                Content(
                    "The file has not been changed. Fix it in your editor, "
                    "then open it again. Press q to quit."
                ),
                classes="load-error-help",
            )
        yield Footer()
