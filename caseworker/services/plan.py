"""The one family plan (gezinsplan): goals, actions on the viertrap, agreement and revisions.

Exactly one plan per household (backed by the unique constraint on
``plans.household_id``). Every mutation sets ``updated_by`` and writes an audit
event with ids only. Services flush; the caller commits.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from caseworker.models import (
    Household,
    HouseholdStatus,
    Intake,
    IntakeStatus,
    IntakeStep,
    Plan,
    PlanRevision,
    PlanStatus,
    Provision,
    ProvisionStatus,
    User,
)

from ._inputs import (
    audit,
    check_date,
    get_household,
    optional_text,
    required_text,
    touch,
)
from .audit import AuditAction
from .context import ServiceContext
from .errors import NotFound, RuleViolation, ValidationError
from .plan_items import (
    INSTRUMENT_DOMAINS,
    LIFE_AREAS,
    ActionInput,
    ActionView,
    GoalInput,
    GoalView,
    _editable_plan,
    _live_actions,
    _live_goals,
    _plan,
    add_action,
    add_goal,
    mark_action_done,
    remove_action,
    remove_goal,
    set_goal_status,
    update_action,
    update_goal,
)
from .provisions import ProvisionView, list_provisions, provision_problems

__all__ = [
    "INSTRUMENT_DOMAINS",
    "LIFE_AREAS",
    "ActionInput",
    "ActionView",
    "GoalInput",
    "GoalView",
    "PlanView",
    "RevisionInfo",
    "add_action",
    "add_goal",
    "agree_plan",
    "agreement_problems",
    "build_snapshot",
    "find_plan_id",
    "get_or_create_plan",
    "load_plan",
    "mark_action_done",
    "remove_action",
    "remove_goal",
    "revision_snapshot",
    "set_coordinator",
    "set_evaluation_date",
    "set_goal_status",
    "set_summary",
    "update_action",
    "update_goal",
]

SNAPSHOT_SCHEMA = 1


@dataclass(frozen=True)
class RevisionInfo:
    id: str
    number: int
    agreed_on: date
    agreed_by: str | None


@dataclass(frozen=True)
class PlanView:
    id: str
    household_id: str
    status: PlanStatus
    coordinator_id: str | None
    coordinator_name: str | None
    summary: str | None
    evaluation_on: date | None
    agreed_on: date | None
    agreed_how: str | None
    revision_number: int
    goals: tuple[GoalView, ...]
    actions: tuple[ActionView, ...]
    provisions: tuple[ProvisionView, ...]
    revisions: tuple[RevisionInfo, ...]
    has_unagreed_changes: bool  # differs from the last agreed revision (or never agreed)


# --- the plan itself -------------------------------------------------------------------


def find_plan_id(session: Session, household_id: str) -> str | None:
    return session.execute(
        select(Plan.id).where(Plan.household_id == household_id)
    ).scalar_one_or_none()


def get_or_create_plan(session: Session, ctx: ServiceContext, household_id: str) -> str:
    """The household's plan; created (draft) when there is none. Never a second one."""
    household = get_household(session, household_id)
    existing = find_plan_id(session, household_id)
    if existing is not None:
        return existing
    plan = Plan(
        household_id=household_id,
        coordinator_id=household.coordinator_id or ctx.user_id,
        status=PlanStatus.DRAFT,
    )
    touch(plan, ctx)
    try:
        with session.begin_nested():
            session.add(plan)
            session.flush()
    except IntegrityError:  # created concurrently (another session/sync): use that one
        existing = find_plan_id(session, household_id)
        if existing is None:
            raise
        return existing
    audit(session, ctx, AuditAction.CREATE, "plan", plan.id, household_id)
    return plan.id


def set_coordinator(session: Session, ctx: ServiceContext, plan_id: str, user_id: str) -> None:
    """One regisseur: on the plan and on the household."""
    plan = _editable_plan(session, plan_id)
    user = session.get(User, user_id)
    if user is None or user.deleted or not user.active:
        raise ValidationError("coordinator_id", "kies een actieve medewerker als regisseur")
    plan.coordinator_id = user_id
    touch(plan, ctx)
    household = session.get(Household, plan.household_id)
    if household is not None and household.coordinator_id != user_id:
        household.coordinator_id = user_id
        touch(household, ctx)
    session.flush()
    audit(session, ctx, AuditAction.UPDATE, "plan", plan.id, plan.household_id, coordinator=user_id)


