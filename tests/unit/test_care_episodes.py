"""Care episodes: written by create_household / close_case / reopen_case, guarded by the
database, backfilled by store migration 0005, and the only source of closure indicators."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from alembic import command
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from caseworker.models import CareEpisode, Household, JournalEntry, Team
from caseworker.reference.loader import load_reference
from caseworker.services import ServiceContext, ValidationError
from caseworker.services.closing import CloseInput, close_case, reopen_case
from caseworker.services.households import HouseholdInput, create_household
from caseworker.services.indicators import compute_indicators
from caseworker.store import OpenStore, migrate


def _on(ctx: ServiceContext, day: date) -> ServiceContext:
    return replace(
        ctx, today=lambda: day, now=lambda: datetime(day.year, day.month, day.day, 9, tzinfo=UTC)
    )


def _episodes(s: object, household_id: str) -> list[tuple[date, date | None, str | None, bool]]:
    rows = s.execute(  # type: ignore[attr-defined]
        select(CareEpisode)
        .where(CareEpisode.household_id == household_id)
        .order_by(CareEpisode.opened_on)
    ).scalars()
    return [
        (e.opened_on, e.closed_on, e.closing_reason, e.reopened_from_id is not None) for e in rows
    ]


def test_services_open_close_and_reopen_episodes(
    open_store: OpenStore, ctx: ServiceContext
) -> None:
    with open_store.transaction() as s:
        team_id = s.execute(select(Team.id)).scalar_one()
        hid = create_household(
            s,
            ctx,
            HouseholdInput(name="Familie Episode", team_id=team_id, opened_on=date(2025, 1, 6)),
        )
        assert _episodes(s, hid) == [(date(2025, 1, 6), None, None, False)]
        close_case(
            s, _on(ctx, date(2025, 3, 1)), hid, CloseInput("doelen_bereikt", date(2025, 3, 1))
        )
        reopen_case(s, _on(ctx, date(2025, 9, 1)), hid)
        assert _episodes(s, hid) == [
            (date(2025, 1, 6), date(2025, 3, 1), "doelen_bereikt", False),
            (date(2025, 9, 1), None, None, True),
        ]
        first, second = s.execute(
            select(CareEpisode)
            .where(CareEpisode.household_id == hid)
            .order_by(CareEpisode.opened_on)
        ).scalars()
        assert second.reopened_from_id == first.id
        # closing before the reopening is refused, nothing written
        with pytest.raises(ValidationError, match="heropening"):
            close_case(s, _on(ctx, date(2025, 9, 2)), hid, CloseInput("verhuisd", date(2025, 8, 1)))
        close_case(s, _on(ctx, date(2025, 10, 1)), hid, CloseInput("verhuisd", date(2025, 10, 1)))
        assert _episodes(s, hid)[1] == (date(2025, 9, 1), date(2025, 10, 1), "verhuisd", True)


def test_indicators_ignore_the_journal_text(open_store: OpenStore, ctx: ServiceContext) -> None:
    """Closures come from episodes: tombstoning every journal line changes nothing."""
    reference = load_reference()
    with open_store.transaction() as s:
        team_id = s.execute(select(Team.id)).scalar_one()
        hid = create_household(
            s,
            ctx,
            HouseholdInput(name="Familie Terugval", team_id=team_id, opened_on=date(2024, 6, 1)),
        )
        close_case(
            s, _on(ctx, date(2025, 3, 1)), hid, CloseInput("doelen_bereikt", date(2025, 3, 1))
        )
        reopen_case(s, _on(ctx, date(2025, 5, 1)), hid)
        for entry in s.execute(select(JournalEntry)).scalars():
            entry.deleted = True
            entry.text = "(weggehaald)"
        result = compute_indicators(
            s, reference, team_id=team_id, period_start=date(2025, 1, 1),
            period_end=date(2025, 12, 31), today=date(2026, 11, 23),
        )  # fmt: skip
    assert result.relapse.household_ids == (hid,)
    assert result.sustained_exit.numerator == 0 and result.sustained_exit.denominator == 1


@pytest.mark.parametrize(
    ("closed_on", "reason"),
    [(date(2024, 12, 31), "verhuisd"), (date(2025, 2, 1), None), (None, "verhuisd")],
)
def test_database_refuses_inconsistent_episodes(
    open_store: OpenStore, closed_on: date | None, reason: str | None
) -> None:
    with pytest.raises(IntegrityError), open_store.transaction() as s:
        hh = Household(name="X", opened_on=date(2025, 1, 1))
        s.add(hh)
        s.flush()
        s.add(CareEpisode(household_id=hh.id, opened_on=date(2025, 1, 1), closed_on=closed_on,
                          closing_reason=reason))  # fmt: skip
        s.flush()


def test_migration_0005_backfills_one_episode_per_household(open_store: OpenStore) -> None:
    with open_store.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0004_indicator_indexes")
        conn.execute(
            text(
                "INSERT INTO households (id, name, status, opened_on, closed_on, "
                "closing_reason, version, updated_at, deleted) VALUES "
                "('h-open', 'A', 'active', '2025-01-01', NULL, NULL, 3, "
                "'2025-01-01 08:00:00.000000', 0), "
                "('h-closed', 'B', 'closed', '2024-02-01', '2025-04-30', 'verhuisd', 0, "
                "'2025-04-30 08:00:00.000000', 0)"
            )
        )
    migrate.upgrade(open_store.engine)
    with open_store.session() as s:
        rows = {
            e.id: (e.household_id, e.opened_on, e.closed_on, e.closing_reason, e.version)
            for e in s.execute(select(CareEpisode)).scalars()
        }
    assert rows == {
        "h-open": ("h-open", date(2025, 1, 1), None, None, 0),
        "h-closed": ("h-closed", date(2024, 2, 1), date(2025, 4, 30), "verhuisd", 0),
    }
