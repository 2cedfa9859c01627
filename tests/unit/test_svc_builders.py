"""Hand-made fixture rows for the service tests (households, plans, assessments, ...).

Households and persons go through the services; the rest is written with the ORM so
that these tests do not depend on the intake/plan services of other modules.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseworker.models import (
    Assessment,
    AuditEvent,
    Conflict,
    Escalation,
    EscalationKind,
    Funding,
    FuturePlan,
    Goal,
    GoalStatus,
    HouseholdStatus,
    Intake,
    IntakeStatus,
    Law,
    Plan,
    PlanStatus,
    Provision,
    ProvisionKind,
    ProvisionStatus,
    Score,
)
from caseworker.services import ServiceContext
from caseworker.services.households import HouseholdInput, create_household
from caseworker.services.persons import PersonInput, add_person
from caseworker.store import OpenStore

TODAY = date(2026, 11, 23)


def household(s: Session, ctx: ServiceContext, name: str = "Familie Bakker", **kw: Any) -> str:
    status = kw.pop("status", None)
    hid = create_household(s, ctx, HouseholdInput(name=name, **kw))
    if status is not None:
        from caseworker.models import Household

        row = s.get(Household, hid)
        assert row is not None
        row.status = status
        s.flush()
    return hid


def person(
    s: Session,
    ctx: ServiceContext,
    hid: str,
    given: str = "Sanne",
    birth: date | None = date(1985, 5, 1),
    role: str = "parent",
    **kw: Any,
) -> str:
    return add_person(s, ctx, hid, PersonInput(given, "Bakker", birth, role, **kw))


def plan(
    s: Session,
    hid: str,
    *,
    status: PlanStatus = PlanStatus.AGREED,
    evaluation_on: date | None = None,
    revision_number: int = 1,
) -> str:
    row = Plan(
        household_id=hid,
        status=status,
        evaluation_on=evaluation_on,
        agreed_on=date(2026, 6, 1) if status == PlanStatus.AGREED else None,
        revision_number=revision_number,
    )
    s.add(row)
    s.flush()
    return row.id


def goal(s: Session, plan_id: str, status: GoalStatus = GoalStatus.OPEN) -> str:
    row = Goal(plan_id=plan_id, description="Schulden op orde", status=status)
    s.add(row)
    s.flush()
    return row.id


def assessment(
    s: Session,
    hid: str,
    pid: str | None,
    on: date,
    scores: dict[str, int] | None = None,
    instrument: str = "zrm-2017",
) -> str:
    row = Assessment(household_id=hid, person_id=pid, instrument=instrument, assessed_on=on)
    s.add(row)
    s.flush()
    for domain, score in (scores or {}).items():
        s.add(Score(assessment_id=row.id, domain=domain, score=score))
    s.flush()
    return row.id


def provision(
    s: Session,
    hid: str,
    pid: str | None,
    *,
    code: str = "jw-ambulant",
    law: Law = Law.JEUGDWET,
    status: ProvisionStatus = ProvisionStatus.GRANTED,
    start_on: date | None = date(2026, 1, 1),
    end_on: date | None = None,
) -> str:
    row = Provision(
        household_id=hid,
        person_id=pid,
        catalogue_code=code,
        kind=ProvisionKind.TAILORED,
        law=law,
        funding=Funding.ZIN,
        step=4,
        justification="Specialistische hulp nodig",
        status=status,
        start_on=start_on,
        end_on=end_on,
    )
    s.add(row)
    s.flush()
    return row.id


def future_plan(s: Session, hid: str, pid: str) -> str:
    row = FuturePlan(household_id=hid, person_id=pid, housing="Kamer zoeken")
    s.add(row)
    s.flush()
    return row.id


def intake(
    s: Session,
    hid: str,
    *,
    started_on: date,
    status: IntakeStatus = IntakeStatus.DRAFT,
    completed_on: date | None = None,
) -> str:
    row = Intake(household_id=hid, started_on=started_on, status=status, completed_on=completed_on)
    s.add(row)
    s.flush()
    return row.id


def escalation(
    s: Session, hid: str, *, on: date = date(2026, 10, 1), resolved_on: date | None = None
) -> str:
    row = Escalation(
        household_id=hid,
        kind=EscalationKind.TASKFORCE,
        reason="Onveilige woonsituatie",
        escalated_on=on,
        resolved_on=resolved_on,
    )
    s.add(row)
    s.flush()
    return row.id


def conflict(s: Session, hid: str, *, resolved: bool = False) -> str:
    from caseworker.models import ConflictStatus

    row = Conflict(
        table_name="households",
        row_id=hid,
        household_id=hid,
        field="phone",
        base_value="1",
        server_value="2",
        client_value="3",
        detected_at=datetime(2026, 11, 20, tzinfo=UTC),
        status=ConflictStatus.RESOLVED if resolved else ConflictStatus.OPEN,
    )
    s.add(row)
    s.flush()
    return row.id


def audit_actions(
    store: OpenStore, household_id: str | None = None
) -> list[tuple[str, str | None]]:
    """(action, object_type) of every audit event, oldest first."""
    with store.session() as s:
        query = select(AuditEvent.action, AuditEvent.object_type).order_by(AuditEvent.seq)
        if household_id is not None:
            query = query.where(AuditEvent.household_id == household_id)
        return [(a, t) for a, t in s.execute(query).all()]


def count(store: OpenStore, model: type[Any]) -> int:
    with store.session() as s:
        return int(s.execute(select(func.count()).select_from(model)).scalar_one())


def test_builders_make_valid_rows(open_store: OpenStore, ctx: ServiceContext) -> None:
    with open_store.transaction() as s:
        hid = household(s, ctx, status=HouseholdStatus.ACTIVE)
        pid = person(s, ctx, hid)
        pl = plan(s, hid, evaluation_on=TODAY)
        goal(s, pl)
        assessment(s, hid, pid, TODAY, {"financien": 2})
        provision(s, hid, pid)
        future_plan(s, hid, pid)
        intake(s, hid, started_on=TODAY)
        escalation(s, hid)
        conflict(s, hid)
    assert open_store.check() == []
    assert count(open_store, Score) == 1
