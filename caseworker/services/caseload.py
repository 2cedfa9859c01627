"""The caseload table: one row per household in a few set-based queries (no N+1).

One query for households with coordinator, member count and next evaluation, then
one query per alert rule (see :mod:`caseworker.services.alerts`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from caseworker.models import Household, HouseholdStatus, Person, Plan, PlanStatus, User
from caseworker.models.validators import ValidationError

from .alerts import Alert, compute_alerts
from .context import ServiceContext
from .households import address_line

Scope = Literal["mine", "team"]


@dataclass(frozen=True)
class CaseloadRow:
    household_id: str
    name: str
    address_line: str
    member_count: int
    coordinator_name: str | None
    status: HouseholdStatus
    next_evaluation: date | None
    alerts: tuple[Alert, ...]
    team_id: str | None
    coordinator_id: str | None
    neighbourhood: str | None = None
    opened_on: date | None = None

    @property
    def has_alert(self) -> bool:
        return bool(self.alerts)


def load_caseload(
    session: Session,
    ctx: ServiceContext,
    *,
    scope: Scope = "mine",
    include_closed: bool = False,
) -> list[CaseloadRow]:
    """Households coordinated by the acting user ("mine") or of their team ("team"),
    sorted by name. A user without a team sees their own households under "team"."""
    if scope not in ("mine", "team"):
        raise ValidationError("scope", "onbekende selectie")
    if ctx.user_id is None:
        return []  # nobody acting (e.g. a script without a user): no caseload
    # a correlated count walks ix_persons_household for the selected rows only
    members = (
        select(func.count())
        .where(Person.household_id == Household.id, Person.deleted.is_(False))
        .correlate(Household)
        .scalar_subquery()
    )
    query = (
        select(
            Household.id,
            Household.name,
            Household.street,
            Household.house_number,
            Household.postcode,
            Household.city,
            Household.neighbourhood,
            Household.status,
            Household.opened_on,
            Household.team_id,
            Household.coordinator_id,
            User.display_name,
            Plan.evaluation_on,
            members,
        )
        .outerjoin(User, User.id == Household.coordinator_id)
        .outerjoin(
            Plan,
            and_(
                Plan.household_id == Household.id,
                Plan.deleted.is_(False),
                Plan.status != PlanStatus.CLOSED,
            ),
        )
        .where(Household.deleted.is_(False))
    )
    team_id: str | None = None
    if scope == "team" and ctx.user_id is not None:
        team_id = session.execute(
            select(User.team_id).where(User.id == ctx.user_id)
        ).scalar_one_or_none()
    if team_id is not None:
        query = query.where(Household.team_id == team_id)
    else:
        query = query.where(Household.coordinator_id == ctx.user_id)
    if not include_closed:
        query = query.where(Household.status != HouseholdStatus.CLOSED)
    # Core execution: plain rows without the ORM's per-row loading machinery.
    rows = session.connection().execute(query).all()
    alerts = compute_alerts(session, ctx.today(), household_ids=[r[0] for r in rows])
    result = [
        CaseloadRow(
            household_id=hid,
            name=name,
            address_line=address_line(street, number, postcode, city),
            member_count=int(count),
            coordinator_name=coordinator_name,
            status=status,
            next_evaluation=evaluation_on,
            alerts=tuple(alerts.get(hid, ())),
            team_id=row_team,
            coordinator_id=coordinator_id,
            neighbourhood=neighbourhood,
            opened_on=opened_on,
        )
        for (
            hid,
            name,
            street,
            number,
            postcode,
            city,
            neighbourhood,
            status,
            opened_on,
            row_team,
            coordinator_id,
            coordinator_name,
            evaluation_on,
            count,
        ) in rows
    ]
    result.sort(key=lambda r: (r.name.casefold(), r.household_id))
    return result
