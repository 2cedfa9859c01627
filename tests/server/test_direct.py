"""Statements run on the driver's cursor (caseworker/server/direct.py) give what SQLAlchemy
gives — the same converted values (aware date-times, booleans on SQLite, lists of ids),
errors wrapped as SQLAlchemy wraps them, listeners told — and run inside the session's
transaction."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Enum,
    Integer,
    Numeric,
    Text,
    event,
    func,
    insert,
    select,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from caseworker.models import Role
from caseworker.models.base import UTCDateTime
from caseworker.server import accounts, db
from caseworker.server.codec import TABLES, row_to_wire, rows_by_id, wire_rows
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


def _value(column: Any, full: bool, refs: dict[str, str]) -> Any:
    """A value of every kind the wire knows, for ``column``; ``full=False``: nullable
    columns empty and a date-time without microseconds."""
    for fk in column.foreign_keys:
        return refs.get(fk.column.table.name) if full or not column.nullable else None
    if not full and column.nullable:
        return None
    kind = column.type
    if isinstance(kind, Enum):
        return kind.enums[-1] if full else kind.enums[0]
    if isinstance(kind, Boolean):
        return full
    if isinstance(kind, UTCDateTime):
        return SEEN if full else SEEN.replace(microsecond=0)
    if isinstance(kind, Date):
        return date(2026, 12, 2)
    if isinstance(kind, JSON):
        return {"veld": [1, "twee", None, 2.5, True]}
    if isinstance(kind, Numeric):
        return 12.5
    if isinstance(kind, Integer):
        return 7
    if isinstance(kind, Text):
        return "tekst\nmet regels — en é"
    return "x" if column.name != "id" else str(uuid.uuid4())


def _row(name: str, full: bool, refs: dict[str, str]) -> dict[str, Any]:
    row = {c.name: _value(c, full, refs) for c in TABLES[name].table.columns}
    if name == "provisions":  # its check rules
        row |= {"step": 2, "cost_period": "month" if full else None}
    return row


def test_wire_rows_are_the_wire_form_of_sqlalchemys_rows(database_url: str) -> None:
    """A pull's rows (codec.wire_rows, from the driver's values) equal row_to_wire of the
    rows SQLAlchemy returns, for every kind of column, full and empty. On SQLite wire_rows
    is row_to_wire itself (its statement runs through SQLAlchemy): the check bites on
    PostgreSQL."""
    engine = db.make_engine(database_url)
    try:
        refs: dict[str, str] = {}
        ids: dict[str, list[str]] = {}
        with engine.begin() as conn:
            for name in ("households", "conflicts", "provisions"):
                table = TABLES[name].table
                rows = [_row(name, full, refs) for full in (True, False)]
                conn.execute(insert(table), rows)
                ids[name] = [row["id"] for row in rows]
                refs[name] = rows[0]["id"]
        with engine.connect() as conn:
            for name, wanted in ids.items():
                info = TABLES[name]
                expected = {
                    row["id"]: row_to_wire(info, row)
                    for row in conn.execute(
                        select(info.table).where(info.table.c.id.in_(wanted))
                    ).mappings()
                }
                got = {row["id"]: row for row in wire_rows(conn, info, wanted)}
                assert got == expected
                assert all(list(got[i]) == list(expected[i]) for i in wanted)  # key order too
                assert json.dumps(got, sort_keys=True) == json.dumps(expected, sort_keys=True)
    finally:
        engine.dispose()
