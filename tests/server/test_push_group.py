"""Pushes merged in their own transactions and written together by a group commit
(caseworker/server/push_group.py): one statement per table for the group, and every case
where that would be wrong goes alone, merged again under the lock — a row two pushes of
the group change, a row changed after the merge, a batch sent twice, a write the database
refuses (only the push that broke the rule is refused)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import event, func, select

from caseworker.models import Conflict, Household, Person, Role, Score
from caseworker.server.combine import Refused
from caseworker.server.errors import ApiError
from caseworker.server.push import PreparedPush, PushService
from caseworker.server.push_group import write_pushes
from caseworker.server.scope import Principal
from caseworker.server.tables import ServerAuditEvent
from caseworker.sync.protocol import PushBatch, PushResult

from .conftest import ServerEnv
from .live import Device, World, household_change, person_change

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


def _who(world: World, device: Device, user: str = "cw_a") -> Principal:
    return Principal(device.device_id, world.users[user], Role.CASEWORKER, world.team_a)


def _batch(*changes: dict[str, Any], batch_id: str | None = None) -> PushBatch:
    return PushBatch.model_validate(
        {"batch_id": batch_id or str(uuid.uuid4()), "changes": list(changes)}
    )


def _prepare(env: ServerEnv, who: Principal, batch: PushBatch) -> PreparedPush:
    with env.session() as session, session.begin():
        prepared = PushService(session, who, NOW).prepare(batch, None)
    assert isinstance(prepared, PreparedPush)
    return prepared


@contextmanager
def _statements(env: ServerEnv) -> Iterator[list[str]]:
    seen: list[str] = []

    def _seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(env.engine, "before_cursor_execute", _seen)
    try:
        yield seen
    finally:
        event.remove(env.engine, "before_cursor_execute", _seen)


def _write(env: ServerEnv, jobs: list[PreparedPush]) -> list[PushResult | Refused]:
    with env.session() as session, session.begin():
        return write_pushes(session, jobs, True)


def _household(device: Device, world: World, user: str = "cw_a", **fields: Any) -> str:
    change = household_change(world.team_a, world.users[user], **fields)
    assert device.push(change).status_code == 200
    return str(change["row_id"])


def _assessment(device: Device, household_id: str) -> str:
    """A ZRM assessment of the household, pushed by ``device``; its id."""
    assessment = str(uuid.uuid4())
    created = device.push(
        {
            "table": "assessments",
            "row_id": assessment,
            "changed": {
                "household_id": household_id,
                "instrument": "zrm-2017",
                "assessed_on": "2026-11-20",
                "kind": "baseline",
            },
        }
    )
    assert created.status_code == 200, created.text
    return assessment


def _version(env: ServerEnv, household_id: str) -> int:
    with env.session() as session:
        household = session.get(Household, household_id)
        assert household is not None
        return household.version


def test_pushes_of_a_group_are_written_together(
    env: ServerEnv, world: World, devices: dict[str, Device]
) -> None:
    cw_a, cw_a2 = devices["cw_a"], devices["cw_a2"]
    mine, theirs = _household(cw_a, world), _household(cw_a2, world, "cw_a2")
    jobs = [
        _prepare(env, _who(world, cw_a), _batch(person_change(mine), person_change(mine))),
        _prepare(env, _who(world, cw_a2, "cw_a2"), _batch(person_change(theirs))),
        _prepare(env, _who(world, cw_a), _batch(person_change(mine, given_name="Bram"))),
    ]
    with _statements(env) as seen:
        outcomes = _write(env, jobs)
    results = [o for o in outcomes if isinstance(o, PushResult)]
    assert len(results) == 3
    versions = [r.version for result in results for r in result.results]
    assert all(r.status == "applied" for result in results for r in result.results)
    assert versions == list(range(versions[0], versions[0] + 4))  # one run of numbers
    assert sum(s.startswith("INSERT INTO persons") for s in seen) == 1
    assert sum(s.startswith("INSERT INTO server_change_log") for s in seen) == 1
    assert sum(s.startswith("INSERT INTO server_audit") for s in seen) == 1
    pulled, _ = cw_a.pull_all()
    assert sum(item["table"] == "persons" for item in pulled) == 3
    with env.session() as session:
        audited = session.execute(
            select(func.count()).where(
                ServerAuditEvent.action == "push",
                ServerAuditEvent.object_id.in_([job.batch.batch_id for job in jobs]),
            )
        ).scalar_one()
    assert audited == 3


def test_a_row_two_pushes_of_a_group_change_is_merged_again(
    env: ServerEnv, world: World, devices: dict[str, Device]
) -> None:
    cw_a = devices["cw_a"]
    household = _household(cw_a, world, name="Familie Oud")
    base = _version(env, household)

    def rename(name: str) -> dict[str, Any]:
        change = household_change(world.team_a, world.users["cw_a"], row_id=household, name=name)
        change["changed"] = {"name": name}
        return change | {"base_version": base, "base": {"name": "Familie Oud"}}

    jobs = [
        _prepare(env, _who(world, cw_a), _batch(rename("Familie Nieuw"))),
        _prepare(env, _who(world, cw_a), _batch(rename("Familie Anders"))),
    ]
    first, second = _write(env, jobs)
    assert isinstance(first, PushResult) and isinstance(second, PushResult)
    assert first.results[0].status == "applied"
    assert second.results[0].status == "conflict"  # not written over the first
    assert second.results[0].conflict_fields == ["name"]
    with env.session() as session:
        stored = session.get(Household, household)
        assert stored is not None and stored.name == "Familie Nieuw"
        values = session.execute(
            select(Conflict.server_value, Conflict.client_value).where(Conflict.row_id == household)
        ).one()
    assert tuple(values) == ("Familie Nieuw", "Familie Anders")  # both kept


def test_a_row_changed_after_the_merge_is_merged_again(
    env: ServerEnv, world: World, devices: dict[str, Device]
) -> None:
    cw_a = devices["cw_a"]
    household = _household(cw_a, world, name="Familie Oud", street="Oude Straat")
    base = _version(env, household)
    change = {
        "table": "households",
        "row_id": household,
        "base_version": base,
        "changed": {"name": "Familie Nieuw"},
        "base": {"name": "Familie Oud"},
    }
    job = _prepare(env, _who(world, cw_a), _batch(change))
    # meanwhile another push (a team lead) changes the same household: another field
    lead = devices["lead_a"]
    other = {**change, "changed": {"street": "Nieuwe Straat"}, "base": {"street": "Oude Straat"}}
    answer = lead.push(other)
    assert answer.status_code == 200, answer.text
    (outcome,) = _write(env, [job])
    assert isinstance(outcome, PushResult)
    assert outcome.results[0].status == "merged"  # against the row as it is now
    with env.session() as session:
        stored = session.get(Household, household)
        assert stored is not None
        assert (stored.name, stored.street) == ("Familie Nieuw", "Nieuwe Straat")


def test_a_batch_twice_in_a_group_is_applied_once(
    env: ServerEnv, world: World, devices: dict[str, Device]
) -> None:
    cw_a = devices["cw_a"]
    household = _household(cw_a, world)
    batch = _batch(person_change(household, given_name="Eenmalig"))
    jobs = [_prepare(env, _who(world, cw_a), batch) for _ in range(2)]
    first, second = _write(env, jobs)
    assert isinstance(first, PushResult) and first == second
    with env.session() as session:
        count = session.execute(
            select(func.count()).where(Person.given_name == "Eenmalig")
        ).scalar_one()
        replays = [
            event.detail["replay"]
            for event in session.execute(
                select(ServerAuditEvent).where(ServerAuditEvent.object_id == batch.batch_id)
            ).scalars()
            if event.detail is not None
        ]
    assert count == 1
    assert sorted(replays) == [False, True]


def test_a_push_the_database_refuses_is_refused_alone(
    env: ServerEnv, world: World, devices: dict[str, Device]
) -> None:
    cw_a = devices["cw_a"]
    household = _household(cw_a, world)
    assessment = _assessment(cw_a, household)

    def score(value: int) -> dict[str, Any]:
        return {
            "table": "scores",
            "row_id": str(uuid.uuid4()),
            "changed": {"assessment_id": assessment, "domain": "financien", "score": value},
        }

    who = _who(world, cw_a)
    jobs = [
        _prepare(env, who, _batch(score(3))),
        _prepare(env, who, _batch(score(4))),  # the same domain twice: a unique rule
        _prepare(env, who, _batch(person_change(household, given_name="Onschuldig"))),
    ]
    outcomes = _write(env, jobs)
    assert isinstance(outcomes[0], PushResult) and isinstance(outcomes[2], PushResult)
    refused = outcomes[1]
    assert isinstance(refused, Refused) and isinstance(refused.error, ApiError)
    assert refused.error.status == 422
    assert "breaks a database rule" in refused.error.detail
    with env.session() as session:
        scores = session.execute(select(Score.score)).scalars().all()
        innocent = session.execute(
            select(func.count()).where(Person.given_name == "Onschuldig")
        ).scalar_one()
    assert scores == [3]
    assert innocent == 1
    # numbers stay consecutive: the refused push left no gap in the feed
    versions = [o.results[0].version for o in (outcomes[0], outcomes[2])]
    assert isinstance(outcomes[2], PushResult)
    assert versions[1] == versions[0] + 1


@pytest.mark.parametrize("lone", [True, False])
def test_a_lone_push_the_database_refuses_gets_its_400(
    env: ServerEnv, world: World, devices: dict[str, Device], lone: bool
) -> None:
    cw_a = devices["cw_a"]
    household = _household(cw_a, world)
    assessment = _assessment(cw_a, household)
    bad = {
        "table": "scores",
        "row_id": str(uuid.uuid4()),
        "changed": {"assessment_id": assessment, "domain": "werk", "score": 7},
    }
    job = _prepare(env, _who(world, cw_a), _batch(bad))
    if lone:
        with pytest.raises(ApiError) as raised:
            _write(env, [job])
        assert raised.value.status == 422
    else:
        fine = _prepare(env, _who(world, cw_a), _batch(person_change(household)))
        outcomes = _write(env, [fine, job])
        assert isinstance(outcomes[0], PushResult)
        assert isinstance(outcomes[1], Refused)
    with env.session() as session:
        assert session.execute(select(func.count()).select_from(Score)).scalar_one() == 0
