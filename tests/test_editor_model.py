"""A model-based test of the editor: hypothesis drives the real app with keys, and a
plain model of the plan (dicts and lists) follows what each action is meant to do.

After every step the plan in memory is the model, the list highlights the item the
model says is selected, the form shows that item's values, the plan saves and loads
back equal, and an edited plan says it is unsaved. Undo and redo are checked more
weakly: an undo goes back to a plan the model was in, and a redo right after an undo
comes back to the plan before it.

Below it, plain regression tests for what it found: typing after deleting the first
item edited the next item with the deleted one's text.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import copy
import gc
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Input, TextArea

from posttui.core.loader import load, parse
from posttui.core.model import Initiative, Objective, Platform, Segment
from posttui.core.paths import steps
from posttui.core.writer import dumps
from posttui.ui.app import PostApp
from posttui.ui.catalog import WORDS
from posttui.ui.screens.base import PostScreen
from posttui.ui.widgets.fields import BoundField
from posttui.ui.widgets.items import ItemList
from support.plans import SAMPLES

SIZE = (160, 50)
LINE_BREAK = "↵"  # how a one-line field shows a line break

# Each POST step: its key, and the list of items its screen edits.
KEYS = {"people": "f2", "objectives": "f3", "strategy": "f4", "technology": "f5"}
SECTIONS = {
    "people": "people.segments",
    "objectives": "objectives",
    "strategy": "strategy.initiatives",
    "technology": "technology.platforms",
}
# A target's cells are keyed by their path in the objective.
FIRST_TARGET = "targets[0].target"
# One-line fields of each item to type into (ids have their own rule: a rename).
FIELDS = {
    "people": ["name", "size", "platforms"],
    "objectives": ["statement", "segments", "owner", FIRST_TARGET],
    "strategy": ["objectives", "content", "cadence"],
    "technology": ["name", "role"],
}
# The field an item's id is made from.
NAMED = {
    "people.segments": "name",
    "objectives": "statement",
    "strategy.initiatives": "description",
    "technology.platforms": "name",
}
NUMBERS = {"people": "size", "objectives": FIRST_TARGET}
# Where items are named by id elsewhere: the list, and the key in each of its items.
REFERENCES = {
    "people.segments": [("objectives", "segments")],
    "objectives": [("strategy.initiatives", "objectives")],
    "technology.platforms": [
        ("people.segments", "platforms"),
        ("strategy.initiatives", "platforms"),
        ("objectives", "targets"),  # each target's platform
    ],
}
# No digits: typing never passes through another item's id ("platform-2").
TEXT = st.text(alphabet="abz -!", min_size=1, max_size=4)
LETTERS = st.text(alphabet="abcxyz", min_size=1, max_size=3)


# ---- the model: plain dicts and lists ----


def dump(app: PostApp) -> dict[str, Any]:
    return app.plan.model_dump()


def at(tree: Any, path: str) -> Any:
    for step in steps(path):
        if tree is None:
            return None  # an unset table (involvement)
        tree = tree[step]
    return tree


def put(tree: Any, path: str, value: Any) -> None:
    *parents, last = steps(path)
    for step in parents:
        tree = tree[step]
    tree[last] = value


def new_item(mode: str, id: str) -> dict[str, Any]:
    """A new item: the model's defaults, its id, the placeholder text in English."""
    if mode == "people":
        return Segment(id=id, name=WORDS("people.new", "en")).model_dump()
    if mode == "objectives":
        return Objective(id=id, statement=WORDS("objectives.new", "en")).model_dump()
    return (Initiative if mode == "strategy" else Platform)(id=id).model_dump()


def rename(model: dict[str, Any], section: str, old: str, new: str) -> None:
    """Every reference to the id `old` of an item of `section` now names `new`."""

    def renamed(value: Any) -> Any:
        if isinstance(value, list):
            return [new if ref == old else ref for ref in value]
        return new if value == old else value

    for holder, key in REFERENCES.get(section, []):
        for item in at(model, holder):
            for target in item["targets"] if key == "targets" else [item]:
                name = "platform" if key == "targets" else key
                target[name] = renamed(target[name])


