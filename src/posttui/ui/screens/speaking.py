"""Screens whose keys speak the app's language.

Key descriptions (footer, F1 help) are translated when they are shown, by action
name, so Textual's own keys (in text fields, menus) speak the language too.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from textual.binding import ActiveBinding, Binding
from textual.screen import Screen, ScreenResultType

from posttui.ui.catalog import KEYS, language


@cache
def in_language(binding: Binding, lang: str) -> Binding:
    """`binding` with its description in `lang` (as it is where the catalog has none)."""
    if binding.action not in KEYS.en:
        return binding
    return replace(binding, description=KEYS(binding.action, lang), tooltip="")


class Speaking(Screen[ScreenResultType]):
    """A screen whose keys (footer, F1 help) are described in the app's language.

    Mixed in before `ModalScreen` by dialogs; the bindings stay what the classes
    declare, only what is shown of them is translated, when it is shown.
    """

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        lang = language(self)
        return {
            key: active._replace(binding=in_language(active.binding, lang), tooltip="")
            for key, active in super().active_bindings.items()
        }
