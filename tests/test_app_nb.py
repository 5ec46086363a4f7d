"""The editor in Norwegian Bokmål: chosen by `--lang`, else the plan, else the locale.

The samples kafe-solsiden and tromso-kommune say `language = "nb"`; nordlys-analytics
says "en". Every test reads what the terminal shows, as a user would.
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input

from posttui.core.i18n import Catalog
from posttui.ui.app import PostApp
from posttui.ui.catalog import KEYS, WORDS
from posttui.ui.screens.dialogs import Choice, LoadFailed, PlanDetails
from support.editing import burst, committed, editing, field_of, pick, screen_text, tab_to
from support.plans import KAFE, sample_plan

SIZE = (160, 40)  # wide: the list, the form and the findings side by side


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """An English locale, so that Norwegian can only come from the plan or `--lang`."""
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")


def sample(tmp_path: Path, name: str = KAFE) -> Path:
    path = tmp_path / f"{name}.post.toml"
    shutil.copyfile(sample_plan(name), path)
    return path


def editing_nb(
    path: Path, lang: str | None = None, **options: object
) -> contextlib.AbstractAsyncContextManager[tuple[PostApp, Pilot[int]]]:
    """The app on `path`, wide, in the language `--lang` gives (None: the plan's, else the
    locale's)."""
    return editing(path, size=SIZE, lang=lang, **options)


async def shown(pilot: Pilot[int], *keys: str) -> str:
    await pilot.press(*keys)
    await pilot.pause()
    return screen_text(pilot.app)


def said(catalog: Catalog, key: str, **params: object) -> str:
    return catalog(key, "nb", **params)


# ---- Every screen ----


async def test_a_norwegian_plan_opens_every_screen_in_norwegian(tmp_path: Path) -> None:
    async with editing_nb(sample(tmp_path)) as (app, pilot):
        assert app.lang == "nb"
        people = await shown(pilot)
        assert "People: hvem er målgruppen" in people
        assert "Om planen" in people  # the step bar
        for label in ("Tilknytning", "Størrelse", "Beskrivelse", "Sosialiseringsbrukere"):
            assert label in people
        assert "Funksjonell output" in people  # the segment's linkage, chosen
        assert "Interessentkart" in people
        assert "Lurkere" in people and "Sum" in people  # the involvement bars
        assert "Ingen funn: alle mål er SMART" in people
        assert "Lagre" in people and "Taster" in people  # the footer
        assert "● ikke lagret" not in people

        objectives = await shown(pilot, "f3")
        assert "Objectives: hva vil du oppnå?" in objectives
        for label in ("Målet", "Ansvarlig", "Hvorfor", "Frist", "Målverdier", "Måling"):
            assert label in objectives
        assert "alt oppfylt" in objectives  # the SMART status
        assert "Snakke (markedsføring)" in objectives  # the kind, with its business function

        strategy = await shown(pilot, "f4")
        assert "Strategy: hvordan skal forholdet" in strategy
        assert "Relasjon" in strategy and "Hyppighet" in strategy
        assert "Mål uten tiltak" in strategy

        technology = await shown(pilot, "f5")
        assert "Technology: bare plattformer der" in technology
        assert "● til stede" in technology and "✕ målverdi der segmentet ikke er" in technology
        assert "Rolle" in technology


async def test_findings_are_in_norwegian_grouped_by_smart_letter_and_step(
    tmp_path: Path,
) -> None:
    async with editing_nb(sample(tmp_path, "tromso-kommune")) as (app, pilot):
        text = await shown(pilot, "f3")
        assert f"Funn ({len(app.findings)})" in text
        assert "T · Tidsbestemt" in text
        assert "M · Målbart" in text
        assert "Fristen 2027-01-31 er passert" in text
        assert all(finding.rule in text for finding in app.findings[:3])  # ids stay the same
        # The objective with a passed deadline: its SMART status says which letter fails.
        await pilot.press("tab")
        for _ in range(len(app.plan.objectives)):
            if "ikke oppfylt: tidsbestemt" in screen_text(app):
                break
            await pilot.press("down")
        assert "ikke oppfylt: tidsbestemt" in screen_text(app)


async def test_new_items_and_notifications_are_in_norwegian(tmp_path: Path) -> None:
    path = sample(tmp_path)
    async with editing_nb(path, notifications=True) as (app, pilot):
        await pilot.press("n")
        await pilot.pause()
        assert app.plan.people.segments[1].name == "Nytt segment"
        assert "● ikke lagret" in app.sub_title
        text = await shown(pilot, "escape", "d")
        assert "Slettet segmentet. ctrl+z henter det tilbake." in text
        text = await shown(pilot, "ctrl+s")
        assert f"Lagret {path.name}" in text


async def test_f1_describes_the_keys_in_norwegian_also_textuals_own(tmp_path: Path) -> None:
    async with editing_nb(sample(tmp_path)) as (app, pilot):
        help_text = await shown(pilot, "f1")
        for action in ("add", "delete", "save", "plan_details"):
            assert said(KEYS, action) in help_text
        await pilot.press("enter")  # into the form: the name field, a Textual Input
        await pilot.pause()
        assert isinstance(app.focused, Input)
        help_text = screen_text(app)
        assert said(WORDS, "help.input") in help_text
        assert said(KEYS, "cut") in help_text and said(KEYS, "paste") in help_text  # Textual's
        assert "Paste" not in help_text
        await pilot.press("f1")


async def test_the_command_palette_speaks_norwegian(tmp_path: Path) -> None:
    async with editing_nb(sample(tmp_path, "tromso-kommune")) as (app, pilot):
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await burst(pilot, *"åpne")
        await pilot.pause(0.3)
        text = screen_text(app)
        assert "Objectives: åpne" in text
        await burst(pilot, "ctrl+u", *"funn")
        await pilot.pause(0.3)
        assert "Funn: time-bound/passed" in screen_text(app)


async def test_dialogs_are_in_norwegian(tmp_path: Path) -> None:
    async with editing_nb(sample(tmp_path)) as (app, pilot):
        details = await shown(pilot, "f6")
        assert isinstance(app.screen, PlanDetails)
        for key in ("details.plan-title", "details.organization", "details.language"):
            assert said(WORDS, key) in details
        await burst(pilot, "escape", "enter", "end", *" AS")
        question = await shown(pilot, "ctrl+q")
        assert isinstance(app.screen, Choice)
        assert "har endringer som ikke er lagret" in question
        assert "Lagre og avslutt" in question and "Avslutt uten å lagre" in question
        await pilot.press("escape")


async def test_the_changes_view_is_in_norwegian(tmp_path: Path) -> None:
    path = sample(tmp_path)
    committed(path)
    async with editing_nb(path) as (_app, pilot):
        await burst(pilot, "enter", "end", *" AS")
        text = await shown(pilot, "f7")
        assert "Endringer siden siste commit (1)" in text
        assert "Enter går til endringen; Escape lukker." in text


async def test_a_plan_that_fails_to_load_is_explained_in_its_language(tmp_path: Path) -> None:
    path = sample(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("[[people.segments]]", "<<<<<<< ours\n[[people.segments]]", 1))
    async with editing_nb(path) as (app, pilot):
        shown_text = await shown(pilot)
        assert isinstance(app.screen, LoadFailed)
        assert f"Kunne ikke åpne {path}" in shown_text
        assert "konfliktmarkør" in shown_text
        assert "Filen er ikke endret" in shown_text


# ---- Which language ----


async def test_lang_en_overrides_a_norwegian_plan(tmp_path: Path) -> None:
    async with editing_nb(sample(tmp_path), lang="en") as (app, pilot):
        text = await shown(pilot)
        assert app.lang == "en"
        assert "People: who is your audience" in text
        assert "Linkage" in text and "Socializers" in text
        assert "No findings" in text
        assert "Tilknytning" not in text


async def test_an_english_plan_is_english_and_lang_nb_makes_it_norwegian(
    tmp_path: Path,
) -> None:
    path = sample(tmp_path, "nordlys-analytics")
    async with editing_nb(path) as (app, pilot):
        text = await shown(pilot, "f3")
        assert f"Findings ({len(app.findings)})" in text
        assert "S · Specific" in text
    async with editing_nb(path, lang="nb") as (app, pilot):
        text = await shown(pilot, "f3")
        assert f"Funn ({len(app.findings)})" in text
        assert "S · Spesifikt" in text
        assert "«Improve» uten et tall er vagt" in text  # the finding, in Norwegian


async def test_without_a_plan_language_the_locale_decides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "nb_NO.UTF-8")
    async with editing_nb(tmp_path / "ny.post.toml") as (app, pilot):
        assert app.lang == "nb"
        assert "● ikke lagret" in await shown(pilot)  # the header of a new plan


