"""The plan, its rules, and what reads and writes it; no Textual here."""

import os

# Plans are validated by posttui's models alone: a pydantic plugin (an entry point of
# the `pydantic` group, from any installed package) would run inside every validation.
# Looking for plugins also reads every installed package's metadata at the first model.
os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
