"""Goals (doelen) and actions (acties / afspraken on the Groninger viertrap) of the one plan.

Re-exported by ``caseworker.services.plan``; import from there. Callers commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.models import Action, Actor, Goal, GoalStatus, NetworkContact, Plan, PlanStatus
from caseworker.models.validators import check_score, check_step

from ._inputs import (
    audit,
    check_code,
    check_date,
    check_person,
    get_live,
    optional_text,
    required_text,
    tombstone,
    touch,
)
from .audit import AuditAction
from .context import ServiceContext
from .errors import RuleViolation, ValidationError

LIFE_AREAS = frozenset(
    {"werk_inkomen", "maatschappelijke_participatie", "opgroeien_opvoeden", "zorg"}
)
INSTRUMENT_DOMAINS: dict[str, frozenset[str]] = {
    "zrm-2017": frozenset(
        {
            "financien",
            "werk_opleiding",
            "tijdsbesteding",
            "huisvesting",
            "huiselijke_relaties",
            "geestelijke_gezondheid",
            "lichamelijke_gezondheid",
            "middelengebruik",
            "basale_adl",
            "instrumentele_adl",
            "sociaal_netwerk",
            "maatschappelijke_participatie",
            "justitie",
        }
    ),
    "zrm-household": frozenset(
        {"hh_financien", "hh_huisvesting", "hh_organisatie", "hh_relaties", "hh_sociale_omgeving"}
    ),
    "zrm-children": frozenset(
        {
            "kind_gezinsstructuur",
            "kind_lichamelijke_verzorging",
            "kind_emotionele_ondersteuning",
            "kind_socialisering",
            "kind_opvang",
            "kind_scholing",
        }
    ),
}


@dataclass(frozen=True)
class GoalInput:
    person_id: str | None
    description: str
    life_area: str | None = None
    instrument: str | None = None
    zrm_domain: str | None = None
    baseline_score: int | None = None
    target_score: int | None = None
    due_on: date | None = None


@dataclass(frozen=True)
class ActionInput:
    goal_id: str | None
    description: str
    actor: Actor
    person_id: str | None = None
    network_contact_id: str | None = None
    provider: str | None = None
    step: int = 1
    justification: str | None = None
    due_on: date | None = None


@dataclass(frozen=True)
class GoalView:
    id: str
    person_id: str | None
    description: str
    life_area: str | None
    instrument: str | None
    zrm_domain: str | None
    baseline_score: int | None
    target_score: int | None
    due_on: date | None
    status: GoalStatus
    position: int


@dataclass(frozen=True)
class ActionView:
    id: str
    goal_id: str | None
    description: str
    actor: Actor
    person_id: str | None
    network_contact_id: str | None
    provider: str | None
    step: int
    justification: str | None
    due_on: date | None
    done_on: date | None
    position: int


def _plan(session: Session, plan_id: str) -> Plan:
    plan: Plan = get_live(session, Plan, plan_id, "plan")
    return plan


def _editable_plan(session: Session, plan_id: str) -> Plan:
    plan = _plan(session, plan_id)
    if plan.status == PlanStatus.CLOSED:
        raise RuleViolation("het plan is afgesloten; heropen eerst het dossier")
    return plan


# --- goals ------------------------------------------------------------------------------


def _goal_values(session: Session, household_id: str, data: GoalInput) -> dict[str, Any]:
    description = required_text(data.description, "description", "omschrijf het doel")
    check_person(session, household_id, data.person_id)
    life_area = None
    if data.life_area is not None:
        life_area = check_code(data.life_area, "life_area", LIFE_AREAS, "onbekend leefgebied")
    instrument = data.instrument
    domain = data.zrm_domain
    if domain is not None and instrument is None:
        instrument = next((c for c, ds in INSTRUMENT_DOMAINS.items() if domain in ds), None)
    if instrument is not None:
        check_code(instrument, "instrument", frozenset(INSTRUMENT_DOMAINS), "onbekend instrument")
    if domain is not None and (instrument is None or domain not in INSTRUMENT_DOMAINS[instrument]):
        raise ValidationError("zrm_domain", "dit domein hoort niet bij het gekozen instrument")
    baseline = check_score(data.baseline_score, "baseline_score")
    target = check_score(data.target_score, "target_score")
    if baseline is not None and target is not None and target < baseline:
        raise ValidationError("target_score", "de streefscore ligt onder de beginscore")
    return {
        "person_id": data.person_id,
        "description": description,
        "life_area": life_area,
        "instrument": instrument,
        "zrm_domain": domain,
        "baseline_score": baseline,
        "target_score": target,
        "due_on": check_date(data.due_on, "due_on"),
    }


def _next_position(session: Session, model: type[Goal] | type[Action], plan_id: str) -> int:
    positions = session.execute(select(model.position).where(model.plan_id == plan_id)).scalars()
    return max(positions, default=-1) + 1


def add_goal(session: Session, ctx: ServiceContext, plan_id: str, data: GoalInput) -> str:
    plan = _editable_plan(session, plan_id)
    goal = Goal(plan_id=plan_id, position=_next_position(session, Goal, plan_id))
    for key, value in _goal_values(session, plan.household_id, data).items():
        setattr(goal, key, value)
    touch(goal, ctx)
    session.add(goal)
    session.flush()
    audit(session, ctx, AuditAction.CREATE, "goal", goal.id, plan.household_id, plan_id=plan_id)
    return goal.id


def update_goal(session: Session, ctx: ServiceContext, goal_id: str, data: GoalInput) -> None:
    goal: Goal = get_live(session, Goal, goal_id, "doel")
    plan = _editable_plan(session, goal.plan_id)
    values = _goal_values(session, plan.household_id, data)
    changed = sorted(k for k, v in values.items() if getattr(goal, k) != v)
    for key, value in values.items():
        setattr(goal, key, value)
    touch(goal, ctx)
    session.flush()
    audit(session, ctx, AuditAction.UPDATE, "goal", goal.id, plan.household_id, fields=changed)


def set_goal_status(
    session: Session, ctx: ServiceContext, goal_id: str, status: GoalStatus
) -> None:
    goal: Goal = get_live(session, Goal, goal_id, "doel")
    plan = _editable_plan(session, goal.plan_id)
    goal.status = status
    touch(goal, ctx)
    session.flush()
    audit(session, ctx, AuditAction.UPDATE, "goal", goal.id, plan.household_id, status=str(status))


def remove_goal(session: Session, ctx: ServiceContext, goal_id: str) -> None:
    """Tombstone the goal; its actions stay on the plan, unlinked."""
    goal: Goal = get_live(session, Goal, goal_id, "doel")
    plan = _editable_plan(session, goal.plan_id)
    for action in session.execute(
        select(Action).where(Action.goal_id == goal_id, Action.deleted.is_(False))
    ).scalars():
        action.goal_id = None
        touch(action, ctx)
    tombstone(session, ctx, goal, "goal", plan.household_id)


# --- actions ----------------------------------------------------------------------------


def _action_values(session: Session, plan: Plan, data: ActionInput) -> dict[str, Any]:
    description = required_text(data.description, "description", "omschrijf de actie")
    if not isinstance(data.actor, Actor):
        raise ValidationError("actor", "kies wie de actie uitvoert")
    step = check_step(data.step, "step")
    justification = optional_text(data.justification, "justification")
    if step >= 3 and justification is None:
        raise ValidationError(
            "justification",
            f"trede {step}: onderbouw waarom lichtere hulp niet volstaat (goedkoopst adequaat)",
        )
    if data.goal_id is not None:
        goal = session.get(Goal, data.goal_id)
        if goal is None or goal.deleted or goal.plan_id != plan.id:
            raise ValidationError("goal_id", "dit doel hoort niet bij dit plan")
    check_person(session, plan.household_id, data.person_id)
    if data.network_contact_id is not None:
        contact = session.get(NetworkContact, data.network_contact_id)
        if contact is None or contact.deleted or contact.household_id != plan.household_id:
            raise ValidationError("network_contact_id", "dit netwerklid hoort niet bij het gezin")
    return {
        "goal_id": data.goal_id,
        "description": description,
        "actor": data.actor,
        "person_id": data.person_id,
        "network_contact_id": data.network_contact_id,
        "provider": optional_text(data.provider, "provider", 200),
        "step": step,
        "justification": justification,
        "due_on": check_date(data.due_on, "due_on"),
    }


def add_action(session: Session, ctx: ServiceContext, plan_id: str, data: ActionInput) -> str:
    plan = _editable_plan(session, plan_id)
    action = Action(plan_id=plan_id, position=_next_position(session, Action, plan_id))
    for key, value in _action_values(session, plan, data).items():
        setattr(action, key, value)
    touch(action, ctx)
    session.add(action)
    session.flush()
    audit(
        session, ctx, AuditAction.CREATE, "action", action.id, plan.household_id, step=action.step
    )
    return action.id


def update_action(session: Session, ctx: ServiceContext, action_id: str, data: ActionInput) -> None:
    action: Action = get_live(session, Action, action_id, "actie")
    plan = _editable_plan(session, action.plan_id)
    values = _action_values(session, plan, data)
    changed = sorted(k for k, v in values.items() if getattr(action, k) != v)
    for key, value in values.items():
        setattr(action, key, value)
    touch(action, ctx)
    session.flush()
    audit(session, ctx, AuditAction.UPDATE, "action", action.id, plan.household_id, fields=changed)


def mark_action_done(
    session: Session, ctx: ServiceContext, action_id: str, done_on: date | None
) -> None:
    action: Action = get_live(session, Action, action_id, "actie")
    plan = _editable_plan(session, action.plan_id)
    action.done_on = check_date(done_on, "done_on")
    touch(action, ctx)
    session.flush()
    audit(
        session, ctx, AuditAction.UPDATE, "action", action.id, plan.household_id, fields=["done_on"]
    )


def remove_action(session: Session, ctx: ServiceContext, action_id: str) -> None:
    action: Action = get_live(session, Action, action_id, "actie")
    plan = _editable_plan(session, action.plan_id)
    tombstone(session, ctx, action, "action", plan.household_id)


# --- reading ------------------------------------------------------


def _goal_view(g: Goal) -> GoalView:
    return GoalView(
        g.id, g.person_id, g.description, g.life_area, g.instrument, g.zrm_domain,
        g.baseline_score, g.target_score, g.due_on, g.status, g.position,
    )  # fmt: skip


def _action_view(a: Action) -> ActionView:
    return ActionView(
        a.id, a.goal_id, a.description, a.actor, a.person_id, a.network_contact_id,
        a.provider, a.step, a.justification, a.due_on, a.done_on, a.position,
    )  # fmt: skip


def _live_goals(session: Session, plan_id: str) -> list[GoalView]:
    rows = session.execute(
        select(Goal)
        .where(Goal.plan_id == plan_id, Goal.deleted.is_(False))
        .order_by(Goal.position, Goal.id)
    ).scalars()
    return [_goal_view(g) for g in rows]


def _live_actions(session: Session, plan_id: str) -> list[ActionView]:
    rows = session.execute(
        select(Action)
        .where(Action.plan_id == plan_id, Action.deleted.is_(False))
        .order_by(Action.position, Action.id)
    ).scalars()
    return [_action_view(a) for a in rows]
