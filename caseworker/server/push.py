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
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Delete, bindparam, delete, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from caseworker.models import Role
from caseworker.sync.protocol import PushBatch, PushResult

from .accounts import StoredBatch
from .bulk import constraint_name, error_kind, full_row, insert_many, update_by_id
from .codec import TABLES
from .direct import insert_statement
from .errors import ApiError, bad_request, conflict, forbidden
from .merge import Decoded, Key, Merged, Merger, decode_change, log_key_params, log_keys
from .scope import Principal
from .sequence import SequenceAllocator
from .tables import Batch, ChangeLog, core

# statements built once (SQLAlchemy caches their compiled form under a key computed once)
_BATCHES = core(Batch)
_LOG = core(ChangeLog)
_STORED = select(_BATCHES.c.device_id, _BATCHES.c.body_hash, _BATCHES.c.result).where(
    _BATCHES.c.batch_id == bindparam("p_batch")
)
_INSERT_BATCH = insert_statement(_BATCHES)


@functools.cache
def _delete_log_entries(dialect: str) -> Delete:
    return delete(_LOG).where(log_keys(dialect))


def body_hash(batch: PushBatch) -> str:
    return hashlib.sha256(batch.model_dump_json().encode("utf-8")).hexdigest()


@dataclass
class PreparedPush:
    """A batch decoded and merged in the request's own session, without the sequence
    lock, waiting for a group commit to write it (:mod:`caseworker.server.push_group`)."""

    batch: PushBatch
    principal: Principal
    now: datetime
    digest: str
    merged: Merged
    keys: frozenset[Key]  # the rows it changes, and those the merge read (parents too)

    def moved(self, current: dict[Key, int]) -> bool:
        """Whether any of its rows changed since the merge read them, given the change-log
        seqs ``current`` of (at least) its keys now: a new row that appeared counts too."""
        now = {key: current[key] for key in self.keys if key in current}
        return now != self.merged.state.log_seqs


class PushService:
    """Applies one batch.

    Usually in two steps: :meth:`prepare` decodes and merges it in the request's own
    session without the sequence lock; a group commit then takes the lock, checks that
    the rows read are unchanged and writes it with the other batches of its group
    (:func:`caseworker.server.push_group.write_pushes`). :meth:`push` does it all under the
    lock (a batch whose rows moved meanwhile, or that the group could not write)."""

    def __init__(self, session: Session, principal: Principal, now: datetime) -> None:
        self.session = session
        self.principal = principal
        self.now = now

    def _decode(self, batch: PushBatch) -> list[Decoded]:
        if not self.principal.sees_dossiers:
            raise forbidden("administrators do not sync dossier data")
        return [decode_change(i, c) for i, c in enumerate(batch.changes)]

    def prepare(self, batch: PushBatch, stored: StoredBatch | None) -> PreparedPush | PushResult:
        """Decode and merge ``batch``; or, when ``stored`` (the batch stored under its id, as
        read with the authentication) holds it already, the stored answer (a replay)."""
        decoded = self._decode(batch)
        digest = body_hash(batch)
        if stored is not None:
            return self._replay(stored, digest)
        merged = Merger(self.session, self.principal, self.now).merge(decoded)
        changed = {(item.info.name, item.change.row_id) for item in decoded}
        keys = frozenset(merged.state.wanted).union(changed)
        return PreparedPush(batch, self.principal, self.now, digest, merged, keys)

    def push(self, batch: PushBatch) -> tuple[PushResult, bool]:
        """The whole push under the sequence lock (taken here if this transaction does not
        hold it yet). Returns the result and whether it was a replay of an earlier
        identical batch."""
        decoded = self._decode(batch)
        digest = body_hash(batch)
        seq = SequenceAllocator(self.session)  # the lock: serialises with other writers
        replay = self._stored(batch.batch_id, digest)
        if replay is not None:
            return replay, True
        merged = Merger(self.session, self.principal, self.now).merge(decoded)
        self.number(merged, seq)
        result = self.result(batch, merged)
        writes = Writes()
        writes.add(merged)
        writes.add_batch(self.batch_row(digest, result))
        writes.write(self.session.connection())
        seq.save()
        return result, False

    @staticmethod
    def result(batch: PushBatch, merged: Merged) -> PushResult:
        return PushResult(
            batch_id=batch.batch_id,
            results=[merged.results[i] for i in range(len(batch.changes))],
            conflicts=len(merged.conflicts),
        )

    def batch_row(self, digest: str, result: PushResult) -> dict[str, Any]:
        """The ``server_batches`` row that answers a retry of the batch of ``result``
        (its numbers assigned) and body hash ``digest``."""
        return {
            "batch_id": result.batch_id,
            "device_id": self.principal.device_id,
            "body_hash": digest,
            "received_at": self.now,
            "result": result.model_dump(mode="json"),
        }

    def _stored(self, batch_id: str, digest: str) -> PushResult | None:
        row = self.session.connection().execute(_STORED, {"p_batch": batch_id}).first()
        if row is None:
            return None
        return self._replay(StoredBatch(row.device_id, row.body_hash, row.result), digest)

    def _replay(self, stored: StoredBatch, digest: str) -> PushResult:
        """The stored answer, if the same device sent the same body under that id."""
        if stored.device_id != self.principal.device_id or stored.body_hash != digest:
            raise conflict("batch_id was already used for a different batch")
        return PushResult.model_validate(stored.result)

    @staticmethod
    def number(merged: Merged, seq: SequenceAllocator) -> None:
        """Turn the placeholder numbers into real sequence numbers (lock held), after the
        last number ``seq`` handed out; ``seq`` then stands after the batch's numbers."""
        offset = seq.last
        state, results = merged.state, merged.results
        for key, ordinal in state.dirty.items():
            state.dirty[key] = ordinal + offset
            state.rows[key]["version"] = ordinal + offset
        for item in merged.conflicts:
            item["version"] += offset
        for index in state.ordinal_results:
            result = results[index]
            results[index] = result.model_copy(update={"version": result.version + offset})
        seq.last = offset + merged.ordinals.count


