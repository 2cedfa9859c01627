"""The encrypted store on real SQLCipher: create, unlock, lock, passphrase, damage, migrations."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select

from caseworker.models import Team
from caseworker.store import (
    DatabaseUnreadable,
    KdfParams,
    KeyFileInvalid,
    KeyFileMissing,
    MigrationFailed,
    OpenStore,
    Store,
    StoreExists,
    StoreInUse,
    StoreLocked,
    StoreNotFound,
    UnlockThrottle,
    WeakPassphrase,
    WrongPassphrase,
    migrate,
)
from caseworker.store.engine import make_engine
from caseworker.store.keyfile import KeyFile
from caseworker.store.store import PLAIN_SQLITE_MAGIC
from tests.conftest import FAST_KDF, PASSPHRASE

NEW_PASSPHRASE = "fietsen langs het reitdiep bij nacht"
HOLDER = Path(__file__).with_name("store_holder.py")
REPO = Path(__file__).resolve().parents[2]

Snapshot = dict[str, tuple[str, int, int]]


def snapshot(directory: Path) -> Snapshot:
    """sha256, size and mtime of every file below ``directory``."""
    return {
        str(p.relative_to(directory)): (
            hashlib.sha256(p.read_bytes()).hexdigest(),
            p.stat().st_size,
            p.stat().st_mtime_ns,
        )
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def template_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with one team in it, created once (fast KDF) and closed."""
    directory = tmp_path_factory.mktemp("template") / "store"
    with Store(directory).create(PASSPHRASE, FAST_KDF) as opened, opened.transaction() as s:
        s.add(Team(name="WIJ Selwerd", code="selwerd"))
    return directory


@pytest.fixture
def closed_store(template_store: Path, store_dir: Path) -> Store:
    """A private copy of the template store (copying is much cheaper than creating)."""
    shutil.copytree(template_store, store_dir)
    return Store(store_dir)


def team_codes(opened: OpenStore) -> list[str]:
    with opened.session() as s:
        return list(s.execute(select(Team.code)).scalars())


# -- create / unlock ----------------------------------------------------------------------


def test_create_unlock_round_trip(closed_store: Store) -> None:
    with closed_store.unlock(PASSPHRASE) as opened:
        assert team_codes(opened) == ["selwerd"]
        assert opened.check() == []
        assert migrate.current_revision(opened.engine) == migrate.head_revision()


def test_database_file_is_encrypted(closed_store: Store) -> None:
    head = closed_store.paths.database.read_bytes()[:16]
    assert head != PLAIN_SQLITE_MAGIC
    assert b"SQLite" not in head
    with pytest.raises(sqlite3.DatabaseError):
        plain = sqlite3.connect(closed_store.paths.database)
        try:
            plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            plain.close()


def test_default_kdf_is_argon2id_64mib_3_passes_4_lanes(store_dir: Path) -> None:
    Store(store_dir).create(PASSPHRASE).close()
    data = json.loads((store_dir / "caseworker.keys").read_text())
    assert data["kdf"]["name"] == "argon2id"
    assert (data["kdf"]["memory_kib"], data["kdf"]["time_cost"], data["kdf"]["parallelism"]) == (
        65536,
        3,
        4,
    )
    assert data["cipher"] == "AES-256-GCM"
    assert KdfParams() == KdfParams(memory_kib=65536, time_cost=3, parallelism=4)


def test_key_file_and_directory_are_private(closed_store: Store) -> None:
    assert closed_store.paths.key_file.stat().st_mode & 0o777 == 0o600
    assert closed_store.directory.stat().st_mode & 0o777 == 0o700


def test_create_refuses_an_existing_store_and_a_weak_passphrase(
    closed_store: Store, tmp_path: Path
) -> None:
    before = snapshot(closed_store.directory)
    with pytest.raises(StoreExists):
        Store(closed_store.directory).create(PASSPHRASE, FAST_KDF)
    assert snapshot(closed_store.directory) == before
    fresh = tmp_path / "fresh"
    with pytest.raises(WeakPassphrase):
        Store(fresh).create("kort", FAST_KDF)
    assert not fresh.exists()


def test_unlock_without_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreNotFound):
        Store(tmp_path / "nothing").unlock(PASSPHRASE)
    assert not (tmp_path / "nothing").exists()


