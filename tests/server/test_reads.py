"""Sessions for reading (:func:`db.read_session_factory`): on PostgreSQL each statement is
committed as it runs (no BEGIN/COMMIT round trips); on SQLite they are ordinary
transactions."""

from __future__ import annotations

from sqlalchemy import Engine, update
from sqlalchemy.orm import Session

from caseworker.models import Team
from caseworker.server import accounts, db

_NAME = "SELECT name FROM teams WHERE id = {}"


def _name(engine: Engine, team_id: str) -> str:
    """The team's name as another connection sees it (only what is committed), read on the
    driver's connection: on SQLite the engine's connections begin by taking the write lock."""
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute(_NAME.format("?" if engine.dialect.name == "sqlite" else "%s"), (team_id,))
        (name,) = cursor.fetchone()
        return str(name)
    finally:
        raw.close()


def test_read_sessions_commit_each_statement_on_postgresql_only(
    backend: str, database_url: str
) -> None:
    engine = db.make_engine(database_url)
    try:
        with Session(engine) as session, session.begin():
            team_id = accounts.create_team(session, code="reads", name="before").id
        with db.read_session_factory(engine)() as session:
            session.connection().execute(
                update(Team).where(Team.id == team_id).values(name="during")
            )
            seen_meanwhile = _name(engine, team_id)
            session.rollback()
        autocommit = backend == "postgres"
        assert seen_meanwhile == ("during" if autocommit else "before")
        assert _name(engine, team_id) == ("during" if autocommit else "before")
        # the transactional sessions are transactions on both
        with db.session_factory(engine)() as session:
            session.connection().execute(
                update(Team).where(Team.id == team_id).values(name="after")
            )
            assert _name(engine, team_id) != "after"
            session.rollback()
        assert _name(engine, team_id) != "after"
    finally:
        engine.dispose()
