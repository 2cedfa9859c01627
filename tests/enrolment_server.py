"""The real sync server on 127.0.0.1 (SQLite, fast Argon2) with a seeded world, for the
client-side enrolment tests (tests/integration, tests/ui). Import the fixtures into a
conftest: ``from tests.enrolment_server import enrol_server  # noqa: F401``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from caseworker.models import Role
from caseworker.server import accounts, db
from tests.server.live import (
    PASSWORD,
    LiveServer,
    World,
    fast_settings,
    migrated_sqlite_template,
    seed_world,
)
from tests.server.pg import free_port

USERNAME = "a.devries"
DISPLAY_NAME = "Anna de Vries"

__all__ = [
    "DISPLAY_NAME",
    "PASSWORD",
    "USERNAME",
    "EnrolServer",
    "enrol_server",
    "enrol_server_template",
    "unused_url",
]


@dataclass
class EnrolServer:
    server: LiveServer
    engine: Engine
    world: World

    @property
    def url(self) -> str:
        return self.server.base_url

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)


@pytest.fixture(scope="session")
def enrol_server_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return migrated_sqlite_template(tmp_path_factory.mktemp("enrol-server") / "template.db")


@pytest.fixture
def enrol_server(tmp_path: Path, enrol_server_template: Path) -> Iterator[EnrolServer]:
    path = tmp_path / "server.db"
    path.write_bytes(enrol_server_template.read_bytes())
    settings = fast_settings(db.sqlite_url(path))
    engine = db.make_engine(settings.database_url)
    with Session(engine, expire_on_commit=False) as session, session.begin():
        world = seed_world(session, settings)
        anna = accounts.create_user(
            session,
            settings,
            username=USERNAME,
            display_name=DISPLAY_NAME,
            role=Role.CASEWORKER,
            password=PASSWORD,
            team_id=world.team_a,
        )
        world.users[USERNAME] = anna.id
    server = LiveServer(settings, engine).start()
    try:
        yield EnrolServer(server, engine, world)
    finally:
        server.stop()
        engine.dispose()


@pytest.fixture
def unused_url() -> str:
    """A loopback address where nothing listens."""
    return f"http://127.0.0.1:{free_port()}"