def drop(model: dict[str, Any], section: str, gone: str) -> None:
    """A deleted segment or objective leaves the lists that named it; a platform stays
    where the audience is and where targets aim (the findings say it is gone); nothing
    names an initiative."""
    if section == "technology.platforms":
        return
    for holder, key in REFERENCES.get(section, []):
        for item in at(model, holder):
            item[key] = [ref for ref in item[key] if ref != gone]


def difference(a: Any, b: Any, path: str = "") -> str:
    """Where two plans first differ, for the failure message."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in a.keys() | b.keys():
            if a.get(key) != b.get(key):
                return difference(a.get(key), b.get(key), f"{path}.{key}".lstrip("."))
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return difference(x, y, f"{path}[{i}]")
    return f"{path}: {a!r} != {b!r}"


# ---- reading the app ----


def focused_field(app: PostApp) -> BoundField | None:
    for node in app.focused.ancestors_with_self if app.focused else []:
        if isinstance(node, BoundField):
            return node
    return None


def editor_of(field: BoundField) -> Widget:
    return field.query_one(".field-editor")


def parser(field: BoundField) -> Callable[[str], Any]:
    """What the field's text means (notes are plain text)."""
    meaning: Callable[[str], Any] = getattr(field, "parser", str)
    return lambda text: meaning(text.replace(LINE_BREAK, "\n"))


def text_and_selection(editor: Widget) -> tuple[str, int, int]:
    """The editor's text and where in it the selection (or cursor) starts and ends."""
    if isinstance(editor, Input):
        start, end = sorted(editor.selection)
        return editor.value, start, end
    assert isinstance(editor, TextArea), editor
    lines = editor.text.split("\n")

    def offset(location: tuple[int, int]) -> int:
        row, column = location
        return sum(len(line) + 1 for line in lines[:row]) + column

    start, end = sorted(map(offset, editor.selection))
    return editor.text, start, end


def typed(field: BoundField, text: str, start: int, end: int, keys: str) -> Iterator[str]:
    """The text after each key typed over the selection (as the field folds it: ids)."""
    fold: Callable[[str], str] = getattr(field, "fold", None) or str
    for key in keys:
        key = fold(key)
        text = text[:start] + key + text[end:]
        start = end = start + len(key)
        yield text


def shows(field: BoundField, value: Any) -> str | None:
    """Why the field does not show `value`, if it does not."""
    editor = editor_of(field)
    if not isinstance(editor, Input | TextArea):  # a choice: ChoiceBox, Checkbox
        shown = getattr(editor, "value", None)
        unset = value is None and shown in (None, False)
        ok = shown == value or unset
        return None if ok else f"{field.path} shows {shown!r}, the plan has {value!r}"
    text = editor.value if isinstance(editor, Input) else editor.text
    try:
        meant = parser(field)(text)
    except ValueError:
        return None if field.has_class("-invalid") else f"{field.path}: {text!r} unmarked"
    if field.has_class("-invalid") or meant == value:
        return None  # marked: the plan refused it and keeps its last good value
    return f"{field.path} shows {text!r}, the plan has {value!r}"


async def opened(pilot: Pilot[int]) -> None:
    """Wait until the app has loaded its plan."""
    app = pilot.app
    assert isinstance(app, PostApp)
    for _ in range(1000):  # seconds, on a busy machine
        if app.plan_loaded or app.load_error is not None:
            break
        await pilot.pause(0.01)
    assert app.plan_loaded, app.load_error
    await pilot.pause()


