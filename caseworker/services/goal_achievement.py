"""Goal achievement (doelrealisatie): per plan goal baseline → latest → target, and its state.

Which goals
    Goals that are not tombstoned and not cancelled (``GoalStatus.CANCELLED``),
    in a plan that is not tombstoned. A goal's *subject* is its person, or the
    household itself when ``person_id`` is NULL (household instrument).

Which measurements count
    Scores of the goal's ZRM domain for the goal's subject (domain codes are
    unique across the three instruments), from measurements that are not
    tombstoned, dated on or before the *cutoff*. The cutoff is
    ``measured_until`` (default ``as_of``, normally today), and never later
    than the household's ``closed_on``: a measurement after the case was
    closed is **ignored** (the final measurement is normally on the closing
    date and still counts). Due dates are compared with ``min(as_of, cutoff)``.

Baseline and latest
    The *baseline measurement* is the earliest counted score of the domain
    (the nulmeting). ``baseline`` is the goal's own ``baseline_score`` when the
    plan set one, otherwise the score of that baseline measurement. ``latest``
    is the most recent counted score dated **after** the baseline measurement
    (a follow-up). A single measurement is only a baseline: ``latest`` is None.
    Two measurements on the same day: the higher score counts as the later.

State (exact rule, checked in this order)
    1. ``not_measured`` — the goal has no ZRM domain, or no follow-up
       measurement (``latest`` is None).
    2. ``reached`` — a target is set and ``latest >= target``.
    3. ``on_track`` — ``latest > baseline``; or ``latest == baseline`` and the
       due date is not set or not passed (``as_of <= due_on``).
    4. ``behind`` — otherwise: ``latest < baseline`` (went down), or no
       improvement while the due date has passed.
    A goal without a target can never be ``reached``; the indicators leave it
    out (see ``indicators.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import String, and_, case, cast, func, or_, select, type_coerce
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from caseworker.models import Assessment, Goal, GoalStatus, Household, Plan, Score


class GoalState(StrEnum):
    REACHED = "reached"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    NOT_MEASURED = "not_measured"


@dataclass(frozen=True)
class GoalProgress:
    goal_id: str
    person_id: str | None  # None = household goal
    domain: str | None
    baseline: int | None
    latest: int | None
    latest_on: date | None
    target: int | None
    state: GoalState
    household_id: str = ""
    plan_id: str = ""
    coordinator_id: str | None = None  # plan's coordinator, else the household's
    team_id: str | None = None
    due_on: date | None = None
    baseline_on: date | None = None

    @property
    def subject(self) -> str:
        """Stable key of the goal's subject: the person id or ``household:<id>``."""
        return self.person_id if self.person_id is not None else f"household:{self.household_id}"


@dataclass(frozen=True)
class GoalSummary:
    reached: int = 0
    on_track: int = 0
    behind: int = 0
    not_measured: int = 0

    @property
    def total(self) -> int:
        return self.reached + self.on_track + self.behind + self.not_measured

    @property
    def reached_share(self) -> float | None:
        """Reached goals among goals with a follow-up measurement (None when none)."""
        measured = self.total - self.not_measured
        return self.reached / measured if measured else None


def goal_state(
    *,
    baseline: int | None,
    latest: int | None,
    target: int | None,
    due_on: date | None,
    as_of: date,
) -> GoalState:
    """The rule of the module docstring, on plain values."""
    if latest is None:
        return GoalState.NOT_MEASURED
    if target is not None and latest >= target:
        return GoalState.REACHED
    if baseline is None or latest > baseline:
        return GoalState.ON_TRACK
    if latest == baseline and (due_on is None or as_of <= due_on):
        return GoalState.ON_TRACK
    return GoalState.BEHIND


def summarise(progress: Iterable[GoalProgress]) -> GoalSummary:
    counts = dict.fromkeys(GoalState, 0)
    for p in progress:
        counts[p.state] += 1
    return GoalSummary(
        reached=counts[GoalState.REACHED],
        on_track=counts[GoalState.ON_TRACK],
        behind=counts[GoalState.BEHIND],
        not_measured=counts[GoalState.NOT_MEASURED],
    )


# --------------------------------------------------------------------------- set-based core


