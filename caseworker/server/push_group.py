"""Writing a group commit's pushes together (the ``apply`` of the push committer).

Each push was decoded and merged in its request's own session, without the sequence
lock (:meth:`PushService.prepare`). Under the lock the group then only
- reads, in one query each, the batches already stored under its batch ids and the
  change-log seqs of every row the merges read or change;
- numbers the batches whose rows are unchanged since their merge, and that share no row
  with an earlier batch of the group, and writes them together: one statement per table
  for all of them, in a savepoint;
- runs the others one by one, each merged again under the lock in a savepoint of its own
  (:meth:`PushService.push`): a retried batch, a row written meanwhile, a row two batches
  of the group change, or a group write the database refused (whichever batch broke the
  rule gets its 422 alone).
So the lock is held for a few statements per group instead of a dozen per push, and the
merges of concurrent pushes run side by side.
"""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from caseworker.sync.protocol import PushResult

from . import audit_log
from .codec import one_of
from .combine import Refused, in_savepoint
from .direct import Direct
from .errors import ApiError
from .merge import Key, log_entries
from .push import PreparedPush, PushService, Writes
from .sequence import SequenceAllocator
from .tables import Batch, core

_BATCHES = core(Batch)


def push_audit(result: PushResult, replay: bool, **who: Any) -> dict[str, Any]:
    """The audit event of one push (ids and counts only; ``who``: ``now`` and
    ``principal``)."""
    return audit_log.audit_row(
        action="push",
        object_type="batch",
        object_id=result.batch_id,
        detail={
            "changes": len(result.results),
            "conflicts": result.conflicts,
            "replay": replay,
        },
        **who,
    )


@functools.cache
def _stored_statement(dialect: str) -> Direct:
    return Direct(select(_BATCHES.c.batch_id).where(one_of(_BATCHES.c.batch_id, "p_ids", dialect)))


def _stored_ids(session: Session, batch_ids: list[str]) -> set[str]:
    """Those of ``batch_ids`` stored already (one query)."""
    conn = session.connection()
    statement = _stored_statement(conn.dialect.name)
    found: set[str] = set()
    for start in range(0, len(batch_ids), 500):
        chunk = batch_ids[start : start + 500]
        found.update(row[0] for row in statement.rows(conn, {"p_ids": chunk}))
    return found


def write_pushes(
    session: Session, jobs: list[PreparedPush], first: bool
) -> list[PushResult | Refused]:
    """Write ``jobs`` (prepared pushes) in ``session``'s transaction, under the lock."""
    seq = SequenceAllocator(session)  # the lock (or its value, later in the transaction)
    stored = _stored_ids(session, [job.batch.batch_id for job in jobs])
    keys: list[Key] = sorted(set().union(*(job.keys for job in jobs)))
    current = {key: seq_ for key, _household, seq_ in log_entries(session.connection(), keys)}
    together: list[int] = []
    alone: list[int] = []
    taken: set[Key] = set()
    ids: set[str] = set()
    for index, job in enumerate(jobs):
        batch_id = job.batch.batch_id
        if batch_id in stored or batch_id in ids or job.moved(current) or job.keys & taken:
            alone.append(index)
            continue
        together.append(index)
        taken.update(job.keys)
        ids.add(batch_id)
    outcomes: dict[int, PushResult | Refused] = {}
    if together:
        written = _write_together(session, [jobs[i] for i in together], seq, first and not alone)
        if written is None:
            alone = sorted(alone + together)  # the database refused: find out whose it was
        else:
            outcomes.update(zip(together, written, strict=True))
    for index in alone:
        outcomes[index] = in_savepoint(session, functools.partial(_push_alone, job=jobs[index]))
    return [outcomes[index] for index in range(len(jobs))]


def _write_together(
    session: Session, jobs: list[PreparedPush], seq: SequenceAllocator, lone: bool
) -> list[PushResult] | None:
    """Number and write ``jobs`` with one statement per table; their results. None when
    the database refused the write (nothing of it stays; the jobs are to be run alone).
    ``lone``: the only jobs of the transaction, so no savepoint is needed (a refusal rolls
    back everything, and the lone job's 422 is raised)."""
    before = seq.last
    writes = Writes()
    audit: list[dict[str, Any]] = []
    results: list[PushResult] = []
    for job in jobs:
        PushService.number(job.merged, seq)
        result = PushService.result(job.batch, job.merged)
        results.append(result)
        writes.add(job.merged)
        writes.add_batch(PushService(session, job.principal, job.now).batch_row(job.digest, result))
        audit.append(push_audit(result, False, now=job.now, principal=job.principal))
    if lone and len(jobs) == 1:
        writes.write(session.connection())
        audit_log.write_audit(session.connection(), audit)
        seq.save()
        return results
    try:
        with session.begin_nested():
            conn = session.connection()  # in the savepoint (the session begins it lazily)
            writes.write(conn)
            audit_log.write_audit(conn, audit)
    except (ApiError, DBAPIError):
        seq.last = before
        return None
    seq.save()
    return results


def _push_alone(session: Session, *, job: PreparedPush) -> PushResult:
    """One push merged and written again under the lock (in the caller's savepoint)."""
    result, replay = PushService(session, job.principal, job.now).push(job.batch)
    audit_log.write_audit(
        session.connection(),
        [push_audit(result, replay, now=job.now, principal=job.principal)],
    )
    return result
