"""``caseworker-server``: init-db | create-team | create-user | enroll | revoke |
list-devices | add-member | serve. Configuration: docs/server.md."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from caseworker.models import Role

from . import accounts, db
from .settings import CONFIG_ENV, ServerSettings, load_settings


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Password: ")
        if getpass.getpass("Repeat: ") != password:
            raise SystemExit("passwords differ")
    if len(password) < 12:
        raise SystemExit("a password needs at least 12 characters")
    return password


def _session(settings: ServerSettings) -> Session:
    engine = db.make_engine(settings.database_url)
    if not db.is_ready(engine):
        raise SystemExit("the database is not initialised or not up to date: run init-db")
    return Session(engine, expire_on_commit=False)


def _now() -> datetime:
    return datetime.now(UTC)


def cmd_init_db(settings: ServerSettings, _args: argparse.Namespace) -> int:
    db.upgrade(db.make_engine(settings.database_url))
    print(f"database at revision {db.head_revision()}")
    return 0


def cmd_create_team(settings: ServerSettings, args: argparse.Namespace) -> int:
    with _session(settings) as session, session.begin():
        team = accounts.create_team(session, code=args.code, name=args.name, area=args.area)
        print(team.id)
    return 0


def cmd_create_user(settings: ServerSettings, args: argparse.Namespace) -> int:
    password = _read_password(args)
    with _session(settings) as session, session.begin():
        team_id = None
        if args.team:
            team = accounts.find_team(session, args.team)
            if team is None:
                raise SystemExit("no such team")
            team_id = team.id
        try:
            user = accounts.create_user(
                session,
                settings,
                username=args.username,
                display_name=args.display_name or args.username,
                role=Role(args.role),
                password=password,
                team_id=team_id,
            )
        except ValueError as exc:
            raise SystemExit(str(exc)) from None
        print(user.id)
    return 0


def cmd_enroll(settings: ServerSettings, args: argparse.Namespace) -> int:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Password: ")
    with _session(settings) as session, session.begin():
        user = accounts.authenticate(session, settings, args.username, password)
        if user is None:
            raise SystemExit("wrong user name or password")
        enrolment = accounts.enroll(session, user, label=args.label, client="cli", now=_now())
    print(json.dumps({"device_id": enrolment.device_id, "token": enrolment.token}))
    return 0


def cmd_revoke(settings: ServerSettings, args: argparse.Namespace) -> int:
    with _session(settings) as session, session.begin():
        if not accounts.revoke(session, args.device_id, _now()):
            raise SystemExit("no such device, or already revoked")
    print("revoked")
    return 0


def cmd_list_devices(settings: ServerSettings, _args: argparse.Namespace) -> int:
    with _session(settings) as session:
        for d in accounts.list_devices(session):
            state = "revoked" if d.revoked_at else "active"
            seen = d.last_seen_at.isoformat() if d.last_seen_at else "-"
            print(f"{d.id}\t{d.user_id}\t{d.label}\t{state}\t{seen}")
    return 0


def cmd_add_member(settings: ServerSettings, args: argparse.Namespace) -> int:
    with _session(settings) as session, session.begin():
        accounts.add_membership(session, household_id=args.household_id, user_id=args.user_id)
    return 0


def cmd_serve(settings: ServerSettings, args: argparse.Namespace) -> int:
    import uvicorn

    from .app import create_app

    engine = db.make_engine(settings.database_url, pool_size=settings.db_pool_size)
    if settings.database_url.startswith("sqlite") and not db.is_ready(engine):
        db.upgrade(engine)  # zero-config: the local file is created on first start
    elif not db.is_ready(engine):
        raise SystemExit("the database is not initialised or not up to date: run init-db")
    options: dict[str, Any] = {
        "host": args.host or settings.host,
        "port": args.port or settings.port,
        "ssl_certfile": settings.ssl_certfile,
        "ssl_keyfile": settings.ssl_keyfile,
        "access_log": False,
        "log_level": settings.log_level.lower(),
        "proxy_headers": True,
    }
    workers = args.workers or settings.workers
    if workers > 1:
        # worker processes build their own app from the same environment / file
        engine.dispose()
        if args.config is not None:
            os.environ[CONFIG_ENV] = str(args.config)
        uvicorn.run("caseworker.server.asgi:app", factory=True, workers=workers, **options)
    else:
        uvicorn.run(create_app(settings, engine=engine, serving=True), **options)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="caseworker-server", description=__doc__)
    parser.add_argument("--config", type=Path, help="TOML configuration file")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("init-db", help="create or upgrade the database").set_defaults(func=cmd_init_db)
    p = sub.add_parser("create-team")
    p.add_argument("code")
    p.add_argument("name")
    p.add_argument("--area")
    p.set_defaults(func=cmd_create_team)
    p = sub.add_parser("create-user")
    p.add_argument("username")
    p.add_argument("--role", choices=[r.value for r in Role], required=True)
    p.add_argument("--team", help="team code or id (not for administrators)")
    p.add_argument("--display-name")
    p.add_argument("--password-stdin", action="store_true")
    p.set_defaults(func=cmd_create_user)
    p = sub.add_parser("enroll", help="enrol a device by password; prints its token once")
    p.add_argument("username")
    p.add_argument("--label", default="")
    p.add_argument("--password-stdin", action="store_true")
    p.set_defaults(func=cmd_enroll)
    p = sub.add_parser("revoke")
    p.add_argument("device_id")
    p.set_defaults(func=cmd_revoke)
    sub.add_parser("list-devices").set_defaults(func=cmd_list_devices)
    p = sub.add_parser("add-member", help="let a caseworker take part in a household")
    p.add_argument("household_id")
    p.add_argument("user_id")
    p.set_defaults(func=cmd_add_member)
    p = sub.add_parser("serve")
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    p.add_argument("--workers", type=int, help="worker processes (default: settings.workers)")
    p.set_defaults(func=cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = load_settings(args.config)
    return int(args.func(settings, args))


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
