"""Languages: which one posttui speaks, and the catalogs of what it says.

Every part that talks to people (findings, the command line, the editor, the
report) keeps its English words in a `Catalog`, by key. The other languages are
gettext catalogs, one `.po` file each under `locale/`, compiled to `.mo` when
posttui is built: a translator adds a language by adding a `.po` file (see
docs/languages.md). A message's gettext context is "<catalog>.<key>", so one
English text may be translated differently where it means different things.
The language is chosen by `choose`.
"""

from __future__ import annotations

import functools
import gettext
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

LOCALE = Path(__file__).parent.parent / "locale"
DOMAIN = "posttui"


def _translated_languages() -> tuple[str, ...]:
    """The languages with a catalog under `locale/`: listed, not loaded, to start fast."""
    if not LOCALE.is_dir():
        return ()
    return tuple(
        sorted(
            entry.name
            for entry in LOCALE.iterdir()
            if (entry / "LC_MESSAGES" / f"{DOMAIN}.po").exists()
            or (entry / "LC_MESSAGES" / f"{DOMAIN}.mo").exists()
        )
    )


LANGUAGES = ("en", *_translated_languages())
# Locale languages read as Norwegian: Bokmål is the nearest where a Norwegian
# language (Nynorsk, say) has no catalog, as its readers read Bokmål far better
# than English.
_NORWEGIAN = {"nb", "no", "nn"}


def norwegian(language: str | None) -> bool:
    """Whether `language` is Norwegian (Bokmål, Nynorsk, or just `no`): read with the
    Norwegian word lists, numbers written `1 200,5`."""
    return language in _NORWEGIAN


def _spoken(language: str) -> str:
    """`language` if posttui speaks it, else its nearest: Bokmål for Norwegian, else English."""
    if language in LANGUAGES:
        return language
    return "nb" if norwegian(language) else "en"


def choose(
    explicit: str | None = None,
    plan: str | None = None,
    environ: Mapping[str, str] = os.environ,
    preferred: str | None = None,
) -> str:
    """The language to speak: `--lang`, else the plan's `language`, else the one the
    settings prefer, else the locale."""
    if explicit:
        return explicit
    if plan:
        return _spoken(plan)
    if preferred:
        return preferred
    # POSIX precedence: LC_ALL overrides LC_MESSAGES, which overrides LANG.
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if locale := environ.get(variable):
            return _spoken(locale.partition(".")[0].partition("_")[0].lower())
    return "en"


@functools.cache
def translation(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of `lang`; English (the texts in the code) where there is
    none, as when running from a checkout that was never built."""
    return gettext.translation(DOMAIN, localedir=LOCALE, languages=[lang], fallback=True)


# An English text: one form, or the singular and plural of a text with a {count}.
English = str | tuple[str, str]


class Catalog:
    """What one part of posttui says, by key: English here, other languages in gettext."""

    ALL: ClassVar[list[Catalog]] = []

    def __init__(self, name: str, en: dict[str, English]) -> None:
        self.name = name
        self.en = en
        Catalog.ALL.append(self)

    def context(self, key: str) -> str:
        """The gettext context of `key`: unique, where the English text need not be."""
        return f"{self.name}.{key}"

    def __call__(self, key: str, lang: str = "en", /, **params: Any) -> str:
        """The text for `key` in `lang`, parameters filled; a plural text by `count`."""
        english, language = self.en[key], translation(lang)
        if isinstance(english, tuple):
            count = params["count"]
            number = int(getattr(count, "value", count))  # a Number formats as its reader writes
            template = language.npgettext(self.context(key), *english, number)
        else:
            template = language.pgettext(self.context(key), english)
        return template.format(**params)
