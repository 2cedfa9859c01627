"""The append-only, hash-chained audit log: triggers refuse changes, the chain shows tampering."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import Connection, text
from sqlalchemy.exc import DatabaseError

from caseworker.models import AuditEvent
from caseworker.services.audit import (
    GENESIS_HASH,
    AuditAction,
    event_hash,
    events,
    hashed_fields,
    record,
    verify_chain,
)
from caseworker.services.context import ServiceContext
from caseworker.store import OpenStore, Store
from tests.conftest import FAST_KDF, PASSPHRASE

HOUSEHOLD = "11111111-1111-4111-8111-111111111111"


@pytest.fixture(scope="module")
def template_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("audit") / "store"
    Store(directory).create(PASSPHRASE, FAST_KDF).close()
    return directory


@pytest.fixture
def open_store(template_store: Path, tmp_path: Path) -> Iterator[OpenStore]:
    """A fresh copy of an empty store (copy + unlock is much cheaper than create)."""
    directory = tmp_path / "store"
    shutil.copytree(template_store, directory)
    with Store(directory).unlock(PASSPHRASE) as opened:
        yield opened


@pytest.fixture
def ctx() -> ServiceContext:
    return ServiceContext(
        user_id="22222222-2222-4222-8222-222222222222",
        device_id="00000000-0000-4000-8000-000000000001",
        today=lambda: date(2026, 11, 23),
        now=lambda: datetime(2026, 11, 23, 9, 30, tzinfo=UTC),
    )


def _record_some(open_store: OpenStore, ctx: ServiceContext, n: int = 5) -> None:
    with open_store.transaction() as s:
        for i in range(n):
            record(
                s,
                ctx,
                AuditAction.VIEW if i % 2 == 0 else AuditAction.EXPORT,
                object_type="household",
                object_id=HOUSEHOLD,
                household_id=HOUSEHOLD,
                detail={"section": "dossier", "n": i},
            )


def _verify(open_store: OpenStore) -> tuple[bool, int, int | None]:
    with open_store.session() as s:
        report = verify_chain(s)
    return report.ok, report.count, report.first_bad_seq


def test_recorded_events_form_a_valid_chain(open_store: OpenStore, ctx: ServiceContext) -> None:
    assert _verify(open_store) == (True, 0, None)
    _record_some(open_store, ctx)
    _record_some(open_store, ctx, 2)  # a second transaction continues the chain
    assert _verify(open_store) == (True, 7, None)
    with open_store.engine.connect() as conn:
        rows = conn.execute(text("SELECT seq, prev_hash, hash FROM audit_events ORDER BY seq"))
        chain = list(rows)
    assert chain[0][1] == GENESIS_HASH
    assert all(chain[i][1] == chain[i - 1][2] for i in range(1, len(chain)))
    with open_store.session() as s:
        latest = events(s, household_id=HOUSEHOLD, limit=3)
    assert [e.seq for e in latest] == [7, 6, 5]
    assert latest[0].user_id == ctx.user_id and latest[0].device_id == ctx.device_id


def test_chain_survives_a_non_utc_clock_and_json_detail(open_store: OpenStore) -> None:
    """Hashes are computed on the values as they read back (UTC, JSON lists)."""
    amsterdam = timezone(timedelta(hours=1))
    ctx = ServiceContext(
        user_id=None,
        now=lambda: datetime(2026, 11, 23, 10, 30, 5, 123456, tzinfo=amsterdam),
        today=lambda: date(2026, 11, 23),
    )
    with open_store.transaction() as s:
        record(s, ctx, AuditAction.PRINT, detail={"ids": ("a", "b"), "count": 2})
        record(s, ctx, "sync")
    assert _verify(open_store) == (True, 2, None)
    with open_store.session() as s:
        first = events(s)[-1]
    assert first.occurred_at == datetime(2026, 11, 23, 9, 30, 5, 123456, tzinfo=UTC)
    assert first.detail == {"ids": ["a", "b"], "count": 2}


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_events SET action = 'view' WHERE seq = 2",
        "UPDATE audit_events SET detail = NULL WHERE seq = 2",
        "UPDATE audit_events SET occurred_at = '2020-01-01 00:00:00' WHERE seq = 2",
        "UPDATE audit_events SET hash = 'f' WHERE seq = 2",
        "UPDATE audit_events SET seq = 99 WHERE seq = 5",
        "UPDATE audit_events SET user_id = NULL",
        "DELETE FROM audit_events WHERE seq = 5",
        "DELETE FROM audit_events",
    ],
)
def test_triggers_refuse_update_and_delete(
    open_store: OpenStore, ctx: ServiceContext, statement: str
) -> None:
    _record_some(open_store, ctx)
    with pytest.raises(DatabaseError, match="append-only"), open_store.engine.begin() as conn:
        conn.exec_driver_sql(statement)
    assert _verify(open_store) == (True, 5, None)


def test_only_uploaded_at_may_change(open_store: OpenStore, ctx: ServiceContext) -> None:
    _record_some(open_store, ctx)
    with open_store.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE audit_events SET uploaded_at = '2026-11-23 12:00:00.000000' WHERE seq <= 3"
        )
    with open_store.engine.connect() as conn:
        uploaded = conn.exec_driver_sql(
            "SELECT count(*) FROM audit_events WHERE uploaded_at IS NOT NULL"
        ).scalar_one()
    assert uploaded == 3
    assert _verify(open_store) == (True, 5, None)
    # changing uploaded_at together with anything else is still refused
    with pytest.raises(DatabaseError, match="append-only"), open_store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE audit_events SET uploaded_at = NULL, client = 'x'")


def _without_triggers(conn: Connection) -> None:
    conn.exec_driver_sql("DROP TRIGGER audit_events_append_only_u")
    conn.exec_driver_sql("DROP TRIGGER audit_events_append_only_d")


@pytest.mark.parametrize(
    ("tamper", "first_bad"),
    [
        ("UPDATE audit_events SET action = 'view' WHERE seq = 2", 2),
        ('UPDATE audit_events SET detail = \'{"section": "other", "n": 3}\' WHERE seq = 4', 4),
        ("UPDATE audit_events SET occurred_at = '2026-11-23 09:31:00.000000' WHERE seq = 1", 1),
        ("UPDATE audit_events SET household_id = NULL WHERE seq = 5", 5),
        ("DELETE FROM audit_events WHERE seq = 3", 4),  # the successor's prev_hash breaks
        ("UPDATE audit_events SET prev_hash = hash WHERE seq = 2", 2),
    ],
)
def test_tampering_is_found_at_the_first_bad_seq(
    open_store: OpenStore, ctx: ServiceContext, tamper: str, first_bad: int
) -> None:
    _record_some(open_store, ctx)
    with open_store.engine.begin() as conn:
        _without_triggers(conn)
        conn.exec_driver_sql(tamper)
    ok, _count, bad = _verify(open_store)
    assert not ok
    assert bad == first_bad


def test_rehashing_a_tampered_event_still_breaks_the_chain(
    open_store: OpenStore, ctx: ServiceContext
) -> None:
    """Recomputing one event's own hash is not enough: its successor points at the old one."""
    _record_some(open_store, ctx)
    with open_store.engine.begin() as conn:
        _without_triggers(conn)
    with open_store.transaction() as s:
        event = s.get(AuditEvent, 2)
        assert event is not None
        event.action = "view"
        event.hash = event_hash(event.prev_hash, hashed_fields(event))
    assert _verify(open_store) == (False, 3, 3)
