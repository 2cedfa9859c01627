"""The one family plan (plan van aanpak) with goals, actions and provisions."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, SyncMixin, enum_column
from .enums import (
    Actor,
    EscalationKind,
    Funding,
    GoalStatus,
    Law,
    PlanStatus,
    ProvisionKind,
    ProvisionStatus,
)


class Plan(SyncMixin, Base):
    """Gezinsplan: exactly one per household (unique constraint on household_id)."""

    __tablename__ = "plans"

    household_id: Mapped[str] = mapped_column(ForeignKey("households.id"), nullable=False)
    coordinator_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    status: Mapped[PlanStatus] = mapped_column(
        enum_column(PlanStatus, "plan_status"), nullable=False, default=PlanStatus.DRAFT
    )
    summary: Mapped[str | None] = mapped_column(Text)  # de vraag achter de vraag, samengevat
    evaluation_on: Mapped[date | None] = mapped_column(Date)  # next evaluation
    agreed_on: Mapped[date | None] = mapped_column(Date)  # vastgesteld op
    agreed_how: Mapped[str | None] = mapped_column(String(200))
    revision_number: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    goals: Mapped[list[Goal]] = relationship(back_populates="plan")
    actions: Mapped[list[Action]] = relationship(back_populates="plan")

    __table_args__ = (
        UniqueConstraint("household_id", name="uq_plans_household_id"),
        CheckConstraint("status != 'agreed' OR agreed_on IS NOT NULL", name="agreed_has_date"),
    )


class PlanRevision(SyncMixin, Base):
    """Immutable snapshot of a plan at the moment it was agreed (vastgesteld)."""

    __tablename__ = "plan_revisions"

    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id"), nullable=False)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    agreed_on: Mapped[date] = mapped_column(Date, nullable=False)
    agreed_by: Mapped[str | None] = mapped_column(String(36))
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)

    __table_args__ = (
        UniqueConstraint("plan_id", "number", name="uq_plan_revisions_plan_number"),
        CheckConstraint("number >= 1", name="number_positive"),
    )


class Goal(SyncMixin, Base):
    """Doel: for one person or the whole household, tied to a ZRM domain."""

    __tablename__ = "goals"

    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id"), nullable=False)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"))  # None = household
    description: Mapped[str] = mapped_column(Text, nullable=False)
    life_area: Mapped[str | None] = mapped_column(String(64))
    instrument: Mapped[str | None] = mapped_column(String(64))  # e.g. zrm-2017
    zrm_domain: Mapped[str | None] = mapped_column(String(64))
    baseline_score: Mapped[int | None] = mapped_column(Integer)
    target_score: Mapped[int | None] = mapped_column(Integer)
    due_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[GoalStatus] = mapped_column(
        enum_column(GoalStatus, "goal_status"), nullable=False, default=GoalStatus.OPEN
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    plan: Mapped[Plan] = relationship(back_populates="goals")

    __table_args__ = (
        CheckConstraint("length(description) > 0", name="description_not_empty"),
        CheckConstraint(
            "baseline_score IS NULL OR baseline_score BETWEEN 1 AND 5", name="baseline_range"
        ),
        CheckConstraint(
            "target_score IS NULL OR target_score BETWEEN 1 AND 5", name="target_range"
        ),
        Index("ix_goals_plan", "plan_id"),
    )


class Action(SyncMixin, Base):
    """Actie / afspraak: who does what, on which trede of the Groninger viertrap."""

    __tablename__ = "actions"

    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id"), nullable=False)
    goal_id: Mapped[str | None] = mapped_column(ForeignKey("goals.id"))
    description: Mapped[str] = mapped_column(Text, nullable=False)
    actor: Mapped[Actor] = mapped_column(enum_column(Actor, "action_actor"), nullable=False)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"))  # when actor=self
    network_contact_id: Mapped[str | None] = mapped_column(ForeignKey("network_contacts.id"))
    provider: Mapped[str | None] = mapped_column(String(200))
    step: Mapped[int] = mapped_column(Integer, nullable=False)  # trede 1-4
    justification: Mapped[str | None] = mapped_column(Text)  # required on trede 3-4
    due_on: Mapped[date | None] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    plan: Mapped[Plan] = relationship(back_populates="actions")

    __table_args__ = (
        CheckConstraint("length(description) > 0", name="description_not_empty"),
        CheckConstraint("step BETWEEN 1 AND 4", name="step_range"),
        CheckConstraint(
            "step < 3 OR (justification IS NOT NULL AND length(trim(justification)) > 0)",
            name="high_step_justified",
        ),
        Index("ix_actions_plan", "plan_id"),
    )


class Provision(SyncMixin, Base):
    """Voorziening: general or tailored support, possibly granted by a decision (beschikking)."""

    __tablename__ = "provisions"

    household_id: Mapped[str] = mapped_column(ForeignKey("households.id"), nullable=False)
    plan_id: Mapped[str | None] = mapped_column(ForeignKey("plans.id"))
    person_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"))
    catalogue_code: Mapped[str] = mapped_column(String(64), nullable=False)
    kind: Mapped[ProvisionKind] = mapped_column(
        enum_column(ProvisionKind, "provision_kind"), nullable=False
    )
    law: Mapped[Law] = mapped_column(enum_column(Law, "provision_law"), nullable=False)
    funding: Mapped[Funding] = mapped_column(
        enum_column(Funding, "provision_funding"), nullable=False, default=Funding.ZIN
    )
    pgb_reason: Mapped[str | None] = mapped_column(Text)
    step: Mapped[int] = mapped_column(Integer, nullable=False)
    justification: Mapped[str | None] = mapped_column(Text)
    provider: Mapped[str | None] = mapped_column(String(200))
    units: Mapped[float | None] = mapped_column(Numeric(8, 2, asdecimal=False))
    unit: Mapped[str | None] = mapped_column(String(32))  # uur/week, dagdeel/week, etmaal/maand
    start_on: Mapped[date | None] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)
    decision_on: Mapped[date | None] = mapped_column(Date)  # beschikking
    cost_cents_per_period: Mapped[int | None] = mapped_column(Integer)
    cost_period: Mapped[str | None] = mapped_column(String(16))  # week, month, year
    status: Mapped[ProvisionStatus] = mapped_column(
        enum_column(ProvisionStatus, "provision_status"),
        nullable=False,
        default=ProvisionStatus.PROPOSED,
    )

    __table_args__ = (
        CheckConstraint("step BETWEEN 1 AND 4", name="step_range"),
        CheckConstraint(
            "funding != 'pgb' OR (pgb_reason IS NOT NULL AND length(trim(pgb_reason)) > 0)",
            name="pgb_has_reason",
        ),
        CheckConstraint("kind != 'general' OR funding != 'pgb'", name="general_not_pgb"),
        CheckConstraint("end_on IS NULL OR start_on IS NULL OR end_on >= start_on", name="dates"),
        CheckConstraint("units IS NULL OR units >= 0", name="units_not_negative"),
        CheckConstraint(
            "cost_cents_per_period IS NULL OR cost_cents_per_period >= 0", name="cost_not_negative"
        ),
        CheckConstraint(
            "cost_period IS NULL OR cost_period IN ('week', 'month', 'year', 'once')",
            name="cost_period_values",
        ),
        Index("ix_provisions_household", "household_id"),
    )


class FuturePlan(SyncMixin, Base):
    """Toekomstplan for a youth in care at 16½ (seed 002)."""

    __tablename__ = "future_plans"

    household_id: Mapped[str] = mapped_column(ForeignKey("households.id"), nullable=False)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), nullable=False)
    housing: Mapped[str | None] = mapped_column(Text)  # wonen
    daytime_activity: Mapped[str | None] = mapped_column(Text)  # dagbesteding / school / werk
    finances: Mapped[str | None] = mapped_column(Text)  # financiën
    social_contacts: Mapped[str | None] = mapped_column(Text)  # sociale contacten
    care_after_18: Mapped[str | None] = mapped_column(Text)  # continuïteit 18-/18+
    agreed_on: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (UniqueConstraint("person_id", name="uq_future_plans_person_id"),)


class Escalation(SyncMixin, Base):
    """Opschaling naar Taskforce, De Ploeg or Veilig Thuis."""

    __tablename__ = "escalations"

    household_id: Mapped[str] = mapped_column(ForeignKey("households.id"), nullable=False)
    kind: Mapped[EscalationKind] = mapped_column(
        enum_column(EscalationKind, "escalation_kind"), nullable=False
    )
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    escalated_on: Mapped[date] = mapped_column(Date, nullable=False)
    resolved_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        CheckConstraint("length(trim(reason)) > 0", name="reason_not_empty"),
        CheckConstraint(
            "resolved_on IS NULL OR resolved_on >= escalated_on", name="resolved_after"
        ),
        Index("ix_escalations_household", "household_id"),
    )