def test_the_language_is_known_before_the_plan_is_loaded(tmp_path: Path) -> None:
    # The first frame (title, step bar, "opening ...") is drawn before the plan loads.
    assert PostApp(sample(tmp_path)).lang == "nb"
    assert PostApp(sample(tmp_path, "nordlys-analytics")).lang == "en"
    assert PostApp(sample(tmp_path), lang="en").lang == "en"


# ---- Switching ----


async def test_choosing_the_plans_language_switches_the_editor_at_once(tmp_path: Path) -> None:
    async with editing_nb(sample(tmp_path)) as (app, pilot):
        await pilot.press("f6")
        await pilot.pause()
        await tab_to(pilot, "plan.language")
        await pick(pilot, "English")
        await pilot.pause()
        assert app.lang == "en"
        assert isinstance(app.screen, PlanDetails)
        assert "Language of" in screen_text(app)
        assert field_of(app).path == "plan.language"  # the focus stays where it was
        text = await shown(pilot, "escape")
        assert "People: who is your audience" in text
        assert "Linkage" in text
        assert "Objectives: what do you want" in await shown(pilot, "f3")

        await pilot.press("ctrl+z")  # undo brings the language back too
        await pilot.pause()
        assert app.lang == "nb"
        assert "Objectives: hva vil du oppnå?" in screen_text(app)


async def test_with_lang_the_plans_language_changes_but_the_editors_does_not(
    tmp_path: Path,
) -> None:
    async with editing_nb(sample(tmp_path), lang="nb") as (app, pilot):
        await pilot.press("f6")
        await pilot.pause()
        await tab_to(pilot, "plan.language")
        await pick(pilot, "English")
        await pilot.pause()
        assert app.plan.plan.language == "en"
        assert app.lang == "nb"
        assert "Planens språk" in screen_text(app)
