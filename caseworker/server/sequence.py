"""The server sequence: one counter row, locked by every writer until it commits.

Sequence assignment and commit are therefore serialised (``SELECT ... FOR UPDATE`` on
PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` serialises writers anyway), so a sequence
number never becomes visible before all lower ones are committed.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from .tables import Counter


class SequenceAllocator:
    """Hands out consecutive numbers inside one locked transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session
        row = session.execute(
            select(Counter.last_seq).where(Counter.id == 1).with_for_update()
        ).scalar_one()
        self.start = int(row)
        self.last = self.start

    def next(self) -> int:
        self.last += 1
        return self.last

    def save(self) -> None:
        if self.last != self.start:
            self._session.execute(update(Counter).where(Counter.id == 1).values(last_seq=self.last))


def high_water(session: Session) -> int:
    """The highest committed sequence number (all lower ones are committed too)."""
    return int(session.execute(select(Counter.last_seq).where(Counter.id == 1)).scalar_one())
