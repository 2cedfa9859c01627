"""Result types and small helpers shared by the indicator modules (see ``indicators.py``)."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from caseworker.models import Household

FOLLOW_UP_MONTHS = 12


@dataclass(frozen=True)
class Indicator:
    code: str
    value: float | None  # share 0..1, or an amount (see unit); None when denominator is 0
    numerator: int
    denominator: int
    household_ids: tuple[str, ...]  # households behind the numerator (sorted)
    denominator_household_ids: tuple[str, ...]  # households behind the denominator (sorted)
    unit: str = "share"  # "share" or "cents"
    # more id lists: household ids, except keys ending in "_clients" (goal subjects:
    # person ids or "household:<id>")
    extra: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class CategoryUsage:
    category: str
    persons: int
    households: int
    household_ids: tuple[str, ...]


@dataclass(frozen=True)
class ExperienceQuestion:
    question: str  # field name of ClientExperience, e.g. "own_control"
    answers: int
    mean: float | None
    distribution: tuple[int, int, int, int, int]  # counts of 1..5
    agree: int  # answers 4 or 5
    household_ids: tuple[str, ...]

    @property
    def value(self) -> float | None:
        return self.agree / self.answers if self.answers else None


@dataclass(frozen=True)
class Indicators:
    team_id: str | None
    period_start: date
    period_end: date
    today: date
    goal_realisation: Indicator
    sustained_step_down: Indicator
    sustained_exit: Indicator
    relapse: Indicator
    stacking: Indicator
    cost_per_household: Indicator
    users_per_category: tuple[CategoryUsage, ...]
    client_experience: tuple[ExperienceQuestion, ...]
    cost_by_household: Mapping[str, int]  # cents per household in the period

    @property
    def shares(self) -> tuple[Indicator, ...]:
        return (
            self.goal_realisation,
            self.sustained_step_down,
            self.sustained_exit,
            self.relapse,
            self.stacking,
        )


def add_months(d: date, months: int) -> date:
    """``d`` plus whole months; the day is clipped to the month's last day."""
    month0 = d.month - 1 + months
    year, month = d.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def make_indicator(
    code: str,
    numerator: set[str],
    denominator: set[str],
    *,
    num_count: int | None = None,
    den_count: int | None = None,
    extra: Mapping[str, set[str]] | None = None,
) -> Indicator:
    n = len(numerator) if num_count is None else num_count
    d = len(denominator) if den_count is None else den_count
    return Indicator(
        code=code,
        value=n / d if d else None,
        numerator=n,
        denominator=d,
        household_ids=tuple(sorted(numerator)),
        denominator_household_ids=tuple(sorted(denominator)),
        extra={k: tuple(sorted(v)) for k, v in (extra or {}).items()},
    )


def scope(query: Any, team_id: str | None) -> Any:
    """Households not tombstoned, of ``team_id`` (all teams when None)."""
    query = query.where(Household.deleted.is_(False))
    return query if team_id is None else query.where(Household.team_id == team_id)
