"""Group commit for pushes: concurrent pushes share one transaction and one commit.

Every push takes the sequence lock and holds it until its commit (a number is never
visible before all lower ones are committed), so pushes commit one after another and each
waits for the one before it to reach the disk. Here, a push that finds another one
committing queues itself; the next *leader* applies all queued pushes in one transaction,
each in its own savepoint (a refused batch rolls back alone and gets its own error), then
those that queued meanwhile (while it waited for the lock, say), and commits once.
Answers are given only after that commit, so nothing is acknowledged before it is
durable. Per process; processes still serialise on the lock in the database.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Generic, TypeVar

from sqlalchemy.orm import Session, sessionmaker

T = TypeVar("T")
Job = Callable[[Session], T]

MAX_GROUP = 64  # pushes per shared transaction (bounds the work lost to a failed commit)


class GroupCommitter(Generic[T]):
    """Runs jobs (``job(session) -> result``) in shared transactions."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self._leader = threading.Lock()
        self._queue_lock = threading.Lock()
        self._queue: list[tuple[Job[T], Future[T]]] = []

    def run(self, job: Job[T]) -> T:
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

    def _take(self, most: int) -> list[tuple[Job[T], Future[T]]]:
        with self._queue_lock:
            group = self._queue[:most]
            del self._queue[:most]
        return group

    def _run_group(self, group: list[tuple[Job[T], Future[T]]]) -> None:
        """Run ``group`` in one transaction, and with it the jobs queued while it ran (up to
        ``MAX_GROUP`` in all): they would otherwise wait for this commit and then for the
        lock it held, and a group commit of its own. A job alone needs no savepoint (its
        error rolls back everything); the jobs after it each get one."""
        done: list[tuple[Future[T], T]] = []
        alone = len(group) == 1
        taken = len(group)
        try:
            with self._sessions() as session, session.begin():
                while group:
                    for job, future in group:
                        if alone:  # no savepoint: its error rolls back the transaction
                            try:
                                done.append((future, job(session)))
                            except Exception as exc:
                                future.set_exception(exc)
                                raise _Refused from exc
                            continue
                        info = dict(session.info)
                        try:
                            with session.begin_nested():
                                result = job(session)
                        except Exception as exc:  # this batch alone is refused
                            # ... and leaves no trace: what it noted in session.info (e.g.
                            # that it took a lock, which the savepoint's rollback may
                            # release) goes
                            session.info.clear()
                            session.info.update(info)
                            future.set_exception(exc)
                        else:
                            done.append((future, result))
                    alone = False  # jobs taken from now on join with savepoints
                    group = self._take(MAX_GROUP - taken)
                    taken += len(group)
        except _Refused:  # the job alone was refused: its transaction is rolled back
            return
        except BaseException as exc:  # the commit failed: nothing of the group is stored
            for future, _result in done:
                future.set_exception(exc)
            for _job, future in group:
                if not future.done():
                    future.set_exception(exc)
            if not isinstance(exc, Exception):
                raise
            return
        for future, result in done:
            future.set_result(result)


class _Refused(Exception):
    """The job of a group of one failed (its own future holds the error)."""
