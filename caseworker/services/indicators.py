"""The team's indicators (seeds 000, 001, 004) for a period, computed set-based.

``compute_indicators`` runs a handful of queries (households, care episodes,
provisions, client experiences, goals and their first / latest scores) and does
the rest in Python (``indicators_provisions``, ``indicators_closures``); every
figure carries its numerator, denominator and the household ids behind it, so
the dashboard can open the households behind a number.

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
    beëindiging". Closures are the household's care episodes (``CareEpisode``)
    closed in the period. Denominator: households with such a closure (any
    reason). Numerator: its last closure in the period has a closing reason
    marked ``goals_reached`` and no new request within 12 months, those 12
    months having passed by ``today`` (otherwise ``extra["pending"]``). A *new
    request* is a new episode of the household (``closing.reopen_case`` opens
    one) opened on or after the closing date. A household closed more than once
    in the period counts once.

``relapse`` — terugval / hergebruik (seed 000). Denominator: households with an
    episode closed in the period. Numerator: those with a new episode opened
    within 12 months after any of their closures in the period, as known on
    ``today``. A new episode after 12 months is not a relapse.

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

from collections import defaultdict
from datetime import date

from sqlalchemy.orm import Session

from caseworker.reference.types import Reference

from .goal_achievement import GoalState, countable_states
from .indicators_closures import client_experience, closures, load_episodes
from .indicators_provisions import (
    UNKNOWN_CATEGORY,
    cost,
    load_provisions,
    stacking,
    step_down,
    users_per_category,
)
from .indicators_types import (
    FOLLOW_UP_MONTHS,
    CategoryUsage,
    ExperienceQuestion,
    Indicator,
    Indicators,
    add_months,
    make_indicator,
)

__all__ = [
    "FOLLOW_UP_MONTHS",
    "UNKNOWN_CATEGORY",
    "CategoryUsage",
    "ExperienceQuestion",
    "Indicator",
    "Indicators",
    "add_months",
    "compute_indicators",
]


def _goal_realisation(
    session: Session, team_id: str | None, start: date, end: date, cutoff: date
) -> Indicator:
    clients: dict[str, list[GoalState]] = defaultdict(list)
    client_household: dict[str, str] = {}
    for subject, household_id, state in countable_states(
        session, as_of=cutoff, team_id=team_id, active_between=(start, end)
    ):
        clients[subject].append(state)
        client_household[subject] = household_id
    reached: set[str] = set()
    not_measured: set[str] = set()
    for subject, states in clients.items():
        measured = [s for s in states if s is not GoalState.NOT_MEASURED]
        if not measured:
            not_measured.add(subject)
        elif all(s is GoalState.REACHED for s in measured):
            reached.add(subject)
    hh = client_household
    return make_indicator(
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
    cutoff = min(period_end, today)
    provisions = load_provisions(session, team_id)
    exit_indicator, relapse_indicator = closures(
        load_episodes(session, team_id), reference, period_start, period_end, today
    )
    cost_indicator, by_household = cost(provisions, period_start, period_end)
    return Indicators(
        team_id=team_id,
        period_start=period_start,
        period_end=period_end,
        today=today,
        goal_realisation=_goal_realisation(session, team_id, period_start, period_end, cutoff),
        sustained_step_down=step_down(provisions, reference, period_start, period_end, today),
        sustained_exit=exit_indicator,
        relapse=relapse_indicator,
        stacking=stacking(provisions, period_start, period_end),
        cost_per_household=cost_indicator,
        users_per_category=users_per_category(provisions, reference, period_start, period_end),
        client_experience=client_experience(session, team_id, period_start, period_end),
        cost_by_household=by_household,
    )
