"""Server benchmark (``make bench``): ingest rate on PostgreSQL, pull rate, and 100 devices
syncing at once (p50/p95 per sync). The server runs as its own process
(``caseworker-server serve``) on a durable throwaway PostgreSQL cluster (fsync on);
the clients run in this process (one asyncio loop for the syncs at once). Figures go to
docs/performance.md "Server"."""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import select
import statistics
import subprocess
import sys
import time
import urllib.parse
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from sqlalchemy.orm import Session

from caseworker.models import Role
from caseworker.server import accounts, db
from tests.server.live import PASSWORD, fast_settings
from tests.server.pg import Cluster, free_port, missing_binaries, start_cluster

INGEST_RECORDS = int(os.environ.get("BENCH_INGEST_RECORDS", "20000"))
BATCH = 500
DEVICES = 100
HOUSEHOLDS_PER_DEVICE = 3
CHANGES_PER_SYNC = 10
WORKERS = int(os.environ.get("BENCH_SERVER_WORKERS", "2"))
SYNC_ROUNDS = int(os.environ.get("BENCH_SYNC_ROUNDS", "3"))  # rounds of 100 syncs at once


@dataclass
class Running:
    base_url: str
    url: str
    cluster: Cluster
    server_pid: int


def _cpu_seconds(root: int) -> float:
    """User + system CPU of process ``root`` and all its live descendants (from /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    parent: dict[int, int] = {}
    times: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parent[int(entry)] = int(fields[1])
        times[int(entry)] = (int(fields[11]) + int(fields[12])) / tick
    total = 0.0
    for pid, cpu in times.items():
        p = pid
        while p > 1:
            if p == root:
                total += cpu
                break
            p = parent.get(p, 0)
    return total


def _postmaster_pid(cluster: Cluster) -> int:
    return int((cluster.data / "postmaster.pid").read_text().split()[0])


@pytest.fixture(scope="module")
def running() -> Iterator[Running]:
    if missing_binaries():
        pytest.skip("PostgreSQL binaries not on PATH")
    cluster = start_cluster(durable=os.environ.get("BENCH_PG_DURABLE", "1") == "1")
    url = cluster.create_database("bench")
    engine = db.make_engine(url)
    db.upgrade(engine)
    engine.dispose()
    port = free_port()
    env = dict(
        os.environ,
        CASEWORKER_SERVER_DATABASE_URL=url,
        CASEWORKER_SERVER_ARGON2_TIME_COST="1",
        CASEWORKER_SERVER_ARGON2_MEMORY_KIB="8",
        CASEWORKER_SERVER_ARGON2_PARALLELISM="1",
        CASEWORKER_SERVER_LOG_LEVEL="WARNING",
        CASEWORKER_SERVER_DB_POOL_SIZE="20",
    )
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "caseworker.server.cli",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(WORKERS),
        ],
        env=env,
    )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base_url}/readyz").status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    try:
        yield Running(base_url, url, cluster, proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        cluster.stop()


class _Device:
    """One device's keep-alive connection for the 100-device syncs: the same requests as
    with httpx (method, path, query, bearer token, JSON body; answers parsed as JSON), on
    ``http.client``, so the load generator's own CPU on the shared cores stays small."""

    def __init__(self, base_url: str, token: str) -> None:
        parts = urllib.parse.urlsplit(base_url)
        host = parts.hostname or "127.0.0.1"
        self._conn = http.client.HTTPConnection(host, parts.port, timeout=120)
        self._headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}

    def _request(self, method: str, path: str, body: bytes | None = None) -> tuple[int, Any]:
        sock = self._conn.sock
        if sock is not None and select.select([sock], [], [], 0)[0]:
            # the server closed the idle keep-alive connection: open a new one (as httpx does)
            self._conn.close()
        headers = dict(self._headers)
        if body is not None:
            headers["Content-Type"] = "application/json"
        self._conn.request(method, path, body=body, headers=headers)
        response = self._conn.getresponse()
        return response.status, json.loads(response.read())

    def push(self, batch: dict[str, Any]) -> tuple[int, Any]:
        return self._request("POST", "/v1/push", json.dumps(batch).encode("utf-8"))

    def changes(self, since: int) -> Any:
        status, page = self._request("GET", f"/v1/changes?since={since}")
        assert status == 200, page
        return page

    def close(self) -> None:
        self._conn.close()


