"""Engine creation (PostgreSQL via psycopg 3, or an SQLite file) and the server migrations."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import Session, sessionmaker

from .tables import Counter

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


# a pooled PostgreSQL connection idle for longer than this is tested before it is used
PING_AFTER_IDLE_SECONDS = 10.0


def make_engine(
    url: str, *, pool_size: int = 10, ping_after_idle: float = PING_AFTER_IDLE_SECONDS
) -> Engine:
    """An engine for ``url``. SQLite gets WAL, a busy timeout, foreign keys and
    ``BEGIN IMMEDIATE`` transactions (writers serialise; no upgrade deadlocks).

    PostgreSQL: the pool is last in, first out. A pooled connection that was idle for
    more than ``ping_after_idle`` seconds is tested with ``SELECT 1`` when it is checked
    out, and replaced when that fails (the database restarted, a firewall dropped it).
    One just returned to the pool is used as it is: pinging every checkout
    (``pool_pre_ping``) cost a round trip per request. A connection lost in between still
    fails one request (503, Retry-After), and the pool then drops all connections older
    than the failure."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    # the connection returned last is handed out first: at quiet moments requests run on a
    # few warm connections (their prepared statements, the backends' caches) instead of
    # going round every one a busy moment opened; psycopg prepares a statement only after
    # its fifth execution on a connection, and planning the pull's statement costs ≈ 1 ms
    engine = create_engine(url, pool_size=pool_size, max_overflow=pool_size, pool_use_lifo=True)
    dialect = engine.dialect

    @event.listens_for(engine, "checkin")
    def _returned(_dbapi_conn: Any, record: Any) -> None:
        record.info[_IDLE_SINCE] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping_if_idle(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        since = record.info.pop(_IDLE_SINCE, None)
        if since is None or time.monotonic() - since <= ping_after_idle:
            return  # new, or used a moment ago
        try:
            dialect.do_ping(dbapi_conn)
        except Exception as exc:
            # the pool discards this connection and checks out (or opens) another
            raise DisconnectionError("pooled connection is gone") from exc

    return engine


_IDLE_SINCE = "caseworker.idle_since"  # key in the pool's connection record info


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def reads_in_autocommit(dialect: str) -> bool:
    """Whether :func:`autocommit` runs its block in autocommit on ``dialect``
    (PostgreSQL), or as a transaction (SQLite)."""
    return dialect == "postgresql"


@contextmanager
def autocommit(session: Session) -> Iterator[None]:
    """On PostgreSQL, the statements ``session`` runs in the block are committed one by
    one (the driver's connection in autocommit): for work that only reads, or writes
    single statements (the sync routes' authentication, a push's merge, a pull's page).
    That spares a transaction's ``BEGIN`` and ``COMMIT`` round trips; under READ COMMITTED
    every statement of a transaction sees its own snapshot anyway, so what the statements
    read is the same. Set on the driver's connection, not by SQLAlchemy's
    ``isolation_level`` option, whose bookkeeping at every checkout and return costs more
    than the round trips. The session must not have run a statement yet, and commits or
    rolls back after the block (the connection is still its own then). On SQLite nothing
    changes: the block is a transaction as before."""
    conn = session.connection()
    if not reads_in_autocommit(conn.dialect.name):
        yield
        return
    raw = conn.connection.dbapi_connection
    assert raw is not None
    raw.autocommit = True
    try:
        yield
    finally:
        try:
            raw.autocommit = False
        except Exception:  # the connection broke: the pool must not hand it out again
            conn.invalidate()


def alembic_config(connection: Any = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"server migrations have {len(heads)} heads; expected one")
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, target: str = "head") -> None:
    """Apply the migrations in one transaction, then make sure the counter row exists."""
    if engine.dialect.name == "sqlite" and engine.url.database:
        Path(engine.url.database).parent.mkdir(parents=True, exist_ok=True)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), target)
    with Session(engine) as session, session.begin():
        if session.execute(select(Counter).where(Counter.id == 1)).scalar_one_or_none() is None:
            session.add(Counter(id=1, last_seq=0))


def is_ready(engine: Engine) -> bool:
    try:
        return current_revision(engine) == head_revision()
    except Exception:
        return False