class EditorMachine(RuleBasedStateMachine):
    """The app on a copy of a sample plan, and the model of what it should hold."""

    def __init__(self) -> None:
        super().__init__()
        self.loop = asyncio.new_event_loop()
        # Every step in one context: Textual keeps the running app in context variables.
        self.context_vars = contextvars.copy_context()
        self.folder = Path(tempfile.mkdtemp(prefix="posttui-model-"))
        self.app: PostApp | None = None

    def run(self, work: Coroutine[Any, Any, Any]) -> Any:
        return self.loop.run_until_complete(self.loop.create_task(work, context=self.context_vars))

    def keys(self, *keys: str, pause: bool = False) -> None:
        """Press `keys`; each waits until the app has handled it."""
        if keys[0] == "escape" and isinstance(self.app.focused, ItemList):
            keys = keys[1:]  # the list has the focus already: a key less, 60 ms less
        if not keys:
            return

        async def press() -> None:
            await self.pilot.press(*keys)
            if pause:
                await self.pilot.pause()

        self.run(press())

    @initialize(name=st.sampled_from(sorted(p.name for p in SAMPLES.glob("*.post.toml"))))
    def open_plan(self, name: str) -> None:
        self.path = self.folder / name
        shutil.copyfile(SAMPLES / name, self.path)
        self.app = PostApp(self.path, lang="en")
        self.context = self.app.run_test(size=SIZE)
        self.pilot: Pilot[int] = self.run(self.context.__aenter__())
        self.run(opened(self.pilot))
        self.model = dump(self.app)
        self.saved = copy.deepcopy(self.model)
        self.mode = "people"
        self.selected = {mode: 0 if self.items(mode) else None for mode in SECTIONS}
        self.adopt: set[str] = set()  # steps whose highlight an undo may have moved
        self.states = [copy.deepcopy(self.model)]  # since loaded: where an undo may go
        self.undone: list[dict[str, Any]] = []  # what a redo brings back, last first
        self.renames = 0

    def teardown(self) -> None:
        try:
            if self.app is not None:
                self.run(self.context.__aexit__(None, None, None))
        finally:
            self.loop.close()
            gc.unfreeze()  # the app froze what it loaded (gc.freeze: one app per process)
            shutil.rmtree(self.folder, ignore_errors=True)

    # ---- the model's view ----

    def items(self, mode: str | None = None) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = at(self.model, SECTIONS[mode or self.mode])
        return items

    @property
    def index(self) -> int | None:
        return self.selected[self.mode]

    @property
    def base(self) -> str | None:
        index = self.index
        return None if index is None else f"{SECTIONS[self.mode]}[{index}]"

    def highlighted(self) -> int | None:
        items = self.app.screen.query_one(ItemList)
        return items.highlighted if items.row_count else None

    def adopt_highlight(self) -> None:
        """After undo, redo or reload: take the app's highlight, if it is on an item."""
        index, count = self.highlighted(), len(self.items())
        assert (index is None) == (count == 0), f"highlight {index} of {count} items"
        assert index is None or 0 <= index < count, f"highlight {index} of {count} items"
        self.selected[self.mode] = index

    def new_id(self, position: int) -> str:
        """The id the app gave a new item (how ids are made is not the model's): one no
        other item has."""
        made = at(dump(self.app), SECTIONS[self.mode])
        new = made[position]["id"] if position < len(made) else None
        taken = [item["id"] for item in self.items()]
        assert new is not None and new not in taken, f"new item at {position}: {new!r}"
        return str(new)

    def set(self, path: str, value: Any) -> None:
        """An edit at `path`; a new id carries to every reference to the old one, and
        an id made from the item's name follows the name."""
        old = at(self.model, path)
        if old == value and type(old) is type(value):
            return
        if match := re.fullmatch(r"(.+)\[(\d+)\]\.(\w+)", path):
            section, index, key = match[1], int(match[2]), match[3]
            ids = [item["id"] for item in at(self.model, section)]
            if key == "id" and ids.count(old) == 1:
                rename(self.model, section, old, value)
            elif key == NAMED.get(section) and ids[index] == self.made_id(section, old, index):
                new = self.made_id(section, value, index)
                rename(self.model, section, ids[index], new)
                at(self.model, section)[index]["id"] = new
        put(self.model, path, value)
        self.undone.clear()

    def made_id(self, section: str, name: str, index: int) -> str | None:
        """The id the app makes from an item's name (how is not the model's business)."""
        made = getattr(self.app.doc, "made_id", None)
        return None if made is None else str(made(section, name, index))

    def stepped(self) -> None:
        if self.model != self.states[-1]:
            self.states.append(copy.deepcopy(self.model))

    # ---- actions ----

    @rule(mode=st.sampled_from(list(KEYS)))
    def switch(self, mode: str) -> None:
        self.keys(KEYS[mode], pause=True)
        self.mode = mode
        if mode in self.adopt:
            self.adopt.discard(mode)
            self.adopt_highlight()

    @rule(key=st.sampled_from(["up", "down", "home", "end"]))
    def select(self, key: str) -> None:
        self.keys("escape", key)
        index, last = self.index, len(self.items()) - 1
        if index is not None:
            moved = {"up": index - 1, "down": index + 1, "home": 0, "end": last}[key]
            self.selected[self.mode] = max(0, min(moved, last))

    @rule()
    def add(self) -> None:
        self.keys("escape", "n")
        items = self.items()
        position = len(items) if self.index is None else self.index + 1
        items.insert(position, new_item(self.mode, self.new_id(position)))
        self.selected[self.mode] = position
        self.undone.clear()
        self.stepped()

    @rule()
    def delete(self) -> None:
        self.keys("escape", "d")
        items, index = self.items(), self.index
        if index is not None:
            gone = items.pop(index)["id"]
            if all(item["id"] != gone for item in items):  # a shared id names the other
                drop(self.model, SECTIONS[self.mode], gone)
            self.selected[self.mode] = min(index, len(items) - 1) if items else None
            self.undone.clear()
            self.stepped()

    @rule(offset=st.sampled_from([-1, 1]))
    def move(self, offset: int) -> None:
        self.keys("escape", "shift+up" if offset < 0 else "shift+down")
        items, index = self.items(), self.index
        if index is not None and 0 <= index + offset < len(items):
            items[index], items[index + offset] = items[index + offset], items[index]
            self.selected[self.mode] = index + offset
            self.undone.clear()
            self.stepped()

    @precondition(lambda self: self.index is not None)
    @rule(into=st.sampled_from(["tab", "enter"]), text=TEXT)
    def type_in_form(self, into: str, text: str) -> None:
        """Into the form from the list, and type into its first field."""
        self.keys("escape", into)
        field = focused_field(self.app)
        assert field is not None, f"{into} from the list focused {self.app.focused}"
        self.type(field, text)

    @precondition(lambda self: self.index is not None)
    @rule(data=st.data(), clear=st.booleans(), text=TEXT)
    def edit_field(self, data: st.DataObject, clear: bool, text: str) -> None:
        key = data.draw(st.sampled_from(FIELDS[self.mode]), label="field")
        if key == FIRST_TARGET and not self.items()[self.index]["targets"]:
            return
        self.type(self.tab_to(key), text, clear=clear)

    @precondition(lambda self: self.index is not None and self.mode in NUMBERS)
    @rule(letters=LETTERS)
    def type_letters_in_a_number(self, letters: str) -> None:
        if self.mode == "objectives" and not self.items()[self.index]["targets"]:
            return
        self.type(self.tab_to(NUMBERS[self.mode]), letters)

    @precondition(lambda self: self.index is not None)
    @rule(valid=st.booleans())
    def rename_id(self, valid: bool) -> None:
        # Each rename a new id of one length: typing one never passes through another.
        self.renames += 1
        self.type(self.tab_to("id"), f"r{self.renames:03}" if valid else "Bad", clear=True)

    @rule()
    def undo(self) -> None:
        before = self.model
        self.keys("ctrl+z")
        now = dump(self.app)
        if now != before:
            earlier = [i for i, state in enumerate(self.states[:-1]) if state == now]
            assert earlier, f"undo made a plan never seen: {difference(now, before)}"
            del self.states[earlier[-1] + 1 :]
            self.undone.append(before)
        self.model = now
        self.after_history()

    @rule()
    def redo(self) -> None:
        expected = self.undone.pop() if self.undone else self.model
        self.keys("ctrl+y")
        now = dump(self.app)
        assert now == expected, f"redo: {difference(now, expected)}"
        self.model = now
        self.stepped()
        self.after_history()

    def after_history(self) -> None:
        self.adopt_highlight()
        self.adopt = set(SECTIONS) - {self.mode}

    @rule()
    def save(self) -> None:
        self.keys("ctrl+s")
        self.answer("invalid.save-anyway")
        self.saved = copy.deepcopy(self.model)
        on_disk = load(self.path).plan.model_dump()
        assert on_disk == self.model, f"saved: {difference(on_disk, self.model)}"
        assert not self.app.doc.dirty, "saved, yet the plan says it is unsaved"

    @rule()
    def reload(self) -> None:
        async def reload() -> None:
            self.app.reload()
            await self.pilot.pause()

        self.run(reload())
        self.model = copy.deepcopy(self.saved)
        self.states = [copy.deepcopy(self.model)]
        self.undone = []
        self.after_history()

    def answer(self, words: str) -> None:
        """Where the app asks (fields hold invalid text), tab to the answer and press it."""
        for _ in range(5):
            if isinstance(self.app.screen, PostScreen):
                return
            label, focused = WORDS(words, "en"), self.app.focused
            if isinstance(focused, Button) and str(focused.label) == label:
                self.keys("enter", pause=True)
            else:
                self.keys("tab")
        assert isinstance(self.app.screen, PostScreen), f"no answer {words!r}"

    # ---- typing ----

    def tab_to(self, key: str) -> BoundField:
        """From the list, tab (or shift+tab, if fewer) to the selected item's field `key`."""
        self.keys("escape")
        screen = self.app.screen
        chain = screen.focus_chain
        start = chain.index(screen.query_one(ItemList))
        fields = [f for f in screen.query(BoundField) if f.key == key and f.base is not None]
        ahead = [(chain.index(editor_of(f)) - start) % len(chain) for f in fields]
        assert ahead, f"no field {key} in the form of {self.base}"
        forward, back = min(ahead), min(len(chain) - n for n in ahead)
        self.keys(*["tab"] * forward if forward <= back else ["shift+tab"] * back)
        field = focused_field(self.app)
        assert field is not None and field.key == key, f"focus on {self.app.focused}"
        return field

    def type(self, field: BoundField, text: str, *, clear: bool = False) -> None:
        """Type `text` into the focused `field`; the plan takes each text that parses."""
        path = field.path
        if path.startswith(f"{SECTIONS[self.mode]}["):
            assert path.startswith(f"{self.base}."), f"{path} is in the form of {self.base}"
        texts = []
        if clear:
            self.keys("end", "ctrl+u")
            texts.append("")
        shown, start, end = text_and_selection(editor_of(field))
        if clear:
            shown, start, end = "", 0, 0
        texts.extend(typed(field, shown, start, end, text))
        self.keys(*text)
        for each in texts:
            with contextlib.suppress(ValueError):  # marked: the plan keeps its last good value
                self.set(path, parser(field)(each))
        self.stepped()

    # ---- invariants ----

    @invariant()
    def plan_is_the_model(self) -> None:
        plan = dump(self.app)
        assert plan == self.model, f"plan != model at {difference(plan, self.model)}"

    @invariant()
    def form_shows_the_selected_item(self) -> None:
        screen = self.app.screen
        assert isinstance(screen, PostScreen), f"{screen} is over the editor"
        assert self.highlighted() == self.index, f"highlight {self.highlighted()} != {self.index}"
        section, base = SECTIONS[self.mode], self.base
        bound = [field for field in screen.query(BoundField) if field.base is not None]
        for field in bound:
            if field.path.startswith(f"{section}["):
                assert base and field.path.startswith(f"{base}."), f"{field.path} under {base}"
            problem = shows(field, at(self.model, field.path))
            assert problem is None, problem
        if base is not None:
            assert any(f.path.startswith(f"{base}.") for f in bound), f"no field of {base}"

    @invariant()
    def plan_saves_and_loads_back(self) -> None:
        # The file's `format` is what its keys need (1 once the last format 2 key is
        # gone); all the rest comes back as it was.
        plan = {**dump(self.app), "format": None}
        again = {**parse(dumps(self.app.plan), "memory").model_dump(), "format": None}
        assert again == plan, f"saved and loaded: {difference(again, plan)}"

    @invariant()
    def edits_are_unsaved(self) -> None:
        if self.model != self.saved:
            assert self.app.doc.dirty, "the plan differs from the file, yet says it is saved"


