"""Accounts and devices: enrolment, hashed tokens, rate limiting, revocation, the admin CLI,
and the audit trail (server-side events and the device audit upload with its hash chain)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from caseworker.server import cli, db
from caseworker.server.tables import Account, ServerAuditEvent
from caseworker.server.tables import Device as DeviceRow
from caseworker.services.audit import GENESIS_HASH, event_hash

from .conftest import ServerEnv
from .live import PASSWORD, Device, World, enroll, household_change
from .pg import free_port


def test_enrol_stores_only_hashes(env: ServerEnv, world: World):
    device = enroll(env.base_url, "cw_a")
    assert device.get("/v1/me").json()["user_id"] == world.users["cw_a"]
    with env.session() as s:
        row = s.get(DeviceRow, device.device_id)
        assert row is not None and row.token_hash != device.token and len(row.token_hash) == 64
        account = s.get(Account, world.users["cw_a"])
        assert account is not None and account.password_hash.startswith("$argon2id$")
        assert PASSWORD not in account.password_hash
    device.close()


def test_wrong_password_and_rate_limit(env: ServerEnv, world: World):
    with httpx.Client(base_url=env.base_url) as c:
        for _ in range(env.settings.login_max_failures):
            r = c.post("/v1/enroll", json={"username": "cw_a", "password": "fout wachtwoord"})
            assert r.status_code == 401
            assert r.json() == {"detail": "wrong user name or password", "revoked": False}
        r = c.post("/v1/enroll", json={"username": "cw_a", "password": PASSWORD})
        assert r.status_code == 429 and r.headers["Retry-After"].isdigit()
        # another user name from the same address is not blocked
        assert (
            c.post("/v1/enroll", json={"username": "cw_a2", "password": PASSWORD}).status_code
            == 200
        )
        # an unknown user name answers exactly like a wrong password
        r = c.post("/v1/enroll", json={"username": "onbekend", "password": PASSWORD})
        assert r.status_code == 401 and r.json()["detail"] == "wrong user name or password"


def test_revoked_device_is_told_to_wipe(env: ServerEnv, world: World, devices: dict[str, Device]):
    cw, admin = devices["cw_a"], devices["admin"]
    assert cw.get("/v1/changes").status_code == 200
    r = admin.post(f"/v1/admin/devices/{cw.device_id}/revoke")
    assert r.status_code == 200 and r.json()["revoked_at"] is not None
    for response in (
        cw.get("/v1/changes"),
        cw.push(household_change(world.team_a, world.users["cw_a"])),
        cw.get("/v1/me"),
    ):
        assert response.status_code == 401
        assert response.json() == {"detail": "this device has been revoked", "revoked": True}
    # an unknown token is not "revoked"
    with httpx.Client(base_url=env.base_url) as c:
        r = c.get("/v1/me", headers={"Authorization": "Bearer nonsense"})
        assert r.status_code == 401 and r.json()["revoked"] is False
        assert c.get("/v1/me").status_code == 401
    # the other devices go on
    assert devices["cw_a2"].get("/v1/me").status_code == 200


def test_server_audits_enrol_push_pull_and_reads(
    env: ServerEnv, world: World, devices: dict[str, Device]
):
    cw = devices["cw_a"]
    hh = household_change(world.team_a, world.users["cw_a"], name="Familie Geheimnaam")
    assert cw.push(hh).status_code == 200
    cw.pull_all()
    assert cw.get(f"/v1/households/{hh['row_id']}").status_code == 200
    with env.session() as s:
        events = list(
            s.execute(
                select(ServerAuditEvent).where(ServerAuditEvent.device_id == cw.device_id)
            ).scalars()
        )
    actions = [e.action for e in events]
    assert actions[0] == "enroll" and "push" in actions and "pull" in actions
    view = next(e for e in events if e.action == "view")
    assert view.household_id == hh["row_id"] and view.user_id == world.users["cw_a"]
    assert all("Geheimnaam" not in json.dumps(e.detail) for e in events)
    # the server's audit table is append-only
    with env.session() as s, pytest.raises(Exception, match="append-only"), s.begin():
        s.execute(ServerAuditEvent.__table__.delete())


def _chain(device: Device, count: int, prev: str = GENESIS_HASH) -> list[dict[str, object]]:
    events = []
    for i in range(count):
        fields = {
            "id": str(uuid.uuid4()),
            "occurred_at": f"2026-11-23T09:3{i}:00+00:00",
            "user_id": device.user_id,
            "on_behalf_of": None,
            "client": "desktop/0.1.0",
            "device_id": device.device_id,
            "action": "view",
            "object_type": "household",
            "object_id": str(uuid.uuid4()),
            "household_id": None,
            "detail": {"section": "plan"},
        }
        digest = event_hash(prev, fields)
        events.append({**fields, "prev_hash": prev, "hash": digest})
        prev = digest
    return events


def test_device_audit_upload_checks_the_chain(
    env: ServerEnv, world: World, devices: dict[str, Device]
):
    cw = devices["cw_a"]
    events = _chain(cw, 4)
    r = cw.post("/v1/audit", json={"events": events[:2]})
    assert r.json() == {"accepted": 2, "duplicates": 0, "last_hash": events[1]["hash"]}
    # a retry of everything accepts only the new ones
    r = cw.post("/v1/audit", json={"events": events})
    assert r.json()["accepted"] == 2 and r.json()["duplicates"] == 2
    # a gap (an event left out) or an altered event is refused
    more = _chain(cw, 3, prev=str(events[-1]["hash"]))
    r = cw.post("/v1/audit", json={"events": [more[0], more[2]]})
    assert r.status_code == 422 and "chain" in r.json()["detail"]
    tampered = dict(more[0], action="print")
    r = cw.post("/v1/audit", json={"events": [tampered]})
    assert r.status_code == 422 and "hash" in r.json()["detail"]
    # chains are per device: another device starts at the genesis hash
    other = devices["cw_a2"]
    assert other.post("/v1/audit", json={"events": _chain(other, 1)}).status_code == 200


def test_admin_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    url = db.sqlite_url(tmp_path / "cli.db")
    monkeypatch.setenv("CASEWORKER_SERVER_DATABASE_URL", url)
    monkeypatch.setenv("CASEWORKER_SERVER_ARGON2_MEMORY_KIB", "8")
    monkeypatch.setenv("CASEWORKER_SERVER_ARGON2_TIME_COST", "1")
    monkeypatch.setenv("CASEWORKER_SERVER_ARGON2_PARALLELISM", "1")

    def run(*args: str, stdin: str = "") -> str:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        assert cli.main(list(args)) == 0
        return capsys.readouterr().out.strip()

    with pytest.raises(SystemExit, match="init-db"):
        cli.main(["list-devices"])
    assert db.head_revision() in run("init-db")
    team_id = run("create-team", "vinkhuizen", "WIJ Vinkhuizen")
    user_id = run(
        "create-user",
        "a.devries",
        "--role",
        "caseworker",
        "--team",
        "vinkhuizen",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert len(team_id) == 36 and len(user_id) == 36
    with pytest.raises(SystemExit, match="12 characters"):
        run(
            "create-user",
            "kort",
            "--role",
            "caseworker",
            "--team",
            "vinkhuizen",
            "--password-stdin",
            stdin="kort\n",
        )
    enrolled = json.loads(
        run("enroll", "a.devries", "--label", "laptop-1", "--password-stdin", stdin=PASSWORD + "\n")
    )
    listing = run("list-devices")
    assert enrolled["device_id"] in listing and "active" in listing
    assert enrolled["token"] not in listing
    assert run("revoke", enrolled["device_id"]) == "revoked"
    assert "revoked" in run("list-devices")
    with pytest.raises(SystemExit, match="wrong user name or password"):
        run("enroll", "a.devries", "--password-stdin", stdin="fout\n")


def test_serve_with_no_configuration_uses_an_sqlite_file(tmp_path: Path):
    """`caseworker-server serve` with nothing configured: a file in the platform data dir."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASEWORKER_SERVER_")}
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    proc = subprocess.Popen(
        [sys.executable, "-m", "caseworker.server.cli", "serve", "--port", str(port)], env=env
    )
    ready = threading.Event()
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
            for _ in range(600):  # poll until the process listens (at most ~30 s)
                try:
                    if client.get("/readyz").status_code == 200:
                        break
                except httpx.TransportError:
                    assert proc.poll() is None, "the server process ended"
                    ready.wait(0.05)
            assert client.get("/readyz").json() == {"status": "ready"}
        assert (tmp_path / "data" / "caseworker-server" / "caseworker-server.db").is_file()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
