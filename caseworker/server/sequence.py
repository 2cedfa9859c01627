"""The server sequence: one counter row, locked by every writer until it commits.

Sequence assignment and commit are therefore serialised (``SELECT ... FOR UPDATE`` on
PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` serialises writers anyway), so a sequence
number never becomes visible before all lower ones are committed.
"""

from __future__ import annotations

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from .tables import Counter, core

_COUNTER = core(Counter)
_LOCK = select(_COUNTER.c.last_seq).where(_COUNTER.c.id == 1).with_for_update()
_READ = select(_COUNTER.c.last_seq).where(_COUNTER.c.id == 1)
_SAVE = update(_COUNTER).where(_COUNTER.c.id == 1).values(last_seq=bindparam("p_last"))


_LOCKED = "caseworker.sequence_locked"  # Session.info: (transaction, counter value)


def _held(session: Session) -> int | None:
    """The counter value, if this session's current transaction holds the lock."""
    held = session.info.get(_LOCKED)
    current = session.get_transaction()
    if held is None or current is None or held[0] is not current:
        return None
    return int(held[1])


def sequence_locked(session: Session) -> bool:
    """Whether this session's current transaction has taken the sequence lock (a hint for
    the order of work: a push that sees True merges after taking the lock, not before)."""
    return _held(session) is not None


class SequenceAllocator:
    """Hands out consecutive numbers inside one locked transaction.

    The first allocator of a transaction locks the counter row (``SELECT … FOR UPDATE``);
    later ones in the same transaction (the pushes of one group commit) start from the
    value the previous one saved, kept in ``Session.info``, without a statement. Only
    allocators write the counter, and a group commit restores ``Session.info`` when it rolls
    back a refused job's savepoint, so the kept value is the one the database holds."""

    def __init__(self, session: Session) -> None:
        self._session = session
        start = _held(session)
        if start is None:
            start = int(session.connection().execute(_LOCK).scalar_one())
        self.start = start
        self.last = start
        self._keep(start)

    def _keep(self, value: int) -> None:
        self._session.info[_LOCKED] = (self._session.get_transaction(), value)

    def next(self) -> int:
        self.last += 1
        return self.last

    def save(self) -> None:
        if self.last != self.start:
            self._session.connection().execute(_SAVE, {"p_last": self.last})
            self._keep(self.last)


def high_water(session: Session) -> int:
    """The highest committed sequence number (all lower ones are committed too)."""
    return int(session.connection().execute(_READ).scalar_one())
