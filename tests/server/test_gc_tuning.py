"""The serving process tunes its garbage collector at startup; tests and embedders that
build an application keep theirs as it was."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI

from caseworker.server import asgi
from caseworker.server.app import create_app
from caseworker.server.gc_tuning import YOUNG_THRESHOLD

from .live import fast_settings, migrated_sqlite_template


@pytest.fixture
def collector() -> Iterator[None]:
    """The process's collector settings, restored after the test."""
    threshold = gc.get_threshold()
    gc.unfreeze()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)


def _started(app: FastAPI) -> tuple[int, tuple[int, int, int], int]:
    """Runs the application's startup (its lifespan, as uvicorn does) and reports the
    collector's frozen objects, thresholds, and what a collection finds of a cycle made
    after startup."""

    async def run() -> tuple[int, tuple[int, int, int], int]:
        async with app.router.lifespan_context(app):
            cycle: list[object] = []
            cycle.append(cycle)
            del cycle
            return gc.get_freeze_count(), gc.get_threshold(), gc.collect()

    return asyncio.run(run())


def test_served_app_freezes_its_startup_heap(collector: None, tmp_path: Path) -> None:
    url = f"sqlite:///{migrated_sqlite_template(tmp_path / 'db')}"
    app = create_app(fast_settings(url), serving=True)
    assert gc.get_freeze_count() == 0
    frozen, threshold, found = _started(app)
    assert frozen > 10_000  # the modules and the application, at least
    assert threshold[0] == YOUNG_THRESHOLD
    assert found >= 1  # cycles made after startup are still collected


def test_app_not_serving_leaves_the_collector_alone(collector: None, tmp_path: Path) -> None:
    url = f"sqlite:///{migrated_sqlite_template(tmp_path / 'db')}"
    before = gc.get_threshold()
    frozen, threshold, _found = _started(create_app(fast_settings(url)))
    assert frozen == 0
    assert threshold == before


def test_worker_processes_serve_tuned(
    collector: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``caseworker-server serve --workers N``: each worker builds its app by the factory."""
    url = f"sqlite:///{migrated_sqlite_template(tmp_path / 'db')}"
    monkeypatch.setenv("CASEWORKER_SERVER_DATABASE_URL", url)
    frozen, threshold, _found = _started(asgi.app())
    assert frozen > 10_000
    assert threshold[0] == YOUNG_THRESHOLD
