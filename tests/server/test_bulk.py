"""The push's many-row insert (bulk.py): on PostgreSQL one JSON parameter read by
json_populate_recordset; the values come back as written and bad ones are refused as a
plain INSERT refuses them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Boolean, Column, Date, MetaData, Numeric, String, Table, Text
from sqlalchemy.exc import DBAPIError

from caseworker.models.base import UTCDateTime
from caseworker.server import db
from caseworker.server.bulk import insert_many

_TABLE = Table(
    "bulk_probe",
    MetaData(),
    Column("s", String(3)),
    Column("n", Numeric(8, 2)),
    Column("d", Date),
    Column("ts", UTCDateTime),
    Column("b", Boolean),
    Column("x", Text),
)
_EMPTY: dict[str, Any] = {"s": None, "n": None, "d": None, "ts": None, "b": None, "x": None}


def test_rows_come_back_as_written_and_bad_values_are_refused(database_url: str) -> None:
    engine = db.make_engine(database_url)
    at = datetime(2026, 12, 2, 1, 2, 3, 456789, tzinfo=timezone(timedelta(hours=2)))
    text = 'quote " backslash \\ newline \n emoji 😀 é'
    try:
        with engine.begin() as conn:
            _TABLE.create(conn)
            insert_many(
                conn,
                _TABLE,
                [
                    {"s": "abc", "n": Decimal("12.5"), "d": date(2026, 1, 2), "ts": at}
                    | {"b": True, "x": text},
                    {**_EMPTY, "b": False},
                ],
            )
            rows = conn.execute(_TABLE.select().order_by(_TABLE.c.b.desc())).all()
            assert [tuple(r) for r in rows] == [
                ("abc", Decimal("12.50"), date(2026, 1, 2), at.astimezone(UTC), True, text),
                (None, None, None, None, False, None),
            ]
            if conn.dialect.name != "postgresql":
                return  # SQLite keeps any length
            for bad in ({"s": "abcd"}, {"n": Decimal("1234567.1")}):
                savepoint = conn.begin_nested()
                with pytest.raises(DBAPIError):
                    insert_many(conn, _TABLE, [{**_EMPTY, **bad}, _EMPTY])
                savepoint.rollback()
            _TABLE.drop(conn)
    finally:
        engine.dispose()
