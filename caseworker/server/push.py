"""Push: apply a batch of row changes with a per-field three-way merge (DESIGN.md §3 Sync).

Rules (docs/server.md):
- a field changed only on the device is applied; one changed only on the server stays;
- a field changed on both sides to different values keeps the server's value and a
  ``Conflict`` row records base, server and client values (nothing is dropped);
- ``deleted`` merges the same way with the row version as base: a delete against a row
  the server changed since the device's base (or an edit of a row the server deleted)
  is a conflict on the field ``deleted`` — the server's state stays, the other side's
  field values are still merged in;
- every accepted change, and every conflict, gets its own server sequence number.
A retried batch (same ``batch_id``) is applied once and answered with the stored result.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
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
    delete,
    insert,
    select,
    text,
    tuple_,
    update,
)
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from caseworker.models import SYNC_COLUMNS, ConflictStatus, Role, new_id
from caseworker.sync.protocol import ChangeResult, PushBatch, PushResult, RowChange

from .codec import (
    ADMIN_ONLY_TABLES,
    PARENT_OF,
    TABLES,
    CodecError,
    TableInfo,
    decode,
    encode,
    rows_by_id,
)
from .errors import ApiError, bad_request, conflict, forbidden
from .scope import Principal, in_scope
from .sequence import SequenceAllocator, sequence_locked
from .tables import Batch, ChangeLog, core

Key = tuple[str, str]  # (table, row id)
INSERT_CHUNK = 1000

# statements built once (SQLAlchemy caches their compiled form under a key computed once)
_BATCHES = core(Batch)
_LOG = core(ChangeLog)
_STORED = select(_BATCHES.c.device_id, _BATCHES.c.body_hash, _BATCHES.c.result).where(
    _BATCHES.c.batch_id == bindparam("p_batch")
)
_INSERT_BATCH = insert(_BATCHES)
_LOG_KEYS = tuple_(_LOG.c.table_name, _LOG.c.row_id).in_(bindparam("p_keys", expanding=True))
_LOG_ENTRIES = select(_LOG.c.table_name, _LOG.c.row_id, _LOG.c.household_id, _LOG.c.seq).where(
    _LOG_KEYS
)
_DELETE_LOG_ENTRIES = delete(_LOG).where(_LOG_KEYS)


@dataclass
class _Decoded:
    index: int
    info: TableInfo
    change: RowChange
    changed: dict[str, Any]
    base: dict[str, Any]


@dataclass
class _BatchState:
    rows: dict[Key, dict[str, Any]] = field(default_factory=dict)  # current state per row
    existed: set[Key] = field(default_factory=set)  # rows already on the server
    dirty: dict[Key, int] = field(default_factory=dict)  # row -> seq of its last change
    wanted: list[Key] = field(default_factory=list)  # batch rows and their parents
    log_seqs: dict[Key, int] = field(default_factory=dict)  # their change-log seqs at read
    ordinal_results: set[int] = field(default_factory=set)  # results holding an ordinal
    households: dict[Key, str | None] = field(default_factory=dict)  # row -> household
    new_households: set[str] = field(default_factory=set)


class _Ordinals:
    """Placeholder sequence numbers 1..n, turned into real ones once the lock is held."""

    def __init__(self) -> None:
        self.count = 0

    def next(self) -> int:
        self.count += 1
        return self.count


def body_hash(batch: PushBatch) -> str:
    return hashlib.sha256(batch.model_dump_json().encode("utf-8")).hexdigest()


def _decode(index: int, change: RowChange) -> _Decoded:
    info = TABLES.get(change.table)
    where = f"change {index}"
    if info is None:
        raise bad_request(f"{where}: unknown table {change.table!r}")
    if info.name in ADMIN_ONLY_TABLES:
        raise forbidden(f"{where}: table {info.name} is managed by administrators")
    columns = info.columns
    decoded: dict[str, dict[str, Any]] = {"changed": {}, "base": {}}
    for part, values in (("changed", change.changed), ("base", change.base)):
        for name, value in values.items():
            if name in SYNC_COLUMNS:
                raise bad_request(f"{where}: field {info.name}.{name} is set by the server")
            if name not in info.writable:
                raise bad_request(f"{where}: unknown field {info.name}.{name[:64]!r}")
            if part == "base" and name not in change.changed:
                raise bad_request(f"{where}: base value for unchanged field {info.name}.{name}")
            try:
                decoded[part][name] = decode(info.name, columns[name], value)
            except CodecError as exc:
                raise bad_request(f"{where} ({part}): {exc}") from None
    return _Decoded(index, info, change, decoded["changed"], decoded["base"])


class PushService:
    """Applies one batch in one transaction.

    The merge is computed first without the sequence lock; then the lock is taken, the rows
    read are checked to be unchanged (else the merge is redone under the lock), numbers are
    assigned, written and committed. The lock is thus held only for the writes + commit.
    When the transaction holds the lock already (group commit), the merge runs under it."""

    def __init__(self, session: Session, principal: Principal, now: datetime) -> None:
        self.session = session
        self.principal = principal
        self.now = now

    def push(self, batch: PushBatch) -> tuple[PushResult, bool]:
        """Returns the result and whether it was a replay of an earlier identical batch."""
        if not self.principal.sees_dossiers:
            raise forbidden("administrators do not sync dossier data")
        decoded = [_decode(i, c) for i, c in enumerate(batch.changes)]
        digest = body_hash(batch)
        if sequence_locked(self.session):
            # this transaction holds the lock already (an earlier push of the same group
            # commit): nobody else can write, so merge under it, without a second look
            seq = SequenceAllocator(self.session)
            replay = self._stored(batch.batch_id, digest)
            if replay is not None:
                return replay, True
            state, results, conflicts_made, ordinals = self._merge(decoded)
        else:
            replay = self._stored(batch.batch_id, digest)
            if replay is not None:
                return replay, True
            state, results, conflicts_made, ordinals = self._merge(decoded)
            seq = SequenceAllocator(self.session)  # the lock: serialises with other writers
            replay = self._stored(batch.batch_id, digest)
            if replay is not None:
                return replay, True
            if self._moved(state):  # someone wrote these rows meanwhile: merge again, locked
                state, results, conflicts_made, ordinals = self._merge(decoded)
        self._number(state, results, conflicts_made, seq.start)
        seq.last = seq.start + ordinals.count
        self._write(state, conflicts_made)
        seq.save()
        result = PushResult(
            batch_id=batch.batch_id,
            results=[results[i] for i in range(len(decoded))],
            conflicts=len(conflicts_made),
        )
        try:
            self.session.connection().execute(
                _INSERT_BATCH,
                {
                    "batch_id": batch.batch_id,
                    "device_id": self.principal.device_id,
                    "body_hash": digest,
                    "received_at": self.now,
                    "result": result.model_dump(mode="json"),
                },
            )
        except IntegrityError as exc:
            raise bad_request(f"the batch breaks a database rule: {_constraint(exc)}") from None
        except DBAPIError as exc:
            raise bad_request(
                f"the batch holds a value the database refuses: {_kind(exc)}"
            ) from None
        return result, False

    def _stored(self, batch_id: str, digest: str) -> PushResult | None:
        stored = self.session.connection().execute(_STORED, {"p_batch": batch_id}).first()
        if stored is None:
            return None
        if stored.device_id != self.principal.device_id or stored.body_hash != digest:
            raise conflict("batch_id was already used for a different batch")
        return PushResult.model_validate(stored.result)

    def _merge(
        self, decoded: list[_Decoded]
    ) -> tuple[_BatchState, dict[int, ChangeResult], list[dict[str, Any]], _Ordinals]:
        state = _BatchState()
        self._load(decoded, state)
        self._authorise(decoded, state)
        results: dict[int, ChangeResult] = {}
        conflicts_made: list[dict[str, Any]] = []
        ordinals = _Ordinals()
        for item in sorted(decoded, key=lambda d: (d.info.order, d.index)):
            results[item.index] = self._apply(item, state, ordinals, conflicts_made)
        return state, results, conflicts_made, ordinals

    def _moved(self, state: _BatchState) -> bool:
        """Whether any row read for the merge (or its parent) changed since."""
        now: dict[Key, int] = {}
        conn = self.session.connection()
        for start in range(0, len(state.wanted), 500):
            chunk = state.wanted[start : start + 500]
            for table_name, row_id, _household_id, seq in conn.execute(
                _LOG_ENTRIES, {"p_keys": chunk}
            ):
                now[(table_name, row_id)] = int(seq)
        return now != state.log_seqs

    @staticmethod
    def _number(
        state: _BatchState,
        results: dict[int, ChangeResult],
        conflicts_made: list[dict[str, Any]],
        offset: int,
    ) -> None:
        """Turn the placeholder numbers into real sequence numbers (lock held)."""
        for key, ordinal in state.dirty.items():
            state.dirty[key] = ordinal + offset
            state.rows[key]["version"] = ordinal + offset
        for item in conflicts_made:
            item["version"] += offset
        for index in state.ordinal_results:
            result = results[index]
            results[index] = result.model_copy(update={"version": result.version + offset})

    # --- loading -----------------------------------------------------------------------

    def _load(self, decoded: list[_Decoded], state: _BatchState) -> None:
        by_table: dict[str, set[str]] = {}
        for item in decoded:
            by_table.setdefault(item.info.name, set()).add(item.change.row_id)
        conn = self.session.connection()
        for name, ids in by_table.items():
            statement = rows_by_id(name)
            id_list = list(ids)
            for start in range(0, len(id_list), 500):
                chunk = id_list[start : start + 500]
                for row in conn.execute(statement, {"p_ids": chunk}).mappings():
                    key = (name, row["id"])
                    state.rows[key] = dict(row)
                    state.existed.add(key)
        # the household of every referenced row and parent, from the change log
        wanted: set[Key] = set(state.rows)
        for item in decoded:
            parent = PARENT_OF.get(item.info.name)
            if parent is not None:
                for values in (item.changed, state.rows.get((item.info.name, item.change.row_id))):
                    if values and values.get(parent[0]):
                        wanted.add((parent[1], values[parent[0]]))
        keys: list[Key] = list(wanted)
        state.wanted = keys
        for start in range(0, len(keys), 500):
            key_chunk = keys[start : start + 500]
            for table_name, row_id, household_id, seq in conn.execute(
                _LOG_ENTRIES, {"p_keys": key_chunk}
            ):
                state.households[(table_name, row_id)] = household_id
                state.log_seqs[(table_name, row_id)] = int(seq)
        # the versions of the rows as *read* (a commit may fall between the two reads above;
        # a row's version always equals its change-log seq, so a stale read shows up later)
        for key in state.existed:
            state.log_seqs[key] = int(state.rows[key]["version"])

    def _household_of(self, table: str, values: dict[str, Any], state: _BatchState) -> str | None:
        if table == "households":
            return str(values["id"])
        if "household_id" in TABLES[table].columns:
            hid = values.get("household_id")
            return str(hid) if hid is not None else None
        parent = PARENT_OF.get(table)
        if parent is None:
            return None
        parent_id = values.get(parent[0])
        if parent_id is None:
            return None
        parent_key = (parent[1], parent_id)
        if parent_key in state.rows:
            return self._household_of(parent[1], state.rows[parent_key], state)
        return state.households.get(parent_key)

    # --- authorisation -------------------------------------------------------------------

    def _authorise(self, decoded: list[_Decoded], state: _BatchState) -> None:
        """Every row touched must belong (before and after) to a household in scope.
        Checked before any merge, so nothing of another scope is ever compared or echoed."""
        touched: set[str] = set()
        for item in decoded:
            key = (item.info.name, item.change.row_id)
            if key in state.existed:
                old = state.households.get(key)
                if old is None and item.info.name == "households":
                    old = item.change.row_id
                if old is None:
                    raise forbidden(f"change {item.index}: row is outside your scope")
                touched.add(old)
        # the households the changes point at (new rows, moved rows): checked in the same
        # query, so the merge below needs no query per household
        wanted = set(touched)
        for item in decoded:
            current = state.rows.get((item.info.name, item.change.row_id))
            values = {**current, **item.changed} if current is not None else item.changed
            if item.info.name != "households":
                target = self._household_of(item.info.name, values, state)
                if target is not None:
                    wanted.add(target)
        allowed = in_scope(self.session, self.principal, wanted)
        for item in decoded:
            key = (item.info.name, item.change.row_id)
            if key in state.existed:
                old = state.households.get(key) or item.change.row_id
                if old not in allowed:
                    raise forbidden(f"change {item.index}: row is outside your scope")
        self._allowed = allowed

    def _check_target(self, item: _Decoded, new_state: dict[str, Any], state: _BatchState) -> str:
        where = f"change {item.index}"
        table = item.info.name
        if table == "households":
            team = new_state.get("team_id")
            if team != self.principal.team_id:
                raise forbidden(f"{where}: a household must belong to your own team")
            if (table, item.change.row_id) not in state.existed:
                state.new_households.add(item.change.row_id)
            return item.change.row_id
        household = self._household_of(table, new_state, state)
        if household is None:
            raise bad_request(f"{where}: the row does not belong to a known household")
        if household not in self._allowed and household not in state.new_households:
            # a household the device has not pushed before: check it (once)
            if household in in_scope(self.session, self.principal, [household]):
                self._allowed.add(household)
            else:
                raise forbidden(f"{where}: household is outside your scope")
        return household

    # --- merging -------------------------------------------------------------------------

    def _apply(
        self,
        item: _Decoded,
        state: _BatchState,
        seq: _Ordinals,
        conflicts_made: list[dict[str, Any]],
    ) -> ChangeResult:
        change = item.change
        key = (item.info.name, change.row_id)
        current = state.rows.get(key)
        conflict_fields: list[str] = []
        conflict_values: list[tuple[str, Any, Any, Any]] = []
        if current is None:
            new_state = dict(item.changed)
            new_state["id"] = change.row_id
            new_state["deleted"] = change.deleted
            missing = sorted(item.info.required - new_state.keys())
            if missing:
                raise bad_request(
                    f"change {item.index}: new {item.info.name} row lacks " + ", ".join(missing)
                )
            status = "applied"
            modified = True
        else:
            new_state = dict(current)
            server_moved = current["version"] != change.base_version
            modified = False
            for name, value in item.changed.items():
                server_value = current[name]
                if server_value == value:
                    continue
                if not server_moved or (name in item.base and item.base[name] == server_value):
                    new_state[name] = value
                    modified = True
                else:
                    conflict_fields.append(name)
                    conflict_values.append((name, item.base.get(name), server_value, value))
            if bool(current["deleted"]) != change.deleted:
                if not server_moved:
                    new_state["deleted"] = change.deleted
                    modified = True
                else:
                    conflict_fields.append("deleted")
                    conflict_values.append(
                        ("deleted", not change.deleted, bool(current["deleted"]), change.deleted)
                    )
            if conflict_fields:
                status = "conflict"
            elif not modified:
                status = "unchanged"
            else:
                status = "merged" if server_moved else "applied"
        household = self._check_target(item, new_state, state)
        if current is not None and not modified and not conflict_fields:
            return ChangeResult(
                table=item.info.name,
                row_id=change.row_id,
                status="unchanged",
                version=int(current["version"]),
            )
        if modified:
            version = seq.next()
            state.ordinal_results.add(item.index)
            new_state["version"] = version
            new_state["updated_at"] = self.now
            new_state["updated_by"] = self.principal.user_id
            state.rows[key] = new_state
            state.dirty[key] = version
            state.households[key] = household
        else:
            version = int(new_state["version"])
        conflict_ids = []
        for name, base_value, server_value, client_value in conflict_values:
            conflict_id = new_id()
            conflict_ids.append(conflict_id)
            conflicts_made.append(
                {
                    "id": conflict_id,
                    "version": seq.next(),
                    "updated_at": self.now,
                    "updated_by": self.principal.user_id,
                    "deleted": False,
                    "table_name": item.info.name,
                    "row_id": change.row_id,
                    "household_id": household,
                    "field": name,
                    "base_value": encode(base_value),
                    "server_value": encode(server_value),
                    "client_value": encode(client_value),
                    "client_user_id": self.principal.user_id,
                    "client_device_id": self.principal.device_id,
                    "detected_at": self.now,
                    "status": ConflictStatus.OPEN,
                    "resolved_at": None,
                    "resolved_by": None,
                    "resolution": None,
                }
            )
        return ChangeResult(
            table=item.info.name,
            row_id=change.row_id,
            status=status,  # type: ignore[arg-type]
            version=version,
            conflict_fields=conflict_fields,
            conflict_ids=conflict_ids,
        )

    # --- writing -------------------------------------------------------------------------

    def _write(self, state: _BatchState, conflicts_made: list[dict[str, Any]]) -> None:
        inserts: dict[str, list[dict[str, Any]]] = {}
        updates: dict[str, list[dict[str, Any]]] = {}
        for key in state.dirty:
            table, _row_id = key
            row = state.rows[key]
            bucket = updates if key in state.existed else inserts
            bucket.setdefault(table, []).append(_full_row(TABLES[table], row))
        if conflicts_made:
            inserts.setdefault("conflicts", []).extend(conflicts_made)
        log_rows: list[dict[str, Any]] = [
            {
                "seq": seq,
                "table_name": table,
                "row_id": row_id,
                "household_id": state.households.get((table, row_id)),
                "team_id": None,
            }
            for (table, row_id), seq in state.dirty.items()
        ] + [
            {
                "seq": c["version"],
                "table_name": "conflicts",
                "row_id": c["id"],
                "household_id": c["household_id"],
                "team_id": None,
            }
            for c in conflicts_made
        ]
        conn = self.session.connection()
        try:
            for info in sorted(TABLES.values(), key=lambda i: i.order):
                if info.name in inserts:
                    _insert_many(conn, info.table, inserts[info.name])
            for name, rows in updates.items():
                # one executemany per table (pipelined by psycopg 3)
                conn.execute(_update_by_id(name), [{**row, "p_id": row["id"]} for row in rows])
            dirty_keys = [key for key in state.dirty if key in state.existed]
            for start in range(0, len(dirty_keys), 500):
                conn.execute(_DELETE_LOG_ENTRIES, {"p_keys": dirty_keys[start : start + 500]})
            if log_rows:
                _insert_many(conn, _LOG, log_rows)
        except IntegrityError as exc:
            raise bad_request(f"the batch breaks a database rule: {_constraint(exc)}") from None
        except DBAPIError as exc:
            if isinstance(exc.orig, ApiError):  # pragma: no cover
                raise
            raise bad_request(
                f"the batch holds a value the database refuses: {_kind(exc)}"
            ) from None


@functools.cache
def _insert_into(table: Table) -> Insert:
    return insert(table)


@functools.cache
def _update_by_id(name: str) -> Update:
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


def _insert_many(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
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


def _full_row(info: TableInfo, row: dict[str, Any]) -> dict[str, Any]:
    full: dict[str, Any] = {}
    for name, column in info.columns.items():
        if name in row:
            full[name] = row[name]
        elif column.default is not None and getattr(column.default, "is_scalar", False):
            full[name] = column.default.arg  # type: ignore[attr-defined]
        else:
            full[name] = None
    return full


def _constraint(exc: DBAPIError) -> str:
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


def _kind(exc: DBAPIError) -> str:
    return type(exc.orig).__name__


def role_may_push(role: Role) -> bool:
    return role in (Role.CASEWORKER, Role.TEAM_LEAD)
