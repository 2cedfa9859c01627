"""Care episodes (zorgperiodes): each opening and closing of a household's case.

A household's own ``opened_on`` / ``closed_on`` / ``closing_reason`` describe its
current state only (``closing.reopen_case`` clears them); the episodes keep
every period of care, so indicators can count closures, reopenings (relapse)
and sustained exits without reading journal texts.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, SyncMixin


class CareEpisode(SyncMixin, Base):
    """One period of care of a household: opened, and (when closed) closed with a reason."""

    __tablename__ = "care_episodes"

    household_id: Mapped[str] = mapped_column(ForeignKey("households.id"), nullable=False)
    opened_on: Mapped[date] = mapped_column(Date, nullable=False)
    closed_on: Mapped[date | None] = mapped_column(Date)
    closing_reason: Mapped[str | None] = mapped_column(String(64))  # code from reference data
    # The closed episode this one reopens (None for a household's first episode). No
    # foreign key on purpose: sync applies a table's rows in change-sequence order, and a
    # later edit of the earlier episode would then arrive after the episode pointing to it.
    reopened_from_id: Mapped[str | None] = mapped_column(String(36))

    __table_args__ = (
        CheckConstraint("closed_on IS NULL OR closed_on >= opened_on", name="closed_after_opened"),
        CheckConstraint(
            "(closed_on IS NULL) = (closing_reason IS NULL)", name="closed_has_date_and_reason"
        ),
        Index("ix_care_episodes_household", "household_id", "opened_on"),
    )
