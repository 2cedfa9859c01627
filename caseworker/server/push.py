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

import hashlib
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, insert, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from caseworker.models import Role
from caseworker.sync.protocol import PushBatch, PushResult

from .accounts import StoredBatch
from .bulk import constraint_name, error_kind, full_row, insert_many, update_by_id
from .codec import TABLES
from .errors import ApiError, bad_request, conflict, forbidden
from .merge import LOG_KEYS, BatchState, Merged, Merger, decode_change, log_entries
from .scope import Principal
from .sequence import SequenceAllocator, sequence_locked
from .tables import Batch, ChangeLog, core

# statements built once (SQLAlchemy caches their compiled form under a key computed once)
_BATCHES = core(Batch)
_LOG = core(ChangeLog)
_STORED = select(_BATCHES.c.device_id, _BATCHES.c.body_hash, _BATCHES.c.result).where(
    _BATCHES.c.batch_id == bindparam("p_batch")
)
_INSERT_BATCH = insert(_BATCHES)
_DELETE_LOG_ENTRIES = delete(_LOG).where(LOG_KEYS)


def body_hash(batch: PushBatch) -> str:
    return hashlib.sha256(batch.model_dump_json().encode("utf-8")).hexdigest()


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

    def push(self, batch: PushBatch, stored: StoredBatch | None) -> tuple[PushResult, bool]:
        """Returns the result and whether it was a replay of an earlier identical batch.
        ``stored`` is the batch stored under ``batch.batch_id`` as read in this transaction
        (with the authentication, :func:`accounts.device_for_token`)."""
        if not self.principal.sees_dossiers:
            raise forbidden("administrators do not sync dossier data")
        decoded = [decode_change(i, c) for i, c in enumerate(batch.changes)]
        digest = body_hash(batch)
        if stored is not None:
            return self._replay(stored, digest), True
        merger = Merger(self.session, self.principal, self.now)
        if sequence_locked(self.session):
            # this transaction holds the lock already (an earlier push of the same group
            # commit; ``stored`` was read under it): nobody else can write, so merge under
            # it, without a second look
            seq = SequenceAllocator(self.session)
            merged = merger.merge(decoded)
        else:
            merged = merger.merge(decoded)
            seq = SequenceAllocator(self.session)  # the lock: serialises with other writers
            replay = self._stored(batch.batch_id, digest)
            if replay is not None:
                return replay, True
            if self._moved(merged.state):  # someone wrote these rows meanwhile: merge again
                merged = merger.merge(decoded)
        self._number(merged, seq.start)
        seq.last = seq.start + merged.ordinals.count
        self._write(merged.state, merged.conflicts)
        seq.save()
        result = PushResult(
            batch_id=batch.batch_id,
            results=[merged.results[i] for i in range(len(decoded))],
            conflicts=len(merged.conflicts),
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
            raise bad_request(f"the batch breaks a database rule: {constraint_name(exc)}") from None
        except DBAPIError as exc:
            raise bad_request(
                f"the batch holds a value the database refuses: {error_kind(exc)}"
            ) from None
        return result, False

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

    def _moved(self, state: BatchState) -> bool:
        """Whether any row read for the merge (or its parent) changed since."""
        now = {
            key: seq
            for key, _household, seq in log_entries(self.session.connection(), state.wanted)
        }
        return now != state.log_seqs

    @staticmethod
    def _number(merged: Merged, offset: int) -> None:
        """Turn the placeholder numbers into real sequence numbers (lock held)."""
        state, results = merged.state, merged.results
        for key, ordinal in state.dirty.items():
            state.dirty[key] = ordinal + offset
            state.rows[key]["version"] = ordinal + offset
        for item in merged.conflicts:
            item["version"] += offset
        for index in state.ordinal_results:
            result = results[index]
            results[index] = result.model_copy(update={"version": result.version + offset})

    # --- writing -------------------------------------------------------------------------

    def _write(self, state: BatchState, conflicts_made: list[dict[str, Any]]) -> None:
        inserts: dict[str, list[dict[str, Any]]] = {}
        updates: dict[str, list[dict[str, Any]]] = {}
        for key in state.dirty:
            table, _row_id = key
            row = state.rows[key]
            bucket = updates if key in state.existed else inserts
            bucket.setdefault(table, []).append(full_row(TABLES[table], row))
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
                    insert_many(conn, info.table, inserts[info.name])
            for name, rows in updates.items():
                # one executemany per table (pipelined by psycopg 3)
                conn.execute(update_by_id(name), [{**row, "p_id": row["id"]} for row in rows])
            dirty_keys = [key for key in state.dirty if key in state.existed]
            for start in range(0, len(dirty_keys), 500):
                conn.execute(_DELETE_LOG_ENTRIES, {"p_keys": dirty_keys[start : start + 500]})
            if log_rows:
                insert_many(conn, _LOG, log_rows)
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
