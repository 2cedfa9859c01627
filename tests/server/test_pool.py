"""The PostgreSQL connection pool: a connection idle for a while is tested before use and
replaced when the database dropped it; one used a moment ago is not (no round trip)."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from caseworker.server import db

from .pg import Cluster

pytestmark = [pytest.mark.postgres, pytest.mark.xdist_group("postgres")]


@pytest.fixture
def pg_url(pg_cluster: Cluster) -> Iterator[str]:
    name = "pool_" + uuid.uuid4().hex[:12]
    url = pg_cluster.create_database(name)
    try:
        yield url
    finally:
        pg_cluster.drop_database(name)


def _backend_pid(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one())


def _terminate(cluster: Cluster, pid: int) -> None:
    with psycopg.connect(cluster.admin_dsn(), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    time.sleep(0.1)


def test_idle_connection_dropped_by_the_database_is_replaced(
    pg_cluster: Cluster, pg_url: str
) -> None:
    engine = db.make_engine(pg_url, pool_size=1, ping_after_idle=0.0)
    try:
        first = _backend_pid(engine)
        _terminate(pg_cluster, first)
        time.sleep(0.01)  # idle for longer than ping_after_idle
        assert _backend_pid(engine) != first  # tested, found dead, replaced: no error
    finally:
        engine.dispose()


def test_connection_used_a_moment_ago_is_not_pinged(pg_cluster: Cluster, pg_url: str) -> None:
    engine = db.make_engine(pg_url, pool_size=1, ping_after_idle=3600.0)
    try:
        first = _backend_pid(engine)
        assert _backend_pid(engine) == first  # the same connection, reused
        # lost while "fresh": not tested before use, so that one request fails ...
        _terminate(pg_cluster, first)
        with pytest.raises(OperationalError), engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        # ... and the pool starts over with a new connection
        assert _backend_pid(engine) != first
    finally:
        engine.dispose()


def test_the_connection_used_last_is_used_next(pg_url: str) -> None:
    """The pool hands out the connection returned last (LIFO): at a quiet moment requests
    run on one warm connection (its prepared statements, PostgreSQL's caches) instead of
    going round every connection the busy moments opened."""
    engine = db.make_engine(pg_url, pool_size=4)
    try:
        opened = [engine.connect() for _ in range(3)]  # a busy moment: three at once
        pids = [int(c.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()) for c in opened]
        for conn in opened:
            conn.close()
        quiet = {_backend_pid(engine) for _ in range(6)}
        assert quiet == {pids[-1]}
    finally:
        engine.dispose()


def test_a_pinged_connection_can_read_in_autocommit(pg_url: str) -> None:
    """The idle test (SQLAlchemy's psycopg ping, itself run in autocommit) leaves no
    transaction open, so the first request after a quiet moment can read in autocommit
    (db.autocommit) like any other."""
    engine = db.make_engine(pg_url, pool_size=1, ping_after_idle=0.0)
    try:
        first = _backend_pid(engine)
        time.sleep(0.01)  # idle for longer than ping_after_idle: pinged at checkout
        with Session(engine) as session:
            with db.autocommit(session):
                conn = session.connection()
                assert conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one() == first
                assert conn.connection.dbapi_connection.autocommit  # type: ignore[union-attr]
            session.commit()
        assert _backend_pid(engine) == first
    finally:
        engine.dispose()
