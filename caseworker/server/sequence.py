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


_LOCKED = "caseworker.sequence_locked"  # key in Session.info


def sequence_locked(session: Session) -> bool:
    """Whether this session's current transaction has taken the sequence lock. Only a hint
    for the order of work: a caller that sees True still takes the lock (re-entrant, no
    wait) before it reads what it will write."""
    current = session.get_transaction()
    return current is not None and session.info.get(_LOCKED) is current


class SequenceAllocator:
    """Hands out consecutive numbers inside one locked transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session
        row = session.connection().execute(_LOCK).scalar_one()
        session.info[_LOCKED] = session.get_transaction()  # the outermost transaction
        self.start = int(row)
        self.last = self.start

    def next(self) -> int:
        self.last += 1
        return self.last

    def save(self) -> None:
        if self.last != self.start:
            self._session.connection().execute(_SAVE, {"p_last": self.last})


def high_water(session: Session) -> int:
    """The highest committed sequence number (all lower ones are committed too)."""
    return int(session.connection().execute(_READ).scalar_one())