# -- wrong passphrase, change passphrase ---------------------------------------------------


def test_wrong_passphrase_touches_no_file(closed_store: Store) -> None:
    before = snapshot(closed_store.directory)
    for attempt in ("kopje koffie aan de keukentafeL", "", PASSPHRASE + " "):
        with pytest.raises(WrongPassphrase) as info:
            closed_store.unlock(attempt)
        assert attempt not in str(info.value) or not attempt
    assert snapshot(closed_store.directory) == before
    with closed_store.unlock(PASSPHRASE) as opened:
        assert team_codes(opened) == ["selwerd"]


def test_change_passphrase(closed_store: Store) -> None:
    db_before = sha256(closed_store.paths.database)
    store_id = KeyFile.read(closed_store.paths.key_file).store_id
    closed_store.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    assert sha256(closed_store.paths.database) == db_before  # not re-encrypted
    assert KeyFile.read(closed_store.paths.key_file).store_id == store_id
    with pytest.raises(WrongPassphrase):
        closed_store.unlock(PASSPHRASE)
    with closed_store.unlock(NEW_PASSPHRASE) as opened:
        assert team_codes(opened) == ["selwerd"]
    assert not list(closed_store.directory.glob("*.new"))


def test_change_passphrase_refusals_leave_the_key_file_alone(closed_store: Store) -> None:
    before = snapshot(closed_store.directory)
    with pytest.raises(WrongPassphrase):
        closed_store.change_passphrase("dit is niet het wachtwoord", NEW_PASSPHRASE)
    with pytest.raises(WeakPassphrase):
        closed_store.change_passphrase(PASSPHRASE, "1234")
    assert snapshot(closed_store.directory) == before
    closed_store.unlock(PASSPHRASE).close()


# -- key file problems ----------------------------------------------------------------------


def test_missing_key_file(closed_store: Store) -> None:
    closed_store.paths.key_file.unlink()
    before = snapshot(closed_store.directory)
    with pytest.raises(KeyFileMissing):
        closed_store.unlock(PASSPHRASE)
    with pytest.raises(StoreExists):  # and no new store is made over the database
        closed_store.create(PASSPHRASE, FAST_KDF)
    assert snapshot(closed_store.directory) == before


def _edit_key_file(path: Path, edit: Callable[[dict[str, object]], object]) -> None:
    data = json.loads(path.read_text())
    edit(data)
    path.write_text(json.dumps(data))


def _flip(b64: str, index: int = 0) -> str:
    raw = bytearray(base64.b64decode(b64))
    raw[index] ^= 0x01
    return base64.b64encode(bytes(raw)).decode()


def _set_kdf(key: str, value: object) -> Callable[[dict[str, object]], object]:
    def edit(data: dict[str, object]) -> None:
        kdf = data["kdf"]
        assert isinstance(kdf, dict)
        kdf[key] = value

    return edit


KEY_FILE_DAMAGE: list[tuple[str, Callable[[dict[str, object]], object], type[Exception]]] = [
    (
        "flip wrapped_key",
        lambda d: d.update(wrapped_key=_flip(str(d["wrapped_key"]))),
        WrongPassphrase,
    ),
    ("flip tag", lambda d: d.update(wrapped_key=_flip(str(d["wrapped_key"]), -1)), WrongPassphrase),
    ("flip nonce", lambda d: d.update(nonce=_flip(str(d["nonce"]))), WrongPassphrase),
    (
        "other store_id",
        lambda d: d.update(store_id="00000000-0000-4000-8000-000000000000"),
        WrongPassphrase,
    ),
    ("flip salt", lambda d: _set_kdf("salt", _flip(str(d["kdf"]["salt"])))(d), WrongPassphrase),  # type: ignore[index]
    ("short nonce", lambda d: d.update(nonce=base64.b64encode(b"1234").decode()), KeyFileInvalid),
    ("short salt", _set_kdf("salt", base64.b64encode(b"12").decode()), KeyFileInvalid),
    (
        "short key",
        lambda d: d.update(wrapped_key=base64.b64encode(b"x" * 20).decode()),
        KeyFileInvalid,
    ),
    ("not base64", lambda d: d.update(nonce="***"), KeyFileInvalid),
    ("nonce missing", lambda d: d.pop("nonce"), KeyFileInvalid),
    ("format", lambda d: d.update(format="something-else"), KeyFileInvalid),
    ("version", lambda d: d.update(version=99), KeyFileInvalid),
    ("kdf name", _set_kdf("name", "pbkdf2"), KeyFileInvalid),
    ("kdf memory", _set_kdf("memory_kib", 1), KeyFileInvalid),
    ("kdf time", _set_kdf("time_cost", "lots"), KeyFileInvalid),
    ("kdf lanes", _set_kdf("parallelism", 0), KeyFileInvalid),
]


