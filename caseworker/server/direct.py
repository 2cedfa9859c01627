"""Statements of the sync path run on the driver's cursor, past SQLAlchemy's execution
layer.

A sync runs about ten statements; for each, SQLAlchemy's execution context and result
object cost about as much CPU as psycopg itself (measured: half of a statement's 0.35 ms
on the server). A :class:`Direct` statement is compiled once per dialect by SQLAlchemy and
then executed on the connection's DBAPI cursor with the same parameter and result
conversions SQLAlchemy would apply (its types' bind and result processors), inside the
SQLAlchemy connection's transaction. Driver errors are raised as SQLAlchemy raises them
(wrapped, and a lost connection invalidated), and ``before_cursor_execute`` listeners see
the statement as usual. A form SQLAlchemy must render per execution (an expanding
``IN``) runs through SQLAlchemy as before.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    CompoundSelect,
    Connection,
    Dialect,
    Insert,
    Select,
    Table,
    TextClause,
    Update,
    bindparam,
    insert,
)


@dataclass
class _Form:
    sql: str
    positional: tuple[str, ...] | None  # qmark drivers: parameter names in order
    defaults: dict[str, Any]  # values bound in the statement itself (e.g. ``id = 1``)
    binds: dict[str, Callable[[Any], Any]]  # bind processors by parameter name
    keys: tuple[str, ...]  # result column names
    types: tuple[Any, ...]  # result column types
    results: list[Callable[[Any], Any] | None] | None = field(default=None)  # per column


Statement = Select[Any] | CompoundSelect[Any] | Insert | Update | TextClause


class Direct:
    """One statement built once; :meth:`rows` / :meth:`mappings` execute a SELECT on
    ``conn``, :meth:`execute` one without results (for each of several parameter sets).
    An ``INSERT`` must name its values (``.values(column=bindparam(...))``), so that its
    text does not depend on the parameters given."""

    def __init__(self, statement: Statement) -> None:
        self.statement = statement
        self._forms: dict[Dialect, _Form | None] = {}
        self._lock = threading.Lock()

    def _form(self, dialect: Dialect) -> _Form | None:
        try:
            return self._forms[dialect]
        except KeyError:
            pass
        compiled = self.statement.compile(dialect=dialect)
        form: _Form | None = None
        if not compiled.post_compile_params and not compiled.literal_execute_params:
            processors = dict(getattr(compiled, "_bind_processors", {}))
            columns = getattr(compiled, "_result_columns", [])
            form = _Form(
                sql=compiled.string,
                positional=tuple(compiled.positiontup) if compiled.positiontup else None,
                defaults={
                    name: bind.value
                    for bind, name in compiled.bind_names.items()
                    if bind.value is not None and bind.callable is None
                },
                binds=processors,
                keys=tuple(str(column[0]) for column in columns),
                types=tuple(column[3] for column in columns),
            )
        with self._lock:
            self._forms[dialect] = form
        return form

    def rows(self, conn: Connection, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """All rows, as tuples of converted values."""
        form = self._form(conn.dialect)
        if form is None:
            return [tuple(row) for row in conn.execute(self.statement, dict(params))]
        fetched, results = self._run(conn, form, [self._bind(form, params)], fetch=True)
        if not any(results):
            return [tuple(row) for row in fetched]
        return [
            tuple(
                value if process is None or value is None else process(value)
                for process, value in zip(results, row, strict=True)
            )
            for row in fetched
        ]

    def driver_rows(
        self, conn: Connection, params: Mapping[str, Any]
    ) -> tuple[list[Any], list[Callable[[Any], Any] | None]] | None:
        """All rows as the driver gives them, and the result processor of each column
        (``None``: the value as it is), for a caller that converts only the columns it
        must; ``None`` for a statement that does not run on the driver's cursor."""
        form = self._form(conn.dialect)
        if form is None:
            return None
        return self._run(conn, form, [self._bind(form, params)], fetch=True)

    def execute(self, conn: Connection, params: list[dict[str, Any]] | dict[str, Any]) -> None:
        """Run a statement without results, once per parameter set (executemany)."""
        many = params if isinstance(params, list) else [params]
        if not many:
            return
        form = self._form(conn.dialect)
        if form is None:
            conn.execute(self.statement, many if isinstance(params, list) else params)
            return
        self._run(conn, form, [self._bind(form, one) for one in many], fetch=False)

    @staticmethod
    def _bind(form: _Form, params: Mapping[str, Any]) -> Sequence[Any] | dict[str, Any]:
        args: dict[str, Any] = {**form.defaults, **params}
        for name, process in form.binds.items():
            if name in args:
                args[name] = process(args[name])
        if form.positional is not None:
            return [args[name] for name in form.positional]
        return args

    @staticmethod
    def _run(
        conn: Connection, form: _Form, bound: list[Any], *, fetch: bool
    ) -> tuple[list[Any], list[Callable[[Any], Any] | None]]:
        proxied = conn.connection  # begins the transaction SQLAlchemy tracks, if not yet
        cursor = proxied.cursor()
        many = len(bound) > 1
        parameters: Any = bound if many else bound[0]
        try:
            if conn._has_events or conn.engine._has_events:
                conn.dispatch.before_cursor_execute(conn, cursor, form.sql, parameters, None, many)
            if many:
                cursor.executemany(form.sql, bound)
            else:
                cursor.execute(form.sql, bound[0])
            if not fetch:
                return [], []
            fetched = list(cursor.fetchall())
            results = form.results
            if results is None:
                description = cursor.description or ()
                results = [
                    type_._cached_result_processor(conn.dialect, column[1])
                    for type_, column in zip(form.types, description, strict=False)
                ]
                form.results = results
            return fetched, results
        except conn.dialect.loaded_dbapi.Error as exc:
            conn._handle_dbapi_exception(exc, form.sql, parameters, cursor, None)  # raises
            raise  # pragma: no cover
        finally:
            cursor.close()

    def mappings(self, conn: Connection, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """All rows, as dicts by column name."""
        keys = self._keys(conn.dialect)
        return [dict(zip(keys, row, strict=True)) for row in self.rows(conn, params)]

    def first(self, conn: Connection, params: Mapping[str, Any]) -> tuple[Any, ...] | None:
        rows = self.rows(conn, params)
        return rows[0] if rows else None

    def _keys(self, dialect: Dialect) -> tuple[str, ...]:
        form = self._form(dialect)
        if form is not None:
            return form.keys
        assert isinstance(self.statement, Select | CompoundSelect), "mappings of a SELECT only"
        return tuple(str(column.key) for column in self.statement.selected_columns)


def insert_statement(table: Table, *, skip: tuple[str, ...] = ()) -> Direct:
    """``INSERT INTO table (every column but ``skip``) VALUES (:column, …)``, nothing
    returned: one text whatever the parameters (a :class:`Direct` statement)."""
    values: dict[str, Any] = {
        c.name: bindparam(c.name) for c in table.columns if c.name not in skip
    }
    return Direct(insert(table).values(values).inline())
