"""Writing a push's rows: on PostgreSQL one ``INSERT … SELECT FROM
json_populate_recordset(…)`` per table and chunk (one statement to parse, plan and run
instead of one per row), elsewhere executemany; updates by id; and naming a refused write
without its values."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Connection,
    Dialect,
    Insert,
    Table,
    Update,
    bindparam,
    insert,
    text,
    update,
)
from sqlalchemy.exc import DBAPIError

from .codec import TABLES, TableInfo
from .direct import Direct

INSERT_CHUNK = 1000


@functools.cache
def _insert_into(table: Table) -> Insert:
    return insert(table)


@functools.cache
def update_by_id(name: str) -> Update:
    """``UPDATE table SET <the columns of the parameters> WHERE id = p_id``."""
    target = TABLES[name].table
    return update(target).where(target.c.id == bindparam("p_id"))


@dataclass(frozen=True)
class _JsonInsert:
    """``INSERT INTO t (c, …) SELECT c, … FROM json_populate_recordset(NULL::t, :rows)`` for
    one table: all rows of a push as one JSON parameter in one statement of fixed text
    (PostgreSQL), each column's bind processor applied first."""

    statement: Direct
    columns: list[tuple[str, Callable[[Any], Any] | None]]  # name, bind processor


@functools.cache
def _json_insert(table: Table, dialect: Dialect) -> _JsonInsert | None:
    """The JSON form of ``INSERT`` for ``table``, or None when a column holds JSON itself
    (its bind processor serialises it already). PostgreSQL reads each field with its
    column's input function and type modifier, so a too long or too large value is refused
    as a plain ``INSERT`` refuses it."""
    if any(isinstance(column.type, JSON) for column in table.columns):
        return None
    quote = dialect.identifier_preparer.quote
    names = ", ".join(quote(column.name) for column in table.columns)
    target = dialect.identifier_preparer.format_table(table)
    sql = (
        f"INSERT INTO {target} ({names}) SELECT {names} "
        f"FROM json_populate_recordset(NULL::{target}, CAST(:p_rows AS json))"
    )
    columns: list[tuple[str, Callable[[Any], Any] | None]] = [
        (column.name, column.type.bind_processor(dialect)) for column in table.columns
    ]
    return _JsonInsert(Direct(text(sql)), columns)


def _json_value(value: Any) -> Any:
    """What ``json.dumps`` cannot write itself, as the text PostgreSQL's input functions
    read: ISO dates and times (with their offset), decimals as written."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"no JSON form for {type(value).__name__}")


def insert_many(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """On PostgreSQL one ``INSERT … SELECT FROM json_populate_recordset(…)`` per chunk (one
    statement to parse, plan and run instead of one per row, and one parameter for the
    driver: arrays, one per column, cost psycopg a Python call per value); elsewhere
    executemany."""
    form = _json_insert(table, conn.dialect) if conn.dialect.name == "postgresql" else None
    if form is None or len(rows) < 2:
        statement = _insert_into(table)
        for start in range(0, len(rows), INSERT_CHUNK):
            conn.execute(statement, rows[start : start + INSERT_CHUNK])
        return
    for start in range(0, len(rows), INSERT_CHUNK):
        chunk = rows[start : start + INSERT_CHUNK]
        records = [
            {
                name: value if process is None or value is None else process(value)
                for name, process in form.columns
                for value in (row[name],)
            }
            for row in chunk
        ]
        payload = json.dumps(records, default=_json_value, ensure_ascii=False)
        form.statement.execute(conn, {"p_rows": payload})


def full_row(info: TableInfo, row: dict[str, Any]) -> dict[str, Any]:
    full: dict[str, Any] = {}
    for name, column in info.columns.items():
        if name in row:
            full[name] = row[name]
        elif column.default is not None and getattr(column.default, "is_scalar", False):
            full[name] = column.default.arg  # type: ignore[attr-defined]
        else:
            full[name] = None
    return full


def constraint_name(exc: DBAPIError) -> str:
    """The name of the violated constraint (never the values)."""
    diag = getattr(exc.orig, "diag", None)
    name = getattr(diag, "constraint_name", None) if diag is not None else None
    if name:
        return str(name)
    text = str(exc.orig)
    for marker in ("CHECK constraint failed: ", "UNIQUE constraint failed: "):
        if marker in text:
            return text.split(marker, 1)[1].split("\n", 1)[0][:120]
    if "FOREIGN KEY" in text:
        return "a referenced row does not exist"
    if "NOT NULL" in text:
        return "a required field is empty"
    return "integrity rule"


def error_kind(exc: DBAPIError) -> str:
    return type(exc.orig).__name__