@pytest.mark.parametrize(
    ("label", "edit", "expected"), KEY_FILE_DAMAGE, ids=[c[0] for c in KEY_FILE_DAMAGE]
)
def test_damaged_key_file(
    closed_store: Store,
    label: str,
    edit: Callable[[dict[str, object]], object],
    expected: type[Exception],
) -> None:
    _edit_key_file(closed_store.paths.key_file, edit)
    before = snapshot(closed_store.directory)
    with pytest.raises(expected):
        closed_store.unlock(PASSPHRASE)
    assert snapshot(closed_store.directory) == before


@pytest.mark.parametrize("content", [b"", b"{not json", b"[1, 2]", b"\xff\xfe\x00garbage", b"null"])
def test_unparseable_key_file(closed_store: Store, content: bytes) -> None:
    closed_store.paths.key_file.write_bytes(content)
    before = snapshot(closed_store.directory)
    with pytest.raises(KeyFileInvalid):
        closed_store.unlock(PASSPHRASE)
    assert snapshot(closed_store.directory) == before


# -- damaged or foreign database --------------------------------------------------------------


def _assert_refused_and_untouched(store: Store) -> None:
    before = snapshot(store.directory)
    with pytest.raises(DatabaseUnreadable):
        store.unlock(PASSPHRASE)
    after = snapshot(store.directory)
    assert after.get("caseworker.db") == before.get("caseworker.db")
    assert {k: v for k, v in after.items() if k in before} == before
    # at most an empty -wal/-shm pair may have appeared next to the refused file
    assert set(after) - set(before) <= {"caseworker.db-wal", "caseworker.db-shm"}
    assert (
        not (store.directory / "caseworker.db-wal").exists()
        or (store.directory / "caseworker.db-wal").stat().st_size == 0
    )


