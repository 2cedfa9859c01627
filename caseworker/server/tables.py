"""Server-only tables, on their own metadata (the shared models stay in caseworker.models).

Foreign keys into the shared tables (users, households) are created by the migration;
the ORM here refers to them by id only.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from caseworker.models.base import NAMING_CONVENTION, UTCDateTime, new_id, utcnow

# On SQLite an INTEGER PRIMARY KEY is the rowid (autoincrement); on PostgreSQL a BIGINT.
SeqInt = BigInteger().with_variant(Integer(), "sqlite")


class ServerBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: dict[Any, Any] = {datetime: UTCDateTime()}


class Account(ServerBase):
    """Credentials of a ``users`` row (same id). Passwords only as Argon2 hashes."""

    __tablename__ = "server_accounts"

    user_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(256), nullable=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    password_changed_at: Mapped[datetime] = mapped_column(default=utcnow)


class Device(ServerBase):
    """An enrolled laptop. The token is stored only as its SHA-256."""

    __tablename__ = "server_devices"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    label: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    client: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    token_hash: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class LoginFailure(ServerBase):
    """Failed enrolment attempts, for rate limiting per user name and address."""

    __tablename__ = "server_login_failures"

    id: Mapped[int] = mapped_column(SeqInt, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), nullable=False)
    address: Mapped[str] = mapped_column(String(64), nullable=False)
    at: Mapped[datetime] = mapped_column(nullable=False)

    __table_args__ = (Index("ix_server_login_failures_key", "username", "address", "at"),)


class Membership(ServerBase):
    """A caseworker who takes part in a household they do not coordinate."""

    __tablename__ = "server_memberships"

    household_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36), primary_key=True)

    __table_args__ = (Index("ix_server_memberships_user", "user_id"),)


class Counter(ServerBase):
    """The single-row sequence counter. Locked (FOR UPDATE) by every writer until commit,
    so sequence numbers become visible in order."""

    __tablename__ = "server_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(SeqInt, nullable=False, default=0)


class ChangeLog(ServerBase):
    """The change feed: the latest change per row, keyed by its server sequence number."""

    __tablename__ = "server_change_log"

    seq: Mapped[int] = mapped_column(SeqInt, primary_key=True, autoincrement=False)
    table_name: Mapped[str] = mapped_column(String(64), nullable=False)
    row_id: Mapped[str] = mapped_column(String(36), nullable=False)
    household_id: Mapped[str | None] = mapped_column(String(36))
    team_id: Mapped[str | None] = mapped_column(String(36))

    __table_args__ = (
        UniqueConstraint("table_name", "row_id", name="uq_server_change_log_row"),
        Index("ix_server_change_log_household_seq", "household_id", "seq"),
        Index("ix_server_change_log_team_seq", "team_id", "seq"),
    )


class DeviceScope(ServerBase):
    """The households a device holds. ``entered_seq``: when the household entered its scope;
    rows with seq <= ``backfill_upto`` are sent whole at ``entered_seq``."""

    __tablename__ = "server_device_scope"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    household_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entered_seq: Mapped[int] = mapped_column(SeqInt, nullable=False)
    backfill_upto: Mapped[int] = mapped_column(SeqInt, nullable=False)


class DevicePurge(ServerBase):
    """A household that left a device's scope, announced at ``seq`` in its feed."""

    __tablename__ = "server_device_purges"

    seq: Mapped[int] = mapped_column(SeqInt, primary_key=True, autoincrement=False)
    device_id: Mapped[str] = mapped_column(String(36), nullable=False)
    household_id: Mapped[str] = mapped_column(String(36), nullable=False)

    __table_args__ = (Index("ix_server_device_purges_device_seq", "device_id", "seq"),)


class Batch(ServerBase):
    """Idempotency log of push batches: a retried batch returns the stored result."""

    __tablename__ = "server_batches"

    batch_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36), nullable=False)
    body_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    result: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)


class DeviceAuditEvent(ServerBase):
    """Audit events uploaded by devices: append-only, hash chain verified per device."""

    __tablename__ = "server_device_audit"

    seq: Mapped[int] = mapped_column(SeqInt, primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(String(36), nullable=False)
    event_id: Mapped[str] = mapped_column(String(36), nullable=False, unique=True)
    occurred_at: Mapped[datetime] = mapped_column(nullable=False)
    user_id: Mapped[str | None] = mapped_column(String(36))
    on_behalf_of: Mapped[str | None] = mapped_column(String(36))
    client: Mapped[str] = mapped_column(String(64), nullable=False)
    event_device_id: Mapped[str | None] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(32), nullable=False)
    object_type: Mapped[str | None] = mapped_column(String(64))
    object_id: Mapped[str | None] = mapped_column(String(36))
    household_id: Mapped[str | None] = mapped_column(String(36))
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (Index("ix_server_device_audit_device_seq", "device_id", "seq"),)


class ServerAuditEvent(ServerBase):
    """What the server itself did for whom (NEN 7513): ids and counts only, append-only."""

    __tablename__ = "server_audit"

    seq: Mapped[int] = mapped_column(SeqInt, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(nullable=False, default=utcnow)
    user_id: Mapped[str | None] = mapped_column(String(36))
    device_id: Mapped[str | None] = mapped_column(String(36))
    address: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32), nullable=False)
    object_type: Mapped[str | None] = mapped_column(String(64))
    object_id: Mapped[str | None] = mapped_column(String(36))
    household_id: Mapped[str | None] = mapped_column(String(36))
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    success: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)

    __table_args__ = (Index("ix_server_audit_household", "household_id"),)


# Foreign keys into the shared tables, added by the migration (see versions/0001).
CROSS_FOREIGN_KEYS: tuple[tuple[str, str, str], ...] = (
    ("server_accounts", "user_id", "users"),
    ("server_devices", "user_id", "users"),
    ("server_memberships", "household_id", "households"),
    ("server_memberships", "user_id", "users"),
)

__all__ = [
    "CROSS_FOREIGN_KEYS",
    "Account",
    "Batch",
    "ChangeLog",
    "Counter",
    "Device",
    "DeviceAuditEvent",
    "DevicePurge",
    "DeviceScope",
    "LoginFailure",
    "Membership",
    "ServerAuditEvent",
    "ServerBase",
]


def core(model: type[Any]) -> Table:
    """The Core ``Table`` of a mapped class (for statements built once, executed on a
    connection without the ORM layer)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table
