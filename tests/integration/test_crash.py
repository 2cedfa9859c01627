"""SIGKILL in the middle of writes, many times: the store always opens, is healthy,
and holds every batch the writer reported as committed, each batch in full.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import text

from caseworker.store import Store
from tests.conftest import FAST_KDF, PASSPHRASE

WRITER = Path(__file__).with_name("crash_writer.py")
REPO = Path(__file__).resolve().parents[2]
KILLS = 25
ROWS = 40  # crash_writer.ROWS
TIME_BUDGET_S = 60.0


def _read(child: subprocess.Popen[str], prefix: str) -> str:
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line.startswith(prefix), f"expected {prefix!r}, got {line!r}"
    return line.strip()


def _batches(store: Store) -> tuple[Counter[int], set[int], list[str]]:
    """Rows per batch, the batches' households, and check() problems."""
    with store.unlock(PASSPHRASE) as opened:
        problems = opened.check()
        with opened.engine.connect() as conn:
            rows = Counter(
                {
                    int(kind[1:]): count
                    for kind, count in conn.execute(
                        text("SELECT kind, count(*) FROM journal_entries GROUP BY kind")
                    )
                }
            )
            households = {
                int(name.split()[1])
                for (name,) in conn.execute(text("SELECT name FROM households"))
            }
            # the search index is kept in step by triggers in the same transactions
            indexed = conn.execute(text("SELECT count(*) FROM household_search")).scalar_one()
            assert indexed == len(households)
    return rows, households, problems


def test_sigkill_during_writes_loses_no_committed_batch(store_dir: Path) -> None:
    Store(store_dir).create(PASSPHRASE, FAST_KDF).close()
    store = Store(store_dir)
    seed = int(time.time())
    rng = random.Random(seed)
    env = {**os.environ, "CASEWORKER_PASSPHRASE": PASSPHRASE, "PYTHONPATH": str(REPO)}
    zygote = subprocess.Popen(
        [sys.executable, str(WRITER), str(store_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert zygote.stdin is not None
    reported: set[int] = set()
    silent: set[int] = set()  # committed, but killed before it could say so
    started = time.monotonic()
    kills = 0
    try:
        while kills < KILLS and time.monotonic() - started < TIME_BUDGET_S:
            zygote.stdin.write("go\n")
            zygote.stdin.flush()
            pid = int(_read(zygote, "started").split()[1])
            # kill after a random number of commits (0 = possibly still unlocking),
            # plus a random fraction of a batch
            for _ in range(rng.randint(0, 4)):
                reported.add(int(_read(zygote, "committed").split()[1]))
            time.sleep(rng.uniform(0.0, 0.03))
            os.kill(pid, signal.SIGKILL)
            # lines the writer managed to print before it died are commits too
            while (line := _read(zygote, "")) != "reaped":
                assert line.startswith("committed"), line
                reported.add(int(line.split()[1]))
            kills += 1

            rows, households, problems = _batches(store)
            context = f"seed {seed}, kill {kills}"
            assert problems == [], context
            assert reported <= set(rows), f"{context}: lost {sorted(reported - set(rows))}"
            assert all(count == ROWS for count in rows.values()), f"{context}: partial {rows}"
            assert households == set(rows), context
            # at most the batch in flight committed without being reported
            unreported = set(rows) - reported - silent
            assert len(unreported) <= 1, context
            silent |= unreported
    finally:
        if zygote.poll() is None:
            zygote.stdin.write("quit\n")
            zygote.stdin.close()
            try:
                zygote.wait(timeout=10)
            except subprocess.TimeoutExpired:
                zygote.kill()
                zygote.wait()
    assert kills >= 10, f"only {kills} kills within the time budget"
    assert len(reported) >= kills // 2  # the writer made real progress between kills
