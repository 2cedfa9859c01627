"""Goal achievement and team indicators on a hand-computed world (real encrypted store).

Period 2025-01-01 .. 2025-12-31, today 2026-11-23. Team A is in scope, team B
is not. Every expected number below is worked out by hand in the comments.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.models import (
    Assessment,
    CareEpisode,
    ClientExperience,
    Goal,
    GoalStatus,
    Household,
    HouseholdStatus,
    Intake,
    Person,
    PersonRole,
    Plan,
    Provision,
    ProvisionStatus,
    Referral,
    Role,
    Score,
    Team,
    User,
)
from caseworker.reference.loader import load_reference
from caseworker.reference.types import Reference
from caseworker.services import ServiceContext
from caseworker.services.closing import CloseInput, close_case, reopen_case
from caseworker.services.goal_achievement import (
    GoalState,
    GoalSummary,
    goal_state,
    load_progress,
    plan_progress,
    summary_by_coordinator,
    summary_by_person,
    summary_by_team,
)
from caseworker.services.indicators import Indicators, add_months, compute_indicators
from caseworker.store import OpenStore, Store
from tests.conftest import FAST_KDF, PASSPHRASE

START, END, TODAY = date(2025, 1, 1), date(2025, 12, 31), date(2026, 11, 23)
D = date


class World:
    """Builds rows directly; ``ids[key]`` maps readable keys to row ids."""

    def __init__(self, session: Session, reference: Reference) -> None:
        self.s = session
        self.ref = reference
        self.ids: dict[str, str] = {}
        self.plans: dict[str, str] = {}

    def _add(self, key: str | None, row: object) -> str:
        self.s.add(row)
        self.s.flush()
        rid: str = row.id  # type: ignore[attr-defined]
        if key is not None:
            self.ids[key] = rid
        return rid

    def team(self, key: str) -> None:
        self._add(key, Team(name=key, code=key))

    def user(self, key: str, team: str) -> None:
        self._add(
            key, User(username=key, display_name=key, role=Role.CASEWORKER, team_id=self.ids[team])
        )

    def household(
        self,
        key: str,
        *,
        team: str = "A",
        opened: date = date(2024, 6, 1),
        closed: date | None = None,
        reason: str | None = None,
        coordinator: str | None = None,
    ) -> None:
        self._add(
            key,
            Household(
                name=f"Familie {key}",
                team_id=self.ids[team],
                coordinator_id=self.ids[coordinator] if coordinator else None,
                status=HouseholdStatus.CLOSED if closed else HouseholdStatus.ACTIVE,
                opened_on=opened,
                closed_on=closed,
                closing_reason=reason,
            ),
        )
        # its first period of care, as households.create_household / close_case write it
        self._add(
            f"episode-{key}",
            CareEpisode(
                household_id=self.ids[key],
                opened_on=opened,
                closed_on=closed,
                closing_reason=reason,
            ),
        )

    def reopen(self, hh: str, on: date) -> None:
        """A new request after closing, as closing.reopen_case records it: a new episode."""
        household = self.s.get(Household, self.ids[hh])
        assert household is not None
        household.status = HouseholdStatus.INTAKE
        household.closed_on = household.closing_reason = None
        self._add(
            None,
            CareEpisode(
                household_id=self.ids[hh], opened_on=on, reopened_from_id=self.ids[f"episode-{hh}"]
            ),
        )

    def person(self, key: str, hh: str) -> None:
        self._add(
            key,
            Person(
                household_id=self.ids[hh], given_name=key, family_name="X", role=PersonRole.PARENT
            ),
        )

    def goal(
        self,
        key: str,
        hh: str,
        person: str | None,
        domain: str | None,
        target: int | None,
        *,
        baseline: int | None = None,
        due: date | None = None,
        status: GoalStatus = GoalStatus.OPEN,
        coordinator: str | None = None,
    ) -> None:
        if hh not in self.plans:
            self.plans[hh] = self._add(
                f"plan-{hh}",
                Plan(
                    household_id=self.ids[hh],
                    coordinator_id=self.ids[coordinator] if coordinator else None,
                ),
            )
        self._add(
            key,
            Goal(
                plan_id=self.plans[hh],
                person_id=self.ids[person] if person else None,
                description=key,
                zrm_domain=domain,
                target_score=target,
                baseline_score=baseline,
                due_on=due,
                status=status,
            ),
        )

    def measure(
        self,
        hh: str,
        person: str | None,
        on: date,
        scores: dict[str, int],
        *,
        instrument: str = "zrm-2017",
        deleted: bool = False,
    ) -> None:
        aid = self._add(
            None,
            Assessment(
                household_id=self.ids[hh],
                person_id=self.ids[person] if person else None,
                instrument=instrument,
                assessed_on=on,
                deleted=deleted,
            ),
        )
        for domain, score in scores.items():
            self.s.add(Score(assessment_id=aid, domain=domain, score=score))
        self.s.flush()

    def provision(
        self,
        hh: str,
        code: str,
        start: date,
        end: date | None = None,
        *,
        person: str | None = None,
        status: ProvisionStatus = ProvisionStatus.GRANTED,
        cost: int | None = None,
        period: str | None = None,
        kind_of: str | None = None,
    ) -> None:
        item = self.ref.catalogue[kind_of or code]
        self._add(
            None,
            Provision(
                household_id=self.ids[hh],
                person_id=self.ids[person] if person else None,
                catalogue_code=code,
                kind=item.kind,
                law=item.law,
                step=item.step,
                start_on=start,
                end_on=end,
                status=status,
                cost_cents_per_period=cost,
                cost_period=period,
            ),
        )

    def referral(self, hh: str, on: date) -> None:
        self._add(None, Referral(household_id=self.ids[hh], referral_source="zelf", received_on=on))

    def intake(self, hh: str, on: date) -> None:
        self._add(None, Intake(household_id=self.ids[hh], started_on=on))

    def experience(
        self, hh: str, on: date, answers: tuple[int | None, ...], *, deleted: bool = False
    ) -> None:
        names = ("own_control", "self_reliance", "quality_of_life", "fits_request")
        values = dict(zip((*names, "support_quality"), answers, strict=True))
        self._add(
            None,
            ClientExperience(household_id=self.ids[hh], recorded_on=on, deleted=deleted, **values),
        )

    def key_of(self, ids: tuple[str, ...]) -> set[str]:
        back = {v: k for k, v in self.ids.items()}
        return {back[i] for i in ids}


def build(w: World) -> None:
    w.team("A")
    w.team("B")
    w.user("u1", "A")
    w.user("u2", "A")

    # ---- goal realisation -------------------------------------------------------------
    # H1: P1a reached (2 goals reached; a cancelled unreached goal and a tombstoned
    # later measurement are ignored); P1b on track (not reached); P1c has only a goal
    # without target and a goal with target but no domain -> not a client;
    # the household goal (hh_financien 2 -> 4, target 4) -> client "household:H1" reached.
    w.household("H1", coordinator="u1")
    for p in ("P1a", "P1b", "P1c"):
        w.person(p, "H1")
    w.goal("g1a-fin", "H1", "P1a", "financien", 4)
    w.goal("g1a-hv", "H1", "P1a", "huisvesting", 3)
    w.goal("g1a-cancel", "H1", "P1a", "middelengebruik", 5, status=GoalStatus.CANCELLED)
    w.goal("g1b-werk", "H1", "P1b", "werk_opleiding", 3, due=D(2026, 6, 1))
    w.goal("g1c-notarget", "H1", "P1c", "justitie", None)
    w.goal("g1c-nodomain", "H1", "P1c", None, 4)
    w.goal("g1-hh", "H1", None, "hh_financien", 4)
    w.measure("H1", "P1a", D(2025, 1, 10), {"financien": 2, "huisvesting": 2, "middelengebruik": 2})
    w.measure("H1", "P1a", D(2025, 6, 1), {"financien": 4, "huisvesting": 3, "middelengebruik": 3})
    w.measure("H1", "P1a", D(2025, 10, 1), {"financien": 1}, deleted=True)
    w.measure("H1", "P1b", D(2025, 1, 10), {"werk_opleiding": 1, "justitie": 5})
    w.measure("H1", "P1b", D(2025, 7, 1), {"werk_opleiding": 2})
    w.measure("H1", "P1c", D(2025, 1, 10), {"justitie": 2})
    w.measure("H1", "P1c", D(2025, 7, 1), {"justitie": 4})
    w.measure("H1", None, D(2025, 1, 10), {"hh_financien": 2}, instrument="zrm-household")
    w.measure("H1", None, D(2025, 9, 1), {"hh_financien": 4}, instrument="zrm-household")

    # H2 (plan coordinator u2 overrides household coordinator u1): P2a only a baseline ->
    # not measured; P2b's follow-up is after the period -> not measured.
    w.household("H2", coordinator="u1")
    w.person("P2a", "H2")
    w.person("P2b", "H2")
    w.goal("g2a-fin", "H2", "P2a", "financien", 4, coordinator="u2")
    w.goal("g2a-notarget", "H2", "P2a", "huisvesting", None)
    w.goal("g2b-fin", "H2", "P2b", "financien", 3)
    w.measure("H2", "P2a", D(2025, 2, 1), {"financien": 2, "huisvesting": 2})
    w.measure("H2", "P2b", D(2025, 2, 1), {"financien": 2})
    w.measure("H2", "P2b", D(2026, 2, 1), {"financien": 3})

    # H3 closed 2025-05-31 (goals reached): the measurement on the closing day counts
    # (3 < 4: not reached), the one after closure (5) is ignored.
    w.household("H3", closed=D(2025, 5, 31), reason="doelen_bereikt", coordinator="u1")
    w.person("P3a", "H3")
    w.goal("g3a-fin", "H3", "P3a", "financien", 4)
    w.measure("H3", "P3a", D(2025, 1, 5), {"financien": 2})
    w.measure("H3", "P3a", D(2025, 5, 31), {"financien": 3})
    w.measure("H3", "P3a", D(2025, 8, 1), {"financien": 5})

    # H4 closed before the period: its reached goal does not count.
    w.household("H4", closed=D(2024, 10, 1), reason="doelen_bereikt")
    w.person("P4a", "H4")
    w.goal("g4a-fin", "H4", "P4a", "financien", 3)
    w.measure("H4", "P4a", D(2024, 1, 1), {"financien": 1})
    w.measure("H4", "P4a", D(2024, 9, 1), {"financien": 3})

    # Team B: a reached client, only visible without team scope.
    w.household("HB", team="B", closed=D(2025, 4, 1), reason="doelen_bereikt")
    w.person("PBa", "HB")
    w.goal("gB-fin", "HB", "PBa", "financien", 3)
    w.measure("HB", "PBa", D(2025, 1, 1), {"financien": 1})
    w.measure("HB", "PBa", D(2025, 3, 1), {"financien": 3})
    w.provision("HB", "wmo-beschermd-wonen", D(2024, 1, 1))

    # ---- provisions: step-down, stacking, users per category, cost ----------------
    w.household("S1")  # dagbesteding ended in period, nothing new -> sustained
    w.provision("S1", "wmo-dagbesteding", D(2024, 3, 1), D(2025, 3, 31))
    w.household("S2")  # ended, new maatwerk within 12 months -> not sustained
    w.person("C2", "S2")
    w.provision("S2", "jw-ambulant", D(2024, 5, 1), D(2025, 4, 30), person="C2")
    w.provision("S2", "jw-ambulant-specialistisch", D(2025, 10, 1), person="C2")
    w.household("S3")  # reduced: io-middel replaced by cheaper io-licht next day -> sustained
    w.person("P3", "S3")
    w.provision(
        "S3", "wmo-io-middel", D(2024, 7, 1), D(2025, 6, 30), person="P3", cost=14000, period="week"
    )
    w.provision("S3", "wmo-io-licht", D(2025, 7, 1), person="P3", cost=7000, period="week")
    w.household("S4")  # ended 2025-12-31: follow-up runs to 2026-12-31 > today -> pending
    w.provision("S4", "wmo-io-zwaar", D(2025, 1, 1), D(2025, 12, 31))
    w.household("S5")  # ended 2025-02-28, new one 2026-03-15 (after 12 months) -> sustained
    w.provision("S5", "wmo-dagbesteding", D(2024, 1, 1), D(2025, 2, 28))
    w.provision("S5", "wmo-dagbesteding", D(2026, 3, 15))
    w.household("S6")  # maatwerk running all year; an unknown code; a 'once' cost from 2024
    w.provision("S6", "wmo-beschermd-wonen", D(2024, 1, 1), cost=365000, period="year")
    w.provision(
        "S6", "xx-oude-code", D(2024, 5, 1), cost=50000, period="once", kind_of="av-buurtcentrum"
    )
    w.household("S7")  # only a general provision: not in the maatwerk denominators
    w.provision("S7", "wmo-hh1", D(2024, 1, 1), D(2025, 5, 1))
    w.household("S8")  # maatwerk ended before the period; a proposed one is not active
    w.provision("S8", "wmo-io-licht", D(2024, 1, 1), D(2024, 12, 31))
    w.provision("S8", "wmo-io-licht", D(2025, 2, 1), status=ProvisionStatus.PROPOSED)
    w.household("K1")  # three maatwerk at once from 2025-05-01 -> stacking
    w.person("CK", "K1")
    w.provision("K1", "wmo-dagbesteding", D(2025, 2, 1), cost=10000, period="month")
    w.provision("K1", "wmo-io-licht", D(2025, 3, 1))
    w.provision("K1", "jw-ambulant", D(2025, 5, 1), person="CK")
    w.household("K2")  # three maatwerk, never more than two at once -> no stacking
    w.provision("K2", "wmo-kortdurend-verblijf", D(2025, 1, 1), D(2025, 3, 31))
    w.provision("K2", "wmo-vervoersvoorziening", D(2025, 4, 1), D(2025, 6, 30))
    w.provision(
        "K2", "wmo-woonvoorziening", D(2025, 3, 31), D(2025, 4, 15), cost=250000, period="once"
    )

    # ---- closures: sustained exit and relapse --------------------------------------
    w.household("E1", closed=D(2025, 3, 15), reason="doelen_bereikt")
    w.referral("E1", D(2025, 10, 1))  # reopened within 12 months
    w.reopen("E1", D(2025, 10, 1))
    w.household("E2", closed=D(2025, 2, 1), reason="doelen_bereikt")
    w.referral("E2", D(2026, 3, 1))  # reopened after 13 months
    w.reopen("E2", D(2026, 3, 1))
    w.household("E3", closed=D(2025, 4, 1), reason="verhuisd")
    w.household("E4", closed=D(2025, 12, 15), reason="doelen_bereikt")  # follow-up not over
    w.household("E5", closed=D(2025, 6, 30), reason="gestopt_door_client")
    w.intake("E5", D(2025, 9, 1))  # a new intake is a new request
    w.reopen("E5", D(2025, 9, 1))
    w.household("E6", opened=D(2024, 1, 1), closed=D(2024, 11, 1), reason="doelen_bereikt")
    w.referral("E6", D(2025, 2, 1))
    w.reopen("E6", D(2025, 2, 1))
    w.household("E7", closed=D(2025, 1, 20), reason="doelen_bereikt")
    w.referral("E7", D(2025, 1, 10))  # before the closure, in the same episode: not new

    # ---- client experience at closure ------------------------------------------------
    w.experience("H3", D(2025, 5, 31), (4, 5, 3, 4, None))
    w.experience("E1", D(2025, 3, 15), (2, 4, 4, 5, 3))
    w.experience("E2", D(2025, 2, 1), (5, 5, None, 1, 4))
    w.experience("E6", D(2024, 11, 1), (1, 1, 1, 1, 1))  # outside the period
    w.experience("HB", D(2025, 4, 1), (1, 1, 1, 1, 1))  # other team
    w.experience("E3", D(2025, 4, 1), (1, 1, 1, 1, 1), deleted=True)


@pytest.fixture(scope="module")
def reference() -> Reference:
    return load_reference()


@pytest.fixture(scope="module")
def world(
    tmp_path_factory: pytest.TempPathFactory, reference: Reference
) -> Iterator[tuple[OpenStore, World]]:
    path: Path = tmp_path_factory.mktemp("indicators") / "store"
    opened = Store(path).create(PASSPHRASE, FAST_KDF)
    try:
        with opened.transaction() as s:
            w = World(s, reference)
            build(w)
        yield opened, w
    finally:
        opened.close()


@pytest.fixture(scope="module")
def team_a(world: tuple[OpenStore, World], reference: Reference) -> Indicators:
    store, w = world
    with store.session() as s:
        return compute_indicators(
            s, reference, team_id=w.ids["A"], period_start=START, period_end=END, today=TODAY
        )


def keys(w: World, ids: tuple[str, ...]) -> set[str]:
    return w.key_of(ids)


# --------------------------------------------------------------------------- goal state rule


@pytest.mark.parametrize(
    ("baseline", "latest", "target", "due", "expected"),
    [
        (2, None, 4, None, GoalState.NOT_MEASURED),
        (2, 4, 4, None, GoalState.REACHED),
        (2, 5, 4, D(2020, 1, 1), GoalState.REACHED),
        (2, 3, 4, D(2020, 1, 1), GoalState.ON_TRACK),  # improved, even when overdue
        (2, 2, 4, None, GoalState.ON_TRACK),
        (2, 2, 4, D(2025, 6, 1), GoalState.ON_TRACK),  # due date is as_of: not passed
        (2, 2, 4, D(2025, 5, 31), GoalState.BEHIND),
        (3, 2, 4, None, GoalState.BEHIND),  # went down
        (2, 3, None, None, GoalState.ON_TRACK),  # no target: never reached
    ],
)
def test_goal_state_rule(
    baseline: int, latest: int | None, target: int | None, due: date | None, expected: GoalState
) -> None:
    state = goal_state(
        baseline=baseline, latest=latest, target=target, due_on=due, as_of=D(2025, 6, 1)
    )
    assert state is expected


def test_add_months_clips_the_day() -> None:
    assert add_months(D(2024, 2, 29), 12) == D(2025, 2, 28)
    assert add_months(D(2025, 3, 31), 11) == D(2026, 2, 28)
    assert add_months(D(2025, 12, 15), 12) == D(2026, 12, 15)


# --------------------------------------------------------------------------- goal achievement


def test_plan_progress_baseline_latest_target(world: tuple[OpenStore, World]) -> None:
    store, w = world
    with store.session() as s:
        progress = {p.goal_id: p for p in plan_progress(s, w.plans["H1"], as_of=TODAY)}
        closed = {p.goal_id: p for p in plan_progress(s, w.plans["H3"], as_of=TODAY)}
    fin = progress[w.ids["g1a-fin"]]
    assert (fin.baseline, fin.latest, fin.latest_on, fin.target, fin.state) == (
        2,
        4,
        D(2025, 6, 1),
        4,
        GoalState.REACHED,
    )
    assert fin.baseline_on == D(2025, 1, 10)
    werk = progress[w.ids["g1b-werk"]]
    assert (werk.baseline, werk.latest, werk.state) == (1, 2, GoalState.ON_TRACK)
    assert progress[w.ids["g1c-nodomain"]].state is GoalState.NOT_MEASURED
    notarget = progress[w.ids["g1c-notarget"]]
    assert (notarget.baseline, notarget.latest, notarget.target) == (2, 4, None)
    assert notarget.state is GoalState.ON_TRACK
    hh = progress[w.ids["g1-hh"]]
    assert (hh.person_id, hh.baseline, hh.latest, hh.state) == (None, 2, 4, GoalState.REACHED)
    assert w.ids["g1a-cancel"] not in progress  # cancelled goals are left out
    after_closure = closed[w.ids["g3a-fin"]]  # 2025-08-01 (5) is after closing: ignored
    assert (after_closure.latest, after_closure.latest_on) == (3, D(2025, 5, 31))
    assert after_closure.state is GoalState.ON_TRACK


def test_plan_baseline_score_wins_over_first_measurement(
    open_store: OpenStore, reference: Reference
) -> None:
    with open_store.transaction() as s:
        w = World(s, reference)
        w.team("A")
        w.household("H")
        w.person("P", "H")
        w.goal("g", "H", "P", "financien", 4, baseline=1, due=D(2026, 1, 1))
        w.measure("H", "P", D(2025, 1, 1), {"financien": 2})
        only_baseline = load_progress(s, as_of=TODAY, plan_id=w.plans["H"])[0]
        w.measure("H", "P", D(2025, 6, 1), {"financien": 1})
        progress = load_progress(s, as_of=TODAY, plan_id=w.plans["H"])[0]
    assert (only_baseline.baseline, only_baseline.latest) == (1, None)
    assert only_baseline.state is GoalState.NOT_MEASURED
    assert (progress.baseline, progress.latest, progress.state) == (1, 1, GoalState.BEHIND)


def test_progress_scope_filters(world: tuple[OpenStore, World]) -> None:
    store, w = world
    with store.session() as s:
        by_households = load_progress(s, as_of=TODAY, household_ids=[w.ids["H2"], w.ids["H3"]])
        by_coordinator = load_progress(s, as_of=TODAY, coordinator_id=w.ids["u2"])
        by_person = load_progress(s, as_of=TODAY, person_id=w.ids["P1a"])
        countable = load_progress(
            s,
            as_of=END,
            team_id=w.ids["A"],
            countable_only=True,
            active_between=(START, END),
        )
        measured_until = load_progress(
            s, as_of=TODAY, measured_until=D(2025, 3, 1), plan_id=w.plans["H1"]
        )
    assert {p.goal_id for p in by_households} == {
        w.ids[k] for k in ("g2a-fin", "g2a-notarget", "g2b-fin", "g3a-fin")
    }
    assert {p.goal_id for p in by_coordinator} == {
        w.ids[k] for k in ("g2a-fin", "g2a-notarget", "g2b-fin")
    }
    assert {p.goal_id for p in by_person} == {w.ids["g1a-fin"], w.ids["g1a-hv"]}
    # with a target and a domain, in households open in 2025 (not H4, not team B)
    assert {p.goal_id for p in countable} == {
        w.ids[k]
        for k in ("g1a-fin", "g1a-hv", "g1b-werk", "g1-hh", "g2a-fin", "g2b-fin", "g3a-fin")
    }
    # until 2025-03-01 only the January baselines exist: nothing measured yet
    assert {p.state for p in measured_until} == {GoalState.NOT_MEASURED}


def test_summaries_per_person_coordinator_and_team(world: tuple[OpenStore, World]) -> None:
    store, w = world
    with store.session() as s:
        by_coord = summary_by_coordinator(s, as_of=TODAY, team_id=w.ids["A"])
        by_team = summary_by_team(s, as_of=TODAY)
        by_person = summary_by_person(s, as_of=TODAY, team_id=w.ids["A"])
    # u1: H1 (6 goals: fin R, hv R, werk T, notarget T, nodomain N, hh R) + H3 (fin T)
    assert by_coord[w.ids["u1"]] == GoalSummary(reached=3, on_track=3, behind=0, not_measured=1)
    # u2 (plan coordinator of H2): P2a fin N, P2a no-target N (one measurement each);
    # P2b fin reached: as of today the 2026-02-01 follow-up (2 -> 3) counts.
    assert by_coord[w.ids["u2"]] == GoalSummary(reached=1, on_track=0, behind=0, not_measured=2)
    assert by_coord[None] == GoalSummary(reached=1)  # H4 has no coordinator
    assert by_team[w.ids["A"]].total == 7 + 3 + 1
    assert by_team[w.ids["B"]] == GoalSummary(reached=1)
    assert by_person[f"household:{w.ids['H1']}"] == GoalSummary(reached=1)
    assert by_person[w.ids["P1a"]] == GoalSummary(reached=2)
    assert by_person[w.ids["P1a"]].reached_share == 1.0
    assert GoalSummary(not_measured=2).reached_share is None


# --------------------------------------------------------------------------- indicators


def test_goal_realisation(team_a: Indicators, world: tuple[OpenStore, World]) -> None:
    _, w = world
    ind = team_a.goal_realisation
    # clients: P1a R, P1b -, household:H1 R, P2a N, P2b N (follow-up after period), P3a -
    assert (ind.numerator, ind.denominator) == (2, 6)
    assert ind.value == pytest.approx(2 / 6)
    assert keys(w, ind.household_ids) == {"H1"}
    assert keys(w, ind.denominator_household_ids) == {"H1", "H2", "H3"}
    assert keys(w, ind.extra["not_measured"]) == {"H2"}
    assert keys(w, ind.extra["not_measured_clients"]) == {"P2a", "P2b"}
    reached = set(ind.extra["reached_clients"])
    assert reached == {w.ids["P1a"], f"household:{w.ids['H1']}"}


def test_sustained_step_down(team_a: Indicators, world: tuple[OpenStore, World]) -> None:
    _, w = world
    ind = team_a.sustained_step_down
    # denominator: maatwerk active in 2025: S1..S6, K1, K2 (not S7 general, not S8 ended 2024)
    # numerator: S1 (nothing new), S3 (cheaper replacement), S5 (new after 12 months),
    # K2 (vervoersvoorziening ended 06-30, nothing new after it)
    assert keys(w, ind.denominator_household_ids) == {
        "S1",
        "S2",
        "S3",
        "S4",
        "S5",
        "S6",
        "K1",
        "K2",
    }
    assert keys(w, ind.household_ids) == {"S1", "S3", "S5", "K2"}
    assert (ind.numerator, ind.denominator, ind.value) == (4, 8, 0.5)
    assert keys(w, ind.extra["pending"]) == {"S4"}


def test_sustained_exit_and_relapse(team_a: Indicators, world: tuple[OpenStore, World]) -> None:
    _, w = world
    closed = {"H3", "E1", "E2", "E3", "E4", "E5", "E7"}  # closed in 2025, team A
    ex = team_a.sustained_exit
    assert keys(w, ex.denominator_household_ids) == closed
    # H3, E2 (request after 13 months), E7 (request before closure); not E1 (relapse),
    # E3/E5 (other reasons), E4 (12 months not over yet: pending)
    assert keys(w, ex.household_ids) == {"H3", "E2", "E7"}
    assert (ex.numerator, ex.denominator) == (3, 7)
    assert keys(w, ex.extra["pending"]) == {"E4"}
    rel = team_a.relapse
    assert keys(w, rel.household_ids) == {"E1", "E5"}
    assert (rel.numerator, rel.denominator) == (2, 7)
    assert keys(w, rel.extra["pending"]) == {"E4"}


def test_stacking(team_a: Indicators, world: tuple[OpenStore, World]) -> None:
    _, w = world
    ind = team_a.stacking
    assert keys(w, ind.household_ids) == {"K1"}
    assert (ind.numerator, ind.denominator) == (1, 8)


def test_users_per_category(team_a: Indicators, world: tuple[OpenStore, World]) -> None:
    _, w = world
    table = {
        u.category: (u.persons, u.households, keys(w, u.household_ids))
        for u in team_a.users_per_category
    }
    assert table == {
        "beschermd_wonen": (0, 1, {"S6"}),
        "groepsgerichte_ondersteuning": (0, 3, {"S1", "S5", "K1"}),
        "individuele_ondersteuning": (1, 4, {"S3", "S4", "S7", "K1"}),
        "jeugdhulp_ambulant": (2, 2, {"S2", "K1"}),
        "kortdurend_verblijf": (0, 1, {"K2"}),
        "vervoer_woonvoorzieningen": (0, 1, {"K2"}),
        "onbekend": (0, 1, {"S6"}),
    }


def test_client_experience(team_a: Indicators, world: tuple[OpenStore, World]) -> None:
    _, w = world
    q = {e.question: e for e in team_a.client_experience}
    assert list(q) == [
        "own_control",
        "self_reliance",
        "quality_of_life",
        "fits_request",
        "support_quality",
    ]
    own = q["own_control"]  # 4, 2, 5
    assert (own.answers, own.distribution, own.agree) == (3, (0, 1, 0, 1, 1), 2)
    assert own.mean == pytest.approx(11 / 3)
    assert own.value == pytest.approx(2 / 3)
    assert keys(w, own.household_ids) == {"H3", "E1", "E2"}
    sr = q["self_reliance"]  # 5, 4, 5
    assert (sr.answers, sr.distribution, sr.agree, sr.value) == (3, (0, 0, 0, 1, 2), 3, 1.0)
    qol = q["quality_of_life"]  # 3, 4
    assert (qol.answers, qol.mean, qol.distribution) == (2, 3.5, (0, 0, 1, 1, 0))
    assert keys(w, qol.household_ids) == {"H3", "E1"}
    fits = q["fits_request"]  # 4, 5, 1
    assert (fits.distribution, fits.agree) == ((1, 0, 0, 1, 1), 2)
    sq = q["support_quality"]  # None, 3, 4
    assert (sq.answers, sq.mean, sq.agree) == (2, 3.5, 1)
    assert keys(w, sq.household_ids) == {"E1", "E2"}


def test_cost_per_household(team_a: Indicators, world: tuple[OpenStore, World]) -> None:
    _, w = world
    by_key = {k: team_a.cost_by_household[w.ids[k]] for k in ("S3", "S6", "K1", "K2")}
    assert by_key == {
        # io-middel 2000/day x 181 days (jan-jun) + io-licht 1000/day x 184 days (jul-dec)
        "S3": 362_000 + 184_000,
        # beschermd wonen 365000/year x 365 days; the 'once' cost started in 2024: not counted
        "S6": 365_000,
        # dagbesteding 10000/month from 1 Feb: 10000 x 12 / 365 x 334 days = 109808.2
        "K1": 109_808,
        # woonvoorziening once, started in the period
        "K2": 250_000,
    }
    assert set(team_a.cost_by_household) == {w.ids[k] for k in by_key}
    cost = team_a.cost_per_household
    assert (cost.numerator, cost.denominator, cost.unit) == (1_270_808, 4, "cents")
    assert cost.value == pytest.approx(1_270_808 / 4)


def test_scope_all_teams_and_other_periods(
    world: tuple[OpenStore, World], reference: Reference
) -> None:
    store, w = world
    with store.session() as s:
        everyone = compute_indicators(
            s, reference, team_id=None, period_start=START, period_end=END, today=TODAY
        )
        team_b = compute_indicators(
            s, reference, team_id=w.ids["B"], period_start=START, period_end=END, today=TODAY
        )
        year_2024 = compute_indicators(
            s,
            reference,
            team_id=w.ids["A"],
            period_start=D(2024, 1, 1),
            period_end=D(2024, 12, 31),
            today=TODAY,
        )
        with pytest.raises(ValueError):
            compute_indicators(
                s, reference, team_id=None, period_start=END, period_end=START, today=TODAY
            )
    # team B adds client PBa (reached) and closure HB (goals reached, no request)
    assert (everyone.goal_realisation.numerator, everyone.goal_realisation.denominator) == (3, 7)
    assert (everyone.sustained_exit.numerator, everyone.sustained_exit.denominator) == (4, 8)
    assert (team_b.goal_realisation.numerator, team_b.goal_realisation.denominator) == (1, 1)
    assert keys(w, team_b.stacking.denominator_household_ids) == {"HB"}
    assert team_b.client_experience[0].answers == 1
    # 2024: H1-H4 were all active; only H4's client has a follow-up in 2024 (reached),
    # the six clients of H1-H3 are not measured yet; E6 closed 2024-11-01 relapsed
    # (referral 2025-02-01); H4 closed 2024-10-01 without request: sustained exit.
    assert (year_2024.goal_realisation.numerator, year_2024.goal_realisation.denominator) == (1, 7)
    assert len(year_2024.goal_realisation.extra["not_measured_clients"]) == 6
    assert keys(w, year_2024.relapse.household_ids) == {"E6"}
    assert keys(w, year_2024.sustained_exit.household_ids) == {"H4"}
    # S8's io-licht ended 2024-12-31 with nothing new after it: sustained step-down in 2024
    assert "S8" in keys(w, year_2024.sustained_step_down.household_ids)


def test_empty_scope_gives_no_values(world: tuple[OpenStore, World], reference: Reference) -> None:
    store, _ = world
    with store.session() as s:
        none = compute_indicators(
            s, reference, team_id="no-such-team", period_start=START, period_end=END, today=TODAY
        )
    assert all(i.value is None and i.denominator == 0 for i in none.shares)
    assert none.cost_per_household.value is None
    assert none.users_per_category == ()
    assert all(q.answers == 0 and q.mean is None for q in none.client_experience)


def _on(ctx: ServiceContext, day: date) -> ServiceContext:
    return replace(
        ctx, today=lambda: day, now=lambda: datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    )


def test_closures_before_a_reopen_come_from_the_closing_service(
    open_store: OpenStore, ctx: ServiceContext, reference: Reference
) -> None:
    """close_case / reopen_case clear the closing fields; the earlier closure still counts."""
    with open_store.transaction() as s:
        team_id = s.execute(select(Team.id)).scalar_one()
        ids = {}
        for key in ("R1", "R2", "R3"):
            hh = Household(name=key, team_id=team_id, opened_on=D(2024, 6, 1))
            s.add(hh)
            s.flush()
            ids[key] = hh.id
        # R1: closed with goals reached, reopened after 6 months: relapse, no sustained exit
        close_case(
            s, _on(ctx, D(2025, 3, 1)), ids["R1"], CloseInput("doelen_bereikt", D(2025, 3, 1))
        )
        reopen_case(s, _on(ctx, D(2025, 9, 1)), ids["R1"])
        # R2: closed with goals reached, reopened after 13 months: sustained exit, no relapse
        close_case(
            s, _on(ctx, D(2025, 2, 1)), ids["R2"], CloseInput("doelen_bereikt", D(2025, 2, 1))
        )
        reopen_case(s, _on(ctx, D(2026, 3, 5)), ids["R2"])
        # R3: moved away, back within 2 months, then closed with goals reached
        close_case(s, _on(ctx, D(2025, 2, 1)), ids["R3"], CloseInput("verhuisd", D(2025, 2, 1)))
        reopen_case(s, _on(ctx, D(2025, 4, 1)), ids["R3"])
        close_case(
            s, _on(ctx, D(2025, 6, 1)), ids["R3"], CloseInput("doelen_bereikt", D(2025, 6, 1))
        )
        result = compute_indicators(
            s, reference, team_id=team_id, period_start=START, period_end=END, today=TODAY
        )
    back = {v: k for k, v in ids.items()}
    exit_, relapse = result.sustained_exit, result.relapse
    assert {back[h] for h in exit_.denominator_household_ids} == {"R1", "R2", "R3"}
    assert {back[h] for h in exit_.household_ids} == {"R2", "R3"}
    assert {back[h] for h in relapse.household_ids} == {"R1", "R3"}
    assert (exit_.numerator, relapse.numerator, relapse.denominator) == (2, 2, 3)
