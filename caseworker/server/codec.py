"""Synced tables on the wire: which tables and fields exist, JSON ⇄ column values.

Error messages name the table and field, never the value (it may be a BSN or a name).
"""

from __future__ import annotations

import enum
import functools
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Enum,
    Integer,
    Numeric,
    String,
    Table,
    any_,
    bindparam,
    select,
)
from sqlalchemy import Text as SAText
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.sql.elements import ColumnElement

from caseworker.models import SYNC_COLUMNS, SYNCED_MODELS, SyncMixin
from caseworker.models.base import UTCDateTime

from .direct import Direct

INT_MIN, INT_MAX = -(2**31), 2**31 - 1
MAX_TEXT = 100_000
MAX_JSON_CHARS = 1_000_000

# Rows that belong to a household through a parent row: table -> (fk column, parent table).
PARENT_OF: dict[str, tuple[str, str]] = {
    "intake_questions": ("intake_id", "intakes"),
    "plan_revisions": ("plan_id", "plans"),
    "goals": ("plan_id", "plans"),
    "actions": ("plan_id", "plans"),
    "scores": ("assessment_id", "assessments"),
}
TEAM_TABLES = frozenset({"teams", "users"})
ADMIN_ONLY_TABLES = TEAM_TABLES  # managed by administrators, never pushed by devices


class CodecError(ValueError):
    """A value that does not fit its column. ``field`` is ``table.column``."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True)
class TableInfo:
    name: str
    model: type[SyncMixin]
    table: Table
    order: int
    writable: frozenset[str]  # columns a device may set (all but the sync columns)
    required: frozenset[str]  # NOT NULL columns without a default
    columns: dict[str, Column[Any]] = field(compare=False)  # by name, in table order
    decoders: dict[str, Decoder] = field(compare=False)  # by name: :func:`decoder`


def _build() -> dict[str, TableInfo]:
    infos: dict[str, TableInfo] = {}
    for order, model in enumerate(SYNCED_MODELS):
        table = model.__table__  # type: ignore[attr-defined]
        assert isinstance(table, Table)
        writable = frozenset(c.name for c in table.columns if c.name not in SYNC_COLUMNS)
        required = frozenset(
            c.name
            for c in table.columns
            if c.name in writable
            and not c.nullable
            and c.default is None
            and c.server_default is None
        )
        columns = {c.name: c for c in table.columns}
        decoders = {name: decoder(table.name, c) for name, c in columns.items()}
        infos[table.name] = TableInfo(
            table.name, model, table, order, writable, required, columns, decoders
        )
    return infos


def one_of(column: ColumnElement[Any], name: str, dialect: str) -> ColumnElement[bool]:
    """``column`` is one of the list bound as ``name``. On PostgreSQL ``column = ANY(:name)``
    with one array parameter: one statement text for every length of the list, which
    psycopg converts once and prepares, and PostgreSQL plans once. Elsewhere an expanding
    ``IN``, whose text SQLAlchemy renders anew for each length."""
    if dialect == "postgresql":
        return column == any_(bindparam(name, type_=ARRAY(column.type)))
    return column.in_(bindparam(name, expanding=True))


@functools.cache
def rows_by_id(table: str, dialect: str) -> Direct:
    """``SELECT * FROM table WHERE id`` is one of ``p_ids`` (a list), built once per table
    and dialect (:func:`one_of`)."""
    source = TABLES[table].table
    return Direct(select(source).where(one_of(source.c.id, "p_ids", dialect)))


def _check_text(field: str, value: str, max_len: int | None) -> str:
    if "\x00" in value:
        raise CodecError(field, "contains a NUL character")
    limit = max_len or MAX_TEXT
    if len(value) > limit:
        raise CodecError(field, f"is longer than {limit} characters")
    return value


def _check_json(field: str, value: Any) -> Any:
    def walk(v: Any, depth: int) -> None:
        if depth > 32:
            raise CodecError(field, "is nested too deeply")
        if isinstance(v, str):
            _check_text(field, v, MAX_JSON_CHARS)
        elif isinstance(v, float) and not math.isfinite(v):
            raise CodecError(field, "holds a non-finite number")
        elif isinstance(v, int) and not isinstance(v, bool) and abs(v) > 2**53:
            raise CodecError(field, "holds a too large number")
        elif isinstance(v, dict):
            for k, item in v.items():
                _check_text(field, str(k), 1000)
                walk(item, depth + 1)
        elif isinstance(v, list):
            for item in v:
                walk(item, depth + 1)

    walk(value, 0)
    return value


Decoder = Callable[[Any], Any]


def decode(table: str, column: Column[Any], value: Any) -> Any:
    """A JSON value from a device → the Python value for ``column``. Raises CodecError."""
    return decoder(table, column)(value)


def decoder(table: str, column: Column[Any]) -> Decoder:
    """:func:`decode` for one column, its checks chosen once (by :class:`TableInfo` for
    every synced column: a push decodes thousands of values)."""
    field = f"{table}.{column.name}"
    if isinstance(column.type, JSON):
        return lambda value: _check_json(field, value)
    check = _typed(field, column.type)
    nullable = column.nullable

    def run(value: Any) -> Any:
        if value is None:
            if not nullable:
                raise CodecError(field, "may not be empty")
            return None
        return check(value)

    return run


def _typed(field: str, col_type: Any) -> Decoder:
    """The check and conversion of a value (not None) for a column of ``col_type``."""
    if isinstance(col_type, Enum):
        allowed = col_type.enums
        enum_cls = col_type.enum_class

        def one_of(value: Any) -> Any:
            if not isinstance(value, str) or value not in allowed:
                raise CodecError(field, "is not one of: " + ", ".join(allowed))
            return enum_cls(value) if enum_cls is not None else value

        return one_of
    if isinstance(col_type, Boolean):

        def boolean(value: Any) -> bool:
            if not isinstance(value, bool):
                raise CodecError(field, "must be true or false")
            return value

        return boolean
    if isinstance(col_type, Numeric):
        bound = 10 ** ((col_type.precision or 18) - (col_type.scale or 0))

        def number(value: Any) -> float:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise CodecError(field, "must be a number")
            if not math.isfinite(value) or abs(value) >= bound:
                raise CodecError(field, "is out of range")
            return float(value)

        return number
    if isinstance(col_type, Integer):

        def whole(value: Any) -> int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise CodecError(field, "must be a whole number")
            if not INT_MIN <= value <= INT_MAX:
                raise CodecError(field, "is out of range")
            return value

        return whole
    if isinstance(col_type, UTCDateTime | DateTime):

        def moment(value: Any) -> datetime:
            if not isinstance(value, str):
                raise CodecError(field, "must be an ISO 8601 date-time")
            try:
                parsed = datetime.fromisoformat(value)
            except ValueError:
                raise CodecError(field, "must be an ISO 8601 date-time") from None
            if parsed.tzinfo is None:
                raise CodecError(field, "must carry a UTC offset")
            if not 1900 <= parsed.year <= 2999:
                raise CodecError(field, "is out of range")
            return parsed

        return moment
    if isinstance(col_type, Date):

        def day(value: Any) -> date:
            if not isinstance(value, str):
                raise CodecError(field, "must be a date YYYY-MM-DD")
            try:
                parsed = date.fromisoformat(value)
            except ValueError:
                raise CodecError(field, "must be a date YYYY-MM-DD") from None
            if not 1800 <= parsed.year <= 2999:
                raise CodecError(field, "is out of range")
            return parsed

        return day
    if isinstance(col_type, String | SAText):
        max_len = getattr(col_type, "length", None)

        def text(value: Any) -> str:
            if not isinstance(value, str):
                raise CodecError(field, "must be text")
            return _check_text(field, value, max_len)

        return text

    def unsupported(_value: Any) -> Any:  # pragma: no cover
        raise CodecError(field, "has an unsupported type")

    return unsupported


TABLES: dict[str, TableInfo] = _build()


def encode(value: Any) -> Any:
    """A column value → JSON."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def row_to_wire(info: TableInfo, row: Any) -> dict[str, Any]:
    """A result row (mapping) of ``info.table`` → its full JSON state."""
    return {name: encode(row[name]) for name in info.columns}


