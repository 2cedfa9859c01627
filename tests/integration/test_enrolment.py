"""Client enrolment against the real server on 127.0.0.1: the answer, the local store it
creates, and a Dutch message for every way it fails (nothing created locally then)."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import trustme
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select

from caseworker.models import LocalBase, Role, ServerCredential, Team, User
from caseworker.server.tables import Device
from caseworker.store import OpenStore, Store, WeakPassphrase
from caseworker.sync.enrolment import (
    EnrolmentError,
    ServerEnrolment,
    device_label,
    enrol_new_store,
    enroll,
    normalise_server_url,
    record_enrolment,
    server_connection,
)
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.enrolment_server import DISPLAY_NAME, PASSWORD, USERNAME, EnrolServer
from tests.server.live import tls_live_server


def test_enroll_returns_the_servers_ids(enrol_server: EnrolServer) -> None:
    got = enroll(enrol_server.url, USERNAME, PASSWORD, label="laptop-test")
    assert got.user_id == enrol_server.world.users[USERNAME]
    assert got.team_id == enrol_server.world.team_a
    assert (got.role, got.display_name, got.username) == (Role.CASEWORKER, DISPLAY_NAME, USERNAME)
    assert (got.team_code, got.team_name) == ("vinkhuizen", "WIJ Vinkhuizen")
    assert got.server_url == enrol_server.url and got.host == "127.0.0.1"
    assert got.token not in repr(got)
    # the token works on the server
    me = httpx.get(
        f"{enrol_server.url}/v1/me", headers={"Authorization": f"Bearer {got.token}"}
    ).json()
    assert (me["device_id"], me["user_id"]) == (got.device_id, got.user_id)


def test_wrong_password_is_a_dutch_message_on_the_password(enrol_server: EnrolServer) -> None:
    with pytest.raises(EnrolmentError) as caught:
        enroll(enrol_server.url, USERNAME, "not the password at all")
    assert str(caught.value) == "De gebruikersnaam of het wachtwoord klopt niet."
    assert caught.value.field == "password"


def test_too_many_failures_is_rate_limited(enrol_server: EnrolServer) -> None:
    for _ in range(5):
        with pytest.raises(EnrolmentError, match="klopt niet"):
            enroll(enrol_server.url, USERNAME, "wrong")
    with pytest.raises(EnrolmentError) as caught:
        enroll(enrol_server.url, USERNAME, PASSWORD)
    assert str(caught.value).startswith("Te veel mislukte pogingen. Probeer het over 15 minuten")


def test_unreachable_server(unused_url: str) -> None:
    with pytest.raises(EnrolmentError) as caught:
        enroll(unused_url, USERNAME, PASSWORD)
    assert "niet bereikbaar" in str(caught.value) and caught.value.field == "server"


def test_not_a_caseworker_server(enrol_server: EnrolServer) -> None:
    with pytest.raises(EnrolmentError, match="geen Caseworker-server"):
        enroll(enrol_server.url + "/elders", USERNAME, PASSWORD)


def test_server_error_5xx(enrol_server: EnrolServer) -> None:
    # a real failure of the real server: its database is gone
    with enrol_server.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE server_login_failures")
    with pytest.raises(EnrolmentError, match=r"storing \(foutcode 5\d\d\)"):
        enroll(enrol_server.url, USERNAME, PASSWORD)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("caseworker.gemeente.nl", "https://caseworker.gemeente.nl"),
        ("https://Caseworker.Gemeente.nl/", "https://caseworker.gemeente.nl"),
        ("https://gemeente.nl/caseworker/", "https://gemeente.nl/caseworker"),
        ("http://127.0.0.1:8443", "http://127.0.0.1:8443"),
        ("http://localhost:8443/", "http://localhost:8443"),
        ("http://[::1]:8443", "http://[::1]:8443"),
    ],
)
def test_server_urls_accepted(typed: str, expected: str) -> None:
    assert normalise_server_url(typed) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Vul het adres"),
        ("http://caseworker.gemeente.nl", "moet versleuteld zijn"),
        ("http://10.0.0.5:8443", "moet versleuteld zijn"),
        ("ftp://caseworker.gemeente.nl", "geen geldig serveradres"),
        ("https://", "geen geldig serveradres"),
        ("https://caseworker.gemeente.nl:poort", "geen geldig serveradres"),
        ("https://case worker.nl", "geen geldig serveradres"),
        ("https://anna:geheim@caseworker.gemeente.nl", "geen gebruikersnaam of wachtwoord"),
        ("https://caseworker.gemeente.nl/?x=1", "mag geen"),
    ],
)
def test_server_urls_refused(typed: str, message: str) -> None:
    with pytest.raises(EnrolmentError, match=message) as caught:
        normalise_server_url(typed)
    assert caught.value.field == "server"


def test_http_to_a_remote_host_is_refused_before_any_request() -> None:
    with pytest.raises(EnrolmentError, match="https://"):
        enroll("http://caseworker.example.nl", USERNAME, PASSWORD)


def test_device_label_holds_no_host_name() -> None:
    label = device_label("laptop-van-anna-de-vries")
    assert label.startswith("laptop-") and len(label) == len("laptop-") + 8
    assert "anna" not in label
    assert label == device_label("laptop-van-anna-de-vries")


@pytest.fixture
def tls_server(tmp_path: Path, enrol_server_template: Path) -> Iterator[tuple[str, trustme.CA]]:
    with tls_live_server(tmp_path, enrol_server_template) as (server, ca):
        yield server.base_url, ca


def test_untrusted_certificate_is_a_tls_message(tls_server: tuple[str, trustme.CA]) -> None:
    url, ca = tls_server
    with pytest.raises(EnrolmentError, match="beveiligde verbinding"):
        enroll(url, USERNAME, PASSWORD)
    # trusting the CA, the same server answers (an unknown user here: 401)
    context = ssl.create_default_context()
    ca.configure_trust(context)
    with pytest.raises(EnrolmentError, match="klopt niet"):
        enroll(url, USERNAME, PASSWORD, verify=context)


# --- the local store ------------------------------------------------------------------


def test_enrol_new_store_records_the_enrolment_encrypted(
    enrol_server: EnrolServer, tmp_path: Path
) -> None:
    store = Store(tmp_path / "store")
    result = enrol_new_store(store, PASSPHRASE, enrol_server.url, USERNAME, PASSWORD, kdf=FAST_KDF)
    user_id = enrol_server.world.users[USERNAME]
    assert result.user_id == user_id and result.server_host == "127.0.0.1"
    result.store.close()

    with Store(tmp_path / "store").unlock(PASSPHRASE) as opened, opened.session() as session:
        credential = session.get(ServerCredential, 1)
        assert credential is not None
        assert (credential.user_id, credential.team_id) == (user_id, enrol_server.world.team_a)
        assert credential.server_url == enrol_server.url
        token = credential.token
        assert token not in repr(credential)
        user = session.get(User, user_id)
        assert user is not None and user.display_name == DISPLAY_NAME
        assert user.role == Role.CASEWORKER and user.team_id == enrol_server.world.team_a
        team = session.execute(select(Team)).scalar_one()
        assert (team.id, team.code, team.name) == (
            enrol_server.world.team_a,
            "vinkhuizen",
            "WIJ Vinkhuizen",
        )
        connection = server_connection(session)
        assert connection is not None and connection.host == "127.0.0.1"
        assert connection.device_id == credential.device_id
    # the token works on the server, and is nowhere in the store's files in plain bytes
    me = httpx.get(f"{enrol_server.url}/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200
    for path in (tmp_path / "store").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert token.encode() not in data, path.name
            assert token.encode("utf-16-le") not in data, path.name


def test_failed_enrolment_creates_nothing(enrol_server: EnrolServer, tmp_path: Path) -> None:
    directory = tmp_path / "store"
    with pytest.raises(EnrolmentError, match="klopt niet"):
        enrol_new_store(
            Store(directory), PASSPHRASE, enrol_server.url, USERNAME, "wrong", kdf=FAST_KDF
        )
    assert not directory.exists()


def test_weak_passphrase_is_refused_before_enrolling(
    enrol_server: EnrolServer, tmp_path: Path
) -> None:
    with pytest.raises(WeakPassphrase):
        enrol_new_store(
            Store(tmp_path / "store"), "kort", enrol_server.url, USERNAME, PASSWORD, kdf=FAST_KDF
        )
    with enrol_server.session() as session:
        devices = session.execute(select(func.count()).select_from(Device)).scalar_one()
    assert devices == 0
    assert not (tmp_path / "store").exists()


def test_store_migration_matches_the_credential_model(open_store: OpenStore) -> None:
    with open_store.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "include_name": lambda name, type_, _parent: (
                    type_ != "table" or name == "server_credentials"
                ),
            },
        )
        assert compare_metadata(context, LocalBase.metadata) == []


def _enrolment(token: str = "geheim-token-" + "x" * 30) -> ServerEnrolment:
    return ServerEnrolment(
        server_url="https://caseworker.gemeente.nl",
        device_id="00000000-0000-4000-8000-0000000000d1",
        token=token,
        device_label="laptop-test",
        user_id="00000000-0000-4000-8000-0000000000a1",
        username=USERNAME,
        display_name=DISPLAY_NAME,
        role=Role.CASEWORKER,
        team_id="00000000-0000-4000-8000-0000000000b1",
        team_code="vinkhuizen",
        team_name="WIJ Vinkhuizen",
    )


def test_record_enrolment_refuses_a_second_server(open_store: OpenStore) -> None:
    with open_store.transaction() as session:
        assert record_enrolment(session, _enrolment()) == _enrolment().user_id
    with open_store.transaction() as session, pytest.raises(EnrolmentError, match="al aangemeld"):
        record_enrolment(session, _enrolment())


def test_a_refused_insert_does_not_quote_the_token(open_store: OpenStore) -> None:
    token = "geheim-token-dat-niet-in-een-melding-mag"
    with open_store.transaction() as session:  # another user already has this user name
        session.add(User(username=USERNAME, display_name="Iemand", role=Role.CASEWORKER))
    with pytest.raises(EnrolmentError) as caught, open_store.transaction() as session:
        record_enrolment(session, _enrolment(token))
    assert token not in str(caught.value) and caught.value.__cause__ is None
    assert caught.value.__suppress_context__
