"""Group commit for pushes: concurrent pushes share one transaction and one commit.

Every push takes the sequence lock and holds it until its commit (a number is never
visible before all lower ones are committed), so pushes commit one after another and each
waits for the one before it to reach the disk. Here, a push that finds another one
committing queues itself; the next *leader* applies all queued pushes in one transaction,
each in its own savepoint (a refused batch rolls back alone and gets its own error), and
commits once. Answers are given only after that commit, so nothing is acknowledged before
it is durable. Per process; processes still serialise on the lock in the database.
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
                with self._queue_lock:
                    group = self._queue[:MAX_GROUP]
                    del self._queue[:MAX_GROUP]
                if group:
                    self._run_group(group)
        return future.result()

    def _run_group(self, group: list[tuple[Job[T], Future[T]]]) -> None:
        if len(group) == 1:  # alone: no savepoint needed, an error rolls back everything
            job, future = group[0]
            try:
                with self._sessions() as session, session.begin():
                    result = job(session)
            except Exception as exc:
                future.set_exception(exc)
            except BaseException as exc:
                future.set_exception(exc)
                raise
            else:
                future.set_result(result)
            return
        done: list[tuple[Future[T], T]] = []
        try:
            with self._sessions() as session, session.begin():
                for job, future in group:
                    info = dict(session.info)
                    try:
                        with session.begin_nested():
                            result = job(session)
                    except Exception as exc:  # this batch alone is refused
                        # ... and leaves no trace: what it noted in session.info (e.g. that
                        # it took a lock, which the savepoint's rollback may release) goes
                        session.info.clear()
                        session.info.update(info)
                        future.set_exception(exc)
                    else:
                        done.append((future, result))
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
