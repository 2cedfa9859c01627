"""What this device knows about its server: stored only in the encrypted local store.

These tables are not synced and do not exist on the server, so they live on their own
metadata (``LocalBase``), next to the shared ``Base``: the server's schema (and its schema
test) covers ``Base.metadata`` only, the store's migrations cover both.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from .base import NAMING_CONVENTION, UTCDateTime


class LocalBase(DeclarativeBase):
    """Tables of the local store only (never synced, never on the server)."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime()}


class ServerCredential(LocalBase):
    """The enrolment of this laptop with a server: one row at most.

    ``token`` is the device's bearer token. It is secret: it lives only in this encrypted
    table, never in settings files, logs or messages (``__repr__`` leaves it out).
    ``user_id`` / ``team_id`` are the server's ids; the local ``users`` / ``teams`` rows
    carry the same ids so that synced rows match.
    """

    __tablename__ = "server_credentials"

    slot: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    server_url: Mapped[str] = mapped_column(String(512), nullable=False)
    device_id: Mapped[str] = mapped_column(String(36), nullable=False)
    token: Mapped[str] = mapped_column(String(256), nullable=False)
    user_id: Mapped[str] = mapped_column(String(36), nullable=False)
    team_id: Mapped[str | None] = mapped_column(String(36))
    role: Mapped[str] = mapped_column(String(32), nullable=False)
    device_label: Mapped[str] = mapped_column(String(64), nullable=False)
    enrolled_at: Mapped[datetime] = mapped_column(nullable=False)

    __table_args__ = (
        CheckConstraint("slot = 1", name="one_server"),
        CheckConstraint("length(token) > 0", name="token_not_empty"),
    )

    def __repr__(self) -> str:
        return f"ServerCredential(device_id={self.device_id!r}, server_url={self.server_url!r})"