class _AsyncDevice:
    """One device's keep-alive connection for the syncs at once, on asyncio streams: the
    same HTTP/1.1 requests as ``_Device`` (bearer token, JSON bodies, answers parsed as
    JSON), all 100 devices in one thread. With 100 client threads, every group commit
    woke 6-7 of them at once and their hand-offs of the interpreter lock cost ≈ 3 ms of
    CPU per sync on the 2 cores the server needs; real devices are other machines."""

    def __init__(self, base_url: str, token: str) -> None:
        parts = urllib.parse.urlsplit(base_url)
        self._host, self._port = parts.hostname or "127.0.0.1", parts.port or 80
        self._head = (
            f"Host: {self._host}:{self._port}\r\nAuthorization: Bearer {token}\r\n"
            "Accept: application/json\r\n"
        )
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def connect(self) -> None:
        self._reader, self._writer = await asyncio.open_connection(self._host, self._port)

    async def _request(self, method: str, path: str, body: bytes = b"") -> tuple[int, Any]:
        if self._reader is None or self._reader.at_eof():
            await self.connect()  # the server closed the idle keep-alive connection
        assert self._reader is not None and self._writer is not None
        extra = f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n" if body else ""
        self._writer.write(f"{method} {path} HTTP/1.1\r\n{self._head}{extra}\r\n".encode() + body)
        status = int((await self._reader.readline()).split()[1])
        length = 0
        while (line := await self._reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            assert name != b"transfer-encoding", "chunked answers are not expected"
            if name == b"content-length":
                length = int(value)
        return status, json.loads(await self._reader.readexactly(length))

    async def push(self, batch: dict[str, Any]) -> tuple[int, Any]:
        return await self._request("POST", "/v1/push", json.dumps(batch).encode("utf-8"))

    async def changes(self, since: int) -> Any:
        status, page = await self._request("GET", f"/v1/changes?since={since}")
        assert status == 200, page
        return page

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()


def _client(base_url: str, token: str) -> httpx.Client:
    return httpx.Client(
        base_url=base_url, headers={"Authorization": f"Bearer {token}"}, timeout=120
    )


def _enroll(base_url: str, username: str) -> str:
    r = httpx.post(
        f"{base_url}/v1/enroll", json={"username": username, "password": PASSWORD}, timeout=60
    )
    assert r.status_code == 200, r.text
    return str(r.json()["token"])


def _household(team: str, coordinator: str) -> dict[str, Any]:
    return {
        "table": "households",
        "row_id": str(uuid.uuid4()),
        "changed": {
            "name": "Familie Bench",
            "street": "Vinkenstraat",
            "house_number": "12a",
            "postcode": "9742 AB",
            "city": "Groningen",
            "team_id": team,
            "coordinator_id": coordinator,
            "opened_on": "2026-09-01",
            "status": "active",
        },
    }


def _journal(household: str, i: int) -> dict[str, Any]:
    return {
        "table": "journal_entries",
        "row_id": str(uuid.uuid4()),
        "changed": {
            "household_id": household,
            "written_at": "2026-11-23T09:30:00+00:00",
            "kind": "note",
            "text": f"Huisbezoek {i}: afspraken over de schuldhulp en de dagbesteding "
            "doorgenomen, volgende stap met de budgetcoach ingepland." * 2,
        },
    }


def _person(household: str) -> dict[str, Any]:
    return {
        "table": "persons",
        "row_id": str(uuid.uuid4()),
        "changed": {
            "household_id": household,
            "given_name": "Sanne",
            "family_name": "Bakker",
            "role": "parent",
            "birth_date": "1988-04-12",
            "phone": "06-12345678",
            "note": "Werkt parttime, wil meer uren.",
        },
    }


def _seed(url: str) -> dict[str, Any]:
    settings = fast_settings(url)
    engine = db.make_engine(url)
    with Session(engine, expire_on_commit=False) as session, session.begin():
        team = accounts.create_team(session, code="bench", name="WIJ Bench")
        lead = accounts.create_user(
            session,
            settings,
            username="lead",
            display_name="lead",
            role=Role.TEAM_LEAD,
            password=PASSWORD,
            team_id=team.id,
        )
        workers = [
            accounts.create_user(
                session,
                settings,
                username=f"cw{i}",
                display_name=f"cw{i}",
                role=Role.CASEWORKER,
                password=PASSWORD,
                team_id=team.id,
            ).id
            for i in range(DEVICES)
        ]
    engine.dispose()
    return {"team": team.id, "lead": lead.id, "workers": workers}


def test_server_bench(running: Running) -> None:
    ids = _seed(running.url)
    base = running.base_url
    lead_token = _enroll(base, "lead")

    # --- ingest: one device pushes INGEST_RECORDS records in batches of BATCH ---------------
    households = [_household(ids["team"], ids["lead"]) for _ in range(INGEST_RECORDS // 20)]
    records: list[dict[str, Any]] = []
    for hh in households:
        records.append(hh)
        records.extend(_person(hh["row_id"]) for _ in range(4))
        records.extend(_journal(hh["row_id"], i) for i in range(15))
    batches = [records[i : i + BATCH] for i in range(0, len(records), BATCH)]
    with _client(base, lead_token) as c:
        start = time.perf_counter()
        for batch in batches:
            r = c.post("/v1/push", json={"batch_id": str(uuid.uuid4()), "changes": batch})
            assert r.status_code == 200, r.text
        ingest_s = time.perf_counter() - start
    ingest_rate = len(records) / ingest_s

    # --- pull: a new device of the team lead pulls everything ------------------------------
    fresh = _enroll(base, "lead")
    pulled = 0
    with _client(base, fresh) as c:
        start = time.perf_counter()
        since = 0
        while True:
            page = c.get("/v1/changes", params={"since": since, "limit": 1000}).json()
            pulled += len(page["rows"])
            since = page["next_since"]
            if not page["has_more"]:
                break
        pull_s = time.perf_counter() - start
    assert pulled >= len(records)
    pull_rate = pulled / pull_s

    # --- 100 devices: each has households; sync = push CHANGES_PER_SYNC, then pull --------
    tokens = [_enroll(base, f"cw{i}") for i in range(DEVICES)]
    own: list[list[str]] = []
    with _client(base, lead_token) as c:
        for worker in ids["workers"]:
            hhs = [_household(ids["team"], worker) for _ in range(HOUSEHOLDS_PER_DEVICE)]
            batch = hhs + [_journal(h["row_id"], i) for h in hhs for i in range(20)]
            r = c.post("/v1/push", json={"batch_id": str(uuid.uuid4()), "changes": batch})
            assert r.status_code == 200, r.text
            own.append([h["row_id"] for h in hhs])
    cursors = [0] * DEVICES
    clients = [_Device(base, t) for t in tokens]

    def initial(i: int) -> None:
        while True:
            page = clients[i].changes(cursors[i])
            cursors[i] = page["next_since"]
            if not page["has_more"]:
                return

    with ThreadPoolExecutor(DEVICES) as pool:
        list(pool.map(initial, range(DEVICES)))

    def sync(i: int) -> float:
        start = time.perf_counter()
        changes = [_journal(own[i][n % HOUSEHOLDS_PER_DEVICE], n) for n in range(CHANGES_PER_SYNC)]
        status, answer = clients[i].push({"batch_id": str(uuid.uuid4()), "changes": changes})
        assert status == 200, answer
        while True:
            page = clients[i].changes(cursors[i])
            cursors[i] = page["next_since"]
            if not page["has_more"]:
                break
        return time.perf_counter() - start

    postmaster = _postmaster_pid(running.cluster)
    seq_before = (_cpu_seconds(running.server_pid), _cpu_seconds(postmaster))
    sequential = sorted(sync(i) for i in range(DEVICES))  # one device at a time
    seq_after = (_cpu_seconds(running.server_pid), _cpu_seconds(postmaster))
    seq_cpu = [(b - a) * 1000 / DEVICES for a, b in zip(seq_before, seq_after, strict=True)]

    async def sync_async(device: _AsyncDevice, i: int) -> float:
        start = time.perf_counter()
        changes = [_journal(own[i][n % HOUSEHOLDS_PER_DEVICE], n) for n in range(CHANGES_PER_SYNC)]
        status, answer = await device.push({"batch_id": str(uuid.uuid4()), "changes": changes})
        assert status == 200, answer
        while True:
            page = await device.changes(cursors[i])
            cursors[i] = page["next_since"]
            if not page["has_more"]:
                break
        return time.perf_counter() - start

    async def at_once() -> tuple[list[float], float, tuple[float, ...], tuple[float, ...]]:
        devices = [_AsyncDevice(base, t) for t in tokens]
        await asyncio.gather(*(d.connect() for d in devices))  # connected before the clock
        before = (time.process_time(), _cpu_seconds(running.server_pid), _cpu_seconds(postmaster))
        start = time.perf_counter()
        times = await asyncio.gather(*(sync_async(d, i) for i, d in enumerate(devices)))
        took = time.perf_counter() - start
        after = (time.process_time(), _cpu_seconds(running.server_pid), _cpu_seconds(postmaster))
        await asyncio.gather(*(d.close() for d in devices))
        return sorted(times), took, before, after

    rounds = [asyncio.run(at_once()) for _ in range(SYNC_ROUNDS)]
    latencies = sorted(t for r in rounds for t in r[0])
    wall = max(r[1] for r in rounds)
    cpu_before = tuple(sum(r[2][k] for r in rounds) for k in range(3))
    cpu_after = tuple(sum(r[3][k] for r in rounds) for k in range(3))
    cpu = [(b - a) * 1000 / len(latencies) for a, b in zip(cpu_before, cpu_after, strict=True)]
    for client in clients:
        client.close()
    p50 = statistics.median(latencies)
    p95 = latencies[int(0.95 * (len(latencies) - 1))]

    print(
        f"\nSERVER BENCH: ingest {len(records)} records in {ingest_s:.1f} s = "
        f"{ingest_rate:,.0f} records/s (batches of {BATCH}); "
        f"pull {pulled} rows in {pull_s:.1f} s = {pull_rate:,.0f} rows/s; "
        f"{DEVICES} devices syncing at once ({CHANGES_PER_SYNC} changes up + pull; "
        f"{SYNC_ROUNDS} rounds, {len(latencies)} syncs): "
        f"p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms, "
        f"a round all done in ≤ {wall:.1f} s; {WORKERS} server processes; one device at a time: "
        f"p50 {statistics.median(sequential) * 1000:.0f} ms, "
        f"p95 {sequential[int(0.95 * (DEVICES - 1))] * 1000:.0f} ms "
        f"(CPU per sync: server {seq_cpu[0]:.1f} ms, PostgreSQL {seq_cpu[1]:.1f} ms); "
        f"CPU per sync at once: clients {cpu[0]:.1f} ms, server {cpu[1]:.1f} ms, "
        f"PostgreSQL {cpu[2]:.1f} ms; load average {os.getloadavg()[0]:.1f}"
    )
