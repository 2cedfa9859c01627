"""SQLAlchemy engines on SQLCipher (encrypted) or plain SQLite (benchmarks, comparisons).

The key is applied as a raw key on every new connection (no PBKDF2 per
connection); see DESIGN.md §3 "Encrypted local store".
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

BUSY_TIMEOUT_MS = 5000
CACHE_KIB = 65536
WAL_LIMIT_BYTES = 64 * 1024 * 1024


def _apply_common_pragmas(cursor: Any) -> None:
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA temp_store = MEMORY")
    cursor.execute("PRAGMA secure_delete = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    # 32 MiB page cache (decrypted pages stay in process memory only): a team's caseload
    # of thousands of households fits, which spares re-decrypting pages per query.
    cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    # After a large transaction the WAL is truncated back to this size at checkpoint,
    # instead of staying as large as the whole database.
    cursor.execute(f"PRAGMA journal_size_limit = {WAL_LIMIT_BYTES}")


def make_engine(path: Path, key: bytes | None, *, echo: bool = False) -> Engine:
    """An engine on ``path``; encrypted with ``key`` (32 bytes) or plain when key is None."""
    if key is not None and len(key) != 32:
        raise ValueError("database key must be 32 bytes")
    module: Any = sqlcipher3 if key is not None else sqlite3
    engine = create_engine(
        f"sqlite:///{path}",
        module=module,
        echo=echo,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=2,
        connect_args={"check_same_thread": False},
    )
    hex_key = key.hex() if key is not None else None

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's own transaction handling be explicit (BEGIN on first statement).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        try:
            if hex_key is not None:
                cursor.execute("PRAGMA cipher_log_level = NONE")
                cursor.execute(f"PRAGMA key = \"x'{hex_key}'\"")
            _apply_common_pragmas(cursor)
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine
