"""What a request needs: the :class:`Server` (one per application: settings, engine,
sessions, the push committer; no globals) and the :class:`Caller`, a request's device
token checked in the endpoint's own session, with the route dependencies ``Auth`` and
``Admin``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from caseworker.models import Role
from caseworker.sync import protocol as p

from . import accounts, db
from .combine import GroupCommitter
from .errors import ApiError, forbidden
from .push import PreparedPush
from .push_group import write_pushes
from .scope import Principal
from .settings import ServerSettings
from .sync_inputs import bearer_token

_bearer = HTTPBearer(auto_error=False, description="The device token from /v1/enroll")


def utcnow() -> datetime:
    return datetime.now(UTC)


class Server:
    """Everything a request needs; one per app (no globals)."""

    def __init__(
        self, settings: ServerSettings, engine: Engine, now: Callable[[], datetime]
    ) -> None:
        self.settings = settings
        self.engine = engine
        self.sessions = db.session_factory(engine)
        # reads run in autocommit on PostgreSQL (db.autocommit): what must be atomic takes
        # a transaction of its own. On SQLite they are transactions that hold the write lock
        # from their first statement, and another transaction beside one would wait for ever
        self.reads_autocommit = db.reads_in_autocommit(engine.dialect.name)
        self.now = now
        self.pushes: GroupCommitter[PreparedPush, p.PushResult] = GroupCommitter(
            self.sessions, write_pushes
        )

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self.sessions() as session, session.begin():
            yield session


def _authenticate(
    server: Server, request: Request, session: Session, token: str, batch_id: str | None = None
) -> tuple[Principal, accounts.StoredBatch | None]:
    """The device of ``token`` and its user, by one indexed query in the request's own
    transaction (no separate transaction or pooled connection for authentication); with
    ``batch_id`` (a push) also the batch already stored under that id."""
    found = accounts.device_for_token(session, token, batch_id)
    if found is None:
        raise ApiError(401, "unknown device token")
    if found.revoked or not found.active:
        raise ApiError(401, "this device has been revoked", revoked=True)
    now = server.now()
    if found.last_seen_at is None or now - found.last_seen_at > timedelta(minutes=1):
        accounts.touch_device(session, found.device_id, now)
    request.scope.setdefault("state", {})["device_id"] = found.device_id
    cutoff = (now - timedelta(days=server.settings.purge_closed_after_days)).date()
    who = Principal(
        device_id=found.device_id,
        user_id=found.user_id,
        role=found.role,
        team_id=found.team_id,
        closed_before=cutoff,
    )
    return who, found.batch


@dataclass(frozen=True)
class Caller:
    """A request with a well-formed bearer token, not yet checked against the database.
    ``with caller.session() as (session, who)`` authenticates inside the endpoint's own
    transaction (in the endpoint's thread, holding a connection only while it works),
    commits at the end and rolls back on any error. :meth:`reading` and
    :meth:`push_session` do the same in :func:`db.autocommit` (on PostgreSQL: for work that
    reads, or writes single statements)."""

    server: Server
    request: Request
    token: str
    admin: bool = False

    def authenticate(self, session: Session) -> Principal:
        """The device and its user, checked in ``session``'s transaction."""
        who, _batch = _authenticate(self.server, self.request, session, self.token)
        if self.admin and who.role != Role.ADMINISTRATOR:
            raise forbidden("administrators only")
        return who

    @contextmanager
    def session(self) -> Iterator[tuple[Session, Principal]]:
        with self._transaction() as (session, (who, _stored)):
            yield session, who

    @contextmanager
    def reading(self) -> Iterator[tuple[Session, Principal]]:
        with self._transaction(reads=True) as (session, (who, _stored)):
            yield session, who

    @contextmanager
    def push_session(
        self, batch_id: str
    ) -> Iterator[tuple[Session, Principal, accounts.StoredBatch | None]]:
        """:meth:`session` for a push: also the batch stored under ``batch_id`` (read with
        the authentication, in the same query)."""
        with self._transaction(batch_id, reads=True) as (session, (who, stored)):
            yield session, who, stored

    @contextmanager
    def _transaction(
        self, batch_id: str | None = None, *, reads: bool = False
    ) -> Iterator[tuple[Session, tuple[Principal, accounts.StoredBatch | None]]]:
        with self.server.sessions() as session:
            try:
                with db.autocommit(session) if reads else nullcontext():
                    found: tuple[Principal, accounts.StoredBatch | None]
                    if batch_id is None:
                        found = (self.authenticate(session), None)
                    else:
                        found = _authenticate(
                            self.server, self.request, session, self.token, batch_id
                        )
                    yield session, found
                session.commit()
            except BaseException:
                session.rollback()
                raise


async def _caller(
    request: Request,
    _credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Caller:
    # ``_bearer`` declares the scheme in /openapi.json; the token is read as by the sync
    # routes, which read it without dependencies (:func:`sync_inputs.bearer_token`)
    return Caller(request.app.state.server, request, bearer_token(request))


Auth = Annotated[Caller, Depends(_caller)]


def _admin(caller: Auth) -> Caller:
    return replace(caller, admin=True)


Admin = Annotated[Caller, Depends(_admin)]
