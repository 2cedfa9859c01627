"""Demo data: deterministic for a seed, inside every database constraint, realistic mixes."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.demo import DemoSummary, generate_demo_data
from caseworker.demo_people import add_months
from caseworker.models import (
    Action,
    Assessment,
    ClientExperience,
    Escalation,
    FuturePlan,
    Goal,
    Household,
    HouseholdStatus,
    Intake,
    IntakeStatus,
    Person,
    PersonRole,
    Plan,
    Provision,
    Role,
    User,
    bsn_is_valid,
)
from caseworker.models.enums import Funding, ProvisionKind
from caseworker.reference import Reference
from caseworker.reference.loader import load_reference
from caseworker.services import ServiceContext
from caseworker.store import OpenStore, Store
from tests.conftest import FAST_KDF, PASSPHRASE

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def reference() -> Reference:
    return load_reference()


def _ctx() -> ServiceContext:
    return ServiceContext(
        user_id=None,
        client="test",
        today=lambda: TODAY,
        now=lambda: datetime(2026, 11, 23, 9, 0, tzinfo=UTC),
    )


def _snapshot(store: OpenStore) -> list[tuple[object, ...]]:
    with store.session() as s:
        rows = s.execute(
            select(
                Household.id, Household.name, Household.postcode, Person.id, Person.given_name,
                Person.bsn, Person.birth_date,
            ).join(Person, Person.household_id == Household.id)
        ).all()  # fmt: skip
    return sorted(tuple(r) for r in rows)


def _generate(directory: Path, reference: Reference, seed: int, n: int) -> list[tuple[object, ...]]:
    store = Store(directory).create(PASSPHRASE, FAST_KDF)
    try:
        with store.transaction() as s:
            generate_demo_data(s, _ctx(), reference, households=n, seed=seed, today=TODAY)
        return _snapshot(store)
    finally:
        store.close()


def test_same_seed_same_data_other_seed_other_data(tmp_path: Path, reference: Reference) -> None:
    first = _generate(tmp_path / "a", reference, seed=7, n=25)
    again = _generate(tmp_path / "b", reference, seed=7, n=25)
    other = _generate(tmp_path / "c", reference, seed=8, n=25)
    assert first == again
    assert len(first) >= 25
    assert {r[0] for r in first}.isdisjoint({r[0] for r in other})


@pytest.fixture(scope="module")
def demo_store(
    tmp_path_factory: pytest.TempPathFactory, reference: Reference
) -> Iterator[tuple[OpenStore, DemoSummary]]:
    """One store with 150 demo households, shared by the read-only tests below."""
    store = Store(tmp_path_factory.mktemp("demo") / "store").create(PASSPHRASE, FAST_KDF)
    with store.transaction() as s:
        summary = generate_demo_data(s, _ctx(), reference, households=150, seed=2026, today=TODAY)
    yield store, summary
    store.close()


@pytest.fixture
def demo(demo_store: tuple[OpenStore, DemoSummary]) -> DemoSummary:
    return demo_store[1]


@pytest.fixture
def demo_session(demo_store: tuple[OpenStore, DemoSummary]) -> Iterator[Session]:
    with demo_store[0].session() as s:
        yield s


def _age(birth: date) -> float:
    return (TODAY - birth).days / 365.25


def test_constraints_and_integrity_hold(
    demo_store: tuple[OpenStore, DemoSummary], demo_session: Session, reference: Reference
) -> None:
    open_store, demo = demo_store
    session = demo_session
    assert open_store.check() == []  # integrity, cipher integrity and foreign keys
    households = session.execute(select(Household)).scalars().all()
    assert len(households) == 150 == demo.households
    for hh in households:
        assert hh.postcode is not None and re.fullmatch(r"97\d\d [A-Z]{2}", hh.postcode)
        assert hh.city == "Groningen" and hh.neighbourhood and hh.team_id and hh.coordinator_id
        if hh.status is HouseholdStatus.CLOSED:
            assert hh.closing_reason in reference.closing_reasons
    persons = session.execute(select(Person)).scalars().all()
    bsns = [p.bsn for p in persons if p.bsn]
    assert bsns and all(bsn_is_valid(b) for b in bsns) and len(set(bsns)) == len(bsns)
    assert all(p.birth_date is not None and p.birth_date <= TODAY for p in persons)
    for action in session.execute(select(Action)).scalars():
        if action.step >= 3:
            assert action.justification
    for prov in session.execute(select(Provision)).scalars():
        item = reference.catalogue[prov.catalogue_code]
        assert (prov.kind, prov.law, prov.step) == (item.kind, item.law, item.step)
        assert prov.funding is not Funding.PGB or (prov.pgb_reason and item.pgb_allowed)
    for goal in session.execute(select(Goal)).scalars():
        assert goal.instrument in reference.instruments
        assert goal.zrm_domain in reference.instruments[goal.instrument].domain_codes


def test_second_run_adds_households_and_reuses_teams(
    open_store: OpenStore, ctx: ServiceContext, caseworker_user: User, reference: Reference
) -> None:
    for _ in range(2):
        with open_store.transaction() as s:
            generate_demo_data(s, ctx, reference, households=6, seed=3, today=TODAY)
    with open_store.session() as s:
        assert len(s.execute(select(Household.id)).all()) == 12
        assert len(s.execute(select(User.id)).all()) == 1 + 7 * 5  # fixture's team reused
        coordinators = set(s.execute(select(Household.coordinator_id)).scalars())
        assert caseworker_user.id in coordinators  # the only caseworker of team vinkhuizen
    assert open_store.check() == []


def test_realistic_mixes_are_present(demo_session: Session, demo: DemoSummary) -> None:
    session = demo_session
    by_hh: dict[str, list[Person]] = defaultdict(list)
    for p in session.execute(select(Person)).scalars():
        by_hh[p.household_id].append(p)
    households = {h.id: h for h in session.execute(select(Household)).scalars()}
    future = {f.person_id for f in session.execute(select(FuturePlan)).scalars()}
    provisions = session.execute(select(Provision)).scalars().all()
    youth_care = {p.person_id for p in provisions if p.law.value == "jeugdwet" and p.end_on is None}

    def single_parent_three(members: list[Person]) -> bool:
        roles = Counter(m.role for m in members)
        return roles[PersonRole.PARENT] == 1 and roles[PersonRole.CHILD] == 3 and len(members) == 4

    assert any(single_parent_three(m) for m in by_hh.values())
    assert any(len(m) == 1 and _age(m[0].birth_date) >= 75 for m in by_hh.values())  # type: ignore[arg-type]
    sixteen_half = [
        p for ms in by_hh.values() for p in ms
        if p.birth_date and 16.5 <= _age(p.birth_date) < 17.5 and p.id in youth_care
    ]  # fmt: skip
    assert any(p.id in future for p in sixteen_half)
    assert any(p.id not in future for p in sixteen_half)
    turning_18 = [
        p for ms in by_hh.values() for p in ms
        if p.birth_date and add_months(TODAY, 6) > add_months(p.birth_date, 216) > TODAY
    ]  # fmt: skip
    assert turning_18
    tailored: Counter[str] = Counter(
        p.household_id for p in provisions if p.kind is ProvisionKind.TAILORED and p.end_on is None
    )
    assert max(tailored.values()) >= 3  # stacking (seed 004)
    assert any(p.catalogue_code == "av-schuldhulpverlening" for p in provisions)  # debts
    assert any(p.note and "verzuim" in p.note.lower() for ms in by_hh.values() for p in ms)
    assert any(p.funding is Funding.PGB and p.pgb_reason for p in provisions)
    intakes = session.execute(select(Intake)).scalars().all()
    assert any(i.status is IntakeStatus.DRAFT for i in intakes)
    assert sum(1 for i in intakes if i.status is IntakeStatus.COMPLETED) > 100
    closed = [h for h in households.values() if h.status is HouseholdStatus.CLOSED]
    experiences = {e.household_id for e in session.execute(select(ClientExperience)).scalars()}
    assert closed and {h.id for h in closed} == experiences
    assert {h.closing_reason for h in closed} >= {"doelen_bereikt"}
    assert session.execute(select(Escalation)).first() is not None
    plans = session.execute(select(Plan)).scalars().all()
    assert len({p.household_id for p in plans}) == len(plans)
    per_person = Counter(
        a.person_id for a in session.execute(select(Assessment)).scalars() if a.person_id
    )
    assert per_person and set(per_person.values()) <= {1, 2, 3}
    assert max(per_person.values()) == 3
    roles = Counter(u.role for u in session.execute(select(User)).scalars())
    assert roles[Role.TEAM_LEAD] >= 1 and roles[Role.CASEWORKER] >= 8
    assert set(demo.archetypes) >= {
        "single_parent_three_children",
        "elderly_alone",
        "multi_problem",
    }


def test_agreed_demo_plans_read_back_as_agreed_revisions(demo_session: Session) -> None:
    """Demo revisions hold the same snapshot the plan service takes when a plan is agreed."""
    from caseworker.models import Plan, PlanStatus
    from caseworker.services.plan import load_plan

    plans = demo_session.execute(select(Plan).where(Plan.status == PlanStatus.AGREED)).scalars()
    checked = 0
    for plan in plans:
        view = load_plan(demo_session, plan.household_id)
        assert view.revisions, "an agreed plan has its first revision"
        assert not view.has_unagreed_changes
        checked += 1
    assert checked > 10
