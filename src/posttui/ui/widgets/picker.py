"""A dialog to pick references by name or id (segments, platforms, objectives), or one
of a field's fixed choices by name.

The list is the plan's items in the plan's order; what is typed filters it. The
filter keeps the focus the whole time, so every key works without tabbing: up and
down move in the list, space ticks the highlighted entry (a filter never needs a
space: spaces, hyphens and other separators are ignored when matching), enter is
done, escape changes nothing. Ids that were chosen but are not in the plan are
listed as unknown, ticked, so nothing typed before is dropped unseen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from posttui.core.i18n import Catalog
from posttui.core.ids import words_of
from posttui.core.terminal import preview
from posttui.ui.catalog import language
from posttui.ui.screens.speaking import Speaking

PICKER = Catalog(
    "picker",
    en={
        "filter": "Filter by name or id",
        "filter-names": "Filter by name",
        "keys-multiple": "space tick · enter done · up/down move · esc cancel",
        "keys-single": "enter choose · space mark · up/down move · esc cancel",
        "chosen": (
            "{count} chosen",
            "{count} chosen",
        ),
        "unknown": "not in the plan",
        "new": "new",
        "none": "(none)",
        "no-match": "Nothing matches ‘{text}’",  # noqa: RUF001
        "add-platform": "Add platform ‘{id}’",  # noqa: RUF001
        "key.tick": "Tick",
        "key.accept": "Done",
    },
)

# How much of a name a line shows: more than any terminal is wide.
NAME_PREVIEW = 300

_DIGRAPHS = (("aa", "a"), ("oe", "o"))  # how Norwegian letters are written without them


def folded(text: str) -> str:
    """`text` as the filter compares it: lowercase ASCII letters and digits only, the
    Norwegian letters as they are written without them ('Tromsø', 'tromso' and 'tromsoe'
    all give 'tromso'; 'Bråten' and 'braaten' give 'braten'), separators dropped."""
    compact = "".join(words_of(text))
    for digraph, letter in _DIGRAPHS:
        compact = compact.replace(digraph, letter)
    return compact


def slug_of(text: str) -> str:
    """The id `text` would have: 'X Twitter' -> 'x-twitter', 'Vålerenga' -> 'valerenga'."""
    return "-".join(words_of(text))


@dataclass(frozen=True)
class PickerItem:
    """An item of the plan that can be referred to."""

    id: str  # its id (a slug)
    name: str  # its name or statement as the plan has it ("" if none)


@dataclass(frozen=True)
class _Entry:
    """A line of the list: an item of the plan, or a chosen id the plan lacks
    (`unknown`), or a platform added here (`new`)."""

    id: str
    name: str = ""
    unknown: bool = False
    new: bool = False

    @cached_property
    def _folded(self) -> tuple[str, str]:
        return folded(self.name), folded(self.id)

    def matches(self, query: str) -> bool:
        return any(query in text for text in self._folded)


_NONE = "none"  # option ids: the entry for no choice (single mode), ...
_ADD = "add"  # ... the entry that adds a platform, ...
_NO_MATCH = "no-match"  # ... and the line saying nothing matches


class Filter(Input):
    """The picker's filter. A space is never typed into it: space ticks the highlighted
    entry, and matching ignores separators, so no filter needs one.

    The picker's keys act in the filter's own turn, after the letters typed before them
    (a binding would act first, on the list as it was before those letters)."""

    PICKER_KEYS: ClassVar[dict[str, str]] = {
        "space": "tick",
        "enter": "accept",
        "down": "move(1)",
        "up": "move(-1)",
        "pagedown": "page(1)",
        "pageup": "page(-1)",
    }

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return key != "space" and super().check_consume_key(key, character)

    async def _on_key(self, event: events.Key) -> None:
        if (action := self.PICKER_KEYS.get(event.key)) is not None:
            event.stop()
            event.prevent_default()
            await self.screen.run_action(action)
            return
        await super()._on_key(event)


class Picker(Speaking[list[str] | None], ModalScreen[list[str] | None]):
    """Pick ids among `items`; dismissed with the ids chosen, or None on escape.

    The ids come back in the order of `items` (the plan's), then platforms added
    here, then the chosen ids the plan lacks, in their order. With `multiple=False`
    at most one comes back: enter chooses the highlighted entry, and an entry
    "(none)" chooses nothing. With `can_add=True`, a filter that is not an id yet
    offers to add it as a platform; the caller adds what comes back to the plan. With
    `ids=False` the entries show their names only (a field's fixed choices); `typed`
    is the filter's text to begin with.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # While the filter has the focus, it does these itself (`Filter.PICKER_KEYS`).
        Binding("space", "tick", "Tick"),
        Binding("enter", "accept", "Done"),
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("escape", "cancel", "Cancel"),
    ]
    _OWN_KEYS: ClassVar[set[str]] = {"tick", "accept"}

    def __init__(
        self,
        title: str,
        items: Sequence[PickerItem],
        chosen: Sequence[str],
        *,
        multiple: bool = True,
        can_add: bool = False,
        ids: bool = True,
        typed: str = "",
    ) -> None:
        super().__init__()
        self.ids = ids
        self.typed = typed
        self.title_text = title
        self.multiple = multiple
        self.can_add = can_add
        known = {item.id for item in items}
        self._entries = [_Entry(item.id, item.name) for item in items]
        self._entries += [
            _Entry(id, unknown=True) for id in dict.fromkeys(chosen) if id not in known
        ]
        self._chosen: set[str] = set(chosen)
        if not multiple and len(self._chosen) > 1:
            self._chosen = {next(iter(dict.fromkeys(chosen)))}
        self._shown: list[_Entry] = []  # the entries listed now, in order
        self._adding = ""  # the id the add entry offers, if any
        self._filtered: str | None = None  # the filter text the list was made for

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog picker"):
            yield Static(id="picker-title")
            placeholder = PICKER("filter" if self.ids else "filter-names", language(self))
            yield Filter(self.typed, placeholder=placeholder, id="picker-filter")
            yield OptionList(id="picker-list", compact=True)
            keys = "keys-multiple" if self.multiple else "keys-single"
            yield Static(Content(PICKER(keys, language(self))), id="picker-keys")

    def on_mount(self) -> None:
        self.query_one(OptionList).can_focus = False
        self._show_title()
        first_chosen = next((e.id for e in self._entries if e.id in self._chosen), None)
        self._refill(highlight=first_chosen)
        self.query_one(Filter).focus()

    # What is shown

    @property
    def _list(self) -> OptionList:
        return self.query_one("#picker-list", OptionList)

    def _show_title(self) -> None:
        title = Content.styled(self.title_text, "bold")
        if self.multiple:
            count = PICKER("chosen", language(self), count=len(self._chosen))
            title = Content.assemble(title, (f"  {count}", "$text-muted"))
        self.query_one("#picker-title", Static).update(title)

    def _line(self, entry: _Entry) -> Content:
        lang = language(self)
        ticked = entry.id in self._chosen
        box = ("[x] " if ticked else "[ ] ") if self.multiple else ("(x) " if ticked else "( ) ")
        name = " ".join(preview(entry.name, NAME_PREVIEW).split())
        id = preview(entry.id, NAME_PREVIEW)
        parts: list[str | tuple[str, str]] = [box]
        if name and not self.ids:
            parts.append(name)
        elif name:
            parts += [name, (f"  · {id}", "$text-muted")]
        else:
            parts.append(id)
        if entry.unknown:
            parts.append((f"  {PICKER('unknown', lang)}", "$warning"))
        elif entry.new:
            parts.append((f"  {PICKER('new', lang)}", "$success"))
        return Content.assemble(*parts)

    def _none_line(self) -> Content:
        """The entry that chooses nothing (single mode)."""
        box = "( ) " if self._chosen else "(x) "
        return Content.assemble(box, (PICKER("none", language(self)), "italic"))

    def _refill(self, highlight: str | None = None) -> None:
        """List the entries the filter lets through, the highlight on `highlight` (an
        entry's id) if it is listed, else on the first."""
        lang = language(self)
        text = self._filtered = self.query_one(Filter).value
        query = folded(text)
        self._shown = [entry for entry in self._entries if entry.matches(query)]
        options: list[Option] = []
        if not self.multiple and not text.strip():
            options.append(Option(self._none_line(), _NONE))
        options += [Option(self._line(entry), str(n)) for n, entry in enumerate(self._shown)]
        slug = slug_of(text) if self.can_add else ""
        self._adding = slug if slug and all(e.id != slug for e in self._entries) else ""
        if self._adding:
            label = PICKER("add-platform", lang, id=self._adding)
            options.append(Option(Content.styled(label, "$accent"), _ADD))
        if not options:
            typed = preview(text.strip(), NAME_PREVIEW)
            no_match = Content.styled(PICKER("no-match", lang, text=typed), "$text-muted")
            options.append(Option(no_match, _NO_MATCH, disabled=True))
        listing = self._list
        listing.set_options(options)
        at = next((n for n, e in enumerate(self._shown) if e.id == highlight), None)
        if at is not None:
            listing.highlighted = at + (1 if options[0].id == _NONE else 0)
        elif not options[0].disabled:
            listing.highlighted = 0

    def _redraw(self) -> None:
        """Show the ticks as they are now, the list and the highlight unchanged."""
        listing = self._list
        for n, entry in enumerate(self._shown):
            listing.replace_option_prompt(str(n), self._line(entry))
        if not self.multiple and not self.query_one(Filter).value.strip():
            listing.replace_option_prompt(_NONE, self._none_line())
        self._show_title()

    # What the keys do

    @on(Filter.Changed, "#picker-filter")
    def _filter(self) -> None:
        """List what matches, the highlight on the first match: space ticks it."""
        self._refill()

    @on(OptionList.OptionSelected, "#picker-list")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.multiple:
            self._toggle(event.option.id)
        else:
            self.action_accept()

    def _toggle(self, option_id: str | None) -> None:
        if option_id == _ADD:
            self._add()
            return
        if option_id == _NONE:
            self._chosen.clear()
        elif option_id is not None and option_id.isdigit():
            entry = self._shown[int(option_id)]
            if entry.id in self._chosen:
                self._chosen.discard(entry.id)
            else:
                if not self.multiple:
                    self._chosen.clear()
                self._chosen.add(entry.id)
        else:
            self.app.bell()
            return
        self._redraw()

    def _add(self) -> None:
        """Add the platform the filter names, ticked, and show the whole list again."""
        new = _Entry(self._adding, new=True)
        known = [entry for entry in self._entries if not entry.unknown]
        self._entries = [*known, new, *(entry for entry in self._entries if entry.unknown)]
        if not self.multiple:
            self._chosen.clear()
        self._chosen.add(new.id)
        with self.prevent(Filter.Changed):
            self.query_one(Filter).value = ""
        self._refill(highlight=new.id)
        self._show_title()

    def _catch_up(self) -> None:
        """List what the filter holds now: a key pressed right after typing (space,
        enter, a move) acts on what was typed, not on the list before it."""
        if self.query_one(Filter).value != self._filtered:
            self._refill()

    def action_tick(self) -> None:
        """Tick or untick the highlighted entry (in single mode: pick just it)."""
        self._catch_up()
        option = self._list.highlighted_option
        self._toggle(option.id if option else None)

    def action_move(self, by: int) -> None:
        self._catch_up()
        if by > 0:
            self._list.action_cursor_down()
        else:
            self._list.action_cursor_up()

    async def action_page(self, by: int) -> None:
        await self._list.run_action("page_down" if by > 0 else "page_up")

    def action_accept(self) -> None:
        """Done: the ids ticked (multiple), or the highlighted entry's (single), in the
        plan's order. Enter on the add entry adds it first."""
        self._catch_up()
        option = self._list.highlighted_option
        if option is not None and option.id == _ADD:
            self._add()
        elif not self.multiple:
            if option is None or option.disabled:
                self.app.bell()
                return
            self._toggle_on(option.id)
        chosen = (entry.id for entry in self._entries if entry.id in self._chosen)
        self.dismiss(list(dict.fromkeys(chosen)))

    def _toggle_on(self, option_id: str | None) -> None:
        """Single mode: make the entry of `option_id` the one chosen."""
        self._chosen.clear()
        if option_id is not None and option_id.isdigit():
            self._chosen.add(self._shown[int(option_id)].id)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        lang = language(self)
        return {
            key: (
                active._replace(
                    binding=replace(
                        active.binding, description=PICKER(f"key.{active.binding.action}", lang)
                    )
                )
                if active.binding.action in self._OWN_KEYS
                else active
            )
            for key, active in super().active_bindings.items()
        }
