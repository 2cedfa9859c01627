"""Goal achievement (doelrealisatie): per plan goal baseline → latest → target, and its state.

Which goals
    Goals that are not tombstoned and not cancelled (``GoalStatus.CANCELLED``),
    in a plan that is not tombstoned. A goal's *subject* is its person, or the
    household itself when ``person_id`` is NULL (household instrument).

Which measurements count
    Scores of the goal's ZRM domain for the goal's subject (domain codes are
    unique across the three instruments), from measurements that are not
    tombstoned, dated on or before the *cutoff*. The cutoff is ``as_of``
    (normally today), and never later than the household's ``closed_on``:
    a measurement after the case was closed is **ignored** (the final
    measurement is normally on the closing date and still counts).

Baseline and latest
    The *baseline measurement* is the earliest counted score of the domain
    (the nulmeting). ``baseline`` is the goal's own ``baseline_score`` when the
    plan set one, otherwise the score of that baseline measurement. ``latest``
    is the most recent counted score dated **after** the baseline measurement
    (a follow-up). A single measurement is only a baseline: ``latest`` is None.

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

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import and_, exists, func, or_, select
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


def _goal_query() -> Any:
    return (
        select(
            Goal.id,
            Goal.person_id,
            Goal.zrm_domain,
            Goal.baseline_score,
            Goal.target_score,
            Goal.due_on,
            Plan.id,
            Plan.household_id,
            func.coalesce(Plan.coordinator_id, Household.coordinator_id),
            Household.team_id,
            Household.closed_on,
        )
        .join(Plan, Plan.id == Goal.plan_id)
        .join(Household, Household.id == Plan.household_id)
        .where(
            Goal.deleted.is_(False),
            Plan.deleted.is_(False),
            Household.deleted.is_(False),
            Goal.status != GoalStatus.CANCELLED,
        )
    )


def load_progress(
    session: Session,
    *,
    as_of: date,
    team_id: str | None = None,
    household_ids: Iterable[str] | None = None,
    plan_id: str | None = None,
    person_id: str | None = None,
    coordinator_id: str | None = None,
    cutoffs: Mapping[str, date] | None = None,
) -> list[GoalProgress]:
    """Progress of every goal in scope, computed with two queries.

    ``cutoffs`` (household id → date) overrides ``as_of`` as the last
    measurement date per household (still capped at the closing date); the
    indicators use it to look at a period. Results are ordered by household,
    plan and goal id.
    """
    query = _goal_query()
    household_filter = []
    if team_id is not None:
        household_filter.append(Household.team_id == team_id)
    if plan_id is not None:
        query = query.where(Plan.id == plan_id)
    if person_id is not None:
        query = query.where(Goal.person_id == person_id)
    if coordinator_id is not None:
        query = query.where(
            func.coalesce(Plan.coordinator_id, Household.coordinator_id) == coordinator_id
        )
    wanted: set[str] | None = None
    if household_ids is not None:
        wanted = set(household_ids)
        if len(wanted) <= 500:
            household_filter.append(Household.id.in_(wanted))
    query = query.where(*household_filter)
    goals: list[Any] = [
        row for row in session.execute(query).all() if wanted is None or row[7] in wanted
    ]
    if not goals:
        return []

    # Scores of the goals' subjects and domains only (correlated EXISTS on the goal scope).
    g = Goal.__table__.alias("g")
    p = Plan.__table__.alias("p")
    h = Household.__table__.alias("h")
    match = (
        select(g.c.id)
        .select_from(g.join(p, p.c.id == g.c.plan_id))
        .where(
            p.c.household_id == Assessment.household_id,
            g.c.zrm_domain == Score.domain,
            g.c.deleted.is_(False),
            or_(
                g.c.person_id == Assessment.person_id,
                and_(g.c.person_id.is_(None), Assessment.person_id.is_(None)),
            ),
        )
    )
    score_query = (
        select(
            Assessment.household_id,
            Assessment.person_id,
            Score.domain,
            Assessment.assessed_on,
            Score.score,
        )
        .join(Assessment, Assessment.id == Score.assessment_id)
        .where(Assessment.deleted.is_(False), Score.deleted.is_(False), exists(match))
        .order_by(Assessment.assessed_on, Assessment.updated_at)
    )
    if team_id is not None:
        score_query = score_query.where(
            exists(select(h.c.id).where(h.c.id == Assessment.household_id, h.c.team_id == team_id))
        )
    if plan_id is not None:
        score_query = score_query.where(
            exists(
                select(p.c.id).where(p.c.id == plan_id, p.c.household_id == Assessment.household_id)
            )
        )
    if person_id is not None:
        score_query = score_query.where(Assessment.person_id == person_id)
    if wanted is not None and len(wanted) <= 500:
        score_query = score_query.where(Assessment.household_id.in_(wanted))

    series: dict[tuple[str, str | None, str], list[tuple[date, int]]] = {}
    for hh, pid, domain, on, score in session.execute(score_query).all():
        series.setdefault((hh, pid, domain), []).append((on, score))

    out: list[GoalProgress] = []
    for row in goals:
        (gid, pid, domain, base_score, target, due_on, plan, hh, coord, team, closed_on) = row
        cutoff = cutoffs.get(hh, as_of) if cutoffs is not None else as_of  # type: ignore[arg-type]
        if closed_on is not None and closed_on < cutoff:  # type: ignore[operator]
            cutoff = closed_on
        points = [
            pt
            for pt in series.get((hh, pid, domain), ())  # type: ignore[arg-type]
            if pt[0] <= cutoff  # type: ignore[operator]
        ]
        baseline: int | None = base_score  # type: ignore[assignment]
        baseline_on: date | None = None
        latest: tuple[date, int] | None = None
        if points:
            first_on, first_score = points[0]
            if baseline is None:
                baseline = first_score
            follow_up = [pt for pt in points if pt[0] > first_on]
            baseline_on = first_on
            if follow_up:
                latest = follow_up[-1]
        state = (
            GoalState.NOT_MEASURED
            if domain is None
            else goal_state(
                baseline=baseline,
                latest=latest[1] if latest else None,
                target=target,  # type: ignore[arg-type]
                due_on=due_on,  # type: ignore[arg-type]
                as_of=min(as_of, cutoff),  # type: ignore[type-var]
            )
        )
        out.append(
            GoalProgress(
                goal_id=gid,  # type: ignore[arg-type]
                person_id=pid,  # type: ignore[arg-type]
                domain=domain,  # type: ignore[arg-type]
                baseline=baseline,
                latest=latest[1] if latest else None,
                latest_on=latest[0] if latest else None,
                target=target,  # type: ignore[arg-type]
                state=state,
                household_id=hh,  # type: ignore[arg-type]
                plan_id=plan,  # type: ignore[arg-type]
                coordinator_id=coord,  # type: ignore[arg-type]
                team_id=team,  # type: ignore[arg-type]
                due_on=due_on,  # type: ignore[arg-type]
                baseline_on=baseline_on,
            )
        )
    out.sort(key=lambda gp: (gp.household_id, gp.plan_id, gp.goal_id))
    return out


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
