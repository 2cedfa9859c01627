"""Who may see which households: the server decides scope (DESIGN.md §3 Sync, rule 5).

- caseworker: the households they coordinate or take part in (server_memberships);
- team lead: the households of their team;
- administrator: no dossier data at all;
- households closed longer ago than ``purge_closed_after_days`` leave every laptop
  (the server keeps them for the legal retention period).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, false, or_, select, union_all
from sqlalchemy.orm import Session

from caseworker.models import Household, Role

from .codec import one_of
from .direct import Direct
from .tables import Membership, core


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


def scope_kind(principal: Principal) -> str:
    """Which form the scope query takes: ``team`` (team lead), ``own`` (caseworker) or
    ``none``."""
    if principal.role == Role.TEAM_LEAD and principal.team_id is not None:
        return "team"
    if principal.role == Role.CASEWORKER:
        return "own"
    return "none"


def scope_params(principal: Principal) -> dict[str, Any]:
    """The bound values of the statements of :func:`scope_statement`."""
    return {
        "p_team": principal.team_id,
        "p_user": principal.user_id,
        "p_cutoff": principal.closed_before,
    }


_HOUSEHOLDS = core(Household)
_MEMBERSHIPS = core(Membership)


@functools.cache
def scope_statement(kind: str, cutoff: bool, with_ids: str | None = None) -> Select[Any]:
    """``SELECT households.id`` of a principal's scope (parameters: :func:`scope_params`;
    with ``with_ids``, a dialect's name, also ``p_ids``, a list: :func:`codec.one_of`).
    Built once per form (a handful exist), so SQLAlchemy's compiled-statement cache is hit
    without building a cache key per call."""
    h = _HOUSEHOLDS.c
    conditions: list[ColumnElement[bool]] = []
    if cutoff:
        # data minimisation (DESIGN.md §3 Sync rule 6): long-closed households leave laptops
        conditions.append(or_(h.closed_on.is_(None), h.closed_on >= bindparam("p_cutoff")))
    if with_ids is not None:
        conditions.append(one_of(h.id, "p_ids", with_ids))
    if kind == "own":
        # the coordinated households and those of the memberships, each by its own index,
        # as two parts: "coordinator_id = u OR id IN (…)" scanned all households, and so
        # did "id IN (coordinated UNION ALL memberships)" in the plan PostgreSQL prepares
        m = _MEMBERSHIPS.c
        coordinated = select(h.id).where(h.coordinator_id == bindparam("p_user"), *conditions)
        member = (
            select(h.id)
            .select_from(_HOUSEHOLDS.join(_MEMBERSHIPS, m.household_id == h.id))
            .where(m.user_id == bindparam("p_user"), *conditions)
        )
        own = union_all(coordinated, member).subquery("own")
        return select(own.c.id)
    if kind == "team":
        return select(h.id).where(h.team_id == bindparam("p_team"), *conditions)
    return select(h.id).where(false())


@functools.cache
def _in_scope(kind: str, cutoff: bool, dialect: str) -> Direct:
    return Direct(scope_statement(kind, cutoff, dialect))


def scope_query(principal: Principal) -> Select[Any]:
    """The principal's scope as a statement whose parameters are bound already."""
    return scope_statement(scope_kind(principal), principal.closed_before is not None).params(
        scope_params(principal)
    )


def households_in_scope(session: Session, principal: Principal) -> set[str]:
    statement = scope_statement(scope_kind(principal), principal.closed_before is not None)
    return set(session.connection().execute(statement, scope_params(principal)).scalars())


def in_scope(session: Session, principal: Principal, household_ids: Iterable[str]) -> set[str]:
    """Those of ``household_ids`` the principal may see."""
    ids = list(set(household_ids))
    if not ids:
        return set()
    conn = session.connection()
    statement = _in_scope(
        scope_kind(principal), principal.closed_before is not None, conn.dialect.name
    )
    params = scope_params(principal)
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        params["p_ids"] = ids[start : start + 500]
        found.update(row[0] for row in statement.rows(conn, params))
    return found
