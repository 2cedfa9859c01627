"""Closure indicators from the care episodes: sustained exit, relapse, client experience.

Definitions in ``indicators.py``. A household's periods of care are its
``CareEpisode`` rows (opened by ``households.create_household``, closed by
``closing.close_case``, a new one opened by ``closing.reopen_case``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from caseworker.models import EXPERIENCE_FIELDS, CareEpisode, ClientExperience, Household
from caseworker.reference.types import Reference

from .indicators_types import (
    FOLLOW_UP_MONTHS,
    ExperienceQuestion,
    Indicator,
    add_months,
    make_indicator,
    scope,
)


@dataclass(frozen=True)
class Episode:
    opened_on: date
    closed_on: date | None
    closing_reason: str | None


def _as_date(value: Any) -> date:
    return date.fromisoformat(value) if isinstance(value, str) else value  # type: ignore[no-any-return]


def load_episodes(session: Session, team_id: str | None) -> dict[str, list[Episode]]:
    """Per household its episodes that are not tombstoned, ordered by opening date."""
    query = scope(
        select(
            CareEpisode.household_id,
            type_coerce(CareEpisode.opened_on, String),
            type_coerce(CareEpisode.closed_on, String),
            CareEpisode.closing_reason,
        )
        .join(Household, Household.id == CareEpisode.household_id)
        .where(CareEpisode.deleted.is_(False)),
        team_id,
    )
    out: dict[str, list[Episode]] = defaultdict(list)
    for hh, opened, closed, reason in session.connection().execute(query).all():
        out[hh].append(
            Episode(_as_date(opened), None if closed is None else _as_date(closed), reason)
        )
    for episodes in out.values():
        episodes.sort(key=lambda e: (e.opened_on, e.closed_on is None, e.closed_on))
    return out


def closures(
    episodes: dict[str, list[Episode]],
    reference: Reference,
    start: date,
    end: date,
    today: date,
) -> tuple[Indicator, Indicator]:
    """(sustained exit, relapse) over the episodes closed in the period."""
    exits: set[str] = set()
    exit_pending: set[str] = set()
    relapsed: set[str] = set()
    relapse_pending: set[str] = set()
    denominator: set[str] = set()
    for hh, eps in episodes.items():
        closed = sorted(
            (e for e in eps if e.closed_on is not None and start <= e.closed_on <= end),
            key=lambda e: (e.closed_on, e.opened_on),
        )
        if not closed:
            continue
        denominator.add(hh)
        last_relapsed = last_complete = False
        for episode in closed:
            closed_on = episode.closed_on
            assert closed_on is not None
            window_end = add_months(closed_on, FOLLOW_UP_MONTHS)
            # a new episode: opened on or after this closure (not this episode itself)
            last_relapsed = any(
                other is not episode and closed_on <= other.opened_on <= window_end for other in eps
            )
            last_complete = window_end <= today
            if last_relapsed:
                relapsed.add(hh)
        if hh not in relapsed and not last_complete:
            relapse_pending.add(hh)
        reason = reference.closing_reasons.get(closed[-1].closing_reason or "")
        if reason is not None and reason.goals_reached and not last_relapsed:
            (exits if last_complete else exit_pending).add(hh)
    return (
        make_indicator("sustained_exit", exits, denominator, extra={"pending": exit_pending}),
        make_indicator("relapse", relapsed, denominator, extra={"pending": relapse_pending}),
    )


def client_experience(
    session: Session, team_id: str | None, start: date, end: date
) -> tuple[ExperienceQuestion, ...]:
    columns = [getattr(ClientExperience, name) for name in EXPERIENCE_FIELDS]
    query = scope(
        select(ClientExperience.household_id, *columns)
        .join(Household, Household.id == ClientExperience.household_id)
        .where(
            ClientExperience.deleted.is_(False),
            ClientExperience.recorded_on >= start,
            ClientExperience.recorded_on <= end,
        ),
        team_id,
    )
    rows = session.connection().execute(query).all()
    out = []
    for i, name in enumerate(EXPERIENCE_FIELDS, start=1):
        dist = [0, 0, 0, 0, 0]
        hhs: set[str] = set()
        for row in rows:
            answer = row[i]
            if answer is not None:
                dist[answer - 1] += 1
                hhs.add(row[0])
        n = sum(dist)
        total = sum(score * count for score, count in enumerate(dist, start=1))
        out.append(
            ExperienceQuestion(
                question=name,
                answers=n,
                mean=total / n if n else None,
                distribution=(dist[0], dist[1], dist[2], dist[3], dist[4]),
                agree=dist[3] + dist[4],
                household_ids=tuple(sorted(hhs)),
            )
        )
    return tuple(out)
