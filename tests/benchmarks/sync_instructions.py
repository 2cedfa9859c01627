"""Instructions per sync of the server code, counted by valgrind (``make bench-instructions``).

Wall times and CPU seconds on the shared 2-core machines swing by up to 2x within the hour,
so a change of a few per cent cannot be seen in them. Instructions can: valgrind's
callgrind counts the instructions the Python process executes, the same for the same code
and inputs whatever else the machine is doing. This runs the application in one process
(client and server, through httpx's ASGI transport) against a throwaway PostgreSQL cluster
and counts, from the moment the warm-up is over, ``ROUNDS`` rounds of 8 devices syncing at
once, each sync as in ``test_server_bench``: push 10 journal entries, then pull. The figure
includes the in-process client (the same for every version of the server code); PostgreSQL
runs in its own processes and is not counted (its statements per sync are the lever there).

    python -m tests.benchmarks.sync_instructions            # under valgrind, prints the figure
    python -m tests.benchmarks.sync_instructions --inner    # the measured program itself
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

DEVICES = 8
ROUNDS = int(os.environ.get("BENCH_INSTRUCTION_ROUNDS", "10"))
WARM_ROUNDS = 3


def _callgrind(on: bool) -> None:
    """Start or stop counting (no-op when not under valgrind)."""
    if shutil.which("callgrind_control"):
        subprocess.run(
            ["callgrind_control", "-i", "on" if on else "off", str(os.getpid())],
            capture_output=True,
            check=False,
        )


def inner() -> None:
    import httpx

    from caseworker.server import db
    from caseworker.server.app import create_app
    from tests.benchmarks.test_server_bench import _household, _journal, _seed
    from tests.server.live import PASSWORD, fast_settings
    from tests.server.pg import start_cluster

    cluster = start_cluster(durable=True)
    try:
        url = cluster.create_database("instructions")
        engine = db.make_engine(url)
        db.upgrade(engine)
        engine.dispose()
        ids = _seed(url)
        engine = db.make_engine(url)
        app = create_app(fast_settings(url), engine=engine)

        async def run() -> None:
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://bench") as c:

                async def enroll(name: str) -> str:
                    answer = await c.post(
                        "/v1/enroll", json={"username": name, "password": PASSWORD}
                    )
                    return str(answer.json()["token"])

                lead = {"Authorization": f"Bearer {await enroll('lead')}"}
                tokens = [await enroll(f"cw{i}") for i in range(DEVICES)]
                own: list[list[str]] = []
                for i in range(DEVICES):
                    households = [_household(ids["team"], ids["workers"][i]) for _ in range(3)]
                    changes = households + [
                        _journal(h["row_id"], n) for h in households for n in range(20)
                    ]
                    batch = {"batch_id": str(uuid.uuid4()), "changes": changes}
                    assert (await c.post("/v1/push", headers=lead, json=batch)).status_code == 200
                    own.append([h["row_id"] for h in households])
                cursors = [0] * DEVICES

                async def sync(i: int) -> None:
                    headers = {"Authorization": f"Bearer {tokens[i]}"}
                    changes = [_journal(own[i][n % 3], n) for n in range(10)]
                    batch = {"batch_id": str(uuid.uuid4()), "changes": changes}
                    answer = await c.post("/v1/push", headers=headers, json=batch)
                    assert answer.status_code == 200, answer.text
                    while True:
                        page = (
                            await c.get(f"/v1/changes?since={cursors[i]}", headers=headers)
                        ).json()
                        cursors[i] = page["next_since"]
                        if not page["has_more"]:
                            return

                async def rounds(n: int) -> None:
                    for _ in range(n):
                        await asyncio.gather(*(sync(i) for i in range(DEVICES)))

                await rounds(WARM_ROUNDS)
                _callgrind(True)
                await rounds(ROUNDS)
                _callgrind(False)

        asyncio.run(run())
        engine.dispose()
    finally:
        cluster.stop()


def main() -> int:
    if not shutil.which("valgrind"):
        print("valgrind is not installed: no instruction count", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        done = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--instr-atstart=no",
                f"--callgrind-out-file={out}",
                sys.executable,
                "-m",
                "tests.benchmarks.sync_instructions",
                "--inner",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        print(done.stderr[-3000:], file=sys.stderr)
        return 1
    total = int(found.group(1))
    syncs = ROUNDS * DEVICES
    print(
        f"SYNC INSTRUCTIONS: {total:,} instructions for {syncs} syncs "
        f"({DEVICES} devices at once, {ROUNDS} rounds) = {total / syncs / 1e6:.2f} M per sync "
        "(client and server in one process; PostgreSQL not counted)"
    )
    return 0


if __name__ == "__main__":
    if "--inner" in sys.argv:
        inner()
    else:
        sys.exit(main())
