"""`posttui edit PLAN` (or just `posttui PLAN`): open the plan in the full-screen editor."""

from __future__ import annotations

import argparse
import gc

HELP = "open a plan in the editor (a missing file starts a new plan saved there)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", metavar="PLAN", help="the plan file (NAME.post.toml)")


def run(options: argparse.Namespace) -> int:
    # Start-up makes many objects that live as long as the app, and little garbage:
    # collections would scan them again and again (about 25 ms of it). The app turns
    # them on again once the plan shows (PostApp.on_ready).
    gc.disable()
    from posttui.core import config
    from posttui.ui.app import PostApp

    settings, problems = config.load()
    app = PostApp(options.plan, lang=options.lang, config=settings, config_problems=problems)
    app.run()
    return app.return_code or 0  # 2: the plan could not be loaded
