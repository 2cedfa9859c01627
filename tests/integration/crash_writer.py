"""Child process for the crash test: writes committed batches until it is killed.

Usage: python crash_writer.py STORE_DIR   (passphrase in CASEWORKER_PASSPHRASE)

To keep 25 kills fast the imports are paid once: this process is a "zygote" that
reads one command per line from stdin. ``go`` forks a writer (which has not
inherited any database connection: the zygote never opens the store); the
writer prints ``started PID`` and then, after each COMMIT, ``committed N``. The
parent test SIGKILLs the writer; the zygote reaps it and prints ``reaped``.
``quit`` ends the zygote.

Each batch N is one household named ``Crash N`` plus ROWS journal entries of
kind ``bN``: a batch is present in full or not at all.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, date, datetime

from sqlalchemy import text

from caseworker.models import Household, JournalEntry
from caseworker.store import Store

ROWS = 40
PADDING = "x" * 600  # grows the WAL so that kills also land in checkpoints


def write_forever(store_dir: str) -> None:
    opened = Store(store_dir).unlock(os.environ["CASEWORKER_PASSPHRASE"])
    with opened.session() as s:
        last = s.execute(
            text(
                "SELECT max(CAST(substr(kind, 2) AS INTEGER)) FROM journal_entries "
                "WHERE kind GLOB 'b[0-9]*'"
            )
        ).scalar()
    batch = int(last or 0)
    while True:
        batch += 1
        with opened.transaction() as s:
            s.execute(text("PRAGMA wal_autocheckpoint = 64"))  # checkpoint often
            household = Household(name=f"Crash {batch}", opened_on=date(2026, 1, 1))
            s.add(household)
            s.flush()
            s.add_all(
                JournalEntry(
                    household_id=household.id,
                    written_at=datetime.now(UTC),
                    kind=f"b{batch}",
                    text=f"batch {batch} row {i} {PADDING}",
                )
                for i in range(ROWS)
            )
        print(f"committed {batch}", flush=True)


def main() -> int:
    store_dir = sys.argv[1]
    for line in sys.stdin:
        command = line.strip()
        if command == "quit":
            return 0
        if command != "go":
            continue
        pid = os.fork()
        if pid == 0:  # the writer
            try:
                print(f"started {os.getpid()}", flush=True)
                write_forever(store_dir)
            finally:
                os._exit(1)
        os.waitpid(pid, 0)
        print("reaped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
