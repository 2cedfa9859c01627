"""The FastAPI application: ``create_app(settings)``; every route under ``/v1/``."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Annotated, Any

import anyio.to_thread
from fastapi import Depends, FastAPI, Path, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.telemetry import TelemetryConfig
from pydantic import BaseModel
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from caseworker import __version__
from caseworker.sync import protocol as p

from . import accounts, audit_log, db, pull
from .callers import Admin, Auth, Caller, Server, utcnow
from .errors import ApiError, forbidden, not_found
from .gc_tuning import tune_for_serving
from .logs import configure
from .middleware import AccessLogMiddleware, BodyLimitMiddleware
from .push import PushService
from .push_group import push_audit
from .raw_body import add_body_schemas, json_body, push_batch
from .scope import in_scope
from .settings import ServerSettings
from .sync_inputs import SECURITY, bearer_token, query_int, query_schema

_UUID = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": p.ErrorBody} for code in (401, 403, 404, 409, 413, 422, 429)
}
_NO_TELEMETRY: TelemetryConfig = {"tracing": False, "metrics": False, "logs": False}


def create_app(
    settings: ServerSettings,
    *,
    engine: Engine | None = None,
    now: Callable[[], datetime] = utcnow,
    serving: bool = False,
) -> FastAPI:
    """The application. ``serving``: it is the process's only application, started by
    ``caseworker-server serve`` (the garbage collector is tuned for it at startup:
    :mod:`gc_tuning`); tests and embedders leave their process's collector alone."""
    logger = configure(settings.log_level)
    server = Server(settings, engine or db.make_engine(settings.database_url), now)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # few request threads: the sequence lock is held by one of them, and fewer threads
        # fighting for the GIL let it finish (and release the lock) sooner
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.threads
        if serving:
            tune_for_serving()
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="Caseworker sync server",
        version=__version__,
        description="Sync protocol v1 (DESIGN.md §3). Errors: {detail, revoked}.",
        responses=_ERRORS,
        # off unless asked for: looking up the global OpenTelemetry providers on every
        # request costs more than the rest of the middleware together
        telemetry=None if settings.telemetry else _NO_TELEMETRY,
    )
    app.state.server = server
    _install_error_handlers(app, logger)
    _add_routes(app, server)
    add_body_schemas(app, (p.PushBatch,))
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(AccessLogMiddleware, logger=logger)
    return app


def _error(
    status: int, detail: str, revoked: bool = False, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(
        status_code=status, content={"detail": detail, "revoked": revoked}, headers=headers
    )


def _install_error_handlers(app: FastAPI, logger: logging.Logger) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.detail, exc.revoked, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": [str(part) for part in e.get("loc", ())], "msg": e.get("msg", "")}
            for e in exc.errors()[:20]
        ]
        first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
        detail = f"{'.'.join(first['loc'])}: {first['msg']}"
        return JSONResponse(
            status_code=422, content={"detail": detail, "revoked": False, "errors": errors}
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail), headers=dict(exc.headers or {}))

    @app.exception_handler(IntegrityError)
    async def _integrity(_request: Request, exc: IntegrityError) -> JSONResponse:
        logger.warning("integrity error", extra={"fields": {"error": type(exc.orig).__name__}})
        return _error(409, "the request conflicts with stored data")

    @app.exception_handler(OperationalError)
    async def _operational(_request: Request, exc: OperationalError) -> JSONResponse:
        logger.error("database unavailable", extra={"fields": {"error": type(exc.orig).__name__}})
        return _error(503, "database unavailable; try again later", headers={"Retry-After": "5"})

    @app.exception_handler(DBAPIError)
    async def _dbapi(_request: Request, exc: DBAPIError) -> JSONResponse:
        logger.warning(
            "database refused a value", extra={"fields": {"error": type(exc.orig).__name__}}
        )
        return _error(422, "the database refused a value in the request")


def _address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _json(model: BaseModel) -> Response:
    """An answer serialised once by pydantic (``model_dump_json``), returned as it is.
    The route keeps ``response_model`` for the OpenAPI schema; FastAPI neither validates
    nor serialises a returned ``Response`` a second time."""
    return Response(model.__pydantic_serializer__.to_json(model), media_type="application/json")


