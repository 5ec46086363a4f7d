"""Fixtures every test shares."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

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


SAMPLES = Path(__file__).resolve().parent.parent / "sample_plans"


@pytest.fixture
def plan_copy(tmp_path: Path) -> Callable[[str], Path]:
    """Copies a sample plan (by its name, without .post.toml) into tmp_path."""

    def copy(name: str = "kafe-solsiden") -> Path:
        path = tmp_path / f"{name}.post.toml"
        shutil.copyfile(SAMPLES / f"{name}.post.toml", path)
        return path

    return copy


Editing = Callable[..., contextlib.AbstractAsyncContextManager[tuple[Any, Any]]]


@pytest.fixture
def editor() -> Editing:
    """`async with editor(path, size=(120, 40), lang="en") as (app, pilot)`: the real app
    on `path`, its plan loaded (or its load error shown)."""

    @contextlib.asynccontextmanager
    async def editing(
        path: Path, *, size: tuple[int, int] = (120, 40), lang: str = "en", **options: Any
    ) -> AsyncIterator[tuple[Any, Any]]:
        from posttui.ui.app import PostApp

        app = PostApp(path, lang=lang)
        async with app.run_test(size=size, **options) as pilot:
            for _ in range(100):
                if app.plan_loaded or app.load_error is not None:
                    break
                await pilot.pause()
            await pilot.pause()
            yield app, pilot

    return editing
