"""Build hook: compile each language's posttui.po into the posttui.mo gettext reads.

The .mo files are build output, never in git; this runs for the wheel and for
the editable install alike (writing beside the .po, where both look).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

CATALOGS = "src/posttui/locale/*/LC_MESSAGES/posttui.po"


class CompileCatalogs(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        # Imported here: Babel is needed to build posttui, not to run it.
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in Path(self.root).glob(CATALOGS):
            with po.open("rb") as source:
                catalog = read_po(source, locale=po.parent.parent.name)
            with po.with_suffix(".mo").open("wb") as compiled:
                write_mo(compiled, catalog)
        # Ignored by git, so named for hatch to include.
        build_data["artifacts"].append(CATALOGS.removesuffix(".po") + ".mo")
