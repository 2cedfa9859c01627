"""Reading without a transaction (:func:`db.autocommit`): on PostgreSQL each statement is
committed as it runs (no BEGIN/COMMIT round trips), and the connection is transactional
again after the block; on SQLite the block is an ordinary transaction."""

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


def test_autocommit_commits_each_statement_on_postgresql_only(
    backend: str, database_url: str
) -> None:
    engine = db.make_engine(database_url)
    try:
        with Session(engine) as session, session.begin():
            team_id = accounts.create_team(session, code="reads", name="before").id
        sessions = db.session_factory(engine)
        with sessions() as session:
            with db.autocommit(session):
                session.connection().execute(
                    update(Team).where(Team.id == team_id).values(name="during")
                )
                seen_meanwhile = _name(engine, team_id)
            # after the block the session is a transaction again
            session.connection().execute(update(Team).where(Team.id == team_id).values(name="late"))
            assert _name(engine, team_id) != "late"
            session.rollback()
        autocommit = backend == "postgres"
        assert seen_meanwhile == ("during" if autocommit else "before")
        assert _name(engine, team_id) == ("during" if autocommit else "before")
        # the next session on the pooled connection is a transaction
        with sessions() as session:
            session.connection().execute(
                update(Team).where(Team.id == team_id).values(name="after")
            )
            assert _name(engine, team_id) != "after"
            session.rollback()
        assert _name(engine, team_id) != "after"
    finally:
        engine.dispose()
