"""The team's indicators (seeds 000, 001, 004) for a period, computed set-based.

``compute_indicators`` runs a handful of queries (households, provisions,
requests after closure, client experiences, goals and their scores) and does
the rest in Python; every figure carries its numerator, denominator and the
household ids behind it, so the dashboard can open the households behind a
number.

Scope: households of ``team_id`` (all teams when None) that are not tombstoned.
"Active in the period" means ``opened_on <= period_end`` and (not closed or
``closed_on >= period_start``). "12 months after d" is the window
``(d, d + 12 months]`` (29 February + 12 months = 28 February).

Definitions (exact):

``goal_realisation`` — seed 001 "% cliënten waarbij de doelrealisatie o.b.v. de
    ZRM conform de beoogde doelen uit het PVA is". A *client* is a goal subject
    (a person, or the household for household goals) of a household active in
    the period, with at least one *countable goal*: not cancelled, with a ZRM
    domain and a target score. Goals without a target are left out entirely.
    Goal progress follows ``goal_achievement`` with the cutoff
    ``min(period_end, today)`` (and never after the closing date:
    measurements after closure are ignored). A client counts as reached when
    at least one countable goal has a follow-up measurement and *every*
    measured countable goal reached its target. A client without any measured
    countable goal is in the denominator, not in the numerator, and listed
    under ``extra["not_measured"]``.

``sustained_step_down`` — seed 001 "duurzame afschaling m.b.t. een maatwerk
    voorziening". Denominator: households with a maatwerk (tailored) provision
    active in the period. A *step-down* is a maatwerk provision P whose
    ``end_on`` lies in the period (ending it, or ending it and replacing it
    with a lighter one, is how a reduction is recorded). A maatwerk provision Q
    started in ``[P.end_on, P.end_on + 12 months]`` is *new* unless it is the
    lighter replacement of P: starting within 7 days of P's end, in the same
    catalogue category, and with a lower trede, or the same catalogue item
    with fewer units, or a lower weekly cost. A step-down is sustained when
    no new maatwerk provision follows it and its 12 months have passed by
    ``today``; without a new one but still inside the 12 months it is listed
    under ``extra["pending"]``. Numerator: households with at least one
    sustained step-down in the period.

``sustained_exit`` — seed 001 "duurzame uitstroom o.b.v. een succesvolle
    beëindiging". Denominator: households closed in the period (any reason).
    Numerator: closed with a closing reason marked ``goals_reached`` and no new
    request within 12 months, those 12 months having passed by ``today``
    (otherwise ``extra["pending"]``). A *new request* is a referral received
    (``Referral.received_on``) or an intake started (``Intake.started_on``)
    after the closing date; ``closing.reopen_case`` starts such an intake. It
    also clears the household's closing fields, so the closure before a reopen
    is read from its "case_reopened" journal line. A household closed more than
    once in the period counts once: sustained exit is judged on its last
    closure in the period.

``relapse`` — terugval / hergebruik (seed 000). Denominator: households closed
    in the period. Numerator: those with a new request within 12 months after
    any of their closures in the period, as known on ``today``. A request after
    12 months is not a relapse.

``stacking`` — seed 004. Denominator: households with a maatwerk provision
    active in the period. Numerator: households where on some day of the
    period three or more maatwerk provisions were active at the same time.

``users_per_category`` — tables of seeds 000/001: per catalogue category
    (``Reference.catalogue[code].category``; unknown codes → "onbekend") the
    distinct persons (provisions with a person) and households with a
    provision (any kind) active in the period.

``client_experience`` — seed 001: the five questions of ``ClientExperience``
    recorded in the period. Per question: answers, mean, distribution over
    1..5, and the share answering 4 or 5 (agrees) as value.

``cost_per_household`` — per household the cost of its provisions over the
    days they overlap the period: week → cost × days / 7, month → cost ×
    days × 12 / 365, year → cost × days / 365, once → full cost when it
    starts in the period. Value: mean over households with any cost (cents).

Active provision: not tombstoned, status granted or ended, ``start_on`` set,
``start_on <= period_end`` and (``end_on`` empty or ``end_on >= period_start``).
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select, union_all
from sqlalchemy.orm import Session

from caseworker.models import (
    EXPERIENCE_FIELDS,
    ClientExperience,
    Household,
    Intake,
    JournalEntry,
    Provision,
    ProvisionKind,
    ProvisionStatus,
    Referral,
)
from caseworker.reference.types import Reference

from .goal_achievement import GoalState, ensure_page_cache, load_progress

UNKNOWN_CATEGORY = "onbekend"
REPLACEMENT_DAYS = 7
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


# --------------------------------------------------------------------------- helpers


def add_months(d: date, months: int) -> date:
    """``d`` plus whole months; the day is clipped to the month's last day."""
    month0 = d.month - 1 + months
    year, month = d.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _indicator(
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


@dataclass(frozen=True)
class _Prov:
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


def _scope(query: Any, team_id: str | None) -> Any:
    query = query.where(Household.deleted.is_(False))
    return query if team_id is None else query.where(Household.team_id == team_id)


# --------------------------------------------------------------------------- indicators


def _goal_realisation(
    session: Session,
    team_id: str | None,
    active: set[str],
    start: date,
    end: date,
    cutoff: date,
) -> Indicator:
    progress = load_progress(
        session,
        as_of=cutoff,
        team_id=team_id,
        countable_only=True,
        active_between=(start, end),
    )
    clients: dict[str, list[GoalState]] = defaultdict(list)
    client_household: dict[str, str] = {}
    for p in progress:
        if p.household_id not in active or p.domain is None or p.target is None:
            continue
        clients[p.subject].append(p.state)
        client_household[p.subject] = p.household_id
    reached: set[str] = set()
    not_measured: set[str] = set()
    for subject, states in clients.items():
        measured = [s for s in states if s is not GoalState.NOT_MEASURED]
        if not measured:
            not_measured.add(subject)
        elif all(s is GoalState.REACHED for s in measured):
            reached.add(subject)
    hh = client_household
    return _indicator(
        "goal_realisation",
        {hh[s] for s in reached},
        {hh[s] for s in clients},
        num_count=len(reached),
        den_count=len(clients),
        extra={
            "not_measured": {hh[s] for s in not_measured},
            "reached_clients": reached,
            "not_measured_clients": not_measured,
        },
    )


def _is_replacement(p: _Prov, q: _Prov, reference: Reference) -> bool:
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


def _step_down(
    provisions: dict[str, list[_Prov]],
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
    return _indicator(
        "sustained_step_down", sustained, denominator, extra={"pending": pending - sustained}
    )


def _stacking(provisions: dict[str, list[_Prov]], start: date, end: date) -> Indicator:
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
    return _indicator("stacking", stacked, denominator)


def _category(reference: Reference, code: str) -> str:
    item = reference.catalogue.get(code)
    return item.category if item is not None else UNKNOWN_CATEGORY


def _users_per_category(
    provisions: dict[str, list[_Prov]], reference: Reference, start: date, end: date
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


def _cost(
    provisions: dict[str, list[_Prov]], start: date, end: date
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


def _client_experience(
    session: Session, team_id: str | None, start: date, end: date
) -> tuple[ExperienceQuestion, ...]:
    columns = [getattr(ClientExperience, name) for name in EXPERIENCE_FIELDS]
    query = _scope(
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


# Written by ``closing.reopen_case``; a reopened household has its closing fields cleared,
# so its earlier closure is read back from this journal line (kind "case_reopened").
_REOPEN_TEXT = re.compile(r"na afsluiting op (\d{2})-(\d{2})-(\d{4}) \(reden: ([^)]*)\)")
REOPEN_JOURNAL_KIND = "case_reopened"


def _closure_episodes(
    session: Session, team_id: str | None, households: list[Any], start: date, end: date
) -> dict[str, list[tuple[date, str | None]]]:
    """Per household its closures dated in the period: the current one and reopened ones."""
    episodes: dict[str, list[tuple[date, str | None]]] = defaultdict(list)
    for row in households:
        if row.closed_on is not None and start <= row.closed_on <= end:
            episodes[row.id].append((row.closed_on, row.closing_reason))
    reopened = _scope(
        select(JournalEntry.household_id, JournalEntry.text)
        .join(Household, Household.id == JournalEntry.household_id)
        .where(JournalEntry.deleted.is_(False), JournalEntry.kind == REOPEN_JOURNAL_KIND),
        team_id,
    )
    for hh, text in session.connection().execute(reopened).all():
        match = _REOPEN_TEXT.search(text or "")
        if match is None:
            continue
        day, month, year, reason = match.groups()
        try:
            closed_on = date(int(year), int(month), int(day))
        except ValueError:
            continue
        if start <= closed_on <= end and (closed_on, reason) not in episodes[hh]:
            episodes[hh].append((closed_on, reason or None))
    return {hh: sorted(eps, key=lambda e: e[0]) for hh, eps in episodes.items() if eps}


def _closures(
    session: Session,
    team_id: str | None,
    households: list[Any],
    reference: Reference,
    start: date,
    end: date,
    today: date,
) -> tuple[Indicator, Indicator]:
    closed = _closure_episodes(session, team_id, households, start, end)
    requests: dict[str, list[date]] = defaultdict(list)
    if closed:
        referrals = _scope(
            select(Referral.household_id.label("hh"), Referral.received_on.label("on"))
            .join(Household, Household.id == Referral.household_id)
            .where(Referral.deleted.is_(False), Referral.received_on > start),
            team_id,
        )
        intakes = _scope(
            select(Intake.household_id.label("hh"), Intake.started_on.label("on"))
            .join(Household, Household.id == Intake.household_id)
            .where(Intake.deleted.is_(False), Intake.started_on > start),
            team_id,
        )
        for hh, on in session.connection().execute(union_all(referrals, intakes)).all():
            if hh in closed:
                requests[hh].append(on)
    exits: set[str] = set()
    exit_pending: set[str] = set()
    relapsed: set[str] = set()
    relapse_pending: set[str] = set()
    for hh, episodes in closed.items():
        last_relapsed = False
        last_complete = False
        for closed_on, _reason in episodes:
            window_end = add_months(closed_on, FOLLOW_UP_MONTHS)
            last_relapsed = any(closed_on < on <= window_end for on in requests.get(hh, ()))
            last_complete = window_end <= today
            if last_relapsed:
                relapsed.add(hh)
        if hh not in relapsed and not last_complete:
            relapse_pending.add(hh)
        reason = reference.closing_reasons.get(episodes[-1][1] or "")
        if reason is not None and reason.goals_reached and not last_relapsed:
            (exits if last_complete else exit_pending).add(hh)
    denominator = set(closed)
    return (
        _indicator("sustained_exit", exits, denominator, extra={"pending": exit_pending}),
        _indicator("relapse", relapsed, denominator, extra={"pending": relapse_pending}),
    )


def _load_provisions(session: Session, team_id: str | None) -> dict[str, list[_Prov]]:
    query = _scope(
        select(
            Provision.household_id,
            Provision.person_id,
            Provision.catalogue_code,
            Provision.kind,
            Provision.step,
            Provision.units,
            Provision.start_on,
            Provision.end_on,
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
    out: dict[str, list[_Prov]] = defaultdict(list)
    for hh, pid, code, kind, step, units, start_on, end_on, cost, period in (
        session.connection().execute(query).all()
    ):
        out[hh].append(
            _Prov(
                household_id=hh,
                person_id=pid,
                code=code,
                tailored=kind == ProvisionKind.TAILORED,
                step=step,
                units=units,
                start_on=start_on,
                end_on=end_on,
                cost=cost,
                cost_period=period,
            )
        )
    return out


def compute_indicators(
    session: Session,
    reference: Reference,
    *,
    team_id: str | None,
    period_start: date,
    period_end: date,
    today: date,
) -> Indicators:
    """All indicators of the module docstring for one team (or all) and one period."""
    if period_end < period_start:
        raise ValueError("period_end before period_start")
    session.flush()  # the queries below run on the session's connection (Core rows)
    ensure_page_cache(session.connection())
    households = (
        session.connection()
        .execute(
            _scope(
                select(
                    Household.id, Household.opened_on, Household.closed_on, Household.closing_reason
                ),
                team_id,
            )
        )
        .all()
    )
    active = {
        row.id
        for row in households
        if row.opened_on <= period_end and (row.closed_on is None or row.closed_on >= period_start)
    }
    cutoff = min(period_end, today)
    provisions = _load_provisions(session, team_id)
    exit_indicator, relapse_indicator = _closures(
        session, team_id, list(households), reference, period_start, period_end, today
    )
    cost, by_household = _cost(provisions, period_start, period_end)
    return Indicators(
        team_id=team_id,
        period_start=period_start,
        period_end=period_end,
        today=today,
        goal_realisation=_goal_realisation(
            session, team_id, active, period_start, period_end, cutoff
        ),
        sustained_step_down=_step_down(provisions, reference, period_start, period_end, today),
        sustained_exit=exit_indicator,
        relapse=relapse_indicator,
        stacking=_stacking(provisions, period_start, period_end),
        cost_per_household=cost,
        users_per_category=_users_per_category(provisions, reference, period_start, period_end),
        client_experience=_client_experience(session, team_id, period_start, period_end),
        cost_by_household=by_household,
    )
