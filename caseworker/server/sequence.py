"""The server sequence: one counter row, locked by every writer until it commits.

Sequence assignment and commit are therefore serialised (``SELECT ... FOR UPDATE`` on
PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` serialises writers anyway), so a sequence
number never becomes visible before all lower ones are committed.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, event, select, update
from sqlalchemy.orm import Session, SessionTransaction

from .direct import Direct
from .tables import Counter, core

_COUNTER = core(Counter)
_LOCK = Direct(select(_COUNTER.c.last_seq).where(_COUNTER.c.id == 1).with_for_update())
_READ = select(_COUNTER.c.last_seq).where(_COUNTER.c.id == 1)
_SAVE = Direct(update(_COUNTER).where(_COUNTER.c.id == 1).values(last_seq=bindparam("p_last")))


_LOCKED = "caseworker.sequence_locked"  # Session.info: _Held of the current transaction


@dataclass(frozen=True)
class _Held:
    """The lock held by ``transaction``: the counter's value, and whether that value still
    has to be written to the row (before the commit)."""

    transaction: SessionTransaction
    value: int
    unsaved: bool = False


def _held(session: Session) -> _Held | None:
    """The lock, if this session's current transaction holds it."""
    held = session.info.get(_LOCKED)
    current = session.get_transaction()
    if held is None or current is None or held.transaction is not current:
        return None
    assert isinstance(held, _Held)
    return held


def sequence_locked(session: Session) -> bool:
    """Whether this session's current transaction has taken the sequence lock (a hint for
    the order of work: a push that sees True merges after taking the lock, not before)."""
    return _held(session) is not None


def _write_counter(session: Session) -> None:
    """``before_commit``: write the counter once, when the whole transaction commits (not at
    the release of a savepoint, which fires this too)."""
    held = _held(session)
    if held is None or not held.unsaved or session.in_nested_transaction():
        return
    _SAVE.execute(session.connection(), {"p_last": held.value})
    session.info[_LOCKED] = _Held(held.transaction, held.value)


class SequenceAllocator:
    """Hands out consecutive numbers inside one locked transaction.

    The first allocator of a transaction locks the counter row (``SELECT … FOR UPDATE``);
    later ones in the same transaction (the pushes of one group commit) start from the
    value the previous one saved, kept in ``Session.info``, without a statement. Only
    allocators change the counter, and a group commit restores ``Session.info`` when it
    rolls back a refused job's savepoint, so the kept value is always that of the jobs that
    stay. The row itself is written once per transaction, just before it commits (one
    ``UPDATE`` per group commit instead of one per push); the lock is held until then."""

    def __init__(self, session: Session) -> None:
        self._session = session
        held = _held(session)
        if held is None:
            (start,) = _LOCK.rows(session.connection(), {})[0]
            session.info[_LOCKED] = _Held(self._transaction(), start)
            if not event.contains(session, "before_commit", _write_counter):
                event.listen(session, "before_commit", _write_counter)
        else:
            start = held.value
        self.start = start
        self.last = start

    def _transaction(self) -> SessionTransaction:
        transaction = self._session.get_transaction()
        assert transaction is not None
        return transaction

    def next(self) -> int:
        self.last += 1
        return self.last

    def save(self) -> None:
        """Keep the last number handed out; it is written to the counter row before the
        transaction commits (and forgotten with it when it rolls back)."""
        if self.last != self.start:
            self._session.info[_LOCKED] = _Held(self._transaction(), self.last, unsaved=True)


def high_water(session: Session) -> int:
    """The highest committed sequence number (all lower ones are committed too)."""
    return int(session.connection().execute(_READ).scalar_one())
