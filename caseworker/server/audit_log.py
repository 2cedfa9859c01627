"""The server's own audit log and the audit events uploaded by devices.

Server events (pull, push, dossier read, enrolment, revocation) hold ids and counts only.
Device events are append-only; their hash chain (caseworker.services.audit.event_hash)
is verified per device and an upload that breaks it is refused as a whole.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from caseworker.services.audit import GENESIS_HASH, event_hash, hashed_fields
from caseworker.sync.protocol import AuditUpload, AuditUploadResult

from .direct import insert_statement
from .errors import bad_request
from .scope import Principal
from .sequence import SequenceAllocator
from .tables import DeviceAuditEvent, ServerAuditEvent, core

_INSERT_SERVER_EVENT = insert_statement(core(ServerAuditEvent), skip=("seq",))


def server_audit(session: Session, **fields: Any) -> None:
    """Write one server audit event now (the fields of :func:`audit_row`): a Core insert
    built once (no ORM object, no flush), one statement."""
    _INSERT_SERVER_EVENT.execute(session.connection(), audit_row(**fields))


def audit_row(
    *,
    action: str,
    now: datetime,
    principal: Principal | None = None,
    user_id: str | None = None,
    device_id: str | None = None,
    address: str | None = None,
    object_type: str | None = None,
    object_id: str | None = None,
    household_id: str | None = None,
    detail: dict[str, Any] | None = None,
    success: bool = True,
) -> dict[str, Any]:
    """The values of one server audit event (:func:`server_audit`, :func:`write_audit`)."""
    return dict(
        at=now,
        user_id=principal.user_id if principal else user_id,
        device_id=principal.device_id if principal else device_id,
        address=address,
        action=action,
        object_type=object_type,
        object_id=object_id,
        household_id=household_id,
        detail=detail,
        success=success,
    )


def write_audit(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Several server audit events (:func:`audit_row`) in one statement."""
    _INSERT_SERVER_EVENT.execute(conn, rows)


def last_hash(session: Session, device_id: str) -> str:
    found = session.execute(
        select(DeviceAuditEvent.hash)
        .where(DeviceAuditEvent.device_id == device_id)
        .order_by(DeviceAuditEvent.seq.desc())
        .limit(1)
    ).scalar_one_or_none()
    return found or GENESIS_HASH


def upload(
    session: Session, principal: Principal, batch: AuditUpload, now: datetime
) -> AuditUploadResult:
    """Append the device's events after verifying that they continue its chain."""
    SequenceAllocator(session)  # serialise with other writers: one chain, no forks
    prev = last_hash(session, principal.device_id)
    known = set(
        session.execute(
            select(DeviceAuditEvent.hash).where(
                DeviceAuditEvent.device_id == principal.device_id,
                DeviceAuditEvent.hash.in_([e.hash for e in batch.events] or [""]),
            )
        ).scalars()
    )
    accepted = duplicates = 0
    for index, event in enumerate(batch.events):
        if event.hash in known:  # re-upload after a lost answer
            duplicates += 1
            continue
        if event.prev_hash != prev:
            raise bad_request(f"event {index}: does not continue the device's audit chain")
        if event_hash(prev, hashed_fields(event)) != event.hash:
            raise bad_request(f"event {index}: hash does not match its content")
        session.add(
            DeviceAuditEvent(
                device_id=principal.device_id,
                event_id=event.id,
                occurred_at=event.occurred_at,
                user_id=event.user_id,
                on_behalf_of=event.on_behalf_of,
                client=event.client,
                event_device_id=event.device_id,
                action=event.action,
                object_type=event.object_type,
                object_id=event.object_id,
                household_id=event.household_id,
                detail=event.detail,
                prev_hash=event.prev_hash,
                hash=event.hash,
                received_at=now,
            )
        )
        prev = event.hash
        accepted += 1
    session.flush()
    return AuditUploadResult(accepted=accepted, duplicates=duplicates, last_hash=prev)
