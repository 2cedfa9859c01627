"""Group commit (caseworker/server/combine.py): pushes sharing one transaction keep their
own outcome — a refused job rolls back alone, the others are committed, and concurrent
callers all get their own answer."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseworker.server import audit_log, db
from caseworker.server.combine import GroupCommitter
from caseworker.server.errors import ApiError, bad_request
from caseworker.server.tables import ServerAuditEvent

from .conftest import ServerEnv

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
    committer: GroupCommitter[str] = GroupCommitter(db.session_factory(env.engine))
    futures: list[Future[str]] = [Future() for _ in range(3)]
    jobs = [_job("a"), _job("b", fail=True), _job("c")]
    committer._run_group(list(zip(jobs, futures, strict=True)))
    assert futures[0].result() == "a"
    assert futures[2].result() == "c"
    with pytest.raises(ApiError):
        futures[1].result()
    assert _stored(env) == {"a", "c"}


def test_concurrent_callers_each_get_their_answer(env: ServerEnv) -> None:
    committer: GroupCommitter[str] = GroupCommitter(db.session_factory(env.engine))
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
