"""What the faster sync path relies on: the sequence-lock hint belongs to one transaction,
the counter row is written once per transaction, and answers serialised once keep their
schema in /openapi.json and their JSON shape."""

from __future__ import annotations

import uuid
from concurrent.futures import Future
from typing import Any

import httpx
import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from caseworker.models import Role
from caseworker.server import db, pull
from caseworker.server.combine import GroupCommitter, Job
from caseworker.server.scope import Principal
from caseworker.server.sequence import SequenceAllocator, high_water, sequence_locked
from caseworker.sync import protocol as p

from .conftest import ServerEnv
from .live import Device, World, household_change, person_change


def test_sequence_lock_hint_belongs_to_one_transaction(database_url: str) -> None:
    engine = db.make_engine(database_url)
    try:
        with Session(engine) as session:
            assert not sequence_locked(session)  # no transaction at all
            with session.begin():
                assert not sequence_locked(session)
                SequenceAllocator(session)
                assert sequence_locked(session)
                with session.begin_nested():
                    assert sequence_locked(session)  # a savepoint is the same transaction
            with session.begin():
                assert not sequence_locked(session)  # the next one starts without the lock
    finally:
        engine.dispose()


def test_later_allocators_of_a_transaction_start_from_the_saved_value(database_url: str) -> None:
    engine = db.make_engine(database_url)
    locks: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def _count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if "server_counter" in statement and statement.lstrip().upper().startswith("SELECT"):
            locks.append(statement)

    try:
        with Session(engine) as session, session.begin():
            first = SequenceAllocator(session)
            numbers = [first.next(), first.next()]
            first.save()
            second = SequenceAllocator(session)  # the same transaction: no second lock query
            assert second.start == numbers[-1]
            second.next()
            second.save()
        assert len(locks) == 1
        with Session(engine) as session, session.begin():
            assert high_water(session) == numbers[-1] + 1
            assert SequenceAllocator(session).start == numbers[-1] + 1  # a new transaction
        assert len(locks) == 3
    finally:
        engine.dispose()


def test_refused_job_of_a_group_leaves_the_counter_to_the_next(database_url: str) -> None:
    engine = db.make_engine(database_url)
    try:
        with Session(engine) as session:
            before = high_water(session)

        def allocate(refuse: bool) -> Any:
            def job(session: Session) -> int:
                seq = SequenceAllocator(session)
                start = seq.start
                seq.next()
                seq.save()
                if refuse:
                    raise ValueError("refused after it numbered")
                return start

            return job

        committer: GroupCommitter[Job[int], int] = GroupCommitter(db.session_factory(engine))
        futures: list[Future[int]] = [Future() for _ in range(3)]
        jobs = [allocate(False), allocate(True), allocate(False)]
        committer._run_group(list(zip(jobs, futures, strict=True)))
        assert futures[0].result() == before
        with pytest.raises(ValueError):
            futures[1].result()
        assert futures[2].result() == before + 1  # not the refused job's number
        with Session(engine) as session:
            assert high_water(session) == before + 2
    finally:
        engine.dispose()


def test_counter_row_is_written_once_per_group_commit(database_url: str) -> None:
    engine = db.make_engine(database_url)
    writes: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def _count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("UPDATE SERVER_COUNTER"):
            writes.append(statement)

    def job(session: Session) -> int:
        seq = SequenceAllocator(session)
        seq.next()
        seq.save()
        return seq.last

    try:
        with Session(engine) as session:
            before = high_water(session)
        committer: GroupCommitter[Job[int], int] = GroupCommitter(db.session_factory(engine))
        futures: list[Future[int]] = [Future() for _ in range(3)]
        committer._run_group([(job, future) for future in futures])
        assert [f.result() for f in futures] == [before + 1, before + 2, before + 3]
        assert len(writes) == 1  # at the commit, not once per job
        with Session(engine) as session:
            assert high_water(session) == before + 3
        with Session(engine) as session, session.begin():
            SequenceAllocator(session)  # locked, nothing handed out: nothing to write
        assert len(writes) == 1
    finally:
        engine.dispose()


def test_sync_answers_keep_their_schema(env: ServerEnv) -> None:
    schema = httpx.get(f"{env.base_url}/openapi.json").json()

    def answer_ref(path: str, method: str) -> str:
        ok = schema["paths"][path][method]["responses"]["200"]
        return str(ok["content"]["application/json"]["schema"]["$ref"])

    assert answer_ref("/v1/push", "post").endswith("/PushResult")
    assert answer_ref("/v1/changes", "get").endswith("/ChangesPage")
    body = schema["paths"]["/v1/push"]["post"]["requestBody"]["content"]["application/json"]
    assert body["schema"]["$ref"].endswith("/PushBatch")


