"""The settings file: theme, language and keymap, read leniently, written atomically."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from posttui.core import config
from posttui.core.config import Config
from posttui.core.loader import load
from posttui.ui.app import PostApp
from support.editing import burst, opened
from support.plans import KAFE, sample_plan

SAMPLE = sample_plan(KAFE)
POSTTUI = str(Path(sys.executable).with_name("posttui"))


def test_no_file_is_the_defaults(settings_file: Path) -> None:
    assert config.load() == (Config(), [])


def test_a_good_file_is_read(settings_file: Path) -> None:
    settings_file.write_text('theme = "nord"\nlanguage = "nb"\n[keymap]\n"app.save" = "ctrl+w"\n')
    assert config.load() == (Config(theme="nord", language="nb", keymap={"app.save": "ctrl+w"}), [])


@pytest.mark.parametrize(
    ("text", "says", "kept"),
    [
        ('theme = "nord"\nlanguage = "se"\n', ":2: language:", Config(theme="nord")),
        ('langauge = "nb"\ntheme = "nord"\n', ":1: langauge:", Config(theme="nord")),
        (
            'theme = "nord"\n[keymap]\n"app.save" = 3\n',
            ":3: keymap.app.save:",
            Config(theme="nord"),
        ),
        ('theme = "nord\n', "line 1", Config()),
    ],
)
def test_a_bad_setting_is_named_with_its_line_and_the_rest_applies(
    settings_file: Path, text: str, says: str, kept: Config
) -> None:
    settings_file.write_text(text)
    settings, problems = config.load()
    assert settings == kept
    assert len(problems) == 1
    assert says in problems[0]


def test_remembering_a_theme_keeps_the_other_settings(settings_file: Path) -> None:
    settings_file.write_text('language = "nb"\n[keymap]\n"app.save" = "ctrl+w"\n')
    assert config.remember_theme("nord") == []
    assert config.load() == (Config(theme="nord", language="nb", keymap={"app.save": "ctrl+w"}), [])


async def test_keys_are_remapped_from_the_keymap(tmp_path: Path) -> None:
    plan = tmp_path / "kafe.post.toml"
    shutil.copy(SAMPLE, plan)
    app = PostApp(plan, lang="en", config=Config(keymap={"app.save": "f9"}))
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        await burst(pilot, "enter", "end", *" AS")
        await pilot.press("ctrl+s")  # no longer saves
        await pilot.pause()
        assert "Studenter i Trondheim AS" not in plan.read_text()
        await pilot.press("f9")
        await pilot.pause()
    assert load(plan).plan.people.segments[0].name == "Studenter i Trondheim AS"


async def test_the_theme_is_applied_and_a_new_one_remembered(
    tmp_path: Path, settings_file: Path
) -> None:
    plan = tmp_path / "kafe.post.toml"
    shutil.copy(SAMPLE, plan)
    app = PostApp(plan, lang="en", config=Config(theme="nord"))
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        assert app.theme == "nord"
        app.theme = "gruvbox"  # as the palette's theme search sets it
        await pilot.pause()
    assert config.load()[0].theme == "gruvbox"


async def test_a_bad_settings_file_is_said_and_the_editor_opens(tmp_path: Path) -> None:
    plan = tmp_path / "kafe.post.toml"
    shutil.copy(SAMPLE, plan)
    problems = ["config.toml:2: language: posttui speaks en, nb, nn"]
    app = PostApp(plan, lang="en", config=Config(theme="no-such"), config_problems=problems)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await opened(pilot)
        shown = [n.message for n in app._notifications]
        assert any("config.toml:2: language" in message for message in shown)
        assert any("no theme is called no-such" in message for message in shown)
        assert app.plan_loaded


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([POSTTUI, *args], capture_output=True, text=True, check=False)


def test_config_path_show_and_schema(settings_file: Path) -> None:
    assert run("config", "path").stdout.strip() == str(settings_file)
    settings_file.write_text('theme = "nord"\nlanguage = "xx"\n')
    shown = run("config", "show")
    assert shown.returncode == 1
    assert shown.stdout == 'theme = "nord"\n'
    assert ":2: language:" in shown.stderr
    schema = json.loads(run("schema", "--config").stdout)
    assert set(schema["properties"]) == {"theme", "language", "keymap"}


def test_config_edit_creates_the_file_and_opens_the_editor(
    settings_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VISUAL", "true")
    assert run("config", "edit").returncode == 0
    assert "[keymap]" in settings_file.read_text()
    assert config.load() == (Config(), [])  # the guide it starts as sets nothing
