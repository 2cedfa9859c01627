"""Group commit (caseworker/server/combine.py): pushes sharing one transaction keep their
own outcome — a refused job rolls back alone, the others are committed, and concurrent
callers all get their own answer."""

from __future__ import annotations

from collections import Counter
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseworker.server import audit_log, db
from caseworker.server.combine import GroupCommitter, Job
from caseworker.server.errors import ApiError, bad_request
from caseworker.server.tables import ServerAuditEvent

from .conftest import ServerEnv
from .live import Device, World

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def _job(marker: str, fail: bool = False):  # type: ignore[no-untyped-def]
    def run(session: Session) -> str:
        audit_log.server_audit(session, action="push", now=NOW, object_id=marker)
        session.flush()
        if fail:
            raise bad_request("refused")
        return marker

    return run


def _stored(env: ServerEnv) -> set[str | None]:
    with env.session() as session:
        return set(
            session.execute(
                select(ServerAuditEvent.object_id).where(ServerAuditEvent.action == "push")
            ).scalars()
        )


def test_a_refused_job_rolls_back_alone(env: ServerEnv) -> None:
    committer: GroupCommitter[Job[str], str] = GroupCommitter(db.session_factory(env.engine))
    futures: list[Future[str]] = [Future() for _ in range(3)]
    jobs = [_job("a"), _job("b", fail=True), _job("c")]
    committer._run_group(list(zip(jobs, futures, strict=True)))
    assert futures[0].result() == "a"
    assert futures[2].result() == "c"
    with pytest.raises(ApiError):
        futures[1].result()
    assert _stored(env) == {"a", "c"}


def test_concurrent_callers_each_get_their_answer(env: ServerEnv) -> None:
    committer: GroupCommitter[Job[str], str] = GroupCommitter(db.session_factory(env.engine))
    markers = [f"m{i}" for i in range(24)]

    def call(marker: str) -> str | None:
        try:
            return committer.run(_job(marker, fail=marker.endswith("7")))
        except ApiError:
            return None

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(call, markers))
    expected = {m for m in markers if not m.endswith("7")}
    assert {a for a in answers if a is not None} == expected
    assert answers.count(None) == 2  # m7, m17
    assert _stored(env) == expected
    with env.session() as session:
        count = session.execute(select(func.count()).select_from(ServerAuditEvent)).scalar_one()
    assert count >= len(expected)


@pytest.mark.parametrize("alone", [True, False], ids=["after-a-lone-job", "after-a-group"])
def test_jobs_queued_while_a_group_runs_join_its_commit(database_url: str, alone: bool) -> None:
    engine = db.make_engine(database_url)
    committer: GroupCommitter[Job[int], int] = GroupCommitter(db.session_factory(engine))
    sessions: list[Session] = []
    late: Future[int] = Future()

    def arrives_late(session: Session) -> int:
        sessions.append(session)
        return 2

    def first(session: Session) -> int:
        sessions.append(session)
        with committer._queue_lock:  # another push queues while this group runs
            committer._queue.append((arrives_late, late))
        return 1

    try:
        futures: list[Future[int]] = [Future() for _ in range(1 if alone else 2)]
        committer._run_group([(first, futures[0])] + [(lambda _s: 0, f) for f in futures[1:]])
        assert futures[0].result() == 1
        assert late.result() == 2
        assert all(s is sessions[0] for s in sessions)  # one transaction, one commit
        assert not committer._queue
    finally:
        engine.dispose()


def test_concurrent_pulls_are_each_audited_before_they_are_answered(
    env: ServerEnv, world: World, devices: dict[str, Device]
) -> None:
    """Pulls at the same moment each write their audit event before they are answered
    (on the connection they read on); every one of them is audited, once."""
    names = ["cw_a", "cw_a2", "lead_a", "cw_b", "lead_b"]

    def pull(name: str) -> int:
        return devices[name].get("/v1/changes", params={"since": 0}).status_code

    with ThreadPoolExecutor(len(names) * 3) as pool:
        statuses = list(pool.map(pull, names * 3))
    assert statuses == [200] * len(statuses)
    with env.session() as session:
        pulls = session.execute(
            select(ServerAuditEvent.device_id).where(ServerAuditEvent.action == "pull")
        ).scalars()
        counted = Counter(pulls)
    assert counted == Counter({devices[name].device_id: 3 for name in names})
