"""Sequence numbers become visible in commit order: concurrent writers push while a reader
pulls continuously with its cursor; the reader's union must hold every change, none skipped."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

from .conftest import ServerEnv
from .live import Device, World, enroll, household_change

WRITERS = 4
BATCHES = 12
ROWS_PER_BATCH = 8


def test_concurrent_writers_never_let_a_pull_skip(
    env: ServerEnv, world: World, devices: dict[str, Device]
):
    lead = devices["lead_a"]
    households = []
    for _ in range(WRITERS):
        hh = household_change(world.team_a, world.users["cw_a"])
        assert devices["cw_a"].push(hh).status_code == 200
        households.append(hh["row_id"])
    writers = [enroll(env.base_url, "cw_a") for _ in range(WRITERS)]
    reader = enroll(env.base_url, "lead_a")
    reader.pull_all()
    lead.close()

    done = threading.Event()
    seen: set[str] = set()
    reader_errors: list[str] = []
    pages = 0

    def read_continuously() -> None:
        nonlocal pages
        c = reader.client()
        while True:
            finished = done.is_set()  # read the flag before the pull: one more pass after it
            r = c.get("/v1/changes", params={"since": reader.cursor, "limit": 50})
            if r.status_code != 200:
                reader_errors.append(r.text)
                return
            page = r.json()
            pages += 1
            seen.update(x["row"]["id"] for x in page["rows"] if x["table"] == "journal_entries")
            reader.cursor = page["next_since"]
            if finished and not page["has_more"]:
                return

    def write(index: int) -> list[str]:
        device, household = writers[index], households[index]
        ids: list[str] = []
        for b in range(BATCHES):
            changes = []
            for i in range(ROWS_PER_BATCH):
                row_id = str(uuid.uuid4())
                ids.append(row_id)
                changes.append(
                    {
                        "table": "journal_entries",
                        "row_id": row_id,
                        "changed": {
                            "household_id": household,
                            "written_at": "2026-11-23T09:30:00+00:00",
                            "text": f"notitie {b}.{i}",
                        },
                    }
                )
            r = device.push(*changes)
            assert r.status_code == 200, r.text
        return ids

    reader_thread = threading.Thread(target=read_continuously)
    reader_thread.start()
    with ThreadPoolExecutor(WRITERS) as pool:
        written = [row for ids in pool.map(write, range(WRITERS)) for row in ids]
    done.set()
    reader_thread.join(timeout=120)
    assert reader_errors == []
    assert len(written) == WRITERS * BATCHES * ROWS_PER_BATCH
    assert pages > 1
    assert seen == set(written), f"{len(set(written) - seen)} changes skipped"
    for device in [*writers, reader]:
        device.close()


def test_concurrent_edits_of_one_field_lose_nothing(
    env: ServerEnv, world: World, devices: dict[str, Device]
):
    """Eight devices change the same field from the same base at the same moment: one
    change is applied, the seven others become conflicts holding their values."""
    from sqlalchemy import select

    from caseworker.models import Conflict, Household

    hh = household_change(world.team_a, world.users["cw_a"], phone="050-0000000")
    assert devices["cw_a"].push(hh).status_code == 200
    devices["cw_a"].pull_all()
    version = devices["cw_a"].rows[("households", hh["row_id"])]["version"]
    editors = [enroll(env.base_url, "cw_a") for _ in range(8)]
    barrier = threading.Barrier(len(editors))

    def edit(i: int) -> dict[str, object]:
        change = {
            "table": "households",
            "row_id": hh["row_id"],
            "base_version": version,
            "changed": {"phone": f"050-000000{i + 1}"},
            "base": {"phone": "050-0000000"},
        }
        barrier.wait()
        r = editors[i].push(change)
        assert r.status_code == 200, r.text
        return dict(r.json()["results"][0])

    with ThreadPoolExecutor(len(editors)) as pool:
        results = list(pool.map(edit, range(len(editors))))
    statuses = sorted(str(r["status"]) for r in results)
    assert statuses == ["applied"] + ["conflict"] * 7
    with env.session() as s:
        phone = s.get(Household, hh["row_id"]).phone  # type: ignore[union-attr]
        conflicts = list(s.execute(select(Conflict)).scalars())
    assert len(conflicts) == 7
    assert {c.server_value for c in conflicts} == {phone}
    assert {c.client_value for c in conflicts} | {phone} == {f"050-000000{i + 1}" for i in range(8)}
    for device in editors:
        device.close()
