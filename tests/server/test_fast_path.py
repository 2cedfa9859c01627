"""What the faster sync path relies on: the sequence-lock hint belongs to one transaction,
and answers serialised once keep their schema in /openapi.json and their JSON shape."""

from __future__ import annotations

import uuid

import httpx
from sqlalchemy.orm import Session

from caseworker.server import db
from caseworker.server.sequence import SequenceAllocator, sequence_locked
from caseworker.sync import protocol as p

from .conftest import ServerEnv
from .live import Device, World


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
