"""Push, pull, idempotent retry, three-way merge, conflicts and tombstones — over HTTP
against the real server (uvicorn) on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from caseworker.models import Conflict, Household, Person

from .conftest import ServerEnv
from .live import Device, World, household_change, person_change


def _create_household(device: Device, world: World, user: str, **fields: object) -> str:
    change = household_change(world.team_a, world.users[user], **fields)
    r = device.push(change)
    assert r.status_code == 200, r.text
    assert r.json()["results"][0]["status"] == "applied"
    return str(change["row_id"])


def test_push_then_pull_round_trip(env: ServerEnv, world: World, devices: dict[str, Device]):
    cw = devices["cw_a"]
    hh = household_change(world.team_a, world.users["cw_a"])
    person = person_change(hh["row_id"], bsn="111222333", birth_date="1985-03-04")
    r = cw.push(person, hh)  # out of order on purpose: the server applies parents first
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["row_id"] for x in results] == [person["row_id"], hh["row_id"]]
    assert all(x["status"] == "applied" and x["version"] > 0 for x in results)

    rows, purges = cw.pull_all()
    assert purges == []
    pulled = {(x["table"], x["row"]["id"]): x for x in rows}
    got_person = pulled[("persons", person["row_id"])]["row"]
    assert got_person["bsn"] == "111222333"
    assert got_person["birth_date"] == "1985-03-04"
    assert got_person["version"] == results[0]["version"]
    assert got_person["updated_by"] == world.users["cw_a"]
    # the team's users and team row come along; team B's never
    assert ("teams", world.team_a) in pulled and ("teams", world.team_b) not in pulled
    assert ("users", world.users["cw_b"]) not in pulled

    # an incremental pull returns nothing new
    again, _ = cw.pull_all()
    assert again == []


def test_retried_batch_applies_once(env: ServerEnv, world: World, devices: dict[str, Device]):
    cw = devices["cw_a"]
    hh_id = _create_household(cw, world, "cw_a")
    batch_id = str(uuid.uuid4())
    entry = {
        "table": "journal_entries",
        "row_id": str(uuid.uuid4()),
        "changed": {
            "household_id": hh_id,
            "written_at": "2026-11-23T09:30:00+00:00",
            "text": "huisbezoek",
        },
    }
    first = cw.push(entry, batch_id=batch_id)
    second = cw.push(entry, batch_id=batch_id)
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    with env.session() as s:
        from caseworker.models import JournalEntry

        assert s.query(JournalEntry).count() == 1
    # the same id with another body is refused
    entry["changed"] = {**entry["changed"], "text": "anders"}
    assert cw.push(entry, batch_id=batch_id).status_code == 409


def test_three_way_merge_of_different_fields(
    env: ServerEnv, world: World, devices: dict[str, Device]
):
    one, two = devices["cw_a"], devices["lead_a"]
    hh_id = _create_household(one, world, "cw_a", phone="050-1111111", neighbourhood="Vinkhuizen")
    one.pull_all()
    two.pull_all()
    base_version = one.rows[("households", hh_id)]["version"]

    r1 = one.push(
        {
            "table": "households",
            "row_id": hh_id,
            "base_version": base_version,
            "changed": {"phone": "050-2222222"},
            "base": {"phone": "050-1111111"},
        }
    )
    assert r1.json()["results"][0]["status"] == "applied"
    r2 = two.push(
        {
            "table": "households",
            "row_id": hh_id,
            "base_version": base_version,
            "changed": {"neighbourhood": "Paddepoel"},
            "base": {"neighbourhood": "Vinkhuizen"},
        }
    )
    assert r2.json()["results"][0]["status"] == "merged"
    with env.session() as s:
        row = s.get(Household, hh_id)
        assert row is not None
        assert (row.phone, row.neighbourhood) == ("050-2222222", "Paddepoel")
        assert s.execute(select(Conflict)).first() is None


def test_same_field_conflict_keeps_both_values(
    env: ServerEnv, world: World, devices: dict[str, Device]
):
    one, two = devices["cw_a"], devices["lead_a"]
    hh_id = _create_household(one, world, "cw_a", phone="050-1111111")
    one.pull_all()
    two.pull_all()
    base_version = one.rows[("households", hh_id)]["version"]
    for device, phone in ((one, "050-2222222"), (two, "050-3333333")):
        r = device.push(
            {
                "table": "households",
                "row_id": hh_id,
                "base_version": base_version,
                "changed": {"phone": phone},
                "base": {"phone": "050-1111111"},
            }
        )
        assert r.status_code == 200, r.text
    result = r.json()["results"][0]
    assert result["status"] == "conflict"
    assert result["conflict_fields"] == ["phone"]
    with env.session() as s:
        row = s.get(Household, hh_id)
        assert row is not None and row.phone == "050-2222222"  # the server keeps its value
        conflict = s.execute(select(Conflict)).scalar_one()
        assert conflict.id == result["conflict_ids"][0]
        assert (conflict.base_value, conflict.server_value, conflict.client_value) == (
            "050-1111111",
            "050-2222222",
            "050-3333333",
        )
        assert conflict.household_id == hh_id
        assert conflict.client_device_id == two.device_id
    # the conflict reaches both devices concerned, not team B
    for device in (one, two):
        rows, _ = device.pull_all()
        assert any(x["table"] == "conflicts" and x["row"]["id"] == conflict.id for x in rows)
    rows_b, _ = devices["lead_b"].pull_all()
    assert not any(x["table"] == "conflicts" for x in rows_b)


def test_tombstones(env: ServerEnv, world: World, devices: dict[str, Device]):
    one, two = devices["cw_a"], devices["lead_a"]
    hh_id = _create_household(one, world, "cw_a")
    person = person_change(hh_id, note="eerste")
    assert one.push(person).status_code == 200
    one.pull_all()
    two.pull_all()
    pid = person["row_id"]
    v0 = one.rows[("persons", pid)]["version"]

    # a plain delete against an unchanged row is applied and pulled as a tombstone
    other = person_change(hh_id)
    assert one.push(other).status_code == 200
    one.pull_all()
    v_other = one.rows[("persons", other["row_id"])]["version"]
    r = one.push(
        {"table": "persons", "row_id": other["row_id"], "base_version": v_other, "deleted": True}
    )
    assert r.json()["results"][0]["status"] == "applied"
    rows, _ = two.pull_all()
    assert any(x["row"]["id"] == other["row_id"] and x["row"]["deleted"] for x in rows)

    # edit on one side, delete on the other: the edit stays, the delete becomes a conflict
    edit = {
        "table": "persons",
        "row_id": pid,
        "base_version": v0,
        "changed": {"note": "tweede"},
        "base": {"note": "eerste"},
    }
    assert one.push(edit).json()["results"][0]["status"] == "applied"
    r = two.push({"table": "persons", "row_id": pid, "base_version": v0, "deleted": True})
    result = r.json()["results"][0]
    assert result["status"] == "conflict" and result["conflict_fields"] == ["deleted"]
    with env.session() as s:
        row = s.get(Person, pid)
        assert row is not None and not row.deleted and row.note == "tweede"

    # delete on the server, edit on a stale device: stays deleted, edit kept in the row
    one.pull_all()
    v1 = one.rows[("persons", pid)]["version"]
    assert (
        one.push({"table": "persons", "row_id": pid, "base_version": v1, "deleted": True}).json()[
            "results"
        ][0]["status"]
        == "applied"
    )
    r = two.push(
        {
            "table": "persons",
            "row_id": pid,
            "base_version": v1,
            "changed": {"school_or_work": "Noorderpoort"},
            "base": {"school_or_work": None},
        }
    )
    result = r.json()["results"][0]
    assert result["status"] == "conflict" and result["conflict_fields"] == ["deleted"]
    with env.session() as s:
        row = s.get(Person, pid)
        assert row is not None and row.deleted and row.school_or_work == "Noorderpoort"


def test_database_rules_hold_on_the_server(
    env: ServerEnv, world: World, devices: dict[str, Device]
):
    cw = devices["cw_a"]
    hh_id = _create_household(cw, world, "cw_a")
    # the BSN 11-proef CHECK runs on both dialects
    r = cw.push(person_change(hh_id, bsn="123456789"))
    assert r.status_code == 422
    assert "bsn_11_proef" in r.json()["detail"]
    assert "123456789" not in r.text
    # trede 3 without justification
    plan = {"table": "plans", "row_id": str(uuid.uuid4()), "changed": {"household_id": hh_id}}
    action = {
        "table": "actions",
        "row_id": str(uuid.uuid4()),
        "changed": {"plan_id": plan["row_id"], "description": "x", "actor": "provider", "step": 3},
    }
    r = cw.push(plan, action)
    assert r.status_code == 422 and "high_step_justified" in r.json()["detail"]
    # nothing of a refused batch is kept
    with env.session() as s:
        from caseworker.models import Plan

        assert s.query(Plan).count() == 0