def set_evaluation_date(
    session: Session, ctx: ServiceContext, plan_id: str, on: date | None
) -> None:
    plan = _editable_plan(session, plan_id)
    plan.evaluation_on = check_date(on, "evaluation_on")
    touch(plan, ctx)
    session.flush()
    audit(
        session,
        ctx,
        AuditAction.UPDATE,
        "plan",
        plan.id,
        plan.household_id,
        fields=["evaluation_on"],
    )


def set_summary(session: Session, ctx: ServiceContext, plan_id: str, summary: str | None) -> None:
    plan = _editable_plan(session, plan_id)
    plan.summary = optional_text(summary, "summary")
    touch(plan, ctx)
    session.flush()
    audit(session, ctx, AuditAction.UPDATE, "plan", plan.id, plan.household_id, fields=["summary"])


# --- snapshots, reading, agreement ---------------------------------------------------


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _jsonable(view: Any, exclude: frozenset[str] = frozenset()) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in asdict(view).items():
        if key in exclude:
            continue
        if isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, StrEnum):
            value = str(value)
        out[key] = value
    return out


def build_snapshot(
    plan: Plan, goals: list[GoalView], actions: list[ActionView], provisions: list[ProvisionView]
) -> dict[str, Any]:
    """The JSON-able content of a plan as stored in a PlanRevision."""
    return {
        "schema": SNAPSHOT_SCHEMA,
        "plan": {
            "coordinator_id": plan.coordinator_id,
            "summary": plan.summary,
            "evaluation_on": _iso(plan.evaluation_on),
        },
        "goals": [_jsonable(g, frozenset({"position"})) for g in goals],
        "actions": [_jsonable(a, frozenset({"position"})) for a in actions],
        "provisions": [
            _jsonable(p, frozenset({"household_id", "plan_id", "decision_on"})) for p in provisions
        ],
    }


def _revisions(session: Session, plan_id: str) -> list[PlanRevision]:
    return list(
        session.execute(
            select(PlanRevision)
            .where(PlanRevision.plan_id == plan_id, PlanRevision.deleted.is_(False))
            .order_by(PlanRevision.number)
        ).scalars()
    )


def _comparable(snapshot: dict[str, Any]) -> dict[str, Any]:
    """A snapshot without fields that agreement itself changes (provision status)."""
    provisions = [
        {k: v for k, v in p.items() if k != "status"} for p in snapshot.get("provisions", [])
    ]
    return {**snapshot, "provisions": provisions}


def load_plan(
    session: Session, household_id: str, *, ctx: ServiceContext | None = None
) -> PlanView:
    """Everything of the household's plan. With ``ctx`` the view is audited."""
    plan_id = find_plan_id(session, household_id)
    if plan_id is None:
        raise NotFound("plan")
    plan = _plan(session, plan_id)
    goals, actions = _live_goals(session, plan_id), _live_actions(session, plan_id)
    provisions = list_provisions(session, household_id)
    revisions = _revisions(session, plan_id)
    current = _comparable(build_snapshot(plan, goals, actions, provisions))
    unagreed = not revisions or _comparable(revisions[-1].snapshot) != current
    coordinator = session.get(User, plan.coordinator_id) if plan.coordinator_id else None
    if ctx is not None:
        audit(session, ctx, AuditAction.VIEW, "plan", plan.id, household_id)
    return PlanView(
        id=plan.id,
        household_id=household_id,
        status=plan.status,
        coordinator_id=plan.coordinator_id,
        coordinator_name=coordinator.display_name if coordinator else None,
        summary=plan.summary,
        evaluation_on=plan.evaluation_on,
        agreed_on=plan.agreed_on,
        agreed_how=plan.agreed_how,
        revision_number=plan.revision_number,
        goals=tuple(goals),
        actions=tuple(actions),
        provisions=tuple(provisions),
        revisions=tuple(RevisionInfo(r.id, r.number, r.agreed_on, r.agreed_by) for r in revisions),
        has_unagreed_changes=unagreed,
    )


