"""Nudges from the seeds: warnings on a household's plan, never blocks.

- ``viertrap_not_walked``: trede 3/4 action or provision while no trede 1/2 action
  (or trede-2 algemene voorziening) is on the plan (seed 003, Groninger viertrap);
- ``stacking``: three or more running maatwerk provisions in one household (seed 004);
- ``future_plan_missing``: a youth of 16½ or older (under 18) in youth care (a running
  Jeugdwet maatwerk provision) without a complete toekomstplan (seed 002);
- ``turning_18``: a youth in youth care turning 18 within six months (seed 001, 18-/18+);
- ``goal_without_due_date``: a goal without a due date.

Messages are Dutch and hold no personal data; ``subject_id`` points at the plan,
household, person or goal concerned.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.models import (
    Action,
    Goal,
    Household,
    HouseholdStatus,
    Law,
    Person,
    Plan,
    Provision,
    ProvisionKind,
)

from ._inputs import add_months
from .future_plan import future_plans_of_household
from .provisions import RUNNING_STATUSES

STACKING_THRESHOLD = 3
FUTURE_PLAN_AGE_MONTHS = 16 * 12 + 6
ADULT_AGE_MONTHS = 18 * 12
TURNING_18_WINDOW_MONTHS = 6

VIERTRAP_NOT_WALKED = "viertrap_not_walked"
STACKING = "stacking"
FUTURE_PLAN_MISSING = "future_plan_missing"
TURNING_18 = "turning_18"
GOAL_WITHOUT_DUE_DATE = "goal_without_due_date"

_AREA_NAMES = {
    "housing": "wonen",
    "daytime_activity": "dagbesteding",
    "finances": "financiën",
    "social_contacts": "sociale contacten",
}


@dataclass(frozen=True)
class Nudge:
    code: str
    message_nl: str
    subject_id: str


def _running_provisions(session: Session, household_id: str, today: date) -> list[Provision]:
    rows = session.execute(
        select(Provision).where(
            Provision.household_id == household_id,
            Provision.deleted.is_(False),
            Provision.status.in_(RUNNING_STATUSES),
        )
    ).scalars()
    return [p for p in rows if p.end_on is None or p.end_on >= today]


def _viertrap(plan: Plan | None, actions: list[Action], provisions: list[Provision]) -> list[Nudge]:
    high = any(a.step >= 3 for a in actions) or any(p.step >= 3 for p in provisions)
    low = any(a.step <= 2 for a in actions) or any(p.step <= 2 for p in provisions)
    if not high or low:
        return []
    return [
        Nudge(
            VIERTRAP_NOT_WALKED,
            "Er is hulp op trede 3 of 4 ingezet, maar geen actie op trede 1 of 2: "
            "is eerst gekeken wat het gezin zelf, het netwerk of een algemene voorziening "
            "kan doen?",
            plan.id if plan is not None else provisions[0].household_id,
        )
    ]


def _youth_nudges(
    session: Session, household_id: str, provisions: list[Provision], today: date
) -> list[Nudge]:
    in_youth_care = {
        p.person_id
        for p in provisions
        if p.person_id is not None and p.law == Law.JEUGDWET and p.kind == ProvisionKind.TAILORED
    }
    if not in_youth_care:
        return []
    future_plans = future_plans_of_household(session, household_id)
    persons = session.execute(
        select(Person)
        .where(Person.id.in_(in_youth_care), Person.deleted.is_(False))
        .order_by(Person.birth_date, Person.id)
    ).scalars()
    nudges: list[Nudge] = []
    for person in persons:
        born = person.birth_date
        if born is None:
            continue
        eighteen = add_months(born, ADULT_AGE_MONTHS)
        if add_months(born, FUTURE_PLAN_AGE_MONTHS) <= today < eighteen:
            plan = future_plans.get(person.id)
            if plan is None:
                nudges.append(
                    Nudge(
                        FUTURE_PLAN_MISSING,
                        "Jongere van 16½ of ouder in de jeugdhulp zonder toekomstplan "
                        "(wonen, dagbesteding, financiën, sociale contacten).",
                        person.id,
                    )
                )
            elif not plan.is_complete:
                missing = ", ".join(_AREA_NAMES[a] for a in plan.missing_areas)
                nudges.append(
                    Nudge(
                        FUTURE_PLAN_MISSING,
                        f"Het toekomstplan van een jongere van 16½ of ouder is niet compleet: "
                        f"{missing} ontbreekt.",
                        person.id,
                    )
                )
        if today < eighteen <= add_months(today, TURNING_18_WINDOW_MONTHS):
            nudges.append(
                Nudge(
                    TURNING_18,
                    f"Jongere in de jeugdhulp wordt op {eighteen:%d-%m-%Y} 18: regel de "
                    "overgang naar zorg en ondersteuning voor volwassenen (18-/18+).",
                    person.id,
                )
            )
    return nudges


def plan_nudges(session: Session, household_id: str, today: date) -> list[Nudge]:
    """The warnings for one household on ``today`` (empty for a closed household)."""
    household = session.get(Household, household_id)
    if household is None or household.deleted or household.status == HouseholdStatus.CLOSED:
        return []
    plan = session.execute(
        select(Plan).where(Plan.household_id == household_id)
    ).scalar_one_or_none()
    actions: list[Action] = []
    goals: list[Goal] = []
    if plan is not None:
        actions = list(
            session.execute(
                select(Action).where(Action.plan_id == plan.id, Action.deleted.is_(False))
            ).scalars()
        )
        goals = list(
            session.execute(
                select(Goal)
                .where(Goal.plan_id == plan.id, Goal.deleted.is_(False))
                .order_by(Goal.position, Goal.id)
            ).scalars()
        )
    provisions = _running_provisions(session, household_id, today)
    nudges = _viertrap(plan, actions, provisions)
    tailored = [p for p in provisions if p.kind == ProvisionKind.TAILORED]
    if len(tailored) >= STACKING_THRESHOLD:
        nudges.append(
            Nudge(
                STACKING,
                f"{len(tailored)} maatwerkvoorzieningen in één huishouden (stapeling): "
                "kan het geheel doeltreffender en goedkoper worden ingezet?",
                household_id,
            )
        )
    nudges.extend(_youth_nudges(session, household_id, provisions, today))
    for number, goal in enumerate(goals, start=1):
        if goal.due_on is None:
            nudges.append(
                Nudge(
                    GOAL_WITHOUT_DUE_DATE,
                    f"Doel {number} heeft geen streefdatum.",
                    goal.id,
                )
            )
    return nudges
