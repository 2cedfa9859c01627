"""Run the real server with uvicorn on 127.0.0.1 in a thread, and a small test client."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import trustme
import uvicorn
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from caseworker.models import Role
from caseworker.server import accounts, db
from caseworker.server.app import create_app
from caseworker.server.settings import ServerSettings

from .pg import free_port

PASSWORD = "correct horse battery staple"


def fast_settings(database_url: str, **extra: Any) -> ServerSettings:
    return ServerSettings(
        database_url=database_url,
        argon2_time_cost=1,
        argon2_memory_kib=8,
        argon2_parallelism=1,
        log_level="WARNING",
        **extra,
    )


class LiveServer:
    def __init__(
        self,
        settings: ServerSettings,
        engine: Engine,
        *,
        ssl_certfile: str | None = None,
        ssl_keyfile: str | None = None,
    ) -> None:
        self.port = free_port()
        app = create_app(settings, engine=engine)
        config = uvicorn.Config(
            app,
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            access_log=False,
            ssl_certfile=ssl_certfile,
            ssl_keyfile=ssl_keyfile,
            lifespan="off",
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        scheme = "https" if ssl_certfile else "http"
        self.base_url = f"{scheme}://127.0.0.1:{self.port}"

    def start(self) -> LiveServer:
        self.thread.start()
        started = threading.Event()

        def wait() -> None:
            while not self.server.started and self.thread.is_alive():
                started.wait(0.01)

        wait()
        if not self.server.started:
            raise RuntimeError("uvicorn did not start")
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def migrated_sqlite_template(path: Path) -> Path:
    """A migrated server database file at ``path``, to copy for each test (migrating every
    time is slow)."""
    engine = db.make_engine(db.sqlite_url(path))
    db.upgrade(engine)
    engine.dispose()
    return path


@contextmanager
def tls_live_server(tmp_path: Path, template: Path) -> Iterator[tuple[LiveServer, trustme.CA]]:
    """The server over TLS on 127.0.0.1 with a certificate of a throwaway local CA
    (chain included), on a copy of the migrated SQLite ``template``."""
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    cert_file, key_file = tmp_path / "server.pem", tmp_path / "server.key"
    cert.private_key_pem.write_to_path(str(key_file))
    cert.cert_chain_pems[0].write_to_path(str(cert_file))
    with cert_file.open("ab") as out:
        for pem in cert.cert_chain_pems[1:]:
            out.write(pem.bytes())
    path = tmp_path / "tls.db"
    path.write_bytes(template.read_bytes())
    settings = fast_settings(db.sqlite_url(path))
    engine = db.make_engine(settings.database_url)
    server = LiveServer(
        settings, engine, ssl_certfile=str(cert_file), ssl_keyfile=str(key_file)
    ).start()
    try:
        yield server, ca
    finally:
        server.stop()
        engine.dispose()


@dataclass
class Device:
    """One enrolled device talking HTTP to the live server."""

    base_url: str
    token: str
    device_id: str
    user_id: str
    cursor: int = 0
    rows: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    _client: httpx.Client | None = None

    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                base_url=self.base_url,
                headers={"Authorization": f"Bearer {self.token}"},
                timeout=60,
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def get(self, path: str, **kw: Any) -> httpx.Response:
        return self.client().get(path, **kw)

    def post(self, path: str, **kw: Any) -> httpx.Response:
        return self.client().post(path, **kw)

    def push(self, *changes: dict[str, Any], batch_id: str | None = None) -> httpx.Response:
        body = {"batch_id": batch_id or str(uuid.uuid4()), "changes": list(changes)}
        return self.post("/v1/push", json=body)

    def pull_all(self, limit: int = 500) -> tuple[list[dict[str, Any]], list[str]]:
        """Pull pages until has_more is false; apply them to ``rows``; return rows and purges."""
        got: list[dict[str, Any]] = []
        purged: list[str] = []
        c = self.client()
        if True:
            while True:
                r = c.get("/v1/changes", params={"since": self.cursor, "limit": limit})
                assert r.status_code == 200, r.text
                page = r.json()
                for item in page["rows"]:
                    got.append(item)
                    self.rows[(item["table"], item["row"]["id"])] = item["row"]
                for purge in page["purges"]:
                    purged.append(purge["household_id"])
                    self.rows = {
                        k: v
                        for k, v in self.rows.items()
                        if not (k[0] == "households" and k[1] == purge["household_id"])
                        and v.get("household_id") != purge["household_id"]
                    }
                assert page["next_since"] >= self.cursor
                self.cursor = page["next_since"]
                if not page["has_more"]:
                    return got, purged


def enroll(
    base_url: str, username: str, password: str = PASSWORD, client: httpx.Client | None = None
) -> Device:
    body = {"username": username, "password": password, "device_label": "laptop-test"}
    if client is not None:
        r = client.post(f"{base_url}/v1/enroll", json=body)
    else:
        r = httpx.post(f"{base_url}/v1/enroll", json=body)
    assert r.status_code == 200, r.text
    body = r.json()
    return Device(base_url, body["token"], body["device_id"], body["user_id"])


def household_change(
    team_id: str | None, coordinator_id: str | None, *, row_id: str | None = None, **fields: Any
) -> dict[str, Any]:
    changed = {
        "name": "Familie Test",
        "team_id": team_id,
        "coordinator_id": coordinator_id,
        "opened_on": date(2026, 11, 1).isoformat(),
        "status": "intake",
    }
    changed.update(fields)
    return {"table": "households", "row_id": row_id or str(uuid.uuid4()), "changed": changed}


def person_change(household_id: str, *, row_id: str | None = None, **fields: Any) -> dict[str, Any]:
    changed = {
        "household_id": household_id,
        "given_name": "Anna",
        "family_name": "Jansen",
        "role": "parent",
    }
    changed.update(fields)
    return {"table": "persons", "row_id": row_id or str(uuid.uuid4()), "changed": changed}


@dataclass
class World:
    """Two teams, each with two caseworkers and a team lead, plus an administrator."""

    team_a: str
    team_b: str
    users: dict[str, str]  # username -> user id


def seed_world(session: Session, settings: ServerSettings) -> World:
    team_a = accounts.create_team(session, code="vinkhuizen", name="WIJ Vinkhuizen")
    team_b = accounts.create_team(session, code="beijum", name="WIJ Beijum")
    users: dict[str, str] = {}
    for username, role, team in (
        ("cw_a", Role.CASEWORKER, team_a.id),
        ("cw_a2", Role.CASEWORKER, team_a.id),
        ("lead_a", Role.TEAM_LEAD, team_a.id),
        ("cw_b", Role.CASEWORKER, team_b.id),
        ("lead_b", Role.TEAM_LEAD, team_b.id),
        ("admin", Role.ADMINISTRATOR, None),
    ):
        user = accounts.create_user(
            session,
            settings,
            username=username,
            display_name=username,
            role=role,
            password=PASSWORD,
            team_id=team,
        )
        users[username] = user.id
    return World(team_a.id, team_b.id, users)
