"""The user's settings: one TOML file in the platform's config folder.

```toml
theme = "nord"          # a Textual theme, as chosen in the palette (saved there)
language = "nb"         # the editor's language when neither --lang nor the plan says
[keymap]                # binding id = keys, comma-separated: Textual's keymap
"app.save" = "ctrl+w"
```

A setting that is wrong is said, with its line, and posttui starts with the defaults
for it: a bad config never keeps the editor from opening.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

import tomli_w
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from posttui.core.i18n import LANGUAGES
from posttui.core.terminal import printable

# POSTTUI_CONFIG names another file (tests, several setups).
ENVIRONMENT = "POSTTUI_CONFIG"


class Config(BaseModel):
    """What can be set; unknown keys are refused (a typo should not pass silently)."""

    model_config = ConfigDict(strict=True, extra="forbid")

    theme: str | None = None
    # Any language posttui has a catalog for: a new catalog needs no change here.
    language: str | None = Field(default=None, json_schema_extra={"enum": list(LANGUAGES)})
    keymap: dict[str, str] = {}

    @field_validator("language")
    @classmethod
    def _spoken(cls, language: str | None) -> str | None:
        if language is not None and language not in LANGUAGES:
            raise ValueError(f"posttui speaks {', '.join(LANGUAGES)}")
        return language


def path() -> Path:
    """Where the config file is (it need not exist)."""
    if chosen := os.environ.get(ENVIRONMENT):
        return Path(chosen)
    from platformdirs import user_config_path

    return user_config_path("posttui") / "config.toml"


def load(where: Path | None = None) -> tuple[Config, list[str]]:
    """The settings, and what was wrong with the file (each problem with its line).
    A file that does not parse gives the defaults; a wrong setting is left out."""
    where = where or path()
    try:
        text = where.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config(), []
    except (OSError, UnicodeDecodeError) as error:
        return Config(), [f"{printable(str(where))}: {error}"]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Config(), [f"{printable(str(where))}: {error}"]
    try:
        return Config.model_validate(data), []
    except ValidationError as error:
        problems, bad = [], set()
        for detail in error.errors():
            key = ".".join(str(part) for part in detail["loc"])
            bad.add(detail["loc"][0])
            line = _line_of(text, [str(part) for part in detail["loc"]])
            at = f"{where}:{line}" if line else str(where)
            problems.append(printable(f"{at}: {key}: {detail['msg']}"))
        good = {name: value for name, value in data.items() if name not in bad}
        return Config.model_validate(good), problems


def _line_of(text: str, keys: list[str]) -> int | None:
    """The line that sets `keys` (a key, or a table's header and a key in it)."""
    *tables, name = keys
    table = ""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            table = stripped.strip("[] ")
        elif table == ".".join(tables) and re.match(
            rf"[\"']?{re.escape(name)}[\"']?\s*=", stripped
        ):
            return number
    return None


def dumps(config: Config) -> str:
    return tomli_w.dumps(config.model_dump(exclude_defaults=True))


def save(config: Config, where: Path | None = None) -> None:
    """Write the settings atomically (the folder made if need be)."""
    from posttui.core.writer import write_atomic

    where = where or path()
    where.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(where, dumps(config))


def remember_theme(theme: str, where: Path | None = None) -> list[str]:
    """Keep `theme` for the next start (the file's other settings as they are); what
    was wrong with the file, which is then left alone."""
    config, problems = load(where)
    if problems:
        return problems
    if config.theme != theme:
        save(config.model_copy(update={"theme": theme}), where)
    return []
