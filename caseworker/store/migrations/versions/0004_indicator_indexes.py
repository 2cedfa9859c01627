"""indicator indexes: covering indexes for goal achievement over a whole team

The team indicators look up, per plan goal, the subject's measurements and the
score of the goal's domain. These covering indexes answer both seeks without
reading the table rows (≈2× faster on 5,000 households, docs/performance.md).

Revision ID: 0004_indicator_indexes
Revises: 0003_integer_scores_and_steps
Create Date: 2026-11-23 19:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004_indicator_indexes"
down_revision: str | Sequence[str] | None = "0003_integer_scores_and_steps"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX IF NOT EXISTS ix_assessments_person_cover "
        "ON assessments (person_id, assessed_on, deleted, id)"
    )
    op.execute(
        "CREATE INDEX IF NOT EXISTS ix_scores_assessment_cover "
        "ON scores (assessment_id, domain, deleted, score)"
    )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_scores_assessment_cover")
    op.execute("DROP INDEX IF EXISTS ix_assessments_person_cover")
