"""The sync wire protocol (``/v1/``), shared by the client sync engine and the server.

Values in ``changed``/``base``/``row`` are JSON: dates as ``YYYY-MM-DD``, datetimes as
ISO 8601 with offset, enums as their code, JSON columns as JSON. See docs/server.md.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

API_VERSION = "v1"
MAX_CHANGES_PER_BATCH = 1000
MAX_PAGE_LIMIT = 1000
MAX_AUDIT_EVENTS = 1000
MAX_SEQ = 2**62

_UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ErrorBody(_Model):
    """Every 4xx/5xx answer. ``revoked`` tells the client to wipe its local store."""

    detail: str
    revoked: bool = False


# --- enrolment -------------------------------------------------------------------------


class EnrollRequest(_Model):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)
    device_label: str = Field(default="", max_length=64, description="e.g. laptop-07; no names")
    client: str = Field(default="desktop", max_length=64)


class EnrollResponse(_Model):
    device_id: str
    token: str = Field(description="Shown once; the server keeps only its SHA-256")
    user_id: str
    role: str
    team_id: str | None
    # What the client needs to create its local user and team rows with the server's ids
    # before the first pull (which brings the full rows).
    username: str = ""
    display_name: str = ""
    team_code: str | None = None
    team_name: str | None = None


class Me(_Model):
    device_id: str
    user_id: str
    role: str
    team_id: str | None


# --- push ------------------------------------------------------------------------------


class RowChange(_Model):
    """One changed row. ``changed`` holds new values, ``base`` the values this device last
    synced for those fields (the three-way merge base); ``base_version`` is the row's
    ``version`` at that base (0 for a row the server has never seen)."""

    table: str = Field(min_length=1, max_length=64)
    row_id: str = Field(pattern=_UUID_PATTERN)
    base_version: int = Field(default=0, ge=0, le=MAX_SEQ)
    changed: dict[str, Any] = Field(default_factory=dict)
    base: dict[str, Any] = Field(default_factory=dict)
    deleted: bool = False


class PushBatch(_Model):
    batch_id: str = Field(pattern=_UUID_PATTERN, description="Idempotency key")
    changes: list[RowChange] = Field(max_length=MAX_CHANGES_PER_BATCH)


ChangeStatus = Literal["applied", "merged", "conflict", "unchanged"]


class ChangeResult(_Model):
    table: str
    row_id: str
    status: ChangeStatus
    version: int = Field(description="The row's server sequence number after this change")
    conflict_fields: list[str] = Field(default_factory=list)
    conflict_ids: list[str] = Field(default_factory=list)


class PushResult(_Model):
    batch_id: str
    results: list[ChangeResult]
    conflicts: int


# --- pull ------------------------------------------------------------------------------


class PulledRow(_Model):
    table: str
    seq: int
    row: dict[str, Any] = Field(description="Full row state, sync columns included")


class Purge(_Model):
    household_id: str
    seq: int


class ChangesPage(_Model):
    rows: list[PulledRow]
    purges: list[Purge]
    next_since: int = Field(description="Pass as ?since= for the next page")
    has_more: bool


class HouseholdDossier(_Model):
    household_id: str
    rows: list[PulledRow]


# --- audit upload ----------------------------------------------------------------------


class AuditEventIn(_Model):
    id: str = Field(pattern=_UUID_PATTERN)
    occurred_at: datetime
    user_id: str | None = Field(default=None, max_length=36)
    on_behalf_of: str | None = Field(default=None, max_length=36)
    client: str = Field(max_length=64)
    device_id: str | None = Field(default=None, max_length=36)
    action: str = Field(max_length=32)
    object_type: str | None = Field(default=None, max_length=64)
    object_id: str | None = Field(default=None, max_length=36)
    household_id: str | None = Field(default=None, max_length=36)
    detail: dict[str, Any] | None = None
    prev_hash: str = Field(pattern=r"^[0-9a-f]{64}$")
    hash: str = Field(pattern=r"^[0-9a-f]{64}$")


class AuditUpload(_Model):
    events: list[AuditEventIn] = Field(max_length=MAX_AUDIT_EVENTS)


class AuditUploadResult(_Model):
    accepted: int
    duplicates: int
    last_hash: str


# --- administration --------------------------------------------------------------------


class DeviceInfo(_Model):
    device_id: str
    user_id: str
    label: str
    created_at: datetime
    last_seen_at: datetime | None
    revoked_at: datetime | None


class UserInfo(_Model):
    user_id: str
    username: str
    role: str
    team_id: str | None
    active: bool


class Health(_Model):
    status: str
