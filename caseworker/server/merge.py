"""Merge: a batch's changes against the rows on the server, per field and three-way (the
rules are in :mod:`caseworker.server.push`). Reads the rows, their households and the
caller's scope, authorises every change and computes the new states, the conflicts and the
results with placeholder sequence numbers; writes nothing."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, String, bindparam, func, select, tuple_
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from caseworker.models import SYNC_COLUMNS, ConflictStatus, new_id
from caseworker.sync.protocol import ChangeResult, RowChange

from .codec import (
    ADMIN_ONLY_TABLES,
    PARENT_OF,
    TABLES,
    CodecError,
    TableInfo,
    encode,
    rows_by_id,
)
from .direct import Direct
from .errors import bad_request, forbidden
from .scope import Principal, in_scope
from .tables import ChangeLog, core

Key = tuple[str, str]  # (table, row id)

_LOG = core(ChangeLog)


@functools.cache
def log_keys(dialect: str) -> ColumnElement[bool]:
    """The change-log entry is one of a list of rows ``(table, row id)``, bound by
    :func:`log_key_params`. On PostgreSQL two array parameters (``unnest``): one statement
    text for every length of the list (see :func:`codec.one_of`)."""
    key = tuple_(_LOG.c.table_name, _LOG.c.row_id)
    if dialect == "postgresql":
        pairs = (
            func.unnest(
                bindparam("p_tables", type_=ARRAY(String)), bindparam("p_rows", type_=ARRAY(String))
            )
            .table_valued("t", "r")
            .render_derived(name="k")
        )
        return key.in_(select(pairs.c.t, pairs.c.r))
    return key.in_(bindparam("p_keys", expanding=True))


def log_key_params(dialect: str, keys: list[Key]) -> dict[str, Any]:
    if dialect == "postgresql":
        return {"p_tables": [t for t, _r in keys], "p_rows": [r for _t, r in keys]}
    return {"p_keys": keys}


@functools.cache
def _log_entries(dialect: str) -> Direct:
    log = _LOG.c
    return Direct(
        select(log.table_name, log.row_id, log.household_id, log.seq).where(log_keys(dialect))
    )


@dataclass
class Decoded:
    index: int
    info: TableInfo
    change: RowChange
    changed: dict[str, Any]
    base: dict[str, Any]


@dataclass
class BatchState:
    rows: dict[Key, dict[str, Any]] = field(default_factory=dict)  # current state per row
    existed: set[Key] = field(default_factory=set)  # rows already on the server
    dirty: dict[Key, int] = field(default_factory=dict)  # row -> seq of its last change
    wanted: list[Key] = field(default_factory=list)  # batch rows and their parents
    log_seqs: dict[Key, int] = field(default_factory=dict)  # their change-log seqs at read
    ordinal_results: set[int] = field(default_factory=set)  # results holding an ordinal
    households: dict[Key, str | None] = field(default_factory=dict)  # row -> household
    new_households: set[str] = field(default_factory=set)


class Ordinals:
    """Placeholder sequence numbers 1..n, turned into real ones once the lock is held."""

    def __init__(self) -> None:
        self.count = 0

    def next(self) -> int:
        self.count += 1
        return self.count


def log_entries(conn: Connection, keys: list[Key]) -> Iterator[tuple[Key, str | None, int]]:
    """The change-log entry (household, seq) of each of ``keys`` that has one."""
    dialect = conn.dialect.name
    statement = _log_entries(dialect)
    for start in range(0, len(keys), 500):
        params = log_key_params(dialect, keys[start : start + 500])
        for table_name, row_id, household_id, seq in statement.rows(conn, params):
            yield (table_name, row_id), household_id, int(seq)


def decode_change(index: int, change: RowChange) -> Decoded:
    info = TABLES.get(change.table)
    where = f"change {index}"
    if info is None:
        raise bad_request(f"{where}: unknown table {change.table!r}")
    if info.name in ADMIN_ONLY_TABLES:
        raise forbidden(f"{where}: table {info.name} is managed by administrators")
    decoders = info.decoders
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
                decoded[part][name] = decoders[name](value)
            except CodecError as exc:
                raise bad_request(f"{where} ({part}): {exc}") from None
    return Decoded(index, info, change, decoded["changed"], decoded["base"])


@dataclass
class Merged:
    """A batch merged: the rows' new states, the results (in batch order, placeholder
    numbers) and the conflicts to record."""

    state: BatchState
    results: dict[int, ChangeResult]
    conflicts: list[dict[str, Any]]
    ordinals: Ordinals


class Merger:
    """Merges one batch for ``principal`` in ``session``'s transaction."""

    def __init__(self, session: Session, principal: Principal, now: datetime) -> None:
        self.session = session
        self.principal = principal
        self.now = now
        self._allowed: set[str] = set()

    def merge(self, decoded: list[Decoded]) -> Merged:
        state = BatchState()
        self._load(decoded, state)
        self._authorise(decoded, state)
        results: dict[int, ChangeResult] = {}
        conflicts_made: list[dict[str, Any]] = []
        ordinals = Ordinals()
        for item in sorted(decoded, key=lambda d: (d.info.order, d.index)):
            results[item.index] = self._apply(item, state, ordinals, conflicts_made)
        return Merged(state, results, conflicts_made, ordinals)

    # --- loading -----------------------------------------------------------------------

    def _load(self, decoded: list[Decoded], state: BatchState) -> None:
        by_table: dict[str, set[str]] = {}
        for item in decoded:
            by_table.setdefault(item.info.name, set()).add(item.change.row_id)
        conn = self.session.connection()
        for name, ids in by_table.items():
            statement = rows_by_id(name, conn.dialect.name)
            id_list = list(ids)
            for start in range(0, len(id_list), 500):
                chunk = id_list[start : start + 500]
                for row in statement.mappings(conn, {"p_ids": chunk}):
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
        for key, household_id, seq in log_entries(conn, keys):
            state.households[key] = household_id
            state.log_seqs[key] = seq
        # the versions of the rows as *read* (a commit may fall between the two reads above;
        # a row's version always equals its change-log seq, so a stale read shows up later)
        for key in state.existed:
            state.log_seqs[key] = int(state.rows[key]["version"])

    def _household_of(self, table: str, values: dict[str, Any], state: BatchState) -> str | None:
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

    def _authorise(self, decoded: list[Decoded], state: BatchState) -> None:
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

    def _check_target(self, item: Decoded, new_state: dict[str, Any], state: BatchState) -> str:
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
        item: Decoded,
        state: BatchState,
        seq: Ordinals,
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
