"""Shared fixtures: a fresh encrypted store per test (real SQLCipher), a session, a context."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# as the app paints (caseworker.ui.app.paint_on_the_gui_thread), before Qt reads it
os.environ["QT_NO_GUI_THREADPOOL"] = "1"

from caseworker.models import Role, Team, User
from caseworker.services import ServiceContext
from caseworker.store import KdfParams, OpenStore, Store

# Benchmarks run only through `make bench` (CASEWORKER_BENCH=1), never in `make test`.
collect_ignore = [] if os.environ.get("CASEWORKER_BENCH") else ["benchmarks"]

PASSPHRASE = "kopje koffie aan de keukentafel"
FAST_KDF = KdfParams.fast_for_tests()


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture(scope="session")
def template_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One freshly created and migrated store per test process, copied for each test."""
    directory = tmp_path_factory.mktemp("template") / "store"
    Store(directory).create(PASSPHRASE, FAST_KDF).close()
    return directory


@pytest.fixture
def open_store(store_dir: Path, template_store: Path) -> Iterator[OpenStore]:
    shutil.copytree(template_store, store_dir, ignore=shutil.ignore_patterns("*.lock"))
    opened = Store(store_dir).unlock(PASSPHRASE)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def session(open_store: OpenStore) -> Iterator[Session]:
    with open_store.session() as s:
        yield s


@pytest.fixture
def caseworker_user(open_store: OpenStore) -> User:
    with open_store.transaction() as s:
        team = Team(name="WIJ Vinkhuizen", code="vinkhuizen")
        s.add(team)
        s.flush()
        user = User(
            username="a.devries",
            display_name="Anna de Vries",
            role=Role.CASEWORKER,
            team_id=team.id,
        )
        s.add(user)
    return user


@pytest.fixture
def ctx(caseworker_user: User) -> ServiceContext:
    return ServiceContext(
        user_id=caseworker_user.id,
        device_id="00000000-0000-4000-8000-000000000001",
        today=lambda: date(2026, 11, 23),
        now=lambda: datetime(2026, 11, 23, 9, 30, tzinfo=UTC),
    )