def test_sync_answers_validate_against_the_protocol(
    env: ServerEnv, world: World, devices: dict[str, Device]
) -> None:
    device = devices["cw_a"]
    headers = {"Authorization": f"Bearer {device.token}"}
    batch = {"batch_id": str(uuid.uuid4()), "changes": []}
    pushed = httpx.post(f"{env.base_url}/v1/push", json=batch, headers=headers)
    assert pushed.status_code == 200
    assert pushed.headers["content-type"] == "application/json"
    p.PushResult.model_validate_json(pushed.content)
    page = httpx.get(f"{env.base_url}/v1/changes", params={"since": 0}, headers=headers)
    assert page.status_code == 200
    assert page.headers["content-type"] == "application/json"
    p.ChangesPage.model_validate_json(page.content)


def test_pull_by_household_index_finds_the_same_events(
    env: ServerEnv, world: World, devices: dict[str, Device], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The per-household form of the pull (PostgreSQL, caseworkers) and the form that reads
    the change log from the cursor give the same page, with a limit and without."""
    if env.backend == "sqlite":
        pytest.skip("the per-household form (LATERAL) is PostgreSQL's")
    cw = devices["cw_a"]
    other = devices["cw_b"]
    for n in range(3):
        household = household_change(world.team_a, world.users["cw_a"], name=f"Familie {n}")
        assert cw.push(household, person_change(household["row_id"])).status_code == 200
        foreign = household_change(world.team_b, world.users["cw_b"])
        assert other.push(foreign, person_change(foreign["row_id"])).status_code == 200
    cw.pull_all()  # records the device's scope
    who = Principal(cw.device_id, world.users["cw_a"], Role.CASEWORKER, world.team_a)
    statement = pull._events_direct
    with env.session() as session:
        for since in (0, 3):
            for limit in (2, 500):
                pages = []
                for per_household in (True, False):
                    monkeypatch.setattr(
                        pull,
                        "_events_direct",
                        lambda kind, cutoff, _form, form=per_household: statement(
                            kind, cutoff, form
                        ),
                    )
                    pages.append(pull._events(session, who, since, limit))
                assert pages[0] == pages[1]
                assert pages[0][0], "the page holds events"


def test_sync_statements_keep_one_text_whatever_the_number_of_rows(
    env: ServerEnv, world: World, devices: dict[str, Device]
) -> None:
    """Pushes and pulls of 2, 3 and 7 rows run the same statement texts (lists of ids are
    one array parameter on PostgreSQL, not an ``IN`` list rendered per length), each
    within the length and parameter count psycopg caches its conversion for."""
    from psycopg._queries import MAX_CACHED_STATEMENT_LENGTH, MAX_CACHED_STATEMENT_PARAMS

    if env.backend == "sqlite":
        pytest.skip("array parameters and psycopg's statement cache are PostgreSQL's")
    cw = devices["cw_a"]
    household = household_change(world.team_a, world.users["cw_a"])
    assert cw.push(household).status_code == 200
    cw.pull_all()
    texts: dict[int, set[str]] = {}
    sizes: dict[str, int] = {}
    current: list[int] = [0]

    @event.listens_for(env.engine, "before_cursor_execute")
    def _seen(_conn: Any, _cursor: Any, statement: str, params: Any, *_args: Any) -> None:
        texts.setdefault(current[0], set()).add(statement)
        count = len(params) if isinstance(params, dict) else 0
        sizes[statement] = max(sizes.get(statement, 0), count)

    try:
        for rows in (2, 3, 7):
            current[0] = rows
            people = [person_change(household["row_id"]) for _ in range(rows)]
            assert cw.push(*people).status_code == 200
            pulled, _purges = cw.pull_all()
            assert len(pulled) == rows
    finally:
        event.remove(env.engine, "before_cursor_execute", _seen)
    assert texts[2] == texts[3] == texts[7]
    for statement, count in sizes.items():
        assert len(statement.encode()) <= MAX_CACHED_STATEMENT_LENGTH, statement[:80]
        assert count <= MAX_CACHED_STATEMENT_PARAMS, statement[:80]
