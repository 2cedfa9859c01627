"""No personal data in any file of the store directory or in temporary files.

A household with an unusual name, a valid BSN and a journal line is written and
searched (FTS5); then every file of the store directory (database, -wal, -shm,
backups, key file, lock file) is read raw and must contain none of the strings,
in UTF-8 nor in UTF-16. A control run with the same code on PLAIN SQLite shows
that the scan does find them when they are there.
"""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from caseworker.models import Household, JournalEntry, Person, PersonRole
from caseworker.store import OpenStore, Store, migrate
from caseworker.store.engine import make_engine
from tests.conftest import FAST_KDF, PASSPHRASE

GIVEN = "Zwaantje"
FAMILY = "Qwertyhuis"
BSN = "263514183"
STREET = "Xylofoonstraatje"
JOURNAL = "Vertelde over de schuld bij Kwebbelkraam Incasso"
NEEDLES = [f"{GIVEN} {FAMILY}", GIVEN, FAMILY, BSN, STREET, "Kwebbelkraam"]


def _encodings(needle: str) -> list[bytes]:
    forms = {needle, needle.lower(), needle.upper()}
    return [f.encode(enc) for f in forms for enc in ("utf-8", "utf-16-le", "utf-16-be")]


PATTERNS = [p for n in NEEDLES for p in _encodings(n)]


def leaks(path: Path) -> list[str]:
    """Which needles occur in the raw bytes of ``path`` (any encoding or case)."""
    try:
        data = path.read_bytes()
    except OSError:
        return []
    return sorted({n for n in NEEDLES for p in _encodings(n) if p in data})


def leaks_in_dir(directory: Path) -> dict[str, list[str]]:
    found = {}
    for path in sorted(directory.rglob("*")):
        if path.is_file() and (hits := leaks(path)):
            found[str(path.relative_to(directory))] = hits
    return found


def write_dossier(session: Session) -> str:
    household = Household(
        name=f"Familie {FAMILY}",
        street=STREET,
        house_number="7",
        postcode="9741 AB",
        city="Groningen",
        opened_on=date(2026, 1, 5),
    )
    session.add(household)
    session.flush()
    session.add(
        Person(
            household_id=household.id,
            given_name=GIVEN,
            family_name=FAMILY,
            birth_date=date(1988, 4, 12),
            role=PersonRole.PARENT,
            bsn=BSN,
        )
    )
    session.add(
        JournalEntry(
            household_id=household.id,
            written_at=datetime(2026, 11, 23, 9, 30, tzinfo=UTC),
            text=JOURNAL,
        )
    )
    return household.id


def search(engine: Engine, term: str) -> list[str]:
    with engine.connect() as conn:
        return [
            r[0]
            for r in conn.execute(
                text("SELECT household_id FROM household_search WHERE household_search MATCH :q"),
                {"q": term},
            )
        ]


def fill_and_search(opened: OpenStore) -> str:
    with opened.transaction() as s:
        household_id = write_dossier(s)
    # more edits so the WAL holds several versions of the pages
    with opened.transaction() as s:
        s.execute(
            text("UPDATE households SET phone = '050-0000000' WHERE id = :id"),
            {"id": household_id},
        )
    assert search(opened.engine, FAMILY.lower()) == [household_id]
    assert search(opened.engine, BSN) == [household_id]
    assert search(opened.engine, f"{GIVEN[:4]}*") == [household_id]
    with opened.session() as s:
        assert s.get(Person, s.query(Person.id).scalar()) is not None
        assert s.query(JournalEntry.text).scalar() == JOURNAL
    return household_id


def _temp_roots() -> list[Path]:
    roots = {Path(tempfile.gettempdir()), Path("/var/tmp")}
    return [r for r in roots if r.is_dir()]


def temp_files(exclude: Path) -> dict[Path, tuple[int, int]]:
    """Files in the temp directories (path -> size, mtime), minus pytest's own base dir."""
    skip = str(exclude.resolve())
    files: dict[Path, tuple[int, int]] = {}
    for root in _temp_roots():
        for dirpath, dirnames, filenames in os.walk(root):
            if dirpath.startswith(skip):
                dirnames[:] = []
                continue
            # not ours to read: the tool machinery's job folders
            dirnames[:] = [d for d in dirnames if not d.startswith(("bash_jobs.", "bash_tool_"))]
            for name in filenames:
                path = Path(dirpath) / name
                try:
                    st = path.stat()
                except OSError:
                    continue
                files[path] = (st.st_size, st.st_mtime_ns)
    return files


