"""Fixtures every test shares."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def settings_file(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """A settings file of the test's own (none at first): no test reads or writes the
    settings of whoever runs the tests, nor the posttui processes it starts."""
    path = tmp_path_factory.mktemp("settings") / "config.toml"
    monkeypatch.setenv("POSTTUI_CONFIG", str(path))
    return path
