"""ZRM measurements: validation, audit, tombstones, history, comparison and chart data."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.models import (
    Assessment,
    AssessmentKind,
    AuditEvent,
    Goal,
    GoalStatus,
    Household,
    Person,
    PersonRole,
    Plan,
    Score,
)
from caseworker.reference.loader import load_reference
from caseworker.reference.types import Reference
from caseworker.services import ServiceContext
from caseworker.services.assessments import (
    AssessmentInput,
    DomainChange,
    compare_with_previous,
    get_assessment,
    history,
    latest_scores,
    radar_data,
    record_assessment,
    remove_assessment,
    trend_data,
    update_assessment,
)
from caseworker.services.audit import verify_chain
from caseworker.services.errors import NotFound, ValidationError
from caseworker.store import OpenStore


@pytest.fixture(scope="module")
def reference() -> Reference:
    return load_reference()


@pytest.fixture
def family(open_store: OpenStore) -> dict[str, str]:
    with open_store.transaction() as s:
        hh = Household(name="Familie Test", opened_on=date(2026, 1, 5))
        other = Household(name="Familie Ander", opened_on=date(2026, 1, 5))
        s.add_all([hh, other])
        s.flush()
        mother = Person(
            household_id=hh.id, given_name="Moeder", family_name="T", role=PersonRole.PARENT
        )
        child = Person(
            household_id=hh.id, given_name="Kind", family_name="T", role=PersonRole.CHILD
        )
        stranger = Person(
            household_id=other.id, given_name="Buur", family_name="A", role=PersonRole.PARENT
        )
        s.add_all([mother, child, stranger])
        s.flush()
        return {
            "household": hh.id,
            "mother": mother.id,
            "child": child.id,
            "stranger": stranger.id,
        }


def _input(family: dict[str, str], **kw: object) -> AssessmentInput:
    values: dict[str, object] = {
        "household_id": family["household"],
        "person_id": family["mother"],
        "instrument": "zrm-2017",
        "assessed_on": date(2026, 2, 1),
        "kind": AssessmentKind.BASELINE,
        "scores": {"financien": 1, "huisvesting": 3},
        "notes": {"financien": "schulden bij energie"},
        "note": " eerste meting ",
    }
    values.update(kw)
    return AssessmentInput(**values)  # type: ignore[arg-type]


def test_record_stores_scores_notes_and_audits(
    session: Session, ctx: ServiceContext, reference: Reference, family: dict[str, str]
) -> None:
    aid = record_assessment(session, ctx, reference, _input(family))
    session.commit()
    view = get_assessment(session, aid)
    assert view.score_map == {"financien": 1, "huisvesting": 3}
    assert view.note == "eerste meting"
    assert {s.domain: s.note for s in view.scores} == {
        "financien": "schulden bij energie",
        "huisvesting": None,
    }
    assert view.assessed_by == ctx.user_id
    event = session.execute(select(AuditEvent).where(AuditEvent.object_id == aid)).scalar_one()
    assert event.action == "create"
    assert event.household_id == family["household"]
    assert event.detail == {
        "instrument": "zrm-2017",
        "domains": ["financien", "huisvesting"],
        "kind": "baseline",
    }
    assert "schulden" not in str(event.detail)
    assert verify_chain(session).ok


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"instrument": "zrm-1999"}, "instrument"),
        ({"scores": {"hh_financien": 2}}, "scores"),
        ({"scores": {"financien": 6}}, "scores.financien"),
        ({"scores": {"financien": 0}}, "scores.financien"),
        ({"scores": {}, "notes": {}}, "scores"),
        ({"assessed_on": date(2026, 11, 24)}, "assessed_on"),
        ({"person_id": "stranger"}, "person_id"),
        ({"person_id": None}, "person_id"),
        ({"instrument": "zrm-household", "scores": {"hh_financien": 2}, "notes": {}}, "person_id"),
        ({"notes": {"justitie": "x"}}, "notes.justitie"),
    ],
)
def test_record_rejects_bad_input_with_dutch_message(
    session: Session,
    ctx: ServiceContext,
    reference: Reference,
    family: dict[str, str],
    changes: dict[str, object],
    field: str,
) -> None:
    if changes.get("person_id") == "stranger":
        changes = {**changes, "person_id": family["stranger"]}
    with pytest.raises(ValidationError) as info:
        record_assessment(session, ctx, reference, _input(family, **changes))
    assert info.value.field == field
    assert info.value.message  # Dutch text for the form
    assert session.execute(select(Assessment)).first() is None


def test_unknown_household_is_not_found(
    session: Session, ctx: ServiceContext, reference: Reference, family: dict[str, str]
) -> None:
    with pytest.raises(NotFound):
        record_assessment(session, ctx, reference, _input(family, household_id="nope"))


def test_household_and_children_instruments(
    session: Session, ctx: ServiceContext, reference: Reference, family: dict[str, str]
) -> None:
    hid = record_assessment(
        session,
        ctx,
        reference,
        _input(
            family, person_id=None, instrument="zrm-household", scores={"hh_financien": 2}, notes={}
        ),
    )
    cid = record_assessment(
        session,
        ctx,
        reference,
        _input(
            family,
            person_id=family["child"],
            instrument="zrm-children",
            scores={"kind_scholing": 2},
            notes={},
        ),
    )
    household_only = history(session, household_id=family["household"], household_level_only=True)
    assert [v.id for v in household_only] == [hid]
    assert [v.id for v in history(session, person_id=family["child"])] == [cid]
    trend = trend_data(session, None, "zrm-household", household_id=family["household"])
    assert trend == {"hh_financien": [(date(2026, 2, 1), 2)]}


def _three_measurements(
    session: Session, ctx: ServiceContext, reference: Reference, family: dict[str, str]
) -> list[str]:
    first = record_assessment(session, ctx, reference, _input(family))
    second = record_assessment(
        session,
        ctx,
        reference,
        _input(
            family,
            assessed_on=date(2026, 5, 1),
            kind=AssessmentKind.INTERIM,
            scores={"financien": 2, "sociaal_netwerk": 2},
            notes={},
        ),
    )
    third = record_assessment(
        session,
        ctx,
        reference,
        _input(
            family,
            assessed_on=date(2026, 9, 1),
            kind=AssessmentKind.INTERIM,
            scores={"financien": 4, "huisvesting": 2},
            notes={},
        ),
    )
    return [first, second, third]


def test_history_newest_first_and_compare_per_domain(
    session: Session, ctx: ServiceContext, reference: Reference, family: dict[str, str]
) -> None:
    first, second, third = _three_measurements(session, ctx, reference, family)
    assert [v.id for v in history(session, person_id=family["mother"])] == [third, second, first]
    assert history(session, person_id=family["mother"], instrument="zrm-children") == []
    changes = compare_with_previous(session, third)
    assert changes == [
        DomainChange("financien", 2, 4, 2, date(2026, 5, 1)),
        DomainChange("huisvesting", 3, 2, -1, date(2026, 2, 1)),
        DomainChange("sociaal_netwerk", 2, None, None, date(2026, 5, 1)),
    ]
    assert compare_with_previous(session, first) == [
        DomainChange("financien", None, 1, None),
        DomainChange("huisvesting", None, 3, None),
    ]


def test_update_replaces_scores_with_tombstones_and_remove(
    session: Session, ctx: ServiceContext, reference: Reference, family: dict[str, str]
) -> None:
    aid = record_assessment(session, ctx, reference, _input(family))
    update_assessment(
        session,
        ctx,
        reference,
        aid,
        _input(family, scores={"financien": 2, "justitie": 5}, notes={}, note=None),
    )
    assert get_assessment(session, aid).score_map == {"financien": 2, "justitie": 5}
    rows = {
        s.domain: s.deleted
        for s in session.execute(select(Score).where(Score.assessment_id == aid)).scalars()
    }
    assert rows == {"financien": False, "huisvesting": True, "justitie": False}
    # bring a tombstoned domain back: the same row is revived (unique per assessment+domain)
    update_assessment(
        session, ctx, reference, aid, _input(family, scores={"huisvesting": 4}, notes={})
    )
    assert get_assessment(session, aid).score_map == {"huisvesting": 4}
    with pytest.raises(ValidationError):
        update_assessment(
            session, ctx, reference, aid, _input(family, scores={"huisvesting": 9}, notes={})
        )
    remove_assessment(session, ctx, aid)
    session.commit()
    assert history(session, person_id=family["mother"]) == []
    row = session.get(Assessment, aid)
    assert row is not None and row.deleted
    assert all(
        s.deleted
        for s in session.execute(select(Score).where(Score.assessment_id == aid)).scalars()
    )
    actions = session.execute(
        select(AuditEvent.action).where(AuditEvent.object_id == aid).order_by(AuditEvent.seq)
    ).scalars()
    assert list(actions) == ["create", "update", "update", "delete"]
    with pytest.raises(NotFound):
        remove_assessment(session, ctx, aid)


def test_latest_scores_radar_and_trend(
    session: Session, ctx: ServiceContext, reference: Reference, family: dict[str, str]
) -> None:
    _three_measurements(session, ctx, reference, family)
    plan = Plan(household_id=family["household"])
    session.add(plan)
    session.flush()
    session.add_all(
        [
            Goal(
                plan_id=plan.id,
                person_id=family["mother"],
                description="rond komen",
                zrm_domain="financien",
                target_score=4,
            ),
            Goal(
                plan_id=plan.id,
                person_id=family["mother"],
                description="netwerk",
                zrm_domain="sociaal_netwerk",
                target_score=3,
                status=GoalStatus.CANCELLED,
            ),
        ]
    )
    session.flush()
    latest = latest_scores(session, [family["mother"], family["child"]])
    assert latest == {
        family["mother"]: {
            "financien": (4, date(2026, 9, 1)),
            "huisvesting": (2, date(2026, 9, 1)),
            "sociaal_netwerk": (2, date(2026, 5, 1)),
        },
        family["child"]: {},
    }
    radar = radar_data(session, reference, family["mother"], "zrm-2017")
    codes = [c for c, _ in radar.domains]
    assert codes == list(reference.instruments["zrm-2017"].domain_codes)
    assert len(codes) == 13
    fin, hv, sn = (
        codes.index("financien"),
        codes.index("huisvesting"),
        codes.index("sociaal_netwerk"),
    )
    assert (radar.baseline[fin], radar.latest[fin], radar.target[fin]) == (1, 4, 4)
    assert (radar.baseline[hv], radar.latest[hv], radar.target[hv]) == (3, 2, None)
    assert (radar.baseline[sn], radar.latest[sn], radar.target[sn]) == (2, 2, None)  # cancelled
    assert radar.baseline.count(None) == 10
    assert (radar.baseline_on, radar.latest_on) == (date(2026, 2, 1), date(2026, 9, 1))
    assert trend_data(session, family["mother"], "zrm-2017")["financien"] == [
        (date(2026, 2, 1), 1),
        (date(2026, 5, 1), 2),
        (date(2026, 9, 1), 4),
    ]
