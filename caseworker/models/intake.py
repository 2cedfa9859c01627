"""Referral and the five-step intake of seed 003, with safety signals."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, SyncMixin, enum_column
from .enums import IntakeStatus, IntakeStep, SafetySignalKind, Urgency


class Referral(SyncMixin, Base):
    """Aanmelding: who brought the household in, with what question."""

    __tablename__ = "referrals"

    household_id: Mapped[str] = mapped_column(ForeignKey("households.id"), nullable=False)
    referral_source: Mapped[str] = mapped_column(String(64), nullable=False)  # reference code
    referrer_name: Mapped[str | None] = mapped_column(String(200))  # organisation or person
    received_on: Mapped[date] = mapped_column(Date, nullable=False)
    presented_question: Mapped[str | None] = mapped_column(Text)
    urgency: Mapped[Urgency] = mapped_column(
        enum_column(Urgency, "urgency"), nullable=False, default=Urgency.NORMAL
    )

    __table_args__ = (Index("ix_referrals_household", "household_id"),)


class Intake(SyncMixin, Base):
    """One intake conversation, resumable at any step (a draft is saved at every change)."""

    __tablename__ = "intakes"

    household_id: Mapped[str] = mapped_column(ForeignKey("households.id"), nullable=False)
    referral_id: Mapped[str | None] = mapped_column(ForeignKey("referrals.id"))
    caseworker_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    status: Mapped[IntakeStatus] = mapped_column(
        enum_column(IntakeStatus, "intake_status"), nullable=False, default=IntakeStatus.DRAFT
    )
    current_step: Mapped[IntakeStep] = mapped_column(
        enum_column(IntakeStep, "intake_step"), nullable=False, default=IntakeStep.FIRST_CONTACT
    )
    started_on: Mapped[date] = mapped_column(Date, nullable=False)
    completed_on: Mapped[date | None] = mapped_column(Date)
    # step 1: eerste contact
    who_asks: Mapped[str | None] = mapped_column(String(200))
    presented_question: Mapped[str | None] = mapped_column(Text)  # gestelde vraag
    urgency: Mapped[Urgency] = mapped_column(
        enum_column(Urgency, "intake_urgency"), nullable=False, default=Urgency.NORMAL
    )
    safety_concerns: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # step 2: vraagverheldering (per person and life area in IntakeQuestion)
    own_strength: Mapped[str | None] = mapped_column(Text)  # eigen kracht
    network_summary: Mapped[str | None] = mapped_column(Text)  # wat het netwerk kan
    # step 3-4: oplossing afspreken / arrangement (actions and provisions on the plan)
    solution_summary: Mapped[str | None] = mapped_column(Text)
    arrangement_summary: Mapped[str | None] = mapped_column(Text)
    # step 5: toewijzing en instemming
    family_agreed_on: Mapped[date | None] = mapped_column(Date)
    family_agreed_how: Mapped[str | None] = mapped_column(String(200))  # mondeling, getekend, ...
    last_edited_at: Mapped[datetime | None]

    questions: Mapped[list[IntakeQuestion]] = relationship(back_populates="intake")

    __table_args__ = (
        CheckConstraint(
            "status != 'completed' OR completed_on IS NOT NULL", name="completed_has_date"
        ),
        Index("ix_intakes_household", "household_id"),
    )


class IntakeQuestion(SyncMixin, Base):
    """Per person (or the household) and life area: the asked and the real question."""

    __tablename__ = "intake_questions"

    intake_id: Mapped[str] = mapped_column(ForeignKey("intakes.id"), nullable=False)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"))  # None = household
    life_area: Mapped[str] = mapped_column(String(64), nullable=False)  # reference code
    presented_question: Mapped[str | None] = mapped_column(Text)  # gestelde vraag
    underlying_question: Mapped[str | None] = mapped_column(Text)  # vraag achter de vraag
    desired_result: Mapped[str | None] = mapped_column(Text)  # in de woorden van het gezin
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    intake: Mapped[Intake] = relationship(back_populates="questions")

    __table_args__ = (Index("ix_intake_questions_intake", "intake_id"),)


class SafetySignal(SyncMixin, Base):
    """Signal of domestic violence or child abuse, handled along the Meldcode."""

    __tablename__ = "safety_signals"

    household_id: Mapped[str] = mapped_column(ForeignKey("households.id"), nullable=False)
    intake_id: Mapped[str | None] = mapped_column(ForeignKey("intakes.id"))
    person_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"))
    kind: Mapped[SafetySignalKind] = mapped_column(
        enum_column(SafetySignalKind, "safety_signal_kind"), nullable=False
    )
    description: Mapped[str | None] = mapped_column(Text)
    recorded_on: Mapped[date] = mapped_column(Date, nullable=False)
    meldcode_step: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    reported_to_veilig_thuis: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    reported_on: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (
        CheckConstraint("meldcode_step BETWEEN 1 AND 5", name="meldcode_step_range"),
        Index("ix_safety_signals_household", "household_id"),
    )
