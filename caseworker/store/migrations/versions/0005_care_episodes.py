"""care episodes: one row per opening and closing of a household's case

Each close / reopen used to survive only as a journal text; ``care_episodes``
keeps every period of care (opened, closed with a reason, reopened from) as a
synced table. Backfill: one episode per existing household from its
``opened_on`` / ``closed_on`` / ``closing_reason``.

Revision ID: 0005_care_episodes
Revises: 0004_indicator_indexes
Create Date: 2026-11-23 21:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from caseworker.models.base import UTCDateTime

revision: str = "0005_care_episodes"
down_revision: str | Sequence[str] | None = "0004_indicator_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "care_episodes",
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("closing_reason", sa.String(length=64), nullable=True),
        sa.Column("reopened_from_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), server_default="0", nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.CheckConstraint(
            "closed_on IS NULL OR closed_on >= opened_on",
            name=op.f("ck_care_episodes_closed_after_opened"),
        ),
        sa.CheckConstraint(
            "(closed_on IS NULL) = (closing_reason IS NULL)",
            name=op.f("ck_care_episodes_closed_has_date_and_reason"),
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_care_episodes_household_id_households"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_care_episodes")),
    )
    op.create_index(
        "ix_care_episodes_household", "care_episodes", ["household_id", "opened_on"], unique=False
    )
    # Backfill: one episode per household, with the household's own id as the episode id:
    # the server's migration backfills the same rows, so a device and the server agree on
    # them without syncing (never-synced rows keep version 0).
    op.execute(
        "INSERT INTO care_episodes (id, household_id, opened_on, closed_on, closing_reason, "
        "reopened_from_id, version, updated_at, updated_by, deleted) "
        "SELECT h.id, h.id, h.opened_on, "
        "CASE WHEN h.closing_reason IS NOT NULL THEN h.closed_on END, "
        "CASE WHEN h.closed_on IS NOT NULL THEN h.closing_reason END, "
        "NULL, 0, h.updated_at, h.updated_by, h.deleted "
        "FROM households h"
    )


def downgrade() -> None:
    op.drop_index("ix_care_episodes_household", table_name="care_episodes")
    op.drop_table("care_episodes")
