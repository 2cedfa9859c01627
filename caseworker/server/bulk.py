"""Writing a push's rows: on PostgreSQL one ``INSERT … SELECT FROM unnest(arrays)`` per
table and chunk (one statement to parse, plan and run instead of one per row), elsewhere
executemany; updates by id; and naming a refused write without its values."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    JSON,
    Connection,
    Dialect,
    Insert,
    Table,
    TextClause,
    Update,
    bindparam,
    insert,
    text,
    update,
)
from sqlalchemy.exc import DBAPIError

from .codec import TABLES, TableInfo

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
class _Unnest:
    """``INSERT INTO t (c0, …) SELECT * FROM unnest(CAST(:c0 AS type[]), …)`` for one
    table: all rows of a push in one statement of fixed text (PostgreSQL), with each
    column's bind processor."""

    statement: TextClause
    columns: list[tuple[str, str, Callable[[Any], Any] | None]]  # name, parameter, processor


@functools.cache
def _unnest_insert(table: Table, dialect: Dialect) -> _Unnest | None:
    """The unnest form of ``INSERT`` for ``table``, or None when a column needs the driver's
    own adaptation (JSON: psycopg wraps each value itself)."""
    names: list[str] = []
    arrays: list[str] = []
    columns: list[tuple[str, str, Callable[[Any], Any] | None]] = []
    for index, column in enumerate(table.columns):
        if isinstance(column.type, JSON):
            return None
        # the base type without length or precision: the insert's assignment cast then
        # refuses a too long or too large value as a plain INSERT does (an explicit cast to
        # varchar(n) would truncate)
        cast = re.sub(r"\(.*?\)", "", column.type.compile(dialect=dialect)).strip()
        if cast.startswith(("VARCHAR", "CHAR", "TEXT")):
            cast = "TEXT"
        parameter = f"c{index}"
        names.append(dialect.identifier_preparer.quote(column.name))
        arrays.append(f"CAST(:{parameter} AS {cast}[])")
        columns.append((column.name, parameter, column.type.bind_processor(dialect)))
    target = dialect.identifier_preparer.format_table(table)
    sql = f"INSERT INTO {target} ({', '.join(names)}) SELECT * FROM unnest({', '.join(arrays)})"
    return _Unnest(text(sql), columns)


def insert_many(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """On PostgreSQL one ``INSERT … SELECT FROM unnest(arrays)`` per chunk (one statement
    to parse, plan and run instead of one per row); elsewhere executemany."""
    unnest = (
        _unnest_insert(table, conn.dialect)
        if conn.dialect.name == "postgresql" and len(rows) > 1
        else None
    )
    if unnest is None:
        statement = _insert_into(table)
        for start in range(0, len(rows), INSERT_CHUNK):
            conn.execute(statement, rows[start : start + INSERT_CHUNK])
        return
    for start in range(0, len(rows), INSERT_CHUNK):
        chunk = rows[start : start + INSERT_CHUNK]
        params: dict[str, list[Any]] = {}
        for name, parameter, process in unnest.columns:
            values = [row[name] for row in chunk]
            if process is not None:
                values = [process(value) for value in values]
            params[parameter] = values
        conn.execute(unnest.statement, params)


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
