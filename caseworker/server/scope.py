"""Who may see which households: the server decides scope (DESIGN.md §3 Sync, rule 5).

- caseworker: the households they coordinate or take part in (server_memberships);
- team lead: the households of their team;
- administrator: no dossier data at all;
- households closed longer ago than ``purge_closed_after_days`` leave every laptop
  (the server keeps them for the legal retention period).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, or_, select
from sqlalchemy.orm import Session

from caseworker.models import Household, Role

from .tables import Membership


@dataclass(frozen=True)
class Principal:
    """The authenticated device and its user."""

    device_id: str
    user_id: str
    role: Role
    team_id: str | None
    closed_before: date | None = None  # households closed before this day leave the laptops

    @property
    def sees_dossiers(self) -> bool:
        return self.role in (Role.CASEWORKER, Role.TEAM_LEAD)


def scope_condition(principal: Principal) -> ColumnElement[bool]:
    """A WHERE clause on ``households`` selecting the principal's households."""
    if principal.role == Role.TEAM_LEAD and principal.team_id is not None:
        condition: ColumnElement[bool] = Household.team_id == principal.team_id
    elif principal.role == Role.CASEWORKER:
        memberships = select(Membership.household_id).where(Membership.user_id == principal.user_id)
        condition = or_(
            Household.coordinator_id == principal.user_id, Household.id.in_(memberships)
        )
    else:
        return false()
    if principal.closed_before is not None:
        # data minimisation (DESIGN.md §3 Sync rule 6): long-closed households leave laptops
        condition = and_(
            condition,
            or_(Household.closed_on.is_(None), Household.closed_on >= principal.closed_before),
        )
    return condition


def scope_query(principal: Principal) -> Select[Any]:
    return select(Household.id).where(scope_condition(principal))


def households_in_scope(session: Session, principal: Principal) -> set[str]:
    return set(session.execute(scope_query(principal)).scalars())


def in_scope(session: Session, principal: Principal, household_ids: Iterable[str]) -> set[str]:
    """Those of ``household_ids`` the principal may see."""
    ids = list(set(household_ids))
    if not ids:
        return set()
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found.update(
            session.execute(scope_query(principal).where(Household.id.in_(chunk))).scalars()
        )
    return found
