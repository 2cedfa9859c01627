"""ZRM measurements (Zelfredzaamheid-Matrix): one assessment, a score per domain."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, SyncMixin, enum_column
from .enums import AssessmentKind


class Assessment(SyncMixin, Base):
    __tablename__ = "assessments"

    household_id: Mapped[str] = mapped_column(ForeignKey("households.id"), nullable=False)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"))  # None = household
    instrument: Mapped[str] = mapped_column(String(64), nullable=False)  # e.g. zrm-2017
    assessed_on: Mapped[date] = mapped_column(Date, nullable=False)
    assessed_by: Mapped[str | None] = mapped_column(String(36))
    kind: Mapped[AssessmentKind] = mapped_column(
        enum_column(AssessmentKind, "assessment_kind"),
        nullable=False,
        default=AssessmentKind.INTERIM,
    )
    note: Mapped[str | None] = mapped_column(Text)

    scores: Mapped[list[Score]] = relationship(back_populates="assessment")

    __table_args__ = (
        Index("ix_assessments_household", "household_id"),
        Index("ix_assessments_person_date", "person_id", "assessed_on"),
        # covering index for goal achievement (migration 0004)
        Index("ix_assessments_person_cover", "person_id", "assessed_on", "deleted", "id"),
    )


class Score(SyncMixin, Base):
    __tablename__ = "scores"

    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessments.id"), nullable=False)
    domain: Mapped[str] = mapped_column(String(64), nullable=False)
    score: Mapped[int] = mapped_column(Integer, nullable=False)
    note: Mapped[str | None] = mapped_column(Text)

    assessment: Mapped[Assessment] = relationship(back_populates="scores")

    __table_args__ = (
        CheckConstraint("score BETWEEN 1 AND 5", name="score_range"),
        UniqueConstraint("assessment_id", "domain", name="uq_scores_assessment_domain"),
        # covering index for goal achievement (migration 0004)
        Index("ix_scores_assessment_cover", "assessment_id", "domain", "deleted", "score"),
    )