def test_damage_in_the_middle_is_refused_or_reported(closed_store: Store) -> None:
    db = closed_store.paths.database
    original = db.read_bytes()
    pages = len(original) // 4096
    outcomes = set()
    for page in range(1, pages, max(1, pages // 12)):
        damaged = bytearray(original)
        offset = page * 4096 + 1000
        damaged[offset : offset + 32] = bytes(b ^ 0x5A for b in damaged[offset : offset + 32])
        db.write_bytes(bytes(damaged))
        digest = sha256(db)
        try:
            opened = closed_store.unlock(PASSPHRASE)
        except DatabaseUnreadable:
            outcomes.add("refused")
        else:
            with opened:
                problems = opened.check()
            assert problems, f"damage on page {page + 1} not noticed"
            assert any(f"page {page + 1}" in p for p in problems), problems
            outcomes.add("reported")
        assert sha256(db) == digest, "a damaged database was modified"
    assert outcomes  # at least one page was damaged and handled
    db.write_bytes(original)
    with closed_store.unlock(PASSPHRASE) as opened:
        assert opened.check() == []


@pytest.mark.parametrize("keep", [0, 4096, 10_000, 0.5])
def test_truncated_database_is_refused_and_not_recreated(closed_store: Store, keep: float) -> None:
    db = closed_store.paths.database
    data = db.read_bytes()
    size = int(len(data) * keep) // 4096 * 4096 if isinstance(keep, float) else int(keep)
    db.write_bytes(data[:size])
    _assert_refused_and_untouched(closed_store)
    assert db.stat().st_size == size


def test_missing_database_is_not_recreated(closed_store: Store) -> None:
    closed_store.paths.database.unlink()
    with pytest.raises(DatabaseUnreadable):
        closed_store.unlock(PASSPHRASE)
    assert not closed_store.paths.database.exists()


def test_foreign_plain_sqlite_database(closed_store: Store) -> None:
    db = closed_store.paths.database
    db.unlink()
    plain = sqlite3.connect(db)
    plain.execute("CREATE TABLE notes (text TEXT)")
    plain.execute("INSERT INTO notes VALUES ('boodschappenlijst')")
    plain.commit()
    plain.close()
    _assert_refused_and_untouched(closed_store)


def test_foreign_random_bytes(closed_store: Store) -> None:
    closed_store.paths.database.write_bytes(os.urandom(8 * 4096))
    _assert_refused_and_untouched(closed_store)


def test_foreign_sqlcipher_database_with_another_key(closed_store: Store, tmp_path: Path) -> None:
    other = tmp_path / "other"
    Store(other).create(NEW_PASSPHRASE, FAST_KDF).close()
    shutil.copyfile(other / "caseworker.db", closed_store.paths.database)
    _assert_refused_and_untouched(closed_store)


# -- migrations ----------------------------------------------------------------------------


def test_fresh_store_is_at_head_without_backup(closed_store: Store) -> None:
    with closed_store.unlock(PASSPHRASE) as opened:
        assert migrate.current_revision(opened.engine) == migrate.head_revision()
    assert not closed_store.paths.backups.exists()


def test_migration_from_an_empty_schema_takes_an_encrypted_backup(closed_store: Store) -> None:
    keyfile = KeyFile.read(closed_store.paths.key_file)
    db_key = keyfile.unwrap(PASSPHRASE)
    engine = make_engine(closed_store.paths.database, db_key)
    try:
        with engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "base")
        with engine.connect() as conn:
            tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
        assert "households" not in tables and "household_search" not in tables
        assert migrate.current_revision(engine) is None
    finally:
        engine.dispose()

    with closed_store.unlock(PASSPHRASE) as opened:
        assert migrate.current_revision(opened.engine) == migrate.head_revision()
        assert opened.check() == []
        with opened.transaction() as s:
            s.add(Team(name="WIJ Oosterpark", code="oosterpark"))
        assert team_codes(opened) == ["oosterpark"]

    backups = list(closed_store.paths.backups.iterdir())
    assert len(backups) == 1
    backup = backups[0]
    assert backup.name.startswith("caseworker-base-") and backup.suffix == ".db"
    assert backup.stat().st_mode & 0o777 == 0o600
    raw = backup.read_bytes()
    assert raw[:16] != PLAIN_SQLITE_MAGIC and b"SQLite format 3" not in raw
    assert b"alembic_version" not in raw and b"CREATE TABLE" not in raw
    # the backup opens with the same database key
    backup_engine = make_engine(backup, db_key)
    try:
        with backup_engine.connect() as conn:
            names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
            assert "alembic_version" in names
            assert conn.exec_driver_sql("PRAGMA cipher_integrity_check").fetchall() == []
    finally:
        backup_engine.dispose()


def test_database_from_a_newer_version_is_not_touched(closed_store: Store) -> None:
    db_key = KeyFile.read(closed_store.paths.key_file).unwrap(PASSPHRASE)
    engine = make_engine(closed_store.paths.database, db_key)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    finally:
        engine.dispose()
    db_before = sha256(closed_store.paths.database)
    with pytest.raises(MigrationFailed) as info:
        closed_store.unlock(PASSPHRASE)
    assert "caseworker-9999_future-" in str(info.value)  # names the backup it took
    assert sha256(closed_store.paths.database) == db_before
    assert [
        p.name.startswith("caseworker-9999_future-") for p in closed_store.paths.backups.iterdir()
    ] == [True]
    with pytest.raises(MigrationFailed):  # and the lock was released: a retry gets as far
        closed_store.unlock(PASSPHRASE)


# -- one process at a time, locking -------------------------------------------------------------


def test_second_instance_in_process(closed_store: Store) -> None:
    with closed_store.unlock(PASSPHRASE), pytest.raises(StoreInUse):
        Store(closed_store.directory).unlock(PASSPHRASE)
    with Store(closed_store.directory).unlock(PASSPHRASE) as again:  # released on close
        assert team_codes(again) == ["selwerd"]


def _holder(store: Store) -> subprocess.Popen[str]:
    env = {**os.environ, "CASEWORKER_PASSPHRASE": PASSPHRASE, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, str(HOLDER), str(store.directory)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_second_instance_in_another_process(closed_store: Store) -> None:
    child = _holder(closed_store)
    try:
        assert child.stdout is not None and child.stdin is not None
        assert child.stdout.readline().strip() == "open"
        with pytest.raises(StoreInUse):
            closed_store.unlock(PASSPHRASE)
        child.stdin.close()
        assert child.stdout.readline().strip() == "closed"
        assert child.wait(timeout=30) == 0
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    with closed_store.unlock(PASSPHRASE) as opened:
        # and the other way round: the child is refused while we hold the store
        refused = _holder(closed_store)
        out, _ = refused.communicate(timeout=30)
        assert out.strip() == "in-use" and refused.returncode == 3
        assert team_codes(opened) == ["selwerd"]


def test_lock_disposes_the_engine(closed_store: Store) -> None:
    opened = closed_store.unlock(PASSPHRASE)
    assert team_codes(opened) == ["selwerd"]
    db = str(closed_store.paths.database.resolve())

    def open_db_handles() -> list[str]:
        links = []
        for fd in os.listdir("/proc/self/fd"):
            try:
                links.append(os.readlink(f"/proc/self/fd/{fd}"))
            except OSError:
                continue
        return [link for link in links if link.startswith(db)]

    assert open_db_handles()
    opened.close()
    assert not opened.is_open
    assert open_db_handles() == []
    with pytest.raises(StoreLocked):
        opened.session()
    with pytest.raises(StoreLocked):
        _ = opened.engine
    with pytest.raises(StoreLocked), opened.transaction():
        pass
    with pytest.raises(StoreLocked):
        opened.check()
    opened.close()  # idempotent


def test_lock_cuts_off_sessions_and_connections_still_held(closed_store: Store) -> None:
    """A session opened before the lock cannot read anything after it."""
    opened = closed_store.unlock(PASSPHRASE)
    held_session = opened.session()
    held_conn = opened.engine.connect()
    assert held_session.execute(select(Team.code)).scalar_one() == "selwerd"
    assert held_conn.exec_driver_sql("SELECT count(*) FROM teams").scalar_one() == 1
    opened.close()
    with pytest.raises(StoreLocked):
        held_session.execute(select(Team.code)).all()
    with pytest.raises(StoreLocked):
        held_conn.exec_driver_sql("SELECT code FROM teams").all()
    held_session.close()
    held_conn.close()


# -- back-off -----------------------------------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_unlock_throttle_doubles_the_delay() -> None:
    clock = FakeClock()
    throttle = UnlockThrottle(clock=clock)
    assert throttle.wait_remaining() == 0
    delays = [throttle.record_failure() for _ in range(9)]
    assert delays == [1, 2, 4, 8, 16, 32, 60, 60, 60]
    assert throttle.wait_remaining() == 60
    clock.now += 45
    assert throttle.wait_remaining() == 15
    clock.now += 20
    assert throttle.wait_remaining() == 0
    throttle.record_success()
    assert throttle.failures == 0 and throttle.wait_remaining() == 0
    assert throttle.record_failure() == 1


def test_failed_create_leaves_no_half_store(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A create that fails in its migration leaves nothing behind, so it can simply be retried."""

    def broken_upgrade(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(migrate, "upgrade", broken_upgrade)
    with pytest.raises(RuntimeError):
        Store(store_dir).create(PASSPHRASE, FAST_KDF)
    assert not Store(store_dir).exists()
    monkeypatch.undo()
    Store(store_dir).create(PASSPHRASE, FAST_KDF).close()
    Store(store_dir).unlock(PASSPHRASE).close()


def test_warm_up_does_the_first_unlocks_one_time_work(tmp_path: Path) -> None:
    """In a fresh interpreter: mappers unconfigured and the dialect not imported until
    warm_up does it (ahead of the first unlock), without touching any file."""
    code = (
        "import sys\n"
        "import caseworker.models as m\n"
        "from caseworker.store import warm_up\n"
        "from caseworker.store.migrate import head_revision\n"
        "state = lambda: (m.Household.__mapper__.configured,\n"
        "                 'sqlalchemy.dialects.sqlite' in sys.modules)\n"
        "before = state()\n"
        "warm_up()\n"
        "after = state()\n"
        "print(before, after, head_revision.cache_info().currsize)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["(False,", "False)", "(True,", "True)", "1"]
    assert list(tmp_path.iterdir()) == []
