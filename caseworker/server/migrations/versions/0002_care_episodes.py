"""care episodes and the covering indexes of the shared models (store 0004/0005)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 19:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from caseworker.models.base import UTCDateTime

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
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
    op.create_index("ix_care_episodes_household", "care_episodes", ["household_id", "opened_on"])
    op.create_index(
        "ix_assessments_person_cover", "assessments", ["person_id", "assessed_on", "deleted", "id"]
    )
    op.create_index(
        "ix_scores_assessment_cover", "scores", ["assessment_id", "domain", "deleted", "score"]
    )


def downgrade() -> None:
    op.drop_index("ix_scores_assessment_cover", table_name="scores")
    op.drop_index("ix_assessments_person_cover", table_name="assessments")
    op.drop_index("ix_care_episodes_household", table_name="care_episodes")
    op.drop_table("care_episodes")
