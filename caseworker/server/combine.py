"""Group commit for pushes: concurrent pushes share one transaction and one commit.

Every push takes the sequence lock and holds it until its commit (a number is never
visible before all lower ones are committed), so pushes commit one after another and each
waits for the one before it to reach the disk. Here, a push that finds another one
committing queues itself; the next *leader* applies all queued pushes in one transaction
(by the committer's ``apply``: one after another each in its own savepoint, or written
together), then those that queued meanwhile (while it waited for the lock, say), and
commits once. A refused push gets its own error and leaves no trace. Answers are given
only after that commit, so nothing is acknowledged before it is durable. Per process;
processes still serialise on the lock in the database.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy.orm import Session, sessionmaker

J = TypeVar("J")
T = TypeVar("T")
Job = Callable[[Session], T]

MAX_GROUP = 64  # jobs per shared transaction (bounds the work lost to a failed commit)


@dataclass(frozen=True)
class Refused:
    """The outcome of a job refused alone (its error); the others of its group go on."""

    error: Exception


# apply(session, jobs, first) -> one outcome per job, in order. ``first``: these are the
# first jobs of the transaction (a lone first job may run without a savepoint, its error
# raised: everything of the transaction is its own). An error raised by ``apply`` rolls
# back the whole transaction and is the answer of every job in it.
Apply = Callable[[Session, list[J], bool], list["T | Refused"]]


def each_in_savepoint(session: Session, jobs: list[Job[T]], first: bool) -> list[T | Refused]:
    """Run callables ``job(session)`` one after another, each in its own savepoint, so a
    refused one rolls back alone. A job alone at the start needs no savepoint (its error
    rolls back the transaction, which holds nothing else)."""
    if first and len(jobs) == 1:
        return [jobs[0](session)]
    return [in_savepoint(session, job) for job in jobs]


def in_savepoint(session: Session, job: Job[T]) -> T | Refused:
    """``job(session)`` in a savepoint; its error rolls back the savepoint and is returned.
    What the job noted in ``session.info`` (e.g. that it took a lock, which the rollback
    may release) goes with it."""
    info = dict(session.info)
    try:
        with session.begin_nested():
            return job(session)
    except Exception as exc:
        session.info.clear()
        session.info.update(info)
        return Refused(exc)


class GroupCommitter(Generic[J, T]):
    """Runs jobs in shared transactions, by ``apply`` (default: callables, each in its own
    savepoint, :func:`each_in_savepoint`)."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        apply: Apply[J, T] = each_in_savepoint,  # type: ignore[assignment]
    ) -> None:
        self._sessions = sessions
        self._apply = apply
        self._leader = threading.Lock()
        self._queue_lock = threading.Lock()
        self._queue: list[tuple[J, Future[T]]] = []

    def run(self, job: J) -> T:
        future: Future[T] = Future()
        with self._queue_lock:
            self._queue.append((job, future))
        while not future.done():
            with self._leader:
                if future.done():
                    break
                group = self._take(MAX_GROUP)
                if group:
                    self._run_group(group)
        return future.result()

    def _take(self, most: int) -> list[tuple[J, Future[T]]]:
        with self._queue_lock:
            group = self._queue[:most]
            del self._queue[:most]
        return group

    def _run_group(self, group: list[tuple[J, Future[T]]]) -> None:
        """Run ``group`` in one transaction, and with it the jobs queued while it ran (up to
        ``MAX_GROUP`` in all): they would otherwise wait for this commit and then for the
        lock it held, and a group commit of its own."""
        done: list[tuple[Future[T], T]] = []
        first = True
        taken = len(group)
        try:
            with self._sessions() as session, session.begin():
                while group:
                    outcomes = self._apply(session, [job for job, _future in group], first)
                    for (_job, future), outcome in zip(group, outcomes, strict=True):
                        if isinstance(outcome, Refused):  # this job alone is refused
                            future.set_exception(outcome.error)
                        else:
                            done.append((future, outcome))
                    first = False
                    group = self._take(MAX_GROUP - taken)
                    taken += len(group)
        except BaseException as exc:  # refused as a whole, or the commit failed: nothing
            for future, _result in done:  # of the transaction is stored
                future.set_exception(exc)
            for _job, future in group:
                if not future.done():
                    future.set_exception(exc)
            if not isinstance(exc, Exception):
                raise
            return
        for future, result in done:
            future.set_result(result)
