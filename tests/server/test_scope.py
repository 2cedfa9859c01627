"""Scope: the authorisation matrix over every endpoint × role × own/other team, and
purge / whole-household backfill when a household leaves or enters a device's scope."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import httpx
from fastapi.routing import APIRoute

from caseworker.server import accounts
from caseworker.services.audit import GENESIS_HASH, event_hash

from .conftest import ServerEnv
from .live import Device, World, household_change, person_change

SECRET_A = "Familie Vinkhuizen-Geheim"
SECRET_B = "Familie Beijum-Geheim"


@dataclass
class Setup:
    hh_a: str
    hh_b: str
    person_a: str
    person_b: str


def _seed(world: World, devices: dict[str, Device]) -> Setup:
    hh_a = household_change(world.team_a, world.users["cw_a"], name=SECRET_A)
    hh_b = household_change(world.team_b, world.users["cw_b"], name=SECRET_B)
    p_a = person_change(hh_a["row_id"], note=SECRET_A)
    p_b = person_change(hh_b["row_id"], note=SECRET_B)
    assert devices["cw_a"].push(hh_a, p_a).status_code == 200
    assert devices["cw_b"].push(hh_b, p_b).status_code == 200
    return Setup(hh_a["row_id"], hh_b["row_id"], p_a["row_id"], p_b["row_id"])


def _audit_event(device: Device) -> dict[str, Any]:
    fields = {
        "id": str(uuid.uuid4()),
        "occurred_at": "2026-11-23T09:30:00+00:00",
        "user_id": device.user_id,
        "on_behalf_of": None,
        "client": "desktop/0.1.0",
        "device_id": device.device_id,
        "action": "view",
        "object_type": "household",
        "object_id": None,
        "household_id": None,
        "detail": None,
    }
    return {**fields, "prev_hash": GENESIS_HASH, "hash": event_hash(GENESIS_HASH, fields)}


Call = Callable[[Device, Setup, str], httpx.Response]


def _edit(target: str) -> Callable[[Device, Setup, str], httpx.Response]:
    def call(d: Device, s: Setup, other_device: str) -> httpx.Response:
        person = s.person_a if target == "a" else s.person_b
        return d.push({"table": "persons", "row_id": person, "changed": {"note": "x"}})

    return call


def _add(target: str) -> Callable[[Device, Setup, str], httpx.Response]:
    def call(d: Device, s: Setup, other_device: str) -> httpx.Response:
        return d.push(person_change(s.hh_a if target == "a" else s.hh_b))

    return call


def _read(target: str) -> Callable[[Device, Setup, str], httpx.Response]:
    def call(d: Device, s: Setup, other_device: str) -> httpx.Response:
        return d.get(f"/v1/households/{s.hh_a if target == 'a' else s.hh_b}")

    return call


# (route, description, call, expected status per user); "*" is the default.
MATRIX: list[tuple[str, str, Call, dict[str, int]]] = [
    ("GET /healthz", "health", lambda d, s, o: d.get("/healthz"), {"*": 200}),
    ("GET /readyz", "ready", lambda d, s, o: d.get("/readyz"), {"*": 200}),
    ("GET /v1/me", "me", lambda d, s, o: d.get("/v1/me"), {"*": 200}),
    (
        "POST /v1/enroll",
        "enrol with a wrong password",
        lambda d, s, o: d.post(
            "/v1/enroll", json={"username": "nobody", "password": "wrong password!!"}
        ),
        {"*": 401, "admin": 429},
    ),
    (
        "GET /v1/changes",
        "pull",
        lambda d, s, o: d.get("/v1/changes", params={"since": 0}),
        {"*": 200, "admin": 403},
    ),
    (
        "GET /v1/households/{household_id}",
        "read A",
        _read("a"),
        {"*": 404, "cw_a": 200, "lead_a": 200, "admin": 403},
    ),
    (
        "GET /v1/households/{household_id}",
        "read B",
        _read("b"),
        {"*": 404, "cw_b": 200, "lead_b": 200, "admin": 403},
    ),
    ("POST /v1/push", "edit A", _edit("a"), {"*": 403, "cw_a": 200, "lead_a": 200}),
    ("POST /v1/push", "edit B", _edit("b"), {"*": 403, "cw_b": 200, "lead_b": 200}),
    ("POST /v1/push", "add to A", _add("a"), {"*": 403, "cw_a": 200, "lead_a": 200}),
    ("POST /v1/push", "add to B", _add("b"), {"*": 403, "cw_b": 200, "lead_b": 200}),
    (
        "POST /v1/push",
        "push a team row",
        lambda d, s, o: d.push(
            {"table": "teams", "row_id": str(uuid.uuid4()), "changed": {"code": "x", "name": "x"}}
        ),
        {"*": 403},
    ),
    (
        "POST /v1/audit",
        "upload own audit",
        lambda d, s, o: d.post("/v1/audit", json={"events": [_audit_event(d)]}),
        {"*": 200},
    ),
    (
        "GET /v1/admin/devices",
        "list devices",
        lambda d, s, o: d.get("/v1/admin/devices"),
        {"*": 403, "admin": 200},
    ),
    (
        "GET /v1/admin/users",
        "list users",
        lambda d, s, o: d.get("/v1/admin/users"),
        {"*": 403, "admin": 200},
    ),
    (
        "POST /v1/admin/devices/{device_id}/revoke",
        "revoke another device",
        lambda d, s, o: d.post(f"/v1/admin/devices/{o}/revoke"),
        {"*": 403, "admin": 200},
    ),
]


def test_matrix_covers_every_route(env: ServerEnv):
    app = env.server.server.config.app
    routes = {
        f"{m} {r.path}"
        for r in app.routes  # type: ignore[attr-defined]
        if isinstance(r, APIRoute)
        for m in r.methods
    }
    assert routes == {entry[0] for entry in MATRIX}


def test_authorisation_matrix(env: ServerEnv, world: World, devices: dict[str, Device]):
    setup = _seed(world, devices)
    # a spare device per user as the revocation target, so the matrix itself goes on
    spare = {name: devices[name] for name in devices}
    failures: list[str] = []
    for route, what, call, expected in MATRIX:
        for name, device in spare.items():
            want = expected.get(name, expected["*"])
            other = devices["cw_b" if name != "cw_b" else "cw_a"]
            target = _spare_device(env, other) if "revoke" in what else ""
            response = call(device, setup, target)
            if response.status_code != want:
                failures.append(f"{route} ({what}) as {name}: {response.status_code} != {want}")
            if name in ("cw_a", "cw_a2", "lead_a") and SECRET_B in response.text:
                failures.append(f"{route} ({what}) as {name}: team B data leaked")
            if name in ("cw_b", "lead_b") and SECRET_A in response.text:
                failures.append(f"{route} ({what}) as {name}: team A data leaked")
            if name == "admin" and (SECRET_A in response.text or SECRET_B in response.text):
                failures.append(f"{route} ({what}) as admin: dossier data leaked")
    assert failures == []


def _spare_device(env: ServerEnv, owner: Device) -> str:
    from .live import enroll

    with env.session() as session:
        username = session.get(accounts.User, owner.user_id).username  # type: ignore[union-attr]
    return enroll(env.base_url, username).device_id


def test_team_a_pulls_nothing_of_team_b(env: ServerEnv, world: World, devices: dict[str, Device]):
    setup = _seed(world, devices)
    for name in ("cw_a", "cw_a2", "lead_a"):
        rows, _ = devices[name].pull_all(limit=3)
        ids = {r["row"]["id"] for r in rows}
        assert setup.hh_b not in ids and setup.person_b not in ids
        assert world.team_b not in ids and world.users["cw_b"] not in ids
        assert all(SECRET_B not in str(r) for r in rows)
    a_rows = {r["row"]["id"] for r in devices["lead_a"].pull_all()[0]} | {
        r["row"]["id"] for r in devices["cw_a"].rows.values() for r in [{"row": r}]
    }
    assert setup.hh_a in a_rows and setup.person_a in a_rows
    # a caseworker of team A who neither coordinates nor takes part sees no dossier
    assert not any(k[0] in ("households", "persons") for k in devices["cw_a2"].rows)


def test_purge_and_backfill_on_scope_change(
    env: ServerEnv, world: World, devices: dict[str, Device]
):
    cw_a, cw_a2, lead = devices["cw_a"], devices["cw_a2"], devices["lead_a"]
    setup = _seed(world, devices)
    cw_a.pull_all()
    cw_a2.pull_all()  # its cursor is now past every row of household A
    lead.pull_all()
    assert ("households", setup.hh_a) in cw_a.rows
    version = lead.rows[("households", setup.hh_a)]["version"]

    # the team lead hands household A over to cw_a2
    r = lead.push(
        {
            "table": "households",
            "row_id": setup.hh_a,
            "base_version": version,
            "changed": {"coordinator_id": world.users["cw_a2"]},
            "base": {"coordinator_id": world.users["cw_a"]},
        }
    )
    assert r.status_code == 200, r.text

    old_cursor = cw_a.cursor
    rows, purges = cw_a.pull_all()
    assert purges == [setup.hh_a]
    assert not any(r["row"]["id"] in (setup.hh_a, setup.person_a) for r in rows)
    # a lost answer: asking again with the old cursor announces the purge again
    again = cw_a.get("/v1/changes", params={"since": old_cursor}).json()
    assert [p["household_id"] for p in again["purges"]] == [setup.hh_a]

    rows, purges = cw_a2.pull_all()
    got = {(r["table"], r["row"]["id"]) for r in rows}
    assert ("households", setup.hh_a) in got and ("persons", setup.person_a) in got
    assert purges == []

    # membership: cw_a takes part again without coordinating → the household comes back
    with env.session() as session, session.begin():
        accounts.add_membership(session, household_id=setup.hh_a, user_id=world.users["cw_a"])
    rows, purges = cw_a.pull_all()
    got = {(r["table"], r["row"]["id"]) for r in rows}
    assert ("households", setup.hh_a) in got and ("persons", setup.person_a) in got
    with env.session() as session, session.begin():
        accounts.remove_membership(session, household_id=setup.hh_a, user_id=world.users["cw_a"])
    assert cw_a.pull_all()[1] == [setup.hh_a]


def test_caseworker_cannot_grab_or_move_households(
    env: ServerEnv, world: World, devices: dict[str, Device]
):
    setup = _seed(world, devices)
    # claiming team B's household by making oneself coordinator
    r = devices["cw_a"].push(
        {
            "table": "households",
            "row_id": setup.hh_b,
            "changed": {"coordinator_id": world.users["cw_a"]},
        }
    )
    assert r.status_code == 403
    # creating a household in another team
    r = devices["cw_a"].push(household_change(world.team_b, world.users["cw_a"]))
    assert r.status_code == 403
    # moving an own household to another team
    devices["cw_a"].pull_all()
    version = devices["cw_a"].rows[("households", setup.hh_a)]["version"]
    r = devices["cw_a"].push(
        {
            "table": "households",
            "row_id": setup.hh_a,
            "base_version": version,
            "changed": {"team_id": world.team_b},
            "base": {"team_id": world.team_a},
        }
    )
    assert r.status_code == 403
    # a person of household A moved into household B
    version = devices["cw_a"].rows[("persons", setup.person_a)]["version"]
    r = devices["cw_a"].push(
        {
            "table": "persons",
            "row_id": setup.person_a,
            "base_version": version,
            "changed": {"household_id": setup.hh_b},
            "base": {"household_id": setup.hh_a},
        }
    )
    assert r.status_code == 403
    assert SECRET_B not in r.text


def test_long_closed_households_leave_the_laptops(
    env: ServerEnv, world: World, devices: dict[str, Device]
):
    cw = devices["cw_a"]
    setup = _seed(world, devices)
    cw.pull_all()
    version = cw.rows[("households", setup.hh_a)]["version"]
    long_ago = (date.today() - timedelta(days=env.settings.purge_closed_after_days + 5)).isoformat()
    r = cw.push(
        {
            "table": "households",
            "row_id": setup.hh_a,
            "base_version": version,
            "changed": {
                "status": "closed",
                "closed_on": long_ago,
                "closing_reason": "verhuisd",
                "opened_on": "2025-01-01",
            },
            "base": {
                "status": "intake",
                "closed_on": None,
                "closing_reason": None,
                "opened_on": "2026-11-01",
            },
        }
    )
    assert r.status_code == 200, r.text
    assert r.json()["results"][0]["status"] == "applied", r.text
    assert cw.pull_all()[1] == [setup.hh_a]
    assert cw.get(f"/v1/households/{setup.hh_a}").status_code == 404
    # the server keeps it
    with env.session() as session:
        assert session.get(accounts.Household, setup.hh_a) is not None
