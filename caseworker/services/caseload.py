"""The caseload table: one row per household in a few set-based queries (no N+1).

One query for households with coordinator, member count and next evaluation, then
one query per alert rule (see :mod:`caseworker.services.alerts`). The desktop asks for
the rows without alerts first (``with_alerts=False``: the table is usable at once) and
for ``caseload_alerts`` in a second step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlalchemy import Integer, and_, func, literal_column, select
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
    # households.rowid, the key of the search index (household_search.rowid): an opaque
    # integer that lets search-as-you-type match hits to loaded rows without reading
    # the index's content rows. Valid for this load only.
    search_key: int = 0

    @property
    def has_alert(self) -> bool:
        return bool(self.alerts)


def load_caseload(
    session: Session,
    ctx: ServiceContext,
    *,
    scope: Scope = "mine",
    include_closed: bool = False,
    with_alerts: bool = True,
) -> list[CaseloadRow]:
    """Households coordinated by the acting user ("mine") or of their team ("team"),
    sorted by name. A user without a team sees their own households under "team".
    ``with_alerts=False`` leaves ``alerts`` empty (see :func:`caseload_alerts`)."""
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
            literal_column("households.rowid", Integer),
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
    alerts = (
        compute_alerts(session, ctx.today(), household_ids=[r[0] for r in rows])
        if with_alerts
        else {}
    )
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
            search_key=search_key,
        )
        for (
            hid,
            search_key,
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


def caseload_alerts(
    session: Session, ctx: ServiceContext, rows: Sequence[CaseloadRow]
) -> dict[str, tuple[Alert, ...]]:
    """The alerts of these caseload rows (second step after ``with_alerts=False``),
    by household id; households without alerts are absent."""
    found = compute_alerts(session, ctx.today(), household_ids=[r.household_id for r in rows])
    return {hid: tuple(alerts) for hid, alerts in found.items()}
