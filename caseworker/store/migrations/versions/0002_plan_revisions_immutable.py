"""plan revisions immutable: a trigger refuses any change to an agreed plan's snapshot

Revision ID: 0002_plan_revisions_immutable
Revises: 0001
Create Date: 2026-11-23 19:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002_plan_revisions_immutable"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Sync may still move ``version`` / ``updated_at`` (and a purge may DELETE the row);
# the agreed content itself can never change.
_PROTECTED = ("plan_id", "number", "agreed_on", "agreed_by", "snapshot", "deleted")


def upgrade() -> None:
    condition = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in _PROTECTED)
    op.execute(
        "CREATE TRIGGER plan_revisions_immutable BEFORE UPDATE ON plan_revisions "
        f"WHEN {condition} BEGIN SELECT RAISE(ABORT, 'plan revisions are immutable'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS plan_revisions_immutable")