EditorMachine.TestCase.settings = settings(
    # POSTTUI_MODEL_EXAMPLES=300 POSTTUI_MODEL_STEPS=10 runs thousands of steps (minutes).
    max_examples=int(os.environ.get("POSTTUI_MODEL_EXAMPLES", "10")),
    stateful_step_count=int(os.environ.get("POSTTUI_MODEL_STEPS", "10")),
    # Not shrunk: each try starts an app (about a second), and shrinking took minutes
    # on a busy machine; a failing run of ten steps or fewer reads well enough. Add
    # Phase.shrink when hunting a bug.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    derandomize=True,
    deadline=None,
    report_multiple_bugs=False,  # shrink the first bug found, not every one: time
    suppress_health_check=[HealthCheck.too_slow],
)
test_editor_follows_its_model = EditorMachine.TestCase


# ---- what the machine found ----


# Delete the first item, then type into this field of the form.
FIRST_FIELDS = [("people", "name"), ("objectives", "statement"), ("strategy", "cadence")]


@pytest.mark.parametrize(("mode", "key"), [*FIRST_FIELDS, ("technology", "name")])
async def test_typing_after_deleting_the_first_item_edits_the_item_shown(
    tmp_path: Path, mode: str, key: str
) -> None:
    # On Objectives: escape, d, tab, "!". The form went on showing the deleted item,
    # and the "!" gave the next item the deleted one's text.
    path = tmp_path / "kafe-solsiden.post.toml"
    shutil.copyfile(SAMPLES / path.name, path)
    section = SECTIONS[mode]
    app = PostApp(path, lang="en")
    try:
        async with app.run_test(size=SIZE) as pilot:
            await opened(pilot)
            await pilot.press(KEYS[mode])
            await pilot.pause()
            before = at(dump(app), section)
            await pilot.press("escape", "d", "tab")
            for _ in range(20):  # to the field, where it is not the first one
                if (field := focused_field(app)) is not None and field.key == key:
                    break
                await pilot.press("tab")
            assert field is not None and field.key == key
            assert field.path == f"{section}[0].{key}"
            await pilot.press("!")
            await pilot.pause()
            after = at(dump(app), section)
            assert [item["id"] for item in after] == [item["id"] for item in before[1:]]
            assert after[0][key].replace("!", "", 1) == before[1][key], after[0][key]
            assert after[1:] == before[2:]
            assert shows(field, after[0][key]) is None, "the form shows another item"
    finally:
        gc.unfreeze()


async def test_the_id_field_shows_an_id_that_follows_the_name(tmp_path: Path) -> None:
    # A new segment, a name typed: the plan's id follows the name ("a"), but the id
    # field went on showing the id made from the placeholder ("new-segment").
    path = tmp_path / "kafe-solsiden.post.toml"
    shutil.copyfile(SAMPLES / path.name, path)
    app = PostApp(path, lang="en")
    try:
        async with app.run_test(size=SIZE) as pilot:
            await opened(pilot)
            await pilot.press("n", "escape", "tab", "a")
            await pilot.pause()
            field = next(f for f in app.screen.query(BoundField) if f.key == "id" and f.base)
            assert shows(field, at(dump(app), field.path)) is None
    finally:
        gc.unfreeze()