def _as_fetched(column: Column[Any]) -> bool:
    """Whether the driver's value of ``column`` is its JSON value (text and whole numbers,
    when no result processor applies): neither converted nor encoded."""
    kind = column.type
    return isinstance(kind, String | SAText | Integer) and not isinstance(kind, Enum | Boolean)


def wire_rows(conn: Connection, info: TableInfo, ids: list[str]) -> list[dict[str, Any]]:
    """The full JSON state of the rows of ``info.table`` with these ids (at most 500):
    :func:`row_to_wire` of each row as SQLAlchemy would return it, but built from the
    driver's values, converting (result processor, then :func:`encode`) only the columns
    that need it; a pull's rows are mostly text. On SQLite, whose statement does not run on
    the driver's cursor, :func:`row_to_wire` of SQLAlchemy's rows."""
    statement = rows_by_id(info.name, conn.dialect.name)
    fetched = statement.driver_rows(conn, {"p_ids": ids})
    if fetched is None:  # SQLite: its expanding IN is rendered per execution by SQLAlchemy
        return [row_to_wire(info, row) for row in statement.mappings(conn, {"p_ids": ids})]
    rows, processors = fetched
    names = list(info.columns)
    convert = [
        (i, name, processors[i])
        for i, name in enumerate(names)
        if processors[i] is not None or not _as_fetched(info.columns[name])
    ]
    out = []
    for row in rows:
        wire = dict(zip(names, row, strict=True))
        for i, name, process in convert:
            value = row[i]
            if value is not None:
                wire[name] = encode(process(value) if process is not None else value)
        out.append(wire)
    return out
