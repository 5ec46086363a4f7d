"""Form fields bound to one key of the plan item their form shows.

A field reads its value from the plan when bound, and on every change parses
what the user typed and posts the value to the app as an edit, for its item by id.
Text that does not parse stays in the field, marked and counted, and the plan keeps
its last good value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Checkbox, Input, TextArea
from textual.widgets.text_area import Location

from posttui.core import fields, paths
from posttui.core.catalog import Number
from posttui.core.document import NAMED_BY, ItemKey
from posttui.core.terminal import preview, printable
from posttui.ui.catalog import language, say
from posttui.ui.state import Added, Edited, Invalid, state
from posttui.ui.widgets.text import Text

# What a field shows: a key of an item (named by id), or of a table of the plan's own.
Target = ItemKey | str | None


def focus(widget: Widget, *, now: bool = False) -> None:
    """Focus `widget`: `now`, before the next frame is drawn; else once the app gets to
    it, as Textual's `Widget.focus` does."""
    if now:
        widget.screen.set_focus(widget)
    else:
        widget.focus()


class BoundField(Widget):
    """A label, an editor widget and, when the input does not parse, what is wrong.

    The field draws its label itself, in the column its editor's left margin leaves:
    a form has dozens of fields, and every widget costs styling, layout and drawing
    time when a screen is built.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"field--label"}
    DEFAULT_CSS = """
    BoundField { height: auto; }
    BoundField > .field--label { color: $text-muted; }
    BoundField.-changed > .field--label { color: $warning; text-style: bold; }
    BoundField > .field-editor { width: 1fr; margin-left: 14; }
    BoundField.-bare > .field-editor { margin-left: 0; }
    /* A fixed size: an Input of auto size lays out the whole screen on every key. */
    BoundField > Input.field-editor { height: 1; }
    BoundField > .field-hint, BoundField > .field-error { margin-left: 14; }
    BoundField.-bare > .field-hint, BoundField.-bare > .field-error { margin-left: 0; }
    BoundField > .field-hint { color: $text-muted; text-style: italic; }
    BoundField > .field-error { color: $error; display: none; }
    BoundField.-invalid > .field-error { display: block; }
    BoundField > TextArea.field-editor {
        height: auto; min-height: 1; max-height: 6; border: none; padding: 0 1 0 0;
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
        # Disabled until bound: enabling it then styles it once, not twice.
        super().__init__(id=id, classes="" if label else "-bare", disabled=True)
        self.label = label
        self.key = key
        self.hint = hint
        self.fixed = fixed
        self.target: Target = None
        self.invalid: str | None = None  # why the text shown does not parse
        self._sent: Any = None  # the value last handed to the app
        self.title = label  # what the field is called where its label is not beside it
        self._error: Text | None = None  # mounted on the first error only

    @property
    def base(self) -> str | None:
        """The path of the item or table shown (None: nothing is)."""
        if isinstance(self.target, ItemKey):
            return f"{self.target.section}[{self.target.index}]"
        return self.target

    @property
    def path(self) -> str:
        base = self.base
        return f"{base}.{self.key}" if base is not None else self.key

    def compose(self) -> ComposeResult:
        yield self.editor()
        if self.hint:
            yield Text(Content(self.hint), classes="field-hint")

    def editor(self) -> Widget:
        raise NotImplementedError

    def render(self) -> Content:
        label = Content("\n").join(self._label_lines())
        return label.stylize(self.get_visual_style("field--label")) if label else label

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        height = super().get_content_height(container, viewport, width)
        return max(height, len(self._label_lines()))

    def _label_lines(self) -> list[Content]:
        """The label, wrapped in the column left of the editor, a cell short of it."""
        if not self.label or not self.children:
            return []
        return _wrapped(self.label, self.children[0].styles.margin.left - 1)

    def show_changed(self, changed: bool) -> None:
        """Mark the label of a field whose value differs from the last commit."""
        if changed != self.has_class("-changed"):
            self.set_class(changed, "-changed")
            self.refresh()

    def bind(self, target: Target) -> None:
        """Show `key` of the item or table `target` names (nothing when it is None)."""
        self.target = target
        if self.is_mounted:
            self._show_bound()
        else:  # focusable at once; shown when mounted
            self.disabled = target is None

    def follow(self, item: ItemKey) -> None:
        """The item shown is still `item`, renamed or moved: edit it there."""
        self.target = item

    def on_mount(self) -> None:
        self._show_bound()  # bound before its editor existed

    def _show_bound(self) -> None:
        self.disabled = self.target is None
        self.mark(None)
        self.load(self.bound_value())

    def bound_value(self) -> Any:
        """The value of the key shown, in the plan (None: nothing is shown)."""
        return paths.get(state(self).plan, self.path) if self.target is not None else None

    def load(self, value: Any) -> None:
        raise NotImplementedError

    def apply(self, value: Any) -> None:
        """Hand `value` (parsed from what the field shows) to the app, for the item shown."""
        self.mark(None)
        self._sent = value
        target = self.target
        if isinstance(target, ItemKey):
            self.post_message(Edited(self, target, self.key, value))
        elif target is not None:
            self.post_message(Edited(self, None, self.path, value))

    def take(self, text: str, parser: fields.Parser) -> None:
        """Hand what `text` means to the app, or mark why it means nothing."""
        try:
            value = parser(text)
        except fields.FieldError as error:
            self.mark(error.text(language(self)))
            return
        self.apply(value)

    def refused(self, reason: str, value: Any) -> None:
        """The plan refused `value`: said, if the field still shows it (keys typed since
        the edit was sent have their own say)."""
        if value == self._sent:
            self.mark(reason)

    def mark(self, reason: str | None) -> None:
        """The text shown is not what the plan holds, and why (None: it is)."""
        self.show_error(reason)
        if (reason is None) != (self.invalid is None):
            self.post_message(Invalid(self, self.title or self.key, reason))
        self.invalid = reason

    def on_unmount(self) -> None:
        if self.invalid is not None:  # gone with its text: no longer counted
            self.app.post_message(Invalid(self, self.label, None))

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

    def focus_editor(self, *, select: bool = False, now: bool = False) -> None:
        """Focus the editor, the cursor after the value (or all of it selected), so that
        what is typed next goes after it, not into it. `now`: before the next frame is
        drawn (Textual focuses a widget once the app gets to it)."""
        editor = self.query_one(".field-editor")
        focus(editor, now=now)
        if isinstance(editor, Input):
            if select:
                editor.select_all()
            else:
                editor.cursor_position = len(editor.value)
        elif isinstance(editor, TextArea):
            if select:
                editor.select_all()
            else:
                editor.move_cursor(editor.document.end)


@lru_cache(maxsize=256)
def _wrapped(label: str, width: int) -> list[Content]:
    """A label's lines at `width` (a form's labels are few, and wrapped at every frame)."""
    return Content(label).wrap(width)


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


class TypedField(BoundField):
    """A field of typed text, parsed by a parser of `posttui.core.fields`."""

    def __init__(
        self,
        label: str,
        key: str,
        parser: fields.Parser = fields.text,
        *,
        placeholder: str = "",
        hint: str = "",
        fixed: str | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(label, key, hint=hint, fixed=fixed, id=id)
        self.parser = parser
        self.placeholder = placeholder


class TextField(TypedField):
    """One line of text."""

    def __init__(
        self,
        label: str,
        key: str,
        parser: fields.Parser = fields.text,
        *,
        suggest: Callable[[], Iterable[str]] | None = None,
        fold: Callable[[str], str] | None = None,
        **options: Any,
    ) -> None:
        """`suggest`: the words to complete the last word typed from, asked afresh.
        `fold`: what typed text becomes as it is typed (`Ø` -> `o` in ids), shown so.
        `options`: those of `TypedField` (placeholder, hint, fixed, id)."""
        super().__init__(label, key, parser, **options)
        self.fold = fold
        self.suggest = suggest

    def editor(self) -> Widget:
        suggester = LastWordSuggester(self.suggest) if self.suggest else None
        editor = FoldingInput(
            self.fold,
            placeholder=self.placeholder,
            suggester=suggester,
            # Valid from the start, as Textual marks an input without validators on its
            # first value: marked then, once mounted, it would be styled again.
            classes="field-editor -valid",
            select_on_focus=False,
            compact=True,
        )
        editor.BINDING_GROUP_TITLE = say(self, "help.input")  # over its keys in the F1 help
        return editor

    def load(self, value: Any) -> None:
        editor = self.query_one(Input)
        text = fields.show(value)
        whole = self.editable(editor, len(text), len(text) <= LINE_LIMIT)
        # Plan text is data: control characters are shown escaped, never sent; a line
        # break shows as a symbol that typing there keeps a line break.
        shown = (printable(text) if whole else preview(text)).replace("\n", LINE_BREAK)
        if editor.value == shown:
            return  # shown already: the cursor stays where the user left it
        with editor.prevent(Input.Changed):
            editor.value = shown
        # A value shows from its start; in the field being typed in, typing goes after it.
        editor.cursor_position = len(shown) if editor.has_focus else 0

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.take(event.value.replace(LINE_BREAK, "\n"), self.parser)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        editor = event.input
        if editor.cursor_at_end and editor._suggestion:
            editor.action_cursor_right()  # enter takes the suggestion shown, as typed
        self.screen.focus_next()


class FoldingInput(Input):
    """An input that writes what is typed or pasted as `fold` makes it, as it goes in
    (in the input's own turn, so no key typed after it is lost)."""

    def __init__(self, fold: Callable[[str], str] | None, **options: Any) -> None:
        super().__init__(**options)
        self.fold = fold

    def insert_text_at_cursor(self, text: str) -> None:
        super().insert_text_at_cursor(self.fold(text) if self.fold else text)

    def _on_focus(self, event: events.Focus) -> None:
        super()._on_focus(event)
        if self.value == "0":  # a new target's: the number typed replaces it ("0800")
            self.select_all()
        elif self.selection.is_empty:  # a new item's placeholder stays selected
            self.cursor_position = len(self.value)  # typing goes after the value

    def _on_blur(self, event: events.Blur) -> None:
        super()._on_blur(event)
        if self.screen.is_current:  # another field took the focus (not a dialog, not exit)
            self.cursor_position = 0  # left, it shows its start again


class ReferenceField(TextField):
    """Ids of other items of the plan (`refers` names their section), typed or picked:
    ctrl+o lists the plan's items by name and id, in the plan's order."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+o", "pick", "Pick from the plan", id="field.pick")
    ]

    def __init__(
        self,
        label: str,
        key: str,
        refers: str,
        *,
        multiple: bool = True,
        can_add: bool = False,
        placeholder: str = "",
        suggest: Callable[[], Iterable[str]] | None = None,
    ) -> None:
        parser = fields.slugs if multiple else fields.optional_slug
        super().__init__(
            label, key, parser, placeholder=placeholder, suggest=suggest, fold=fields.fold
        )
        self.refers = refers
        self.multiple = multiple
        self.can_add = can_add

    def action_pick(self) -> None:
        from posttui.ui.widgets.picker import Picker, PickerItem

        if self.target is None:
            return
        plan = state(self).plan
        items = [
            PickerItem(item.id, getattr(item, NAMED_BY[self.refers]) or "")
            for item in paths.get(plan, self.refers)
        ]
        editor = self.query_one(Input)
        chosen = re.split(r"[,\s]+", editor.value.strip()) if editor.value.strip() else []
        title = self.label or say(self, "field.platforms")
        picker = Picker(title, items, chosen, multiple=self.multiple, can_add=self.can_add)
        self.app.push_screen(picker, self._picked)

    def _picked(self, ids: list[str] | None) -> None:
        if ids is None:
            return
        known = {item.id for item in paths.get(state(self).plan, self.refers)}
        for new in (i for i in ids if i not in known):  # a platform added on the spot
            self.post_message(
                Added(self.refers, paths.model_at(self.refers)(id=new), None, show=False)
            )
        editor = self.query_one(Input)
        editor.value = ", ".join(ids)  # applied as typed text is
        editor.cursor_position = len(editor.value)
        editor.focus()


class NotesArea(TextArea):
    """A text area in which enter before any text starts no blank line: a user who
    presses it to begin typing gets no leading blank lines in the plan. Focused, its
    cursor goes after the text, where typing adds to it; left, it shows its start."""

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Not laid out yet, it is wrapped at no width: wrapped at the width it gets, its
        # height is right at the first layout, not at the second. Later, a resize wraps
        # it (at the width its scrollbar leaves), and an edit keeps it wrapped.
        if not self.outer_size:  # not laid out yet (size would ask the compositor)
            self.wrapped_document.wrap(max(0, width - self.gutter_width - 1), self.indent_width)
        return self.wrapped_document.height

    def _on_focus(self, event: events.Focus) -> None:
        super()._on_focus(event)
        if self.selection.is_empty:
            self.move_cursor(self.document.end)

    def _on_blur(self, event: events.Blur) -> None:
        super()._on_blur(event)
        if self.screen.is_current:  # another field took the focus (not a dialog, not exit)
            self.move_cursor((0, 0))

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter" and not self.text:
            event.prevent_default()
            event.stop()
            return
        await super()._on_key(event)


class ProseArea(NotesArea):
    """A text area for one paragraph: enter goes on to the next field, and home, end,
    ctrl+u and ctrl+k reach the paragraph's ends, not a wrapped row's, as in the
    one-line field it replaces."""

    def get_cursor_line_start_location(self, smart_home: bool = False) -> Location:
        return (self.cursor_location[0], 0)

    def get_cursor_line_end_location(self) -> Location:
        row = self.cursor_location[0]
        return (row, len(self.document[row]))

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.prevent_default()
            event.stop()
            self.screen.focus_next()
            return
        await super()._on_key(event)


class NotesField(TypedField):
    """Text of several lines (descriptions, notes), wrapped to the field's width and
    growing to a few rows."""

    AREA: ClassVar[type[NotesArea]] = NotesArea

    def editor(self) -> Widget:
        return self.AREA(
            classes="field-editor",
            soft_wrap=True,
            show_line_numbers=False,
            placeholder=self.placeholder,
        )

    def load(self, value: Any) -> None:
        editor = self.query_one(TextArea)
        text = fields.show(value)
        fits = len(text) <= TEXT_LIMIT and max(map(len, text.split("\n"))) <= LINE_LIMIT
        whole = self.editable(editor, len(text), fits)
        shown = printable_text(text) if whole else preview(text)
        if editor.text == shown:
            return  # shown already: the cursor stays where the user left it
        with editor.prevent(TextArea.Changed):
            editor.load_text(shown)
        if editor.has_focus:  # typing goes after the text, as when it was focused
            editor.move_cursor(editor.document.end)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.take(event.text_area.text, self.parser)


class ProseField(NotesField):
    """A sentence or a short paragraph (a statement, a why): wrapped like notes, but
    enter goes on to the next field, as in a one-line field."""

    AREA = ProseArea


def printable_text(text: str) -> str:
    """Control characters shown escaped, but newlines and tabs kept for editing."""
    return "\n".join(printable(line) for line in text.split("\n"))


class ToggleField(BoundField):
    """Yes or no: a checkbox (space or enter toggles) that says what yes means."""

    def __init__(self, label: str, key: str, meaning: str) -> None:
        super().__init__(label, key)
        self.meaning = meaning

    def editor(self) -> Widget:
        # Made with its value: set once mounted, it would be styled again.
        value = bool(self.bound_value())
        return Checkbox(Content(self.meaning), value, classes="field-editor", compact=True)

    def load(self, value: Any) -> None:
        editor = self.query_one(Checkbox)
        with editor.prevent(Checkbox.Changed):
            editor.value = bool(value)

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.apply(event.value)


class ChoiceBox(Widget, can_focus=True):
    """A choice's value on one line, ▼ at the right, as Textual's compact Select shows
    it; enter, space or a click lists the choices in the picker the reference fields
    use, and a letter lists those it filters. One widget: a Select is five, its list
    made up front, on every screen built."""

    ALLOW_SELECT = False
    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter,space", "select", "Select", show=False)]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"choice-box--dim"}
    DEFAULT_CSS = """
    ChoiceBox {
        height: 1;
        padding: 0 1 0 0;
        background: $surface;
        color: $foreground;
        pointer: pointer;
        &:focus { background-tint: $foreground 5%; }
        & > .choice-box--dim { color: $foreground 50%; }
    }
    """

    class Changed(Message):
        def __init__(self, box: ChoiceBox, value: str | None) -> None:
            super().__init__()
            self.box = box
            self.value = value

    def __init__(
        self,
        title: str,
        choices: list[tuple[str, str]],
        value: str | None,
        prompt: str,
        *,
        classes: str,
    ) -> None:
        """`choices`: (value, what it is called); `prompt`: shown while none is chosen;
        `title`: the picker's."""
        super().__init__(classes=classes)
        self.title = title
        self.names = dict(choices)
        self.value = value
        self.prompt = prompt

    def show(self, value: str | None) -> None:
        """Show `value` as chosen (said to no one: it comes from the plan)."""
        if value != self.value:
            self.value = value
            self.refresh()

    def render(self) -> Content:
        dim = self.get_visual_style("choice-box--dim")
        if self.value is None:
            shown = Content.styled(self.prompt, dim)
        else:
            shown = Content(self.names.get(self.value, self.value))
        room = max(self.content_region.width - 2, 0)
        shown = shown.truncate(room, ellipsis=True)
        arrow = Content.styled("▼", dim)
        return Content.assemble(shown.pad_right(room - shown.cell_length), " ", arrow)

    def action_select(self, typed: str = "") -> None:
        from posttui.ui.widgets.picker import Picker, PickerItem

        items = [PickerItem(value, name) for value, name in self.names.items()]
        chosen = [self.value] if self.value is not None else []
        picker = Picker(self.title, items, chosen, multiple=False, ids=False, typed=typed)
        self.app.push_screen(picker, self._picked)

    def on_key(self, event: events.Key) -> None:
        if event.is_printable and event.character and not event.character.isspace():
            event.stop()
            event.prevent_default()
            self.action_select(event.character)

    def _picked(self, values: list[str] | None) -> None:
        if values is None:
            return
        value = values[0] if values else None
        if value != self.value:
            self.show(value)
            self.post_message(self.Changed(self, value))

    def on_click(self) -> None:
        self.action_select()


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
        # A line under it explains the chosen value, when there are explanations.
        super().__init__(label, key, hint=" " if explain else "", fixed=fixed, id=id)
        self.choices = list(choices)
        self.explain = explain or {}

    def editor(self) -> Widget:
        # In a table's narrow cell, unset is a dash.
        prompt = say(self, "field.not-set") if self.label else "-"
        value = self.bound_value()
        return ChoiceBox(self.title, self.choices, value, prompt, classes="field-editor")

    def load(self, value: Any) -> None:
        self.query_one(ChoiceBox).show(value)
        self._explain(value)

    def on_choice_box_changed(self, event: ChoiceBox.Changed) -> None:
        event.stop()
        self._explain(event.value)
        self.apply(event.value)

    def _explain(self, value: str | None) -> None:
        if self.explain:
            text = self.explain.get(value, "") if value else ""
            self.query_one(".field-hint", Text).show(Content(text))
