"""The reference picker, driven by its keys in a small app of its own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from posttui.ui.widgets.picker import Picker, PickerItem, folded, slug_of

STYLES = Path(__file__).parent.parent / "styles" / "posttui.tcss"
SIZE = (80, 24)
HOSTILE = "[@click=app.quit]x[/]"

SEGMENTS = [
    PickerItem("lokale-familier", "Lokale familier"),
    PickerItem("studenter", "Studenter i Tromsø"),
    PickerItem("pensjonister", "Pensjonister på Bråten"),
    PickerItem("bedrifter", ""),
]


class Host(App[None]):
    """Opens `picker` at once and keeps what it is dismissed with."""

    CSS_PATH = STYLES

    def __init__(self, picker: Picker, lang: str = "en") -> None:
        super().__init__()
        self.picker = picker
        self.lang = lang
        self.results: list[list[str] | None] = []

    def on_mount(self) -> None:
        self.push_screen(self.picker, self.results.append)


async def opened(pilot: Pilot[Any]) -> Picker:
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, Picker)
    return screen


def listed(picker: Picker) -> list[str]:
    """The lines of the list as shown."""
    options = picker.query_one(OptionList).options
    return [option.prompt.plain for option in options if isinstance(option.prompt, Content)]


def highlighted(picker: Picker) -> str:
    option = picker.query_one(OptionList).highlighted_option
    assert option is not None and isinstance(option.prompt, Content)
    return option.prompt.plain


async def typed(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*text)
    await pilot.pause()


KEYS = {"down", "up", "space", "enter", "escape", "ctrl+u"}


async def run(picker: Picker, keys: list[str]) -> list[list[str] | None]:
    """Open `picker`, press `keys` (each a key name, or else text to type), and return
    what it was dismissed with (nothing while it is open)."""
    app = Host(picker)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        for key in keys:
            await (pilot.press(key) if key in KEYS else typed(pilot, key))
            await pilot.pause()
        await pilot.pause()
        return app.results


async def test_lists_the_items_in_the_plans_order_by_name_and_id_the_chosen_ticked() -> None:
    app = Host(Picker("Segments", SEGMENTS, ["studenter"]))
    async with app.run_test(size=SIZE) as pilot:
        picker = await opened(pilot)
        assert listed(picker) == [
            "[ ] Lokale familier  · lokale-familier",
            "[x] Studenter i Tromsø  · studenter",
            "[ ] Pensjonister på Bråten  · pensjonister",
            "[ ] bedrifter",
        ]
        assert highlighted(picker).startswith("[x] Studenter")  # the first one chosen
        assert isinstance(app.focused, Input)


async def test_filter_tick_and_accept_give_the_ids_in_the_plans_order() -> None:
    app = Host(Picker("Segments", SEGMENTS, ["pensjonister"]))
    async with app.run_test(size=SIZE) as pilot:
        picker = await opened(pilot)
        await typed(pilot, "STUD")  # case is ignored
        assert listed(picker) == ["[ ] Studenter i Tromsø  · studenter"]
        await pilot.press("space")  # ticks the match, types no space
        await pilot.pause()
        assert picker.query_one(Input).value == "STUD"
        await pilot.press("ctrl+u")  # the filter emptied: every item again
        await pilot.pause()
        assert len(listed(picker)) == 4
        assert highlighted(picker).startswith("[ ] Lokale")  # the first match
        await pilot.press("space", "enter")
        await pilot.pause()
    assert app.results == [["lokale-familier", "studenter", "pensjonister"]]


async def test_up_and_down_move_in_the_list_from_the_filter_space_unticks() -> None:
    results = await run(
        Picker("Segments", SEGMENTS, ["lokale-familier", "studenter"]),
        ["down", "space", "down", "space", "up", "up", "enter"],
    )
    assert results == [["lokale-familier", "pensjonister"]]


@pytest.mark.parametrize(
    ("typed_text", "expected"),
    [
        ("tromso", "studenter"),
        ("tromsoe", "studenter"),
        ("tromsø", "studenter"),
        ("braaten", "pensjonister"),
        ("braten", "pensjonister"),
        ("lokalefam", "lokale-familier"),  # separators are ignored
        ("lokale-fam", "lokale-familier"),
        ("drift", "bedrifter"),  # by id when there is no name
    ],
)
async def test_the_filter_matches_names_and_ids_the_norwegian_letters_transliterated(
    typed_text: str, expected: str
) -> None:
    results = await run(Picker("Segments", SEGMENTS, []), [typed_text, "space", "enter"])
    assert results == [[expected]]


def test_folding_and_slugs() -> None:
    assert folded("Tromsø") == folded("TROMSOE") == folded("tromso") == "tromso"
    assert folded("Blåbær-Ålesund") == folded("blaabaer alesund") == "blabaeralesund"
    assert slug_of("X Twitter") == "x-twitter"
    assert slug_of("Vålerenga Fotball!") == "valerenga-fotball"
    assert slug_of("…") == ""


async def test_escape_changes_nothing() -> None:
    results = await run(Picker("Segments", SEGMENTS, ["studenter"]), ["space", "down", "escape"])
    assert results == [None]


async def test_chosen_ids_the_plan_lacks_are_listed_as_unknown_and_kept_at_the_end() -> None:
    app = Host(Picker("Segments", SEGMENTS, ["ghost", "studenter", "ghost", "old"]))
    async with app.run_test(size=SIZE) as pilot:
        picker = await opened(pilot)
        assert listed(picker)[4:] == ["[x] ghost  not in the plan", "[x] old  not in the plan"]
        await pilot.press("up", "space", "enter")  # ticks lokale-familier
        await pilot.pause()
    assert app.results == [["lokale-familier", "studenter", "ghost", "old"]]


async def test_an_unknown_id_unticked_is_dropped() -> None:
    results = await run(
        Picker("Segments", SEGMENTS, ["ghost", "studenter"]), ["gho", "space", "enter"]
    )
    assert results == [["studenter"]]


async def test_nothing_matches_says_so_and_enter_keeps_the_ticks() -> None:
    app = Host(Picker("Segments", SEGMENTS, ["studenter"]))
    async with app.run_test(size=SIZE) as pilot:
        picker = await opened(pilot)
        await typed(pilot, "zzz")
        assert listed(picker) == ["Nothing matches ‘zzz’"]  # noqa: RUF001
        await pilot.press("space", "enter")  # space has nothing to tick
        await pilot.pause()
    assert app.results == [["studenter"]]


async def test_single_mode_enter_chooses_the_highlighted_entry() -> None:
    results = await run(
        Picker("Platform", SEGMENTS, ["studenter"], multiple=False), ["down", "enter"]
    )
    assert results == [["pensjonister"]]


async def test_single_mode_space_picks_just_the_highlighted_entry() -> None:
    app = Host(Picker("Platform", SEGMENTS, ["studenter"], multiple=False))
    async with app.run_test(size=SIZE) as pilot:
        picker = await opened(pilot)
        assert listed(picker)[:3] == [
            "( ) (none)",
            "( ) Lokale familier  · lokale-familier",
            "(x) Studenter i Tromsø  · studenter",
        ]
        await pilot.press("up", "space")
        await pilot.pause()
        assert listed(picker)[1:3] == [
            "(x) Lokale familier  · lokale-familier",
            "( ) Studenter i Tromsø  · studenter",
        ]
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_single_mode_none_chooses_nothing() -> None:
    results = await run(
        Picker("Platform", SEGMENTS, ["studenter"], multiple=False), ["up", "up", "enter"]
    )
    assert results == [[]]


async def test_single_mode_keeps_one_of_several_chosen() -> None:
    results = await run(
        Picker("Platform", SEGMENTS, ["ghost", "studenter"], multiple=False), ["escape"]
    )
    assert results == [None]
    app = Host(Picker("Platform", SEGMENTS, ["ghost", "studenter"], multiple=False))
    async with app.run_test(size=SIZE) as pilot:
        picker = await opened(pilot)
        assert [line for line in listed(picker) if line.startswith("(x)")] == [
            "(x) ghost  not in the plan"
        ]


PLATFORMS = [PickerItem("instagram", "Instagram"), PickerItem("tiktok", "TikTok")]


async def test_can_add_offers_the_filter_as_a_new_platform() -> None:
    app = Host(Picker("Platforms", PLATFORMS, ["tiktok", "ghost"], can_add=True))
    async with app.run_test(size=SIZE) as pilot:
        picker = await opened(pilot)
        await typed(pilot, "Insta")
        assert listed(picker) == ["[ ] Instagram  · instagram", "Add platform ‘insta’"]  # noqa: RUF001
        await pilot.press("down", "space")  # added and ticked; the filter emptied
        await pilot.pause()
        assert picker.query_one(Input).value == ""
        assert "[x] insta  new" in listed(picker)
        await typed(pilot, "Mastødon")
        assert listed(picker) == ["Add platform ‘mastodon’"]  # noqa: RUF001
        await pilot.press("enter")  # adds it and is done
        await pilot.pause()
    # The plan's platforms, then the new ones, then the unknown.
    assert app.results == [["tiktok", "insta", "mastodon", "ghost"]]


async def test_can_add_offers_nothing_for_an_id_the_list_has() -> None:
    app = Host(Picker("Platforms", PLATFORMS, ["ghost"], can_add=True))
    async with app.run_test(size=SIZE) as pilot:
        picker = await opened(pilot)
        await typed(pilot, "TikTok")
        assert listed(picker) == ["[ ] TikTok  · tiktok"]
        await pilot.press("ctrl+u")
        await typed(pilot, "ghost")
        assert listed(picker) == ["[x] ghost  not in the plan"]


async def test_single_mode_adds_a_platform_as_the_one_chosen() -> None:
    results = await run(
        Picker("Platform", PLATFORMS, ["tiktok"], multiple=False, can_add=True),
        ["linkedin", "enter"],
    )
    assert results == [["linkedin"]]


async def test_markup_in_names_and_ids_shows_literally() -> None:
    items = [PickerItem("a", HOSTILE), PickerItem("b", "[b]bold[/b] \x1b[31mred")]
    app = Host(Picker(HOSTILE, items, ["[red]x"]))
    async with app.run_test(size=SIZE) as pilot:
        picker = await opened(pilot)
        assert listed(picker) == [
            f"[ ] {HOSTILE}  · a",
            "[ ] [b]bold[/b] \\x1b[31mred  · b",
            "[x] [red]x  not in the plan",
        ]
        await pilot.click(OptionList, offset=(6, 0))  # a click ticks; nothing quits
        await pilot.pause()
        assert app.is_running
        assert listed(picker)[0].startswith("[x]")
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [["a", "[red]x"]]


async def test_it_speaks_norwegian() -> None:
    app = Host(Picker("Segmenter", SEGMENTS, ["ghost"], can_add=True), lang="nb")
    async with app.run_test(size=SIZE) as pilot:
        picker = await opened(pilot)
        keys = picker.query_one("#picker-keys").render()
        assert isinstance(keys, Content)
        assert keys.plain.startswith("mellomrom kryss av")
        assert listed(picker)[-1] == "[x] ghost  finnes ikke i planen"
        assert picker.active_bindings["space"].binding.description == "Kryss av"
        assert picker.active_bindings["escape"].binding.description == "Avbryt"
        await typed(pilot, "zzz")
        assert listed(picker) == ["Legg til plattformen «zzz»"]


def showing(keys: list[str]) -> Any:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        for widget in pilot.app.screen.query(Input):
            widget.cursor_blink = False
        await pilot.pause()

    return run_before


def test_snapshot(snap_compare: Any) -> None:
    """A long list scrolled to its end (an id the plan lacks), a name with markup, at 80 by 24."""
    items = [
        *SEGMENTS,
        PickerItem("hostile", HOSTILE),
        *(
            PickerItem(
                f"segment-{n}", f"Segment {n} med et navn for langt til å få plass på linjen"
            )
            for n in range(1, 13)
        ),
    ]
    picker = Picker("Segments", items, ["studenter", "ghost"])
    assert snap_compare(
        Host(picker),
        terminal_size=SIZE,
        run_before=showing(["down", "space", "pagedown", "pagedown"]),
    )
