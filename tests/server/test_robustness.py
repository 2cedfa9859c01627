"""Malformed input → clear 4xx JSON (never 5xx), request size limit, health/readiness,
and logs that hold no personal data."""

from __future__ import annotations

import io
import json
import logging
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from caseworker.server.logs import LOGGER_NAME, JsonFormatter

from .conftest import ServerEnv
from .live import Device, World, household_change, person_change


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger(LOGGER_NAME)
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield buffer
    logger.removeHandler(handler)
    logger.setLevel(old_level)


def _bad_pushes(world: World, hh_id: str) -> list[tuple[str, Any]]:
    rid = str(uuid.uuid4())
    good = person_change(hh_id)
    return [
        ("not a list of changes", {"batch_id": str(uuid.uuid4()), "changes": "x"}),
        ("no batch id", {"changes": []}),
        ("batch id not a uuid", {"batch_id": "1", "changes": []}),
        (
            "unknown table",
            {"batch_id": str(uuid.uuid4()), "changes": [{"table": "secrets", "row_id": rid}]},
        ),
        (
            "unknown field",
            {
                "batch_id": str(uuid.uuid4()),
                "changes": [{**good, "changed": {**good["changed"], "x": 1}}],
            },
        ),
        (
            "server field",
            {
                "batch_id": str(uuid.uuid4()),
                "changes": [{**good, "changed": {**good["changed"], "version": 9}}],
            },
        ),
        (
            "wrong type",
            {
                "batch_id": str(uuid.uuid4()),
                "changes": [{**good, "changed": {**good["changed"], "given_name": 5}}],
            },
        ),
        (
            "bad enum",
            {
                "batch_id": str(uuid.uuid4()),
                "changes": [{**good, "changed": {**good["changed"], "role": "baas"}}],
            },
        ),
        (
            "bad date",
            {
                "batch_id": str(uuid.uuid4()),
                "changes": [{**good, "changed": {**good["changed"], "birth_date": "31-02-2001"}}],
            },
        ),
        (
            "NUL character",
            {
                "batch_id": str(uuid.uuid4()),
                "changes": [{**good, "changed": {**good["changed"], "note": "a\x00b"}}],
            },
        ),
        (
            "too long",
            {
                "batch_id": str(uuid.uuid4()),
                "changes": [{**good, "changed": {**good["changed"], "given_name": "x" * 500}}],
            },
        ),
        (
            "huge number",
            {
                "batch_id": str(uuid.uuid4()),
                "changes": [{"table": "goals", "row_id": rid, "changed": {"target_score": 10**30}}],
            },
        ),
        (
            "missing required",
            {
                "batch_id": str(uuid.uuid4()),
                "changes": [
                    {"table": "persons", "row_id": rid, "changed": {"household_id": hh_id}}
                ],
            },
        ),
        (
            "unknown household",
            {"batch_id": str(uuid.uuid4()), "changes": [person_change(str(uuid.uuid4()))]},
        ),
        (
            "null in required",
            {
                "batch_id": str(uuid.uuid4()),
                "changes": [{**good, "changed": {**good["changed"], "given_name": None}}],
            },
        ),
        (
            "base of unchanged field",
            {"batch_id": str(uuid.uuid4()), "changes": [{**good, "base": {"note": "x"}}]},
        ),
        (
            "negative base version",
            {"batch_id": str(uuid.uuid4()), "changes": [{**good, "base_version": -1}]},
        ),
        ("extra top-level key", {"batch_id": str(uuid.uuid4()), "changes": [], "x": 1}),
    ]


def test_malformed_bodies_get_clear_4xx(
    env: ServerEnv, world: World, devices: dict[str, Device], log_lines: io.StringIO
):
    cw = devices["cw_a"]
    hh = household_change(world.team_a, world.users["cw_a"], name="Familie Privé")
    assert cw.push(hh).status_code == 200
    client = cw.client()
    for what, body in _bad_pushes(world, hh["row_id"]):
        r = client.post("/v1/push", json=body)
        assert 400 <= r.status_code < 500, (what, r.status_code, r.text)
        detail = r.json()["detail"]
        assert isinstance(detail, str) and detail, what
    for raw in (b"{", b"[]", b"null", b'{"batch_id": ' + b"9" * 5000 + b"}", b"\xff\xfe"):
        r = client.post("/v1/push", content=raw, headers={"content-type": "application/json"})
        assert r.status_code in (400, 422), (raw[:20], r.text)
    for params in ({"since": -1}, {"since": "x"}, {"limit": 0}, {"limit": 10**6}, {"since": 2**70}):
        assert client.get("/v1/changes", params=params).status_code == 422, params
    assert client.get("/v1/households/not-a-uuid").status_code == 422
    assert client.get(f"/v1/households/{uuid.uuid4()}").status_code == 404
    assert client.get("/v1/nothing").status_code == 404
    assert client.delete("/v1/push").status_code == 405
    # no personal data and no bodies in the logs
    text = log_lines.getvalue()
    assert "Privé" not in text and "Jansen" not in text
    entries = [json.loads(line) for line in text.splitlines()]
    assert any(e.get("route") == "/v1/push" and e.get("status") == 422 for e in entries)


def test_request_size_limit(env: ServerEnv, world: World, devices: dict[str, Device]):
    cw = devices["cw_a"]
    big = b'{"batch_id": "' + b"x" * (env.settings.max_body_bytes + 10) + b'"}'
    r = cw.client().post("/v1/push", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert r.json()["detail"].startswith("request body larger than")

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while streaming
        for _ in range(env.settings.max_body_bytes // 65536 + 2):
            yield b" " * 65536

    r = cw.client().post("/v1/push", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_health_and_readiness(env: ServerEnv):
    with httpx.Client(base_url=env.base_url) as c:
        assert c.get("/healthz").json() == {"status": "ok"}
        assert c.get("/readyz").json() == {"status": "ready"}
        schema = c.get("/openapi.json").json()
        assert {"/v1/push", "/v1/changes", "/v1/enroll"} <= set(schema["paths"])


def test_sync_routes_read_their_inputs_as_fastapi_does(
    env: ServerEnv, world: World, devices: dict[str, Device]
) -> None:
    """The two sync routes read token and query by hand (sync_inputs.py): the same 401s
    and 422s, with the location of the bad value, as FastAPI's own parameters give."""
    token = devices["cw_a"].token
    url = f"{env.base_url}/v1/changes"
    for headers in ({}, {"Authorization": f"Basic {token}"}, {"Authorization": "Bearer"}):
        answer = httpx.get(url, headers=headers)
        assert answer.status_code == 401, headers
        assert answer.json()["detail"] == "device token required"
    bearer = {"Authorization": f"Bearer {token}"}
    for query, where in (
        ({"since": "abc"}, "query.since"),
        ({"since": "-1"}, "query.since"),
        ({"limit": "0"}, "query.limit"),
        ({"limit": "1001"}, "query.limit"),
        ({"since": "1.5"}, "query.since"),
    ):
        answer = httpx.get(url, params=query, headers=bearer)
        assert answer.status_code == 422, query
        assert answer.json()["detail"].startswith(where + ":"), answer.json()
    assert httpx.get(url, params={"since": "0", "limit": "1000"}, headers=bearer).status_code == 200
    pushed = httpx.post(
        f"{env.base_url}/v1/push", json={"batch_id": str(uuid.uuid4()), "changes": []}
    )
    assert pushed.status_code == 401