def agreement_problems(session: Session, plan_id: str, today: date | None = None) -> list[str]:
    """Blocking problems before the family can agree the plan (Dutch, no personal data)."""
    plan = _plan(session, plan_id)
    on = today or date.today()
    problems: list[str] = []
    if plan.status == PlanStatus.CLOSED:
        problems.append("Het plan is afgesloten.")
    goals = _live_goals(session, plan_id)
    actions = _live_actions(session, plan_id)
    if not goals:
        problems.append("Het plan heeft nog geen doelen.")
    if not actions:
        problems.append("Het plan heeft nog geen acties (wie doet wat).")
    if plan.coordinator_id is None:
        problems.append("Er is geen regisseur aangewezen.")
    for number, a in enumerate(actions, start=1):
        if a.step >= 3 and not (a.justification or "").strip():
            problems.append(
                f"Actie {number} staat op trede {a.step} zonder onderbouwing (goedkoopst adequaat)."
            )
    problems.extend(provision_problems(list_provisions(session, plan.household_id), on))
    return problems


def agree_plan(
    session: Session, ctx: ServiceContext, plan_id: str, agreed_on: date, agreed_how: str
) -> int:
    """Vaststellen: store an immutable revision, grant proposed provisions, finish the intake."""
    plan = _plan(session, plan_id)
    check_date(agreed_on, "agreed_on", required=True)
    if agreed_on > ctx.today():
        raise ValidationError("agreed_on", "de datum van instemming ligt in de toekomst")
    how = required_text(agreed_how, "agreed_how", "vermeld hoe het gezin instemde", 200)
    problems = agreement_problems(session, plan_id, ctx.today())
    if problems:
        raise RuleViolation("Het plan kan nog niet worden vastgesteld: " + " ".join(problems))
    for row in session.execute(
        select(Provision).where(
            Provision.household_id == plan.household_id,
            Provision.deleted.is_(False),
            Provision.status == ProvisionStatus.PROPOSED,
        )
    ).scalars():
        row.status = ProvisionStatus.GRANTED
        row.decision_on = row.decision_on or agreed_on
        row.plan_id = plan.id
        touch(row, ctx)
    session.flush()
    goals, actions = _live_goals(session, plan_id), _live_actions(session, plan_id)
    snapshot = build_snapshot(plan, goals, actions, list_provisions(session, plan.household_id))
    plan.revision_number += 1
    plan.status = PlanStatus.AGREED
    plan.agreed_on = agreed_on
    plan.agreed_how = how
    touch(plan, ctx)
    revision = PlanRevision(
        plan_id=plan.id,
        number=plan.revision_number,
        agreed_on=agreed_on,
        agreed_by=ctx.user_id,
        snapshot=snapshot,
    )
    touch(revision, ctx)
    session.add(revision)
    for intake in session.execute(
        select(Intake).where(
            Intake.household_id == plan.household_id,
            Intake.status == IntakeStatus.DRAFT,
            Intake.deleted.is_(False),
        )
    ).scalars():
        intake.status = IntakeStatus.COMPLETED
        intake.completed_on = agreed_on
        intake.current_step = IntakeStep.ALLOCATION
        intake.family_agreed_on = agreed_on
        intake.family_agreed_how = how
        touch(intake, ctx)
    household = session.get(Household, plan.household_id)
    if household is not None and household.status != HouseholdStatus.ACTIVE:
        household.status = HouseholdStatus.ACTIVE
        household.coordinator_id = household.coordinator_id or plan.coordinator_id
        touch(household, ctx)
    session.flush()
    audit(
        session,
        ctx,
        AuditAction.UPDATE,
        "plan",
        plan.id,
        plan.household_id,
        agreed=True,
        revision=plan.revision_number,
        revision_id=revision.id,
    )
    return plan.revision_number


def current_snapshot(session: Session, plan_id: str) -> dict[str, Any]:
    """The plan as it stands now, in the shape a PlanRevision stores."""
    plan = _plan(session, plan_id)
    goals, actions = _live_goals(session, plan_id), _live_actions(session, plan_id)
    return build_snapshot(plan, goals, actions, list_provisions(session, plan.household_id))


def revision_snapshot(session: Session, plan_id: str, number: int) -> dict[str, Any]:
    row = session.execute(
        select(PlanRevision).where(PlanRevision.plan_id == plan_id, PlanRevision.number == number)
    ).scalar_one_or_none()
    if row is None:
        raise NotFound("planversie")
    return dict(row.snapshot)
