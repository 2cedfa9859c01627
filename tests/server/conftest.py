"""Server fixtures: a throwaway PostgreSQL cluster (session), a fresh database per test on
SQLite or PostgreSQL, the real server under uvicorn on 127.0.0.1, and a seeded world."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from caseworker.server import db
from caseworker.server.settings import ServerSettings

from .live import (
    Device,
    LiveServer,
    World,
    enroll,
    fast_settings,
    migrated_sqlite_template,
    seed_world,
)
from .pg import Cluster, missing_binaries, start_cluster

TEMPLATE_DB = "caseworker_template"


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    missing = missing_binaries()
    if missing:
        reason = f"PostgreSQL binaries not on PATH: {', '.join(missing)}"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " (CI=true: PostgreSQL is required)")
        pytest.skip(reason)
    cluster = start_cluster()
    try:
        url = cluster.create_database(TEMPLATE_DB)
        engine = db.make_engine(url)
        db.upgrade(engine)
        engine.dispose()
        yield cluster
    finally:
        cluster.stop()


BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgres", id="postgres", marks=[pytest.mark.postgres, pytest.mark.xdist_group("postgres")]
    ),
]


@dataclass
class ServerEnv:
    backend: str
    settings: ServerSettings
    engine: Engine
    server: LiveServer

    @property
    def base_url(self) -> str:
        return self.server.base_url

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file, copied for every test (migrating each time is slow)."""
    return migrated_sqlite_template(tmp_path_factory.mktemp("sqlite-template") / "template.db")


def _database(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[str]:
    if backend == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        target = tmp_path / "server.db"
        shutil.copyfile(template, target)
        yield db.sqlite_url(target)
        return
    cluster: Cluster = request.getfixturevalue("pg_cluster")
    name = "t_" + uuid.uuid4().hex[:12]
    url = cluster.create_database(name, template=TEMPLATE_DB)
    try:
        yield url
    finally:
        cluster.drop_database(name)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def database_url(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[str]:
    yield from _database(request, backend, tmp_path)


@pytest.fixture
def env(backend: str, database_url: str) -> Iterator[ServerEnv]:
    settings = fast_settings(database_url)
    engine = db.make_engine(database_url)
    server = LiveServer(settings, engine).start()
    try:
        yield ServerEnv(backend, settings, engine, server)
    finally:
        server.stop()
        engine.dispose()


@pytest.fixture
def world(env: ServerEnv) -> World:
    with env.session() as session, session.begin():
        return seed_world(session, env.settings)


@pytest.fixture
def devices(env: ServerEnv, world: World) -> Iterator[dict[str, Device]]:
    """One enrolled device per seeded user."""
    with httpx.Client() as client:
        enrolled = {name: enroll(env.base_url, name, client=client) for name in world.users}
    yield enrolled
    for device in enrolled.values():
        device.close()
