"""Small services the desktop UI needs that no other service module offers (yet).

Plain Python like every service: take a Session, return plain objects.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.models import Role, Team, User
from caseworker.models.validators import require_text

from .audit import AuditAction, record
from .context import ServiceContext
from .search import build_match_query


@dataclass(frozen=True)
class SessionUser:
    """The professional working on this device."""

    id: str
    display_name: str
    role: Role
    team_id: str | None

    @property
    def is_team_lead(self) -> bool:
        return self.role == Role.TEAM_LEAD


def _as_session_user(user: User) -> SessionUser:
    return SessionUser(user.id, user.display_name, user.role, user.team_id)


def session_user(session: Session, preferred_id: str | None = None) -> SessionUser | None:
    """The device's own user: ``preferred_id`` when it exists, else the first active
    caseworker (then team lead, then anyone) by username; None in an empty store."""
    if preferred_id is not None:
        user = session.get(User, preferred_id)
        if user is not None and not user.deleted and user.active:
            return _as_session_user(user)
    order = {Role.CASEWORKER: 0, Role.TEAM_LEAD: 1, Role.ADMINISTRATOR: 2}
    users = session.execute(
        select(User).where(User.deleted.is_(False), User.active.is_(True)).order_by(User.username)
    ).scalars()
    ranked = sorted(users, key=lambda u: order.get(u.role, 9))
    return _as_session_user(ranked[0]) if ranked else None


def create_local_user(session: Session, display_name: str, username: str | None = None) -> str:
    """The first user of a store made without a server (first run): a caseworker in a
    local team. Returns the user id."""
    name = require_text(display_name, "display_name", "vul uw naam in")
    login = (username or "").strip() or "lokaal"
    team = session.execute(select(Team).where(Team.code == "lokaal")).scalar_one_or_none()
    if team is None:
        team = Team(name="Lokaal team", code="lokaal")
        session.add(team)
        session.flush()
    user = User(username=login, display_name=name, role=Role.CASEWORKER, team_id=team.id)
    session.add(user)
    session.flush()
    return user.id


def audit_session_event(session: Session, ctx: ServiceContext, action: AuditAction) -> None:
    """Record an unlock or lock of the store by the desktop client (ids only)."""
    record(session, ctx, action, object_type="store")


# rowid only: the FTS5 index answers this from its own b-tree. Selecting the UNINDEXED
# household_id column would read every hit's content row (≈ 6× slower for "a"*).
# One row holding all rowids as a JSON array: for one typed character (≈ 5,000 hits)
# stepping the cursor row by row cost ≈ 3.5 ms of the 3.8 ms; the array and
# ``json.loads`` ≈ 1.6 ms (splitting a joined text and ``int`` per key: 2.4 ms).
_KEY_SEARCH_SQL = (
    "SELECT json_group_array(rowid) FROM household_search WHERE household_search MATCH ?"
)


def search_household_keys(session: Session, user_text: str) -> frozenset[int] | None:
    """The search keys (``CaseloadRow.search_key`` = households.rowid) of the households
    matching ``user_text`` (same query language as ``search.search_households``),
    unranked and unlimited: search-as-you-type filters a caseload that is already
    loaded, so it needs membership, not order. None = no query (show everything).

    Runs on the DB-API cursor of the session's own connection (same transaction): for
    one or two typed characters (thousands of hits) SQLAlchemy's per-row result handling
    cost as much as the query itself, and the rowids come back as one JSON array."""
    query = build_match_query(user_text)
    if query is None:
        return None
    cursor = session.connection().connection.cursor()
    try:
        row = cursor.execute(_KEY_SEARCH_SQL, (query,)).fetchone()
    finally:
        cursor.close()
    return frozenset(json.loads(row[0])) if row else frozenset()  # an aggregate: one row
