"""TLS: uvicorn serves with a certificate from a local CA (trustme); an httpx client that
trusts that CA syncs, and one that does not refuses the connection."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import trustme

from caseworker.server import db

from .live import PASSWORD, LiveServer, fast_settings


@pytest.fixture
def tls_server(tmp_path: Path, sqlite_template: Path) -> Iterator[tuple[LiveServer, trustme.CA]]:
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    cert_file, key_file = tmp_path / "server.pem", tmp_path / "server.key"
    cert.private_key_pem.write_to_path(str(key_file))
    cert.cert_chain_pems[0].write_to_path(str(cert_file))
    with cert_file.open("ab") as out:
        for pem in cert.cert_chain_pems[1:]:
            out.write(pem.bytes())
    path = tmp_path / "tls.db"
    path.write_bytes(sqlite_template.read_bytes())
    settings = fast_settings(db.sqlite_url(path))
    engine = db.make_engine(settings.database_url)
    server = LiveServer(
        settings, engine, ssl_certfile=str(cert_file), ssl_keyfile=str(key_file)
    ).start()
    try:
        yield server, ca
    finally:
        server.stop()
        engine.dispose()


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