def sig_small(signature: tuple[int, int]) -> bool:
    return signature[0] < 32 * 1024 * 1024


def test_plain_sqlite_control_finds_the_strings(tmp_path: Path) -> None:
    """The scan is able to fail: on plain SQLite the same data is found."""
    engine = make_engine(tmp_path / "plain.db", None)
    try:
        migrate.upgrade(engine)
        with Session(engine) as s, s.begin():
            write_dossier(s)
        assert search(engine, FAMILY.lower())
        found = leaks_in_dir(tmp_path)
    finally:
        engine.dispose()
    assert set().union(*found.values()) >= {FAMILY, BSN, STREET, "Kwebbelkraam"}


def test_no_personal_data_in_store_files_open_or_closed(
    store_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    basetemp = tmp_path_factory.getbasetemp()
    if basetemp.parent.name.startswith("pytest-of-"):
        basetemp = basetemp.parent  # also other pytest runs' fixture folders (not SQLite's)
    temp_before = temp_files(basetemp)
    opened = Store(store_dir).create(PASSPHRASE, FAST_KDF)
    try:
        fill_and_search(opened)
        # an encrypted migration backup holding the data
        Store(store_dir)._backup(opened.engine, "test")
        with opened.transaction() as s:  # and fresh frames in the WAL after the checkpoint
            s.execute(text("UPDATE persons SET note = 'gesprek' WHERE bsn = :b"), {"b": BSN})
        names = {p.name for p in store_dir.rglob("*") if p.is_file()}
        assert {"caseworker.db", "caseworker.db-wal", "caseworker.db-shm"} <= names
        assert {"caseworker.keys", "caseworker.lock"} <= names
        assert any(p.parent.name == "backups" for p in store_dir.rglob("*.db"))
        assert (store_dir / "caseworker.db-wal").stat().st_size > 0
        assert leaks_in_dir(store_dir) == {}, "personal data readable while the store is open"
    finally:
        opened.close()
    assert leaks_in_dir(store_dir) == {}, "personal data readable after closing"

    with Store(store_dir).unlock(PASSPHRASE) as again:  # the data is really there
        assert search(again.engine, FAMILY.lower())
    assert leaks_in_dir(store_dir) == {}

    temp_after = temp_files(basetemp)
    changed = [p for p, sig in temp_after.items() if temp_before.get(p) != sig]
    leaked = {str(p): hits for p in changed if sig_small(temp_after[p]) and (hits := leaks(p))}
    assert leaked == {}, "personal data in temporary files"


def _open_temp_files() -> list[str]:
    links = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            links.append(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            continue
    return [link for link in links if "etilqs" in link or link.endswith("(deleted)")]


def _new_temp_files(already_open: set[str]) -> list[str]:
    return [f for f in _open_temp_files() if f not in already_open]


BIG_SORT = (
    "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 60000) "
    "SELECT spy(x) FROM (SELECT i || randomblob(64) AS x FROM c ORDER BY random()) LIMIT 1"
)


@pytest.mark.parametrize("temp_store", [None, "FILE"])
def test_sqlite_spills_no_temp_files(open_store: OpenStore, temp_store: str | None) -> None:
    """A sort bigger than the page cache stays in memory (temp_store = MEMORY).

    The spy function runs while the sorter is being read, i.e. when any spill file
    is open; with temp_store = FILE (the control) it does see one.
    """
    seen: list[list[str]] = []
    already_open = set(_open_temp_files())  # e.g. pytest's own capture files
    raw = open_store.engine.raw_connection()
    try:
        dbapi = raw.driver_connection
        assert dbapi is not None

        def spy(value: object) -> object:
            seen.append(_new_temp_files(already_open))
            return value

        dbapi.create_function("spy", 1, spy)
        cursor = dbapi.cursor()
        assert cursor.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
        cursor.execute("PRAGMA cache_size = 10")
        if temp_store:
            cursor.execute(f"PRAGMA temp_store = {temp_store}")
        cursor.execute(BIG_SORT).fetchall()
        cursor.execute("PRAGMA temp_store = MEMORY")
        cursor.execute("PRAGMA cache_size = -2000")
        cursor.close()
    finally:
        raw.invalidate()  # do not return a connection with changed pragmas to the pool
    assert seen
    if temp_store == "FILE":
        assert seen[0], "control: a spill file was expected with temp_store = FILE"
    else:
        assert seen[0] == []
