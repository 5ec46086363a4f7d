"""Form fields bound to one key of the plan item their form shows.

A field reads its value from the plan when bound, and on every change parses
what the user typed and hands the value to the app as an edit. Text that does
not parse stays in the field, marked, and the plan keeps its last good value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, cast

from textual.app import ComposeResult
from textual.content import Content
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Input, Label, Select, TextArea

from posttui.core import fields, paths
from posttui.core.messages import Number
from posttui.core.terminal import preview, printable
from posttui.ui.widgets.text import Text
from posttui.ui.words import language, say

if TYPE_CHECKING:
    from posttui.ui.app import PostApp


class BoundField(Widget):
    """A label, an editor widget and, when the input does not parse, what is wrong.

    One grid and few widgets: a form has dozens of fields, and every widget costs
    styling time when a screen is built.
    """

    DEFAULT_CSS = """
    BoundField {
        layout: grid; grid-size: 2; grid-columns: 14 1fr; grid-rows: auto; height: auto;
    }
    BoundField.-bare { grid-size: 1; grid-columns: 1fr; }
    BoundField > .field-label { color: $text-muted; padding-right: 1; }
    BoundField.-changed > .field-label { color: $warning; text-style: bold; }
    BoundField > .field-editor { width: 1fr; }
    /* A fixed size: an Input of auto size lays out the whole screen on every key. */
    BoundField > Input.field-editor { height: 1; }
    BoundField > .field-hint, BoundField > .field-error { column-span: 2; padding-left: 14; }
    BoundField.-bare > .field-hint, BoundField.-bare > .field-error { padding-left: 0; }
    BoundField > .field-hint { color: $text-muted; text-style: italic; }
    BoundField > .field-error { color: $error; display: none; }
    BoundField.-invalid > .field-error { display: block; }
    BoundField > TextArea.field-editor {
        height: auto; min-height: 1; max-height: 6; border: none; padding: 0 1;
    }
    """

    def __init__(
        self,
        label: str,
        key: str,
        *,
        hint: str = "",
        fixed: str | None = None,
        id: str | None = None,
    ) -> None:
        """`fixed`: the base path of a field that always edits the same table."""
        super().__init__(id=id, classes="" if label else "-bare")
        self.label = label
        self.key = key
        self.hint = hint
        self.fixed = fixed
        self.base: str | None = None
        self._error: Text | None = None  # mounted on the first error only

    @property
    def path(self) -> str:
        return f"{self.base}.{self.key}" if self.base is not None else self.key

    @property
    def post_app(self) -> PostApp:
        return cast("PostApp", self.app)

    def compose(self) -> ComposeResult:
        if self.label:
            yield Label(self.label, classes="field-label")
        yield self.editor()
        if self.hint:
            yield Text(Content(self.hint), classes="field-hint")

    def editor(self) -> Widget:
        raise NotImplementedError

    def bind(self, base: str | None) -> None:
        """Show the value at `base`.`key` (nothing when `base` is None)."""
        self.base = base
        if self.is_mounted:
            self._show_bound()

    def on_mount(self) -> None:
        self._show_bound()  # bound before its editor existed

    def _show_bound(self) -> None:
        self.disabled = self.base is None
        self.show_error(None)
        value = paths.get(self.post_app.plan, self.path) if self.base is not None else None
        self.load(value)

    def load(self, value: Any) -> None:
        raise NotImplementedError

    def apply(self, value: Any) -> None:
        if self.base is None:
            return
        self.show_error(self.post_app.edit(self.path, value, typing=True))

    def show_error(self, message: str | None) -> None:
        self.set_class(bool(message), "-invalid")
        if self._error is None and message:
            self._error = Text(classes="field-error")
            self.mount(self._error)
        if self._error is not None:
            self._error.show(Content(message or ""))

    def editable(self, editor: Widget, length: int, fits: bool) -> bool:
        """Whether a value of `length` characters `fits` its editor; one that does not
        is shown begun, read only, and kept as it is: an editor measures the whole
        line on every key, and a 20 MB line would stop the app."""
        editor.disabled = not fits
        if not fits:
            self.show_error(say(self, "field.too-long", count=Number(length, language(self))))
        return fits

    def focus_editor(self, *, select: bool = False) -> None:
        editor = self.query_one(".field-editor")
        editor.focus()
        if select and isinstance(editor, Input):
            editor.select_all()


LINE_BREAK = "↵"
# The longest line and text that fields edit; a key costs ~0.1 s at these lengths.
LINE_LIMIT = 10_000
TEXT_LIMIT = 200_000


class LastWordSuggester(Suggester):
    """Completes the last word of a comma list: 'instagram, tik' -> '..., tiktok'."""

    def __init__(self, words: Callable[[], Iterable[str]]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.words = words

    async def get_suggestion(self, value: str) -> str | None:
        last = re.split(r"[,\s]", value)[-1]
        head = value[: len(value) - len(last)]
        if not last:
            return None
        for word in self.words():
            if word.startswith(last) and word != last:
                return head + word
        return None


class TextField(BoundField):
    """One line of text, parsed by a parser of `posttui.core.fields`."""

    def __init__(
        self,
        label: str,
        key: str,
        parser: fields.Parser = fields.text,
        *,
        placeholder: str = "",
        hint: str = "",
        suggest: Callable[[], Iterable[str]] | None = None,
        fixed: str | None = None,
        id: str | None = None,
    ) -> None:
        """`suggest`: the words to complete the last word typed from, asked afresh."""
        super().__init__(label, key, hint=hint, fixed=fixed, id=id)
        self.parser = parser
        self.placeholder = placeholder
        self.suggest = suggest

    def editor(self) -> Widget:
        suggester = LastWordSuggester(self.suggest) if self.suggest else None
        editor = Input(
            placeholder=self.placeholder,
            suggester=suggester,
            classes="field-editor",
            select_on_focus=False,
            compact=True,
        )
        editor.BINDING_GROUP_TITLE = say(self, "help.input")  # over its keys in the F1 help
        return editor

    def load(self, value: Any) -> None:
        editor = self.query_one(Input)
        text = fields.show(value)
        whole = self.editable(editor, len(text), len(text) <= LINE_LIMIT)
        with editor.prevent(Input.Changed):
            # Plan text is data: control characters are shown escaped, never sent;
            # a line break shows as a symbol that typing there keeps a line break.
            editor.value = (printable(text) if whole else preview(text)).replace("\n", LINE_BREAK)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        try:
            value = self.parser(event.value.replace(LINE_BREAK, "\n"))
        except fields.FieldError as error:
            self.show_error(error.text(language(self)))
            return
        self.apply(value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.focus_next()


class NotesField(BoundField):
    """Multi-line text (descriptions, notes)."""

    def editor(self) -> Widget:
        return TextArea(classes="field-editor", soft_wrap=True, show_line_numbers=False)

    def load(self, value: Any) -> None:
        editor = self.query_one(TextArea)
        text = value or ""
        fits = len(text) <= TEXT_LIMIT and max(map(len, text.split("\n"))) <= LINE_LIMIT
        whole = self.editable(editor, len(text), fits)
        with editor.prevent(TextArea.Changed):
            editor.load_text(printable_text(text) if whole else preview(text))

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.apply(event.text_area.text)


def printable_text(text: str) -> str:
    """Control characters shown escaped, but newlines and tabs kept for editing."""
    return "\n".join(printable(line) for line in text.split("\n"))


class ChoiceField(BoundField):
    """One of a fixed set of values, with a line that explains the chosen one."""

    def __init__(
        self,
        label: str,
        key: str,
        choices: Iterable[tuple[str, str]],
        *,
        explain: dict[str, str] | None = None,
        fixed: str | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(label, key, hint=" ", fixed=fixed, id=id)
        self.choices = list(choices)
        self.explain = explain or {}

    def editor(self) -> Widget:
        options = [(Content(text), value) for value, text in self.choices]
        prompt = say(self, "field.not-set")
        return Select(options, classes="field-editor", prompt=prompt, compact=True)

    def load(self, value: Any) -> None:
        editor: Select[str] = self.query_one(Select)
        with editor.prevent(Select.Changed):
            editor.value = value if value is not None else Select.NULL
        self._explain(value)

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        value = None if event.value is Select.NULL else str(event.value)
        self._explain(value)
        self.apply(value)

    def _explain(self, value: str | None) -> None:
        text = self.explain.get(value, "") if value else ""
        self.query_one(".field-hint", Text).show(Content(text))
