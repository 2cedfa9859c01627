"""Statements run on the driver's cursor (caseworker/server/direct.py) give what SQLAlchemy
gives — the same converted values (aware date-times, booleans on SQLite, lists of ids),
errors wrapped as SQLAlchemy wraps them, listeners told — and run inside the session's
transaction."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from caseworker.models import Role
from caseworker.server import accounts, db
from caseworker.server.codec import rows_by_id
from caseworker.server.direct import Direct
from caseworker.server.tables import Device, core

from .live import fast_settings

SEEN = datetime(2026, 12, 2, 8, 30, 15, 123456, tzinfo=UTC)


def test_direct_rows_are_sqlalchemys_rows(database_url: str) -> None:
    engine = db.make_engine(database_url)
    try:
        with Session(engine) as session, session.begin():
            team = accounts.create_team(session, code="direct", name="WIJ Direct")
            user = accounts.create_user(
                session,
                fast_settings(database_url),
                username="cw",
                display_name="cw",
                role=Role.CASEWORKER,
                password="correct horse battery staple",
                team_id=team.id,
            )
            enrolment = accounts.enroll(session, user, label="laptop", client="test", now=SEEN)
            session.flush()
            accounts.touch_device(session, enrolment.device_id, SEEN)
            conn = session.connection()
            statement = accounts._TOKEN_OWNER
            params = {"p_digest": accounts.token_digest(enrolment.token)}
            expected = [tuple(row) for row in conn.execute(statement, params)]
            got = Direct(statement).rows(conn, params)
            assert got == expected
            assert got[0][7] == SEEN and got[0][7].tzinfo is not None  # an aware UTC time
            assert got[0][4] is True  # a boolean, on SQLite too
            devices = rows_by_id("users", conn.dialect.name)  # a list parameter
            (found,) = devices.mappings(conn, {"p_ids": [user.id, "no-such-id"]})
            assert found["id"] == user.id and found["role"] == Role.CASEWORKER
            # inside the session's transaction: sees what it has not committed
            owner = Direct(select(core(Device).c.user_id))
            assert owner.rows(conn, {}) == [(user.id,)]
    finally:
        engine.dispose()


def test_direct_errors_are_sqlalchemys_and_listeners_see_the_statement(
    database_url: str,
) -> None:
    engine = db.make_engine(database_url)
    seen: list[str] = []

    def _seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", _seen)
    try:
        with Session(engine) as session, session.begin():
            conn = session.connection()
            assert Direct(select(func.abs(-3))).rows(conn, {}) == [(3,)]
            assert any("abs" in statement for statement in seen)
            broken = Direct(select(func.no_such_function(1)))
            with pytest.raises(DBAPIError):
                broken.rows(conn, {})
    finally:
        event.remove(engine, "before_cursor_execute", _seen)
        engine.dispose()


def test_direct_inserts_convert_their_values(database_url: str) -> None:
    """Audit events written directly, one and several at once, read back through the ORM
    as written: the aware time, the JSON detail, the boolean."""
    from caseworker.server import audit_log
    from caseworker.server.tables import ServerAuditEvent

    engine = db.make_engine(database_url)
    try:
        with Session(engine) as session, session.begin():
            audit_log.server_audit(session, action="push", now=SEEN, detail={"n": 1})
            rows = [
                audit_log.audit_row(action="pull", now=SEEN, detail={"n": n}, success=n > 2)
                for n in (2, 3)
            ]
            audit_log.write_audit(session.connection(), rows)
        with Session(engine) as session:
            events = session.execute(select(ServerAuditEvent).order_by(ServerAuditEvent.seq))
            got = [(e.action, e.at, e.detail, e.success) for e in events.scalars()]
        assert got == [
            ("push", SEEN, {"n": 1}, True),
            ("pull", SEEN, {"n": 2}, False),
            ("pull", SEEN, {"n": 3}, True),
        ]
    finally:
        engine.dispose()
