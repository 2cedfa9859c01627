"""Export of one household's whole dossier as JSON-serialisable data (audited EXPORT).

Used for the right of access (inzage) and for ``caseworker export``. Every table of
the dossier is included; tombstoned rows are left out unless asked for.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import ColumnElement, inspect, select
from sqlalchemy.orm import Session

from caseworker import __version__
from caseworker.models import (
    Action,
    Assessment,
    AuditEvent,
    ClientExperience,
    Conflict,
    Escalation,
    FuturePlan,
    Goal,
    Intake,
    IntakeQuestion,
    JournalEntry,
    NetworkContact,
    Person,
    Plan,
    PlanRevision,
    Provision,
    Referral,
    SafetySignal,
    Score,
)
from caseworker.models.base import Base, SyncMixin

from . import audit
from .audit import AuditAction
from .context import ServiceContext
from .households import require_household

EXPORT_FORMAT = "caseworker-household-export"
EXPORT_VERSION = 1


def _json_value(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return {str(k): _json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_value(v) for v in value]
    return value


def row_dict(row: Base) -> dict[str, Any]:
    """Every mapped column of a row, JSON-ready (enums as codes, dates as ISO strings)."""
    mapper = inspect(type(row))
    return {attr.key: _json_value(getattr(row, attr.key)) for attr in mapper.column_attrs}


def _rows(
    session: Session,
    model: type[SyncMixin],
    condition: ColumnElement[bool],
    include_deleted: bool,
    order: Any,
) -> list[Any]:
    query = select(model).where(condition).order_by(order)
    if not include_deleted:
        query = query.where(model.deleted.is_(False))
    return list(session.execute(query).scalars())


def export_household(
    session: Session, ctx: ServiceContext, household_id: str, *, include_deleted: bool = False
) -> dict[str, Any]:
    household = require_household(session, household_id)
    hid = household.id

    def rows(model: type[SyncMixin], condition: ColumnElement[bool], order: Any) -> list[Any]:
        return _rows(session, model, condition, include_deleted, order)

    persons = rows(Person, Person.household_id == hid, Person.birth_date)
    intakes = rows(Intake, Intake.household_id == hid, Intake.started_on)
    intake_ids = [i.id for i in intakes]
    plans = rows(Plan, Plan.household_id == hid, Plan.id)
    plan_ids = [p.id for p in plans]
    assessments = rows(Assessment, Assessment.household_id == hid, Assessment.assessed_on)
    assessment_ids = [a.id for a in assessments]

    questions = rows(
        IntakeQuestion, IntakeQuestion.intake_id.in_(intake_ids), IntakeQuestion.position
    )
    scores = rows(Score, Score.assessment_id.in_(assessment_ids), Score.domain)

    def by_parent(children: list[Any], key: str, parent_id: str) -> list[dict[str, Any]]:
        return [row_dict(c) for c in children if getattr(c, key) == parent_id]

    revisions = rows(PlanRevision, PlanRevision.plan_id.in_(plan_ids), PlanRevision.number)
    goals = rows(Goal, Goal.plan_id.in_(plan_ids), Goal.position)
    actions = rows(Action, Action.plan_id.in_(plan_ids), Action.position)

    data: dict[str, Any] = {
        "format": EXPORT_FORMAT,
        "format_version": EXPORT_VERSION,
        "application_version": __version__,
        "exported_at": ctx.now().isoformat(),
        "exported_by": ctx.user_id,
        "household": row_dict(household),
        "persons": [row_dict(p) for p in persons],
        "network_contacts": [
            row_dict(c)
            for c in rows(NetworkContact, NetworkContact.household_id == hid, NetworkContact.name)
        ],
        "referrals": [
            row_dict(r) for r in rows(Referral, Referral.household_id == hid, Referral.received_on)
        ],
        "intakes": [
            {**row_dict(i), "questions": by_parent(questions, "intake_id", i.id)} for i in intakes
        ],
        "safety_signals": [
            row_dict(s)
            for s in rows(SafetySignal, SafetySignal.household_id == hid, SafetySignal.recorded_on)
        ],
        "plan": None,
        "provisions": [
            row_dict(p) for p in rows(Provision, Provision.household_id == hid, Provision.start_on)
        ],
        "future_plans": [
            row_dict(f) for f in rows(FuturePlan, FuturePlan.household_id == hid, FuturePlan.id)
        ],
        "escalations": [
            row_dict(e)
            for e in rows(Escalation, Escalation.household_id == hid, Escalation.escalated_on)
        ],
        "assessments": [
            {**row_dict(a), "scores": by_parent(scores, "assessment_id", a.id)} for a in assessments
        ],
        "journal_entries": [
            row_dict(j)
            for j in rows(JournalEntry, JournalEntry.household_id == hid, JournalEntry.written_at)
        ],
        "client_experiences": [
            row_dict(c)
            for c in rows(
                ClientExperience, ClientExperience.household_id == hid, ClientExperience.recorded_on
            )
        ],
        "conflicts": [
            row_dict(c) for c in rows(Conflict, Conflict.household_id == hid, Conflict.detected_at)
        ],
    }
    # who did what with this dossier (right of access, AVG art. 15 / NEN 7513)
    data["access_log"] = [
        {
            "occurred_at": e.occurred_at.isoformat(),
            "user_id": e.user_id,
            "action": e.action,
            "object_type": e.object_type,
            "object_id": e.object_id,
        }
        for e in session.execute(
            select(AuditEvent).where(AuditEvent.household_id == hid).order_by(AuditEvent.seq)
        ).scalars()
    ]
    if plans:
        plan = plans[0]  # one plan per household (unique constraint)
        data["plan"] = {
            **row_dict(plan),
            "revisions": by_parent(revisions, "plan_id", plan.id),
            "goals": by_parent(goals, "plan_id", plan.id),
            "actions": by_parent(actions, "plan_id", plan.id),
        }
    audit.record(
        session,
        ctx,
        AuditAction.EXPORT,
        object_type="household",
        object_id=hid,
        household_id=hid,
        detail={
            "format": "json",
            "persons": len(persons),
            "assessments": len(assessments),
            "include_deleted": include_deleted,
        },
    )
    return data
