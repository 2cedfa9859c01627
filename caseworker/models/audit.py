"""Append-only audit log (after NEN 7513) and sync conflicts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, SyncMixin, enum_column, new_id
from .enums import ConflictStatus


class AuditEvent(Base):
    """Who did what with which dossier, when, from which device.

    Append-only: the store installs triggers that refuse UPDATE and DELETE, and
    every event carries the hash of its predecessor (``prev_hash``) so that a
    removed or altered event breaks the chain. ``detail`` never holds personal
    data: ids and codes only.
    """

    __tablename__ = "audit_events"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), nullable=False, unique=True, default=new_id)
    occurred_at: Mapped[datetime]
    user_id: Mapped[str | None] = mapped_column(String(36))
    on_behalf_of: Mapped[str | None] = mapped_column(String(36))
    client: Mapped[str] = mapped_column(String(64), nullable=False)  # e.g. desktop/0.1.0
    device_id: Mapped[str | None] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(32), nullable=False)  # view, print, export, ...
    object_type: Mapped[str | None] = mapped_column(String(64))
    object_id: Mapped[str | None] = mapped_column(String(36))
    household_id: Mapped[str | None] = mapped_column(String(36))
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    uploaded_at: Mapped[datetime | None]  # set by the sync engine once the server has it

    __table_args__ = (Index("ix_audit_events_household", "household_id"),)


class Conflict(SyncMixin, Base):
    """A field changed on two sides to different values. The server kept its value."""

    __tablename__ = "conflicts"

    table_name: Mapped[str] = mapped_column(String(64), nullable=False)
    row_id: Mapped[str] = mapped_column(String(36), nullable=False)
    household_id: Mapped[str | None] = mapped_column(ForeignKey("households.id"))
    field: Mapped[str] = mapped_column(String(64), nullable=False)
    base_value: Mapped[Any] = mapped_column(JSON)
    server_value: Mapped[Any] = mapped_column(JSON)
    client_value: Mapped[Any] = mapped_column(JSON)
    client_user_id: Mapped[str | None] = mapped_column(String(36))
    client_device_id: Mapped[str | None] = mapped_column(String(36))
    detected_at: Mapped[datetime]
    status: Mapped[ConflictStatus] = mapped_column(
        enum_column(ConflictStatus, "conflict_status"), nullable=False, default=ConflictStatus.OPEN
    )
    resolved_at: Mapped[datetime | None]
    resolved_by: Mapped[str | None] = mapped_column(String(36))
    resolution: Mapped[str | None] = mapped_column(Text)  # server, client, or a new value

    __table_args__ = (Index("ix_conflicts_status", "status"),)
