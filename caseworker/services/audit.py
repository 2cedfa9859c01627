"""The append-only, hash-chained audit log (after NEN 7513).

Every dossier view, print, export and sync is recorded by the services
themselves. ``detail`` holds ids and codes only, never names, BSNs or free text.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.models import AuditEvent, new_id

from .context import ServiceContext

GENESIS_HASH = "0" * 64


class AuditAction(StrEnum):
    VIEW = "view"
    PRINT = "print"
    EXPORT = "export"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    SYNC = "sync"
    UNLOCK = "unlock"
    LOCK = "lock"
    SEARCH = "search"


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    id: str
    occurred_at: datetime
    user_id: str | None
    client: str
    device_id: str | None
    action: str
    object_type: str | None
    object_id: str | None
    household_id: str | None
    detail: dict[str, Any] | None


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    count: int
    first_bad_seq: int | None = None


def event_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


class HashedAuditFields(Protocol):
    """What the hash chain covers; met by the local AuditEvent and the server's upload model."""

    @property
    def id(self) -> str: ...
    @property
    def occurred_at(self) -> datetime: ...
    @property
    def user_id(self) -> str | None: ...
    @property
    def on_behalf_of(self) -> str | None: ...
    @property
    def client(self) -> str: ...
    @property
    def device_id(self) -> str | None: ...
    @property
    def action(self) -> str: ...
    @property
    def object_type(self) -> str | None: ...
    @property
    def object_id(self) -> str | None: ...
    @property
    def household_id(self) -> str | None: ...
    @property
    def detail(self) -> dict[str, Any] | None: ...


def hashed_fields(event: HashedAuditFields) -> dict[str, Any]:
    """Exactly the fields the chain hashes, on the device and on the server alike."""
    return {
        "id": event.id,
        "occurred_at": event.occurred_at.isoformat(),
        "user_id": event.user_id,
        "on_behalf_of": event.on_behalf_of,
        "client": event.client,
        "device_id": event.device_id,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "household_id": event.household_id,
        "detail": event.detail,
    }


def record(
    session: Session,
    ctx: ServiceContext,
    action: AuditAction | str,
    *,
    object_type: str | None = None,
    object_id: str | None = None,
    household_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event in the caller's transaction (committed with the caller's work)."""
    last = session.execute(
        select(AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).scalar_one_or_none()
    prev = last or GENESIS_HASH
    occurred_at = ctx.now()
    if occurred_at.tzinfo is not None:
        # Stored as UTC: hash the value as it will read back, or the chain breaks.
        occurred_at = occurred_at.astimezone(UTC)
    if detail is not None:
        # Likewise for the JSON detail (tuples come back as lists, keys as strings).
        detail = json.loads(json.dumps(detail))
    event = AuditEvent(
        id=new_id(),
        occurred_at=occurred_at,
        user_id=ctx.user_id,
        on_behalf_of=ctx.on_behalf_of,
        client=ctx.client,
        device_id=ctx.device_id,
        action=str(action),
        object_type=object_type,
        object_id=object_id,
        household_id=household_id,
        detail=detail,
        prev_hash=prev,
    )
    event.hash = event_hash(prev, hashed_fields(event))
    session.add(event)
    session.flush()
    return event


def verify_chain(session: Session) -> ChainReport:
    prev = GENESIS_HASH
    count = 0
    for event in session.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars():
        count += 1
        if event.prev_hash != prev or event.hash != event_hash(prev, hashed_fields(event)):
            return ChainReport(ok=False, count=count, first_bad_seq=event.seq)
        prev = event.hash
    return ChainReport(ok=True, count=count)


def _entry(event: AuditEvent) -> AuditEntry:
    return AuditEntry(
        seq=event.seq,
        id=event.id,
        occurred_at=event.occurred_at,
        user_id=event.user_id,
        client=event.client,
        device_id=event.device_id,
        action=event.action,
        object_type=event.object_type,
        object_id=event.object_id,
        household_id=event.household_id,
        detail=event.detail,
    )


def events(
    session: Session, *, household_id: str | None = None, limit: int = 500
) -> list[AuditEntry]:
    query = select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(limit)
    if household_id is not None:
        query = query.where(AuditEvent.household_id == household_id)
    return [_entry(e) for e in session.execute(query).scalars()]
