"""schemathesis against the live server's OpenAPI schema: no input may cause a 5xx.

Run on PostgreSQL, the stricter database (NUL bytes, integer ranges, lengths).
Bounded: a few dozen examples per operation, with a valid device token (so generated
bodies reach the push/pull/audit code) and once without one."""

from __future__ import annotations

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import ServerEnv
from .live import Device, World

EXAMPLES = 20


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
@pytest.mark.postgres
@pytest.mark.xdist_group("postgres")
def test_no_input_causes_a_server_error(env: ServerEnv, world: World, devices: dict[str, Device]):
    raw = httpx.get(f"{env.base_url}/openapi.json").json()
    schema = schemathesis.openapi.from_dict(raw)
    tokens = [devices["cw_a"].token, devices["admin"].token, None]
    failures: list[str] = []
    operations = 0
    with httpx.Client(base_url=env.base_url, timeout=30) as client:
        for result in schema.get_all_operations():
            operation = result.ok()
            operations += 1

            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            @given(case=operation.as_strategy(), token=st.sampled_from(tokens))
            def run(case: schemathesis.Case, token: str | None) -> None:
                kwargs = case.as_transport_kwargs(base_url=env.base_url)
                headers = dict(kwargs.get("headers") or {})
                if token is not None:
                    headers["Authorization"] = f"Bearer {token}"
                try:
                    response = client.request(
                        kwargs["method"],
                        kwargs["url"],
                        params=kwargs.get("params"),
                        headers=headers,
                        json=kwargs.get("json"),
                        content=kwargs.get("data") if "json" not in kwargs else None,
                    )
                except (httpx.LocalProtocolError, httpx.InvalidURL, UnicodeEncodeError):
                    return  # a request HTTP itself cannot carry; it never reaches the server
                if response.status_code >= 500:
                    failures.append(f"{kwargs['method']} {kwargs['url']}: {response.status_code}")

            run()
    assert operations >= 10
    assert failures == []
