"""Every catalog says everything in every language, with the same placeholders."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import posttui
from posttui.core.i18n import LANGUAGES, Catalog, choose


def _catalogs() -> list[Catalog]:
    for module in pkgutil.walk_packages(posttui.__path__, "posttui."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    return Catalog.ALL


@pytest.mark.parametrize("catalog", _catalogs(), ids=lambda c: c.name)
def test_a_catalog_has_every_message_in_every_language(catalog: Catalog) -> None:
    english = set(catalog.by_language["en"])
    assert set(catalog.by_language) == set(LANGUAGES)
    for lang in LANGUAGES:
        assert set(catalog.by_language[lang]) == english, lang
        for key in english:
            assert catalog.placeholders(key, lang) == catalog.placeholders(key, "en"), (lang, key)


@pytest.mark.parametrize(
    ("explicit", "plan", "environ", "expected"),
    [
        ("en", "nb", {"LANG": "nb_NO.UTF-8"}, "en"),
        (None, "nb", {"LANG": "en_GB.UTF-8"}, "nb"),
        (None, None, {"LANG": "nb_NO.UTF-8"}, "nb"),
        (None, None, {"LANG": "no_NO"}, "nb"),
        (None, None, {"LANG": "nn_NO.UTF-8"}, "nb"),
        (None, None, {"LC_ALL": "en_US.UTF-8", "LANG": "nb_NO.UTF-8"}, "en"),
        (None, None, {"LC_ALL": "nb_NO.UTF-8", "LANG": "C"}, "nb"),
        (None, None, {"LANG": "C.UTF-8"}, "en"),
        (None, None, {}, "en"),
    ],
)
def test_the_language_is_the_option_else_the_plans_else_the_locales(
    explicit: str | None, plan: str | None, environ: dict[str, str], expected: str
) -> None:
    assert choose(explicit, plan, environ) == expected
