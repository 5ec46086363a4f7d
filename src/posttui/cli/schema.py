"""`posttui schema`: the plan format as JSON Schema, for editors that validate TOML."""

from __future__ import annotations

import argparse
import json

from posttui.core.i18n import Catalog

# The schema itself is for tools, and stays as the format names things.
WORDS = Catalog(
    "schema",
    en={
        "help": "print the JSON Schema of the plan format",
        "config": "the settings file's schema instead",
    },
)
HELP = WORDS("help")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", action="store_true", help=WORDS("config"))


def run(options: argparse.Namespace) -> int:
    if options.config:
        from posttui.core.config import Config

        schema = Config.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = "posttui settings (posttui config path)"
        print(json.dumps(schema, ensure_ascii=False, indent=2))
        return 0
    from posttui.core.model import FORMAT, Plan

    schema = Plan.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"posttui plan (formats 1 to {FORMAT})"
    schema["description"] = (
        "Format 2 adds [plan] period_start and period_end, an objective's primary, a "
        'target\'s source and direction, an optional target value, language "nn", a '
        "target's results ([[objectives.targets.results]]: date, value, source, note) and "
        "[settings] report_every; a file that says format = 1 uses none of them."
    )
    print(json.dumps(schema, ensure_ascii=False, indent=2))
    return 0