def _scoped(query: Any, scope: _Scope) -> Any:
    """Join goals → plans → households and apply the scope (shared by all core queries)."""
    query = (
        query.join(Plan, Plan.id == Goal.plan_id)
        .join(Household, Household.id == Plan.household_id)
        .where(
            Goal.deleted.is_(False),
            Plan.deleted.is_(False),
            Household.deleted.is_(False),
            Goal.status != GoalStatus.CANCELLED,
        )
    )
    if scope.team_id is not None:
        query = query.where(Household.team_id == scope.team_id)
    if scope.plan_id is not None:
        query = query.where(Plan.id == scope.plan_id)
    if scope.person_id is not None:
        query = query.where(Goal.person_id == scope.person_id)
    if scope.coordinator_id is not None:
        query = query.where(
            func.coalesce(Plan.coordinator_id, Household.coordinator_id) == scope.coordinator_id
        )
    if scope.household_ids is not None:
        query = query.where(Household.id.in_(scope.household_ids))
    if scope.countable_only:
        query = query.where(Goal.zrm_domain.is_not(None), Goal.target_score.is_not(None))
    if scope.active_between is not None:
        start, end = scope.active_between
        query = query.where(
            Household.opened_on <= end,
            or_(Household.closed_on.is_(None), Household.closed_on >= start),
        )
    return query


@dataclass(frozen=True)
class _Scope:
    team_id: str | None
    plan_id: str | None
    person_id: str | None
    coordinator_id: str | None
    household_ids: tuple[str, ...] | None
    countable_only: bool = False
    active_between: tuple[date, date] | None = None


#: Goal columns of ``_progress_query``, then the first and the last point (see there).
_GOAL_COLUMNS = (
    Goal.id,
    Goal.person_id,
    Goal.zrm_domain,
    Goal.baseline_score,
    Goal.target_score,
    type_coerce(Goal.due_on, String),
    Plan.id,
    Plan.household_id,
    func.coalesce(Plan.coordinator_id, Household.coordinator_id),
    Household.team_id,
    type_coerce(Household.closed_on, String),
)


def _progress_query(scope: _Scope, until: date) -> Any:
    """One row per goal in scope: its columns plus ``<first point><last point>`` of its
    subject's scores on its domain measured up to ``until`` (never after closing).

    A point is the text ``<ISO date><score>`` (11 characters: scores are one digit), so
    MIN / MAX give the earliest and the latest measurement, the higher score counting as
    the later one on equal dates. Both come from one correlated subquery per goal (index
    seeks on assessments by subject, then on scores by assessment and domain; no
    temporary B-tree for a GROUP BY); NULL = no measurement.
    """
    in_time = and_(
        Assessment.deleted.is_(False),
        Assessment.assessed_on <= until,
        or_(Household.closed_on.is_(None), Assessment.assessed_on <= Household.closed_on),
    )
    point = cast(Assessment.assessed_on, String) + cast(Score.score, String)

    def first_and_last(subject: Any) -> Any:
        return (
            select(func.min(point) + func.max(point))
            .select_from(Assessment)
            .join(
                Score,
                and_(
                    Score.assessment_id == Assessment.id,
                    Score.domain == Goal.zrm_domain,
                    Score.deleted.is_(False),
                ),
            )
            .where(subject, in_time)
            .correlate(Goal, Plan, Household)
            .scalar_subquery()
        )

    points = case(
        (Goal.person_id.is_not(None), first_and_last(Assessment.person_id == Goal.person_id)),
        # household measurement: looked up by household (coalesce keeps the planner off
        # the person index, where every household's NULL person ids sit together)
        else_=first_and_last(
            and_(
                Assessment.household_id == Plan.household_id,
                func.coalesce(Assessment.person_id, "") == "",
            )
        ),
    )
    return _scoped(select(*_GOAL_COLUMNS, points), scope)


def _plain_rows(connection: Connection, query: Any) -> list[Any]:
    """Rows as the driver returns them, without SQLAlchemy's per-row processing.

    Only for queries whose columns need no result processing: strings, integers
    and dates coerced to strings (an ISO string on SQLite, a ``date`` elsewhere).
    """
    result = connection.execute(query)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


def _as_date(value: Any) -> date:
    return date.fromisoformat(value) if isinstance(value, str) else value  # type: ignore[no-any-return]


def _evaluate(
    session: Session, scope: _Scope, *, as_of: date, until: date
) -> list[tuple[Any, ...]]:
    """Per goal in scope a plain tuple in the field order of ``GoalProgress``."""
    session.flush()
    rows = _plain_rows(session.connection(), _progress_query(scope, until))
    dates: dict[Any, date] = {}  # raw value -> date; a team has a few hundred distinct days

    def to_date(raw: Any) -> date:
        parsed = dates.get(raw)
        if parsed is None:
            parsed = dates[raw] = _as_date(raw)
        return parsed

    out: list[tuple[Any, ...]] = []
    append = out.append
    for (
        gid, pid, domain, base_score, target, due_raw, plan, hh, coord, team, closed_raw,
        points,
    ) in rows:  # fmt: skip
        due_on = to_date(due_raw) if due_raw is not None else None
        baseline: int | None = base_score
        baseline_on: date | None = None
        latest: int | None = None
        latest_on: date | None = None
        if points is not None:
            first, last = points[:11], points[11:]
            baseline_on = to_date(first[:-1])
            if baseline is None:
                baseline = int(first[-1])
            if last[:-1] > first[:-1]:
                latest, latest_on = int(last[-1]), to_date(last[:-1])
        if domain is None or latest is None:
            state = GoalState.NOT_MEASURED
        else:
            cutoff = until if closed_raw is None else min(until, to_date(closed_raw))
            state = goal_state(
                baseline=baseline,
                latest=latest,
                target=target,
                due_on=due_on,
                as_of=min(as_of, cutoff),
            )
        append(
            (gid, pid, domain, baseline, latest, latest_on, target, state, hh, plan, coord,
             team, due_on, baseline_on)
        )  # fmt: skip
    out.sort(key=lambda row: (row[8], row[9], row[0]))
    return out


