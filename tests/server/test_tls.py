"""TLS: uvicorn serves with a certificate from a local CA (trustme); an httpx client that
trusts that CA syncs, and one that does not refuses the connection."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import trustme

from .live import PASSWORD, LiveServer, tls_live_server


@pytest.fixture
def tls_server(tmp_path: Path, sqlite_template: Path) -> Iterator[tuple[LiveServer, trustme.CA]]:
    with tls_live_server(tmp_path, sqlite_template) as running:
        yield running


def test_tls_with_a_local_ca(tls_server: tuple[LiveServer, trustme.CA]):
    server, ca = tls_server
    assert server.base_url.startswith("https://")
    context = ssl.create_default_context()
    ca.configure_trust(context)
    with httpx.Client(base_url=server.base_url, verify=context) as client:
        assert client.get("/healthz").json() == {"status": "ok"}
        r = client.post("/v1/enroll", json={"username": "nobody", "password": PASSWORD})
        assert r.status_code == 401
    with httpx.Client(base_url=server.base_url) as untrusting, pytest.raises(httpx.ConnectError):
        untrusting.get("/healthz")
    plain_url = server.base_url.replace("https", "http")
    with httpx.Client(base_url=plain_url) as plain, pytest.raises(httpx.HTTPError):
        plain.get("/healthz")
