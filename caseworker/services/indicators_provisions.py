"""Provision indicators: sustained step-down, stacking, users per category, cost.

Definitions in ``indicators.py``; all of them work on the team's active
provisions, loaded once by ``load_provisions``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Float, String, select, type_coerce
from sqlalchemy.orm import Session

from caseworker.models import Household, Provision, ProvisionKind, ProvisionStatus
from caseworker.reference.types import Reference

from .indicators_types import (
    FOLLOW_UP_MONTHS,
    CategoryUsage,
    Indicator,
    add_months,
    make_indicator,
    scope,
)

UNKNOWN_CATEGORY = "onbekend"
REPLACEMENT_DAYS = 7


@dataclass(slots=True)
class Prov:
    household_id: str
    person_id: str | None
    code: str
    tailored: bool
    step: int
    units: float | None
    start_on: date
    end_on: date | None
    cost: int | None
    cost_period: str | None

    def active_in(self, start: date, end: date) -> bool:
        return self.start_on <= end and (self.end_on is None or self.end_on >= start)

    @property
    def weekly_cost(self) -> float | None:
        if self.cost is None or self.cost_period is None:
            return None
        per_day = {"week": 1 / 7, "month": 12 / 365, "year": 1 / 365}.get(self.cost_period)
        return None if per_day is None else self.cost * per_day * 7


def _is_replacement(p: Prov, q: Prov, reference: Reference) -> bool:
    assert p.end_on is not None
    if q.start_on > p.end_on + timedelta(days=REPLACEMENT_DAYS):
        return False
    if _category(reference, p.code) != _category(reference, q.code):
        return False
    if q.step < p.step:
        return True
    if q.code == p.code and p.units is not None and q.units is not None and q.units < p.units:
        return True
    pw, qw = p.weekly_cost, q.weekly_cost
    return pw is not None and qw is not None and qw < pw


def step_down(
    provisions: dict[str, list[Prov]],
    reference: Reference,
    start: date,
    end: date,
    today: date,
) -> Indicator:
    denominator: set[str] = set()
    sustained: set[str] = set()
    pending: set[str] = set()
    for hh, provs in provisions.items():
        tailored = [p for p in provs if p.tailored]
        if not any(p.active_in(start, end) for p in tailored):
            continue
        denominator.add(hh)
        for p in tailored:
            if p.end_on is None or not start <= p.end_on <= end:
                continue
            window_end = add_months(p.end_on, FOLLOW_UP_MONTHS)
            new = [
                q
                for q in tailored
                if q is not p
                and p.end_on <= q.start_on <= window_end
                and not _is_replacement(p, q, reference)
            ]
            if new:
                continue
            if window_end <= today:
                sustained.add(hh)
            else:
                pending.add(hh)
    return make_indicator(
        "sustained_step_down", sustained, denominator, extra={"pending": pending - sustained}
    )


def stacking(provisions: dict[str, list[Prov]], start: date, end: date) -> Indicator:
    denominator: set[str] = set()
    stacked: set[str] = set()
    for hh, provs in provisions.items():
        events: list[tuple[date, int]] = []
        for p in provs:
            if p.tailored and p.active_in(start, end):
                events.append((max(p.start_on, start), 1))
                last = end if p.end_on is None else min(p.end_on, end)
                events.append((last + timedelta(days=1), -1))
        if not events:
            continue
        denominator.add(hh)
        running = peak = 0
        for _, delta in sorted(events):  # -1 sorts before +1 on the same day
            running += delta
            peak = max(peak, running)
        if peak >= 3:
            stacked.add(hh)
    return make_indicator("stacking", stacked, denominator)


def _category(reference: Reference, code: str) -> str:
    item = reference.catalogue.get(code)
    return item.category if item is not None else UNKNOWN_CATEGORY


def users_per_category(
    provisions: dict[str, list[Prov]], reference: Reference, start: date, end: date
) -> tuple[CategoryUsage, ...]:
    persons: dict[str, set[str]] = defaultdict(set)
    households: dict[str, set[str]] = defaultdict(set)
    for hh, provs in provisions.items():
        for p in provs:
            if not p.active_in(start, end):
                continue
            cat = _category(reference, p.code)
            households[cat].add(hh)
            if p.person_id is not None:
                persons[cat].add(p.person_id)
    return tuple(
        CategoryUsage(
            category=cat,
            persons=len(persons[cat]),
            households=len(households[cat]),
            household_ids=tuple(sorted(households[cat])),
        )
        for cat in sorted(households)
    )


def cost(
    provisions: dict[str, list[Prov]], start: date, end: date
) -> tuple[Indicator, dict[str, int]]:
    per_day = {"week": 1 / 7, "month": 12 / 365, "year": 1 / 365}
    by_household: dict[str, int] = {}
    for hh, provs in provisions.items():
        total = 0.0
        costed = False
        for p in provs:
            if p.cost is None or p.cost_period is None or not p.active_in(start, end):
                continue
            if p.cost_period == "once":
                if start <= p.start_on <= end:
                    total += p.cost
                    costed = True
                continue
            rate = per_day.get(p.cost_period)
            if rate is None:
                continue
            first = max(p.start_on, start)
            last = end if p.end_on is None else min(p.end_on, end)
            total += p.cost * rate * ((last - first).days + 1)
            costed = True
        if costed:
            by_household[hh] = round(total)
    cents = sum(by_household.values())
    households = set(by_household)
    indicator = Indicator(
        code="cost_per_household",
        value=cents / len(households) if households else None,
        numerator=cents,
        denominator=len(households),
        household_ids=tuple(sorted(households)),
        denominator_household_ids=tuple(sorted(households)),
        unit="cents",
    )
    return indicator, by_household


def load_provisions(session: Session, team_id: str | None) -> dict[str, list[Prov]]:
    """Per household its active-status provisions (Core rows straight from the driver)."""
    query = scope(
        select(
            Provision.household_id,
            Provision.person_id,
            Provision.catalogue_code,
            type_coerce(Provision.kind, String),
            Provision.step,
            type_coerce(Provision.units, Float),
            type_coerce(Provision.start_on, String),
            type_coerce(Provision.end_on, String),
            Provision.cost_cents_per_period,
            Provision.cost_period,
        )
        .join(Household, Household.id == Provision.household_id)
        .where(
            Provision.deleted.is_(False),
            Provision.start_on.is_not(None),
            Provision.status.in_((ProvisionStatus.GRANTED, ProvisionStatus.ENDED)),
        ),
        team_id,
    )
    dates: dict[Any, date] = {}

    def to_date(raw: Any) -> date:
        parsed = dates.get(raw)
        if parsed is None:
            parsed = dates[raw] = date.fromisoformat(raw) if isinstance(raw, str) else raw
        return parsed

    tailored_kind = str(ProvisionKind.TAILORED)
    out: dict[str, list[Prov]] = defaultdict(list)
    result = session.connection().execute(query)
    try:
        rows = result.cursor.fetchall()
    finally:
        result.close()
    for hh, pid, code, kind, step, units, start_on, end_on, cost_cents, period in rows:
        out[hh].append(
            Prov(
                household_id=hh,
                person_id=pid,
                code=code,
                tailored=kind == tailored_kind,
                step=step,
                units=None if units is None else float(units),
                start_on=to_date(start_on),
                end_on=None if end_on is None else to_date(end_on),
                cost=cost_cents,
                cost_period=period,
            )
        )
    return out
