"""Journal entries and the client-experience questions at closure (seed 001)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, SyncMixin


class JournalEntry(SyncMixin, Base):
    """One journal line. Separate rows so concurrent additions never conflict."""

    __tablename__ = "journal_entries"

    household_id: Mapped[str] = mapped_column(ForeignKey("households.id"), nullable=False)
    author_id: Mapped[str | None] = mapped_column(String(36))
    written_at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(32), nullable=False, default="note")
    text: Mapped[str] = mapped_column(Text, nullable=False)

    __table_args__ = (
        CheckConstraint("length(trim(text)) > 0", name="text_not_empty"),
        Index("ix_journal_entries_household_written", "household_id", "written_at"),
    )


_EXPERIENCE_FIELDS = (
    "own_control",  # eigen regie
    "self_reliance",  # zelfredzaamheid
    "quality_of_life",  # kwaliteit van leven
    "fits_request",  # ondersteuning past bij de hulpvraag
    "support_quality",  # kwaliteit van de ondersteuning
)


class ClientExperience(SyncMixin, Base):
    """Cliëntervaring at closure: five questions on a 1-5 scale (seed 001)."""

    __tablename__ = "client_experiences"

    household_id: Mapped[str] = mapped_column(ForeignKey("households.id"), nullable=False)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"))
    recorded_on: Mapped[date] = mapped_column(Date, nullable=False)
    own_control: Mapped[int | None] = mapped_column(Integer)
    self_reliance: Mapped[int | None] = mapped_column(Integer)
    quality_of_life: Mapped[int | None] = mapped_column(Integer)
    fits_request: Mapped[int | None] = mapped_column(Integer)
    support_quality: Mapped[int | None] = mapped_column(Integer)
    remark: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        *(
            CheckConstraint(f"{name} IS NULL OR {name} BETWEEN 1 AND 5", name=f"{name}_range")
            for name in _EXPERIENCE_FIELDS
        ),
        Index("ix_client_experiences_household", "household_id"),
    )


EXPERIENCE_FIELDS = _EXPERIENCE_FIELDS
