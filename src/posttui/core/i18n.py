"""Languages: which one posttui speaks, and the catalogs of what it says in each.

Every part that talks to people (findings, the command line, the editor, the
report) keeps its words in a `Catalog` with the same keys in every language; a
test holds each catalog complete. The language is chosen by `choose`.
"""

from __future__ import annotations

import os
import string
from collections.abc import Mapping
from typing import Any, ClassVar

LANGUAGES = ("en", "nb")
# Locale languages read as Norwegian Bokmål: Norwegian in general, and Nynorsk,
# whose readers read Bokmål far better than English.
_NORWEGIAN = {"nb", "no", "nn"}


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
        # A plan in a language posttui does not speak (Nynorsk, for now) is read by
        # its nearest: Bokmål for Norwegian, else English.
        if plan in LANGUAGES:
            return plan
        return "nb" if plan in _NORWEGIAN else "en"
    if preferred:
        return preferred
    # POSIX precedence: LC_ALL overrides LC_MESSAGES, which overrides LANG.
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if locale := environ.get(variable):
            language = locale.partition(".")[0].partition("_")[0].lower()
            return "nb" if language in _NORWEGIAN else "en"
    return "en"


class Catalog:
    """What one part of posttui says, by key, in every language."""

    ALL: ClassVar[list[Catalog]] = []

    def __init__(self, name: str, **by_language: dict[str, str]) -> None:
        self.name = name
        self.by_language = by_language
        Catalog.ALL.append(self)

    def __call__(self, key: str, lang: str = "en", /, **params: Any) -> str:
        """The text for `key` in `lang` (English where `lang` has none), parameters filled."""
        template = self.by_language.get(lang, {}).get(key) or self.by_language["en"][key]
        return template.format(**params)

    def placeholders(self, key: str, lang: str) -> set[str]:
        """The parameter names the template for `key` in `lang` uses."""
        template = self.by_language[lang][key]
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}
