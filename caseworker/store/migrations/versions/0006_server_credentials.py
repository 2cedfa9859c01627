"""server credentials: the enrolment of this laptop with a server

A local, non-synced table (``caseworker.models.device.ServerCredential``, on
``LocalBase.metadata``; the server has no such table): the server URL, this device's id
and bearer token, and the server's ids of the enrolled user and team. At most one row.

Revision ID: 0006_server_credentials
Revises: 0005_care_episodes
Create Date: 2026-12-01 23:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from caseworker.models.base import UTCDateTime

revision: str = "0006_server_credentials"
down_revision: str | Sequence[str] | None = "0005_care_episodes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "server_credentials",
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("server_url", sa.String(length=512), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("token", sa.String(length=256), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("team_id", sa.String(length=36), nullable=True),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("device_label", sa.String(length=64), nullable=False),
        sa.Column("enrolled_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("slot = 1", name=op.f("ck_server_credentials_one_server")),
        sa.CheckConstraint("length(token) > 0", name=op.f("ck_server_credentials_token_not_empty")),
        sa.PrimaryKeyConstraint("slot", name=op.f("pk_server_credentials")),
    )


def downgrade() -> None:
    op.drop_table("server_credentials")
