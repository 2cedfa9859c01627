"""Teams, users, passwords (Argon2), device enrolment, tokens, revocation, rate limiting.

Teams and users are synced rows (caseworker.models); every write here also enters the
change feed so devices of the team receive them.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from caseworker.models import Household, Role, Team, User

from .direct import Direct
from .errors import ApiError
from .scope import Principal
from .sequence import SequenceAllocator
from .settings import ServerSettings
from .tables import Account, Batch, ChangeLog, Device, LoginFailure, Membership, core

# A hash to verify against when the user does not exist (equal timing, no user oracle).
_DUMMY_PASSWORD = "not-a-real-password"


def password_hasher(settings: ServerSettings) -> PasswordHasher:
    return PasswordHasher(
        time_cost=settings.argon2_time_cost,
        memory_cost=settings.argon2_memory_kib,
        parallelism=settings.argon2_parallelism,
    )


@functools.lru_cache(maxsize=4)
def _dummy_hash_for(time_cost: int, memory_cost: int, parallelism: int) -> str:
    return PasswordHasher(time_cost, memory_cost, parallelism).hash(_DUMMY_PASSWORD)


def _dummy_hash(hasher: PasswordHasher) -> str:
    return _dummy_hash_for(hasher.time_cost, hasher.memory_cost, hasher.parallelism)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Enrolment:
    device_id: str
    token: str
    user_id: str
    role: Role
    team_id: str | None


def _log(
    session: Session, seq: SequenceAllocator, table: str, row_id: str, team: str | None
) -> int:
    number = seq.next()
    session.execute(
        delete(ChangeLog).where(ChangeLog.table_name == table, ChangeLog.row_id == row_id)
    )
    session.add(
        ChangeLog(seq=number, table_name=table, row_id=row_id, household_id=None, team_id=team)
    )
    return number


def create_team(session: Session, *, code: str, name: str, area: str | None = None) -> Team:
    seq = SequenceAllocator(session)
    team = Team(code=code, name=name, area=area)
    session.add(team)
    session.flush()
    team.version = _log(session, seq, "teams", team.id, team.id)
    seq.save()
    session.flush()
    return team


def find_team(session: Session, code_or_id: str) -> Team | None:
    return session.execute(
        select(Team).where((Team.code == code_or_id) | (Team.id == code_or_id))
    ).scalar_one_or_none()


def create_user(
    session: Session,
    settings: ServerSettings,
    *,
    username: str,
    display_name: str,
    role: Role,
    password: str,
    team_id: str | None,
) -> User:
    if role != Role.ADMINISTRATOR and team_id is None:
        raise ValueError("caseworkers and team leads belong to a team")
    seq = SequenceAllocator(session)
    user = User(
        username=username, display_name=display_name, role=role, team_id=team_id, active=True
    )
    session.add(user)
    session.flush()
    user.version = _log(session, seq, "users", user.id, team_id)
    session.add(Account(user_id=user.id, password_hash=password_hasher(settings).hash(password)))
    seq.save()
    session.flush()
    return user


def add_membership(session: Session, *, household_id: str, user_id: str) -> None:
    if session.get(Membership, (household_id, user_id)) is None:
        session.add(Membership(household_id=household_id, user_id=user_id))
        session.flush()


def remove_membership(session: Session, *, household_id: str, user_id: str) -> None:
    session.execute(
        delete(Membership).where(
            Membership.household_id == household_id, Membership.user_id == user_id
        )
    )


def _recent_failures(
    session: Session, settings: ServerSettings, username: str, address: str, now: datetime
) -> int:
    since = now - timedelta(seconds=settings.login_window_seconds)
    return int(
        session.execute(
            select(func.count())
            .select_from(LoginFailure)
            .where(
                LoginFailure.username == username,
                LoginFailure.address == address,
                LoginFailure.at > since,
            )
        ).scalar_one()
    )


def check_rate_limit(
    session: Session, settings: ServerSettings, username: str, address: str, now: datetime
) -> None:
    if _recent_failures(session, settings, username, address, now) >= settings.login_max_failures:
        error = ApiError(429, "too many failed attempts; try again later")
        error.headers["Retry-After"] = str(settings.login_window_seconds)
        raise error


def record_failure(
    session: Session, username: str, address: str, now: datetime, keep_seconds: int = 86400
) -> None:
    """Remember a failed attempt; attempts older than ``keep_seconds`` are forgotten."""
    session.execute(
        delete(LoginFailure).where(LoginFailure.at < now - timedelta(seconds=keep_seconds))
    )
    session.add(LoginFailure(username=username[:64], address=address[:64], at=now))
    session.flush()


def authenticate(
    session: Session, settings: ServerSettings, username: str, password: str
) -> User | None:
    """The active user with this password, or None. Always runs one Argon2 verification."""
    hasher = password_hasher(settings)
    row = session.execute(
        select(User, Account)
        .join(Account, Account.user_id == User.id)
        .where(User.username == username)
    ).first()
    if row is None:
        with contextlib.suppress(VerificationError):
            hasher.verify(_dummy_hash(hasher), password)
        return None
    user, account = row
    try:
        hasher.verify(account.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    if not user.active or user.deleted:
        return None
    if hasher.check_needs_rehash(account.password_hash):
        account.password_hash = hasher.hash(password)
    return user


def enroll(session: Session, user: User, *, label: str, client: str, now: datetime) -> Enrolment:
    token = secrets.token_urlsafe(32)
    device = Device(
        user_id=user.id,
        label=label,
        client=client,
        token_hash=token_digest(token),
        created_at=now,
    )
    session.add(device)
    session.flush()
    return Enrolment(device.id, token, user.id, user.role, user.team_id)


@dataclass(frozen=True)
class StoredBatch:
    """A push batch already applied under an id: by which device, the hash of its body
    and the answer given."""

    device_id: str
    body_hash: str
    result: dict[str, Any]


@dataclass(frozen=True)
class TokenOwner:
    """What authentication needs of a device and its user (one indexed query, no ORM)."""

    device_id: str
    user_id: str
    role: Role
    team_id: str | None
    active: bool  # the user is active and not deleted
    revoked: bool
    last_seen_at: datetime | None
    batch: StoredBatch | None = None  # asked for with the token: the batch of that id


_DEVICE = core(Device)
_USER = core(User)
# built once: the compiled form is cached by SQLAlchemy under the statement's own cache
# key (computed once per statement object), so a request only binds the parameters
_TOKEN_OWNER = (
    select(
        _DEVICE.c.id,
        _DEVICE.c.user_id,
        _USER.c.role,
        _USER.c.team_id,
        _USER.c.active,
        _USER.c.deleted,
        _DEVICE.c.revoked_at,
        _DEVICE.c.last_seen_at,
    )
    .select_from(_DEVICE.join(_USER, _USER.c.id == _DEVICE.c.user_id))
    .where(_DEVICE.c.token_hash == bindparam("p_digest"))
)
_BATCHES = core(Batch)
# a push asks for the batch of its id in the same query (idempotency: a retried batch is
# answered with the stored result), one statement less per push
_TOKEN_OWNER_AND_BATCH = _TOKEN_OWNER.add_columns(
    _BATCHES.c.device_id, _BATCHES.c.body_hash, _BATCHES.c.result
).outerjoin(_BATCHES, _BATCHES.c.batch_id == bindparam("p_batch"))
_OWNER, _OWNER_AND_BATCH = Direct(_TOKEN_OWNER), Direct(_TOKEN_OWNER_AND_BATCH)
_TOUCH = (
    update(_DEVICE)
    .where(_DEVICE.c.id == bindparam("p_device"))
    .values(last_seen_at=bindparam("p_now"))
)


def device_for_token(
    session: Session, token: str, batch_id: str | None = None
) -> TokenOwner | None:
    """The device with this token and its user, by the unique index on the token hash;
    with ``batch_id`` also the batch stored under that id, if any (same query)."""
    params = {"p_digest": token_digest(token)}
    statement = _OWNER
    if batch_id is not None:
        statement = _OWNER_AND_BATCH
        params["p_batch"] = batch_id
    row = statement.first(session.connection(), params)
    if row is None:
        return None
    batch = None
    if batch_id is not None and row[8] is not None:
        batch = StoredBatch(device_id=row[8], body_hash=row[9], result=row[10])
    return TokenOwner(
        device_id=row[0],
        user_id=row[1],
        role=Role(row[2]),
        team_id=row[3],
        active=bool(row[4]) and not row[5],
        revoked=row[6] is not None,
        last_seen_at=row[7],
        batch=batch,
    )


def touch_device(session: Session, device_id: str, now: datetime) -> None:
    session.connection().execute(_TOUCH, {"p_device": device_id, "p_now": now})


def principal_for(device: Device, user: User, closed_before: date | None = None) -> Principal:
    return Principal(
        device_id=device.id,
        user_id=user.id,
        role=user.role,
        team_id=user.team_id,
        closed_before=closed_before,
    )


def revoke(session: Session, device_id: str, now: datetime) -> bool:
    result = session.execute(
        update(Device)
        .where(Device.id == device_id, Device.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return bool(getattr(result, "rowcount", 0))


def list_devices(session: Session) -> list[Device]:
    return list(session.execute(select(Device).order_by(Device.created_at)).scalars())


def list_users(session: Session) -> list[User]:
    return list(session.execute(select(User).order_by(User.username)).scalars())


def household_exists(session: Session, household_id: str) -> bool:
    return session.get(Household, household_id) is not None