def load_progress(
    session: Session,
    *,
    as_of: date,
    measured_until: date | None = None,
    team_id: str | None = None,
    household_ids: Iterable[str] | None = None,
    plan_id: str | None = None,
    person_id: str | None = None,
    coordinator_id: str | None = None,
    countable_only: bool = False,
    active_between: tuple[date, date] | None = None,
) -> list[GoalProgress]:
    """Progress of every goal in scope, in one query (person and household goals).

    ``as_of`` is the day due dates are compared with; measurements count up to
    ``measured_until`` (default ``as_of``) and never after the household's
    closing date. On equal dates the higher score is taken as the later one.
    ``countable_only`` keeps goals with a ZRM domain and a target (the ones the
    indicators count); ``active_between`` keeps households open in that period.
    Results are ordered by household, plan and goal id.
    """
    scope = _Scope(
        team_id=team_id,
        plan_id=plan_id,
        person_id=person_id,
        coordinator_id=coordinator_id,
        household_ids=tuple(household_ids) if household_ids is not None else None,
        countable_only=countable_only,
        active_between=active_between,
    )
    until = as_of if measured_until is None else measured_until
    return [
        GoalProgress(
            goal_id=r[0],
            person_id=r[1],
            domain=r[2],
            baseline=r[3],
            latest=r[4],
            latest_on=r[5],
            target=r[6],
            state=r[7],
            household_id=r[8],
            plan_id=r[9],
            coordinator_id=r[10],
            team_id=r[11],
            due_on=r[12],
            baseline_on=r[13],
        )
        for r in _evaluate(session, scope, as_of=as_of, until=until)
    ]


def countable_states(
    session: Session,
    *,
    as_of: date,
    team_id: str | None,
    active_between: tuple[date, date],
) -> list[tuple[str, str, GoalState]]:
    """(subject, household id, state) of every countable goal (ZRM domain and target) of
    the households open in ``active_between``: what the indicators need, as plain tuples
    (no ``GoalProgress`` per goal). Same rules as ``load_progress``."""
    scope = _Scope(
        team_id=team_id,
        plan_id=None,
        person_id=None,
        coordinator_id=None,
        household_ids=None,
        countable_only=True,
        active_between=active_between,
    )
    return [
        (r[1] if r[1] is not None else f"household:{r[8]}", r[8], r[7])
        for r in _evaluate(session, scope, as_of=as_of, until=as_of)
    ]


# --------------------------------------------------------------------------- public reads


def plan_progress(session: Session, plan_id: str, *, as_of: date) -> list[GoalProgress]:
    return load_progress(session, as_of=as_of, plan_id=plan_id)


def person_progress(session: Session, person_id: str, *, as_of: date) -> list[GoalProgress]:
    return load_progress(session, as_of=as_of, person_id=person_id)


def _group(progress: Iterable[GoalProgress], key: str) -> dict[str | None, GoalSummary]:
    groups: dict[str | None, list[GoalProgress]] = {}
    for p in progress:
        groups.setdefault(getattr(p, key), []).append(p)
    return {k: summarise(v) for k, v in groups.items()}


def summary_by_plan(
    session: Session, *, as_of: date, team_id: str | None = None
) -> dict[str | None, GoalSummary]:
    return _group(load_progress(session, as_of=as_of, team_id=team_id), "plan_id")


def summary_by_person(
    session: Session, *, as_of: date, team_id: str | None = None
) -> dict[str | None, GoalSummary]:
    """Keyed by ``GoalProgress.subject`` (person id or ``household:<id>``)."""
    return _group(load_progress(session, as_of=as_of, team_id=team_id), "subject")


def summary_by_coordinator(
    session: Session, *, as_of: date, team_id: str | None = None
) -> dict[str | None, GoalSummary]:
    """Per coordinating caseworker (regisseur); None = no coordinator set."""
    return _group(load_progress(session, as_of=as_of, team_id=team_id), "coordinator_id")


def summary_by_team(session: Session, *, as_of: date) -> dict[str | None, GoalSummary]:
    return _group(load_progress(session, as_of=as_of), "team_id")
