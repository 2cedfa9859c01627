"""The encrypted local store: create, unlock, lock, check, change the passphrase.

Layout of a store directory (no personal data outside the encrypted database)::

    caseworker.keys   key file (wrapped database key, KDF parameters)
    caseworker.db     SQLCipher 4 database (+ -wal / -shm while open)
    caseworker.lock   held while a process has the store open
    backups/          encrypted copies taken before a migration
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from sqlalchemy import Engine, event, text
from sqlalchemy.exc import DatabaseError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from . import migrate
from .engine import make_engine
from .errors import (
    DatabaseUnreadable,
    KeyFileMissing,
    MigrationFailed,
    StoreExists,
    StoreInUse,
    StoreLocked,
    StoreNotFound,
)
from .keyfile import KdfParams, KeyFile, new_database_key
from .passphrase import require_acceptable
from .schema_sql import REBUILD_SEARCH_SQL

KEY_FILE = "caseworker.keys"
DB_FILE = "caseworker.db"
LOCK_FILE = "caseworker.lock"
BACKUP_DIR = "backups"
PLAIN_SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass
class StorePaths:
    directory: Path

    @property
    def key_file(self) -> Path:
        return self.directory / KEY_FILE

    @property
    def database(self) -> Path:
        return self.directory / DB_FILE

    @property
    def lock_file(self) -> Path:
        return self.directory / LOCK_FILE

    @property
    def backups(self) -> Path:
        return self.directory / BACKUP_DIR


class OpenStore:
    """An unlocked store. ``close()`` (= lock) disposes the engine and drops the key."""

    def __init__(self, paths: StorePaths, store_id: str, engine: Engine, lock: FileLock) -> None:
        self.paths = paths
        self.store_id = store_id
        self._engine: Engine | None = engine
        self._lock = lock
        self._sessionmaker: sessionmaker[Session] | None = sessionmaker(
            engine, expire_on_commit=False
        )
        # dispose() closes only idle connections; a session or connection still held
        # elsewhere keeps its (keyed) connection, so refuse every statement after lock.
        event.listen(engine, "before_cursor_execute", self._refuse_when_locked)

    def _refuse_when_locked(self, *_args: Any) -> None:
        if self._engine is None:
            raise StoreLocked()

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise StoreLocked()
        return self._engine

    @property
    def is_open(self) -> bool:
        return self._engine is not None

    def session(self) -> Session:
        if self._sessionmaker is None:
            raise StoreLocked()
        return self._sessionmaker()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on any error."""
        with self.session() as session, session.begin():
            yield session

    def check(self) -> list[str]:
        """Problems found by SQLCipher's and SQLite's integrity checks (empty = healthy)."""
        problems: list[str] = []
        with self.engine.connect() as conn:
            # A damaged page makes SQLite raise instead of report; that is a finding too.
            # The driver's message is not passed on (it can quote SQL), only the check name.
            try:
                problems += [
                    f"cipher: {row[0]}"
                    for row in conn.exec_driver_sql("PRAGMA cipher_integrity_check")
                ]
            except DBAPIError:
                problems.append("cipher: integriteitscontrole afgebroken (beschadigde pagina)")
            try:
                result = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check")]
            except DBAPIError:
                result = ["database disk image is malformed"]
            if result != ["ok"]:
                problems += [f"integrity: {r}" for r in result]
            try:
                problems += [
                    f"foreign key: {row[0]} row {row[1]}"
                    for row in conn.exec_driver_sql("PRAGMA foreign_key_check")
                ]
            except DBAPIError:
                problems.append("foreign key: controle afgebroken (beschadigde pagina)")
        return problems

    def rebuild_search_index(self) -> None:
        with self.engine.begin() as conn:
            for statement in REBUILD_SEARCH_SQL:
                conn.exec_driver_sql(statement)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
        self._engine = None
        self._sessionmaker = None
        if self._lock.is_locked:
            self._lock.release()

    lock = close

    def __enter__(self) -> OpenStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class Store:
    """A store directory. Nothing is opened until ``create`` or ``unlock``."""

    def __init__(self, directory: Path | str) -> None:
        self.paths = StorePaths(Path(directory))

    @property
    def directory(self) -> Path:
        return self.paths.directory

    def exists(self) -> bool:
        return self.paths.key_file.exists() or self.paths.database.exists()

    # -- create -------------------------------------------------------------------------
    def create(
        self,
        passphrase: str,
        kdf: KdfParams | None = None,
        initialise: Callable[[Session], object] | None = None,
    ) -> OpenStore:
        """A new store. ``initialise(session)`` (optional) fills it in one transaction
        before the key file is written: if it raises, nothing is left behind."""
        if self.exists():
            raise StoreExists()
        require_acceptable(passphrase)
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        lock = self._acquire_lock()
        try:
            db_key = new_database_key()
            keyfile = KeyFile.wrap(db_key, passphrase, kdf or KdfParams())
            engine = make_engine(self.paths.database, db_key)
            try:
                migrate.upgrade(engine)
                if initialise is not None:
                    with Session(engine, expire_on_commit=False) as session, session.begin():
                        initialise(session)
                keyfile.write(self.paths.key_file)
            except BaseException:
                engine.dispose()
                self._remove_new_database()
                raise
            return OpenStore(self.paths, keyfile.store_id, engine, lock)
        except BaseException:
            lock.release()
            raise

    def _remove_new_database(self) -> None:
        """Undo a failed ``create``: the files are ours, empty and encrypted; no key file yet."""
        if self.paths.key_file.exists():
            return
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.paths.database}{suffix}").unlink(missing_ok=True)

    # -- unlock -------------------------------------------------------------------------
    def read_key_file(self) -> KeyFile:
        if not self.paths.key_file.exists():
            if self.paths.database.exists():
                raise KeyFileMissing()
            raise StoreNotFound()
        return KeyFile.read(self.paths.key_file)

    def unlock(self, passphrase: str) -> OpenStore:
        keyfile = self.read_key_file()
        db_key = keyfile.unwrap(passphrase)  # WrongPassphrase before any file is touched
        return self.open_with_key(keyfile.store_id, db_key)

    def open_with_key(self, store_id: str, db_key: bytes) -> OpenStore:
        self._refuse_unusable_database()
        lock = self._acquire_lock()
        engine = make_engine(self.paths.database, db_key)
        try:
            self._probe(engine)
            self._migrate(engine)
        except BaseException:
            engine.dispose()
            lock.release()
            raise
        return OpenStore(self.paths, store_id, engine, lock)

    def change_passphrase(self, old: str, new: str, kdf: KdfParams | None = None) -> None:
        """Re-wrap the database key under the new passphrase; the database is untouched."""
        keyfile = self.read_key_file()
        db_key = keyfile.unwrap(old)
        require_acceptable(new)
        KeyFile.wrap(db_key, new, kdf or keyfile.kdf, store_id=keyfile.store_id).write(
            self.paths.key_file
        )

    # -- internals ----------------------------------------------------------------------
    def _acquire_lock(self) -> FileLock:
        lock = FileLock(str(self.paths.lock_file), timeout=0, thread_local=False)
        try:
            lock.acquire()
        except Timeout:
            raise StoreInUse() from None
        return lock

    def _refuse_unusable_database(self) -> None:
        db = self.paths.database
        if not db.exists():
            raise DatabaseUnreadable(
                "Het databasebestand ontbreekt terwijl het sleutelbestand er wel is. "
                "Er wordt geen nieuwe database aangemaakt; zet het bestand terug uit een back-up."
            )
        with db.open("rb") as handle:
            head = handle.read(16)
        if not head:
            # SQLite would silently start a new, empty database in a zero-length file.
            raise DatabaseUnreadable(
                "Het databasebestand is leeg terwijl het sleutelbestand er wel is. "
                "Er wordt geen nieuwe database aangemaakt; zet het bestand terug uit een back-up."
            )
        if head == PLAIN_SQLITE_MAGIC:
            raise DatabaseUnreadable(
                "Het databasebestand is een onversleuteld SQLite-bestand en hoort niet bij "
                "Caseworker. Het is niet gewijzigd."
            )
        if len(head) < 16 or db.stat().st_size % 512 != 0:
            raise DatabaseUnreadable(
                "Het databasebestand is beschadigd (onvolledige pagina's). Het is niet gewijzigd; "
                "zet een back-up terug of neem contact op met de functioneel beheerder."
            )

    @staticmethod
    def _probe(engine: Engine) -> None:
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar_one()
        except (DatabaseError, OperationalError):
            raise DatabaseUnreadable(
                "Het databasebestand is met deze sleutel niet te lezen: het is beschadigd of "
                "hoort bij een ander sleutelbestand. Het is niet gewijzigd."
            ) from None

    def _migrate(self, engine: Engine) -> None:
        try:
            current = migrate.current_revision(engine)
        except DBAPIError:
            raise DatabaseUnreadable(
                "Het databasebestand is beschadigd: de schemaversie is niet te lezen. "
                "Het is niet gewijzigd; zet een back-up terug."
            ) from None
        head = migrate.head_revision()
        if current == head:
            return
        # Always back up an existing database before changing its schema, also one without
        # a recorded revision: it may still hold data (only create() migrates a new file).
        backup = self._backup(engine, current or "base")
        try:
            migrate.upgrade(engine)
        except Exception as exc:
            raise MigrationFailed(
                f"Bijwerken van de database is mislukt ({type(exc).__name__}); "
                f"er is niets gewijzigd. Een versleutelde kopie staat in {backup.name}."
            ) from None

    def _backup(self, engine: Engine, revision: str) -> Path:
        """An encrypted copy of the database file before a migration."""
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        self.paths.backups.mkdir(mode=0o700, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = self.paths.backups / f"caseworker-{revision}-{stamp}.db"
        tmp = target.with_suffix(".part")
        shutil.copyfile(self.paths.database, tmp)
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
        return target


def warm_up() -> None:
    """The one-time work of a process's first unlock, done ahead (the app runs it in the
    background while the lock screen waits for the passphrase): SQLAlchemy configures
    the ORM mappers, the SQLite dialect is imported, the migrations' head is read. The
    first unlock of a session took ≈ 0.5-0.9 s longer than the next ones for these."""
    import sqlalchemy.dialects.sqlite  # noqa: F401  (imported by the first engine)
    from sqlalchemy.orm import configure_mappers

    import caseworker.models  # noqa: F401  (every mapped class)

    configure_mappers()
    migrate.head_revision()


def text_count(session: Session, table: str) -> int:
    """Rows in a table, tombstones included (for checks and tests)."""
    return int(session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