class Writes:
    """The rows of one or more merged batches, written with one statement per table."""

    def __init__(self) -> None:
        self.inserts: dict[str, list[dict[str, Any]]] = {}
        self.updates: dict[str, list[dict[str, Any]]] = {}
        self.log_rows: list[dict[str, Any]] = []
        self.stale_log: list[Key] = []  # change-log entries replaced by new ones
        self.batches: list[dict[str, Any]] = []

    def add(self, merged: Merged) -> None:
        state = merged.state
        for key, seq in state.dirty.items():
            table, row_id = key
            bucket = self.updates if key in state.existed else self.inserts
            bucket.setdefault(table, []).append(full_row(TABLES[table], state.rows[key]))
            self.log_rows.append(
                {
                    "seq": seq,
                    "table_name": table,
                    "row_id": row_id,
                    "household_id": state.households.get(key),
                    "team_id": None,
                }
            )
            if key in state.existed:
                self.stale_log.append(key)
        if merged.conflicts:
            self.inserts.setdefault("conflicts", []).extend(merged.conflicts)
        self.log_rows.extend(
            {
                "seq": c["version"],
                "table_name": "conflicts",
                "row_id": c["id"],
                "household_id": c["household_id"],
                "team_id": None,
            }
            for c in merged.conflicts
        )

    def add_batch(self, row: dict[str, Any]) -> None:
        self.batches.append(row)

    def write(self, conn: Connection) -> None:
        """Write everything; a refused value or broken rule is a 422 that names it."""
        try:
            for info in sorted(TABLES.values(), key=lambda i: i.order):
                if info.name in self.inserts:
                    insert_many(conn, info.table, self.inserts[info.name])
            for name, rows in self.updates.items():
                # one executemany per table (pipelined by psycopg 3)
                conn.execute(update_by_id(name), [{**row, "p_id": row["id"]} for row in rows])
            dialect = conn.dialect.name
            for start in range(0, len(self.stale_log), 500):
                keys = self.stale_log[start : start + 500]
                conn.execute(_delete_log_entries(dialect), log_key_params(dialect, keys))
            if self.log_rows:
                insert_many(conn, _LOG, self.log_rows)
            if self.batches:
                _INSERT_BATCH.execute(conn, self.batches)
        except IntegrityError as exc:
            raise bad_request(f"the batch breaks a database rule: {constraint_name(exc)}") from None
        except DBAPIError as exc:
            if isinstance(exc.orig, ApiError):  # pragma: no cover
                raise
            raise bad_request(
                f"the batch holds a value the database refuses: {error_kind(exc)}"
            ) from None


def role_may_push(role: Role) -> bool:
    return role in (Role.CASEWORKER, Role.TEAM_LEAD)