def _add_routes(app: FastAPI, server: Server) -> None:
    @app.get("/healthz", response_model=p.Health, tags=["operations"])
    def healthz() -> p.Health:
        return p.Health(status="ok")

    @app.get(
        "/readyz",
        response_model=p.Health,
        tags=["operations"],
        responses={503: {"model": p.ErrorBody}},
    )
    def readyz() -> Any:
        try:
            with server.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except Exception:
            return _error(503, "database unavailable")
        if not db.is_ready(server.engine):
            return _error(503, "database schema is not up to date; run init-db")
        return p.Health(status="ready")

    @app.post("/v1/enroll", response_model=p.EnrollResponse, tags=["devices"])
    def enroll(body: p.EnrollRequest, request: Request) -> p.EnrollResponse:
        address = _address(request)
        now = server.now()
        with server.transaction() as session:
            accounts.check_rate_limit(session, server.settings, body.username, address, now)
        with server.sessions() as session:
            user = accounts.authenticate(session, server.settings, body.username, body.password)
            session.commit()
        with server.transaction() as session:
            if user is None:
                accounts.record_failure(
                    session,
                    body.username,
                    address,
                    now,
                    keep_seconds=max(server.settings.login_window_seconds, 86400),
                )
                audit_log.server_audit(
                    session, action="enroll", now=now, address=address, success=False
                )
        if user is None:
            raise ApiError(401, "wrong user name or password")
        from caseworker.models import Team  # here only: the rest of this module needs none

        with server.transaction() as session:
            enrolment = accounts.enroll(
                session, user, label=body.device_label, client=body.client, now=now
            )
            team = session.get(Team, user.team_id) if user.team_id is not None else None
            audit_log.server_audit(
                session,
                action="enroll",
                now=now,
                user_id=user.id,
                device_id=enrolment.device_id,
                address=address,
                object_type="device",
                object_id=enrolment.device_id,
            )
        return p.EnrollResponse(
            device_id=enrolment.device_id,
            token=enrolment.token,
            user_id=enrolment.user_id,
            role=str(enrolment.role),
            team_id=enrolment.team_id,
            username=user.username,
            display_name=user.display_name,
            team_code=team.code if team is not None else None,
            team_name=team.name if team is not None else None,
        )

    @app.get("/v1/me", response_model=p.Me, tags=["devices"])
    def me(caller: Auth) -> p.Me:
        with caller.session() as (_session, who):
            return p.Me(
                device_id=who.device_id,
                user_id=who.user_id,
                role=str(who.role),
                team_id=who.team_id,
            )

    @app.post(
        "/v1/push",
        response_model=p.PushResult,
        tags=["sync"],
        openapi_extra={**json_body(p.PushBatch), "security": SECURITY},
    )
    def push(body: Annotated[p.PushBatch, Depends(push_batch)], request: Request) -> Response:
        caller = Caller(server, request, bearer_token(request))
        now = server.now()
        # authenticated, decoded and merged in the request's own session (db.autocommit: it
        # only reads, and a replay writes its audit row in one statement), side by side
        # with the other requests; only the writing waits for the sequence lock
        with caller.push_session(body.batch_id) as (session, who, stored):
            prepared = PushService(session, who, now).prepare(body, stored)
            if isinstance(prepared, p.PushResult):  # a retry of a stored batch
                audit = push_audit(prepared, True, now=now, principal=who)
                audit_log.write_audit(session.connection(), [audit])
                return _json(prepared)
        # concurrent pushes of this process are written together and share one commit
        return _json(server.pushes.run(prepared))

    @app.get(
        "/v1/changes",
        response_model=p.ChangesPage,
        tags=["sync"],
        openapi_extra={
            "security": SECURITY,
            "parameters": [
                query_schema("since", 0, 0, p.MAX_SEQ),
                query_schema("limit", 500, 1, p.MAX_PAGE_LIMIT),
            ],
        },
    )
    def changes(request: Request) -> Response:
        caller = Caller(server, request, bearer_token(request))
        since = query_int(request, "since", 0, 0, p.MAX_SEQ)
        limit = query_int(request, "limit", 500, 1, p.MAX_PAGE_LIMIT)
        now = server.now()
        with caller.reading() as (session, who):
            if not who.sees_dossiers:
                raise forbidden("administrators do not sync dossier data")
            # a scope change found on the way is recorded in a transaction of its own
            writer = server.transaction if server.reads_autocommit else None
            page = pull.build_page(session, who, since, limit, writer=writer)
            # audited before the page is sent: one insert, committed as it runs (or with the
            # pull's transaction on SQLite), on the connection the page was read on
            audit = audit_log.audit_row(
                action="pull",
                now=now,
                principal=who,
                detail={
                    "since": since,
                    "next_since": page.next_since,
                    "rows": len(page.rows),
                    "purges": len(page.purges),
                },
            )
            audit_log.write_audit(session.connection(), [audit])
        return _json(page)

    @app.get("/v1/households/{household_id}", response_model=p.HouseholdDossier, tags=["sync"])
    def household(
        household_id: Annotated[str, Path(pattern=_UUID)], caller: Auth
    ) -> p.HouseholdDossier:
        now = server.now()
        with caller.session() as (session, who):
            if not who.sees_dossiers:
                raise forbidden("administrators do not read dossiers")
            if household_id not in in_scope(session, who, [household_id]):
                raise not_found("no such household in your scope")
            rows = pull.household_rows(session, household_id)
            audit_log.server_audit(
                session,
                action="view",
                now=now,
                principal=who,
                object_type="household",
                object_id=household_id,
                household_id=household_id,
                detail={"rows": len(rows)},
            )
        return p.HouseholdDossier(household_id=household_id, rows=rows)

    @app.post("/v1/audit", response_model=p.AuditUploadResult, tags=["audit"])
    def upload_audit(body: p.AuditUpload, caller: Auth) -> p.AuditUploadResult:
        now = server.now()
        with caller.session() as (session, who):
            result = audit_log.upload(session, who, body, now)
            audit_log.server_audit(
                session,
                action="audit_upload",
                now=now,
                principal=who,
                detail={"accepted": result.accepted, "duplicates": result.duplicates},
            )
        return result

    @app.get("/v1/admin/devices", response_model=list[p.DeviceInfo], tags=["admin"])
    def admin_devices(caller: Admin) -> list[p.DeviceInfo]:
        with caller.session() as (session, _who):
            return [
                p.DeviceInfo(
                    device_id=d.id,
                    user_id=d.user_id,
                    label=d.label,
                    created_at=d.created_at,
                    last_seen_at=d.last_seen_at,
                    revoked_at=d.revoked_at,
                )
                for d in accounts.list_devices(session)
            ]

    @app.post("/v1/admin/devices/{device_id}/revoke", response_model=p.DeviceInfo, tags=["admin"])
    def admin_revoke(device_id: Annotated[str, Path(pattern=_UUID)], caller: Admin) -> p.DeviceInfo:
        now = server.now()
        with caller.session() as (session, who):
            accounts.revoke(session, device_id, now)
            device = session.get(accounts.Device, device_id)
            if device is None:
                raise not_found("no such device")
            audit_log.server_audit(
                session,
                action="revoke",
                now=now,
                principal=who,
                object_type="device",
                object_id=device_id,
            )
            return p.DeviceInfo(
                device_id=device.id,
                user_id=device.user_id,
                label=device.label,
                created_at=device.created_at,
                last_seen_at=device.last_seen_at,
                revoked_at=device.revoked_at,
            )

    @app.get("/v1/admin/users", response_model=list[p.UserInfo], tags=["admin"])
    def admin_users(caller: Admin) -> list[p.UserInfo]:
        with caller.session() as (session, _who):
            return [
                p.UserInfo(
                    user_id=u.id,
                    username=u.username,
                    role=str(u.role),
                    team_id=u.team_id,
                    active=u.active,
                )
                for u in accounts.list_users(session)
            ]
