"""integer scores and steps: triggers refuse 2.5 where the CHECKs only test a range

SQLite keeps a REAL in an INTEGER column, so ``score BETWEEN 1 AND 5`` accepts 2.5
and ``step < 3 OR justification ...`` lets a trede of 2.5 skip its justification.
These triggers refuse any non-integer value in the scale and step columns.

Revision ID: 0003_integer_scores_and_steps
Revises: 0002_plan_revisions_immutable
Create Date: 2026-11-23 19:05:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003_integer_scores_and_steps"
down_revision: str | Sequence[str] | None = "0002_plan_revisions_immutable"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INTEGER_COLUMNS: tuple[tuple[str, str], ...] = (
    ("scores", "score"),
    ("goals", "baseline_score"),
    ("goals", "target_score"),
    ("actions", "step"),
    ("provisions", "step"),
    ("safety_signals", "meldcode_step"),
    ("client_experiences", "own_control"),
    ("client_experiences", "self_reliance"),
    ("client_experiences", "quality_of_life"),
    ("client_experiences", "fits_request"),
    ("client_experiences", "support_quality"),
)


def _trigger(table: str, column: str, when: str) -> str:
    return f"{table}_{column}_integer_{when[0].lower()}"


def upgrade() -> None:
    for table, column in INTEGER_COLUMNS:
        for when in ("INSERT", "UPDATE"):
            event = when if when == "INSERT" else f"UPDATE OF {column}"
            op.execute(
                f"CREATE TRIGGER {_trigger(table, column, when)} BEFORE {event} ON {table} "
                f"WHEN NEW.{column} IS NOT NULL AND typeof(NEW.{column}) != 'integer' "
                f"BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: {table}.{column} "
                "must be a whole number'); END"
            )


def downgrade() -> None:
    for table, column in INTEGER_COLUMNS:
        for when in ("INSERT", "UPDATE"):
            op.execute(f"DROP TRIGGER IF EXISTS {_trigger(table, column, when)}")
