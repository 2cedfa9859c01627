"""Enrol this laptop with a Caseworker server, then create the local store for it.

``enroll`` posts ``/v1/enroll`` (user name + password → device id + bearer token) and
maps every way it can go wrong to one Dutch message (:class:`EnrolmentError`, with the
form field it belongs to). ``enrol_new_store`` runs the whole first-run path: check the
passphrase, enrol, then create the encrypted store and record the enrolment in it, so a
failed enrolment leaves nothing on disk.

The device token is a secret: it is kept only in the encrypted store
(``ServerCredential``); it is left out of every ``repr`` and never part of a message.
"""

from __future__ import annotations

import hashlib
import ipaddress
import socket
import ssl
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit, urlunsplit

import httpx
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from caseworker import __version__
from caseworker.models import Role, ServerCredential, Team, User
from caseworker.store import KdfParams, OpenStore, Store, StoreExists
from caseworker.store.passphrase import require_acceptable

from .protocol import API_VERSION, EnrollRequest, EnrollResponse, ErrorBody

ENROLL_PATH = f"/{API_VERSION}/enroll"
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
DEFAULT_TIMEOUT_SECONDS = 20.0
CLIENT_NAME = f"desktop/{__version__}"


class EnrolmentError(Exception):
    """Enrolment failed. ``str(err)`` is a Dutch message for the form, without secrets;
    ``field`` names the input it is about ("" when it is about none in particular)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class ServerEnrolment:
    """What the server answered, plus where it was asked. ``token`` is secret."""

    server_url: str
    device_id: str
    token: str = field(repr=False)
    device_label: str
    user_id: str
    username: str
    display_name: str
    role: Role
    team_id: str | None
    team_code: str | None
    team_name: str | None

    @property
    def host(self) -> str:
        return server_host(self.server_url)


# --- the server address --------------------------------------------------------------


def server_host(url: str) -> str:
    """The host name of a server URL (for "Aangemeld bij …"), without port or path."""
    return urlsplit(url).hostname or url


def normalise_server_url(text: str) -> str:
    """The base URL of the server typed by the caseworker, or EnrolmentError.

    Adds ``https://`` when no scheme is given, drops a trailing slash; https is required
    except on this machine itself (localhost, 127.0.0.1, ::1)."""
    raw = text.strip()
    if not raw:
        raise EnrolmentError("Vul het adres van de server in.", "server")
    if "://" not in raw:
        raw = "https://" + raw
    try:
        parts = urlsplit(raw)
        host = parts.hostname
        _port = parts.port  # raises ValueError for a port that is no number
    except ValueError:
        raise EnrolmentError(
            "Dit is geen geldig serveradres. Voorbeeld: https://caseworker.gemeente.nl",
            "server",
        ) from None
    scheme = parts.scheme.lower()
    if scheme not in ("https", "http") or not host or " " in raw:
        raise EnrolmentError(
            "Dit is geen geldig serveradres. Voorbeeld: https://caseworker.gemeente.nl",
            "server",
        )
    if parts.username is not None or parts.password is not None:
        raise EnrolmentError(
            "Zet geen gebruikersnaam of wachtwoord in het serveradres; vul ze hieronder in.",
            "server",
        )
    if parts.query or parts.fragment:
        raise EnrolmentError(
            "Het serveradres mag geen '?' of '#' bevatten. Voorbeeld: "
            "https://caseworker.gemeente.nl",
            "server",
        )
    if scheme == "http" and not _is_local(host):
        raise EnrolmentError(
            "De verbinding met de server moet versleuteld zijn: gebruik een adres dat met "
            "https:// begint.",
            "server",
        )
    path = parts.path.rstrip("/")
    return urlunsplit((scheme, parts.netloc.lower(), path, "", ""))


def _is_local(host: str) -> bool:
    if host.lower() in LOCAL_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def device_label(hostname: str | None = None) -> str:
    """A label for the server's device list without personal data: the computer's name
    often holds its owner's ("laptop-van-anna"), so only a short hash of it is used."""
    name = hostname if hostname is not None else socket.gethostname()
    digest = hashlib.sha256(f"caseworker-device:{name}".encode()).hexdigest()
    return f"laptop-{digest[:8]}"


# --- the request ---------------------------------------------------------------------


def enroll(
    server: str,
    username: str,
    password: str,
    *,
    label: str | None = None,
    verify: ssl.SSLContext | str | bool = True,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    transport: httpx.BaseTransport | None = None,
) -> ServerEnrolment:
    """Enrol with the server at ``server`` (as typed; see ``normalise_server_url``).

    ``verify`` is passed to httpx (an ``ssl.SSLContext`` for a municipality's own CA)."""
    base_url = normalise_server_url(server)
    user = username.strip()
    if not user:
        raise EnrolmentError("Vul uw gebruikersnaam in.", "username")
    if not password:
        raise EnrolmentError("Vul uw wachtwoord in.", "password")
    try:
        body = EnrollRequest(
            username=user,
            password=password,
            device_label=label if label is not None else device_label(),
            client=CLIENT_NAME,
        )
    except ValidationError:
        raise EnrolmentError(
            "De gebruikersnaam of het wachtwoord is te lang.", "username"
        ) from None
    try:
        with httpx.Client(verify=verify, timeout=timeout, transport=transport) as client:
            response = client.post(base_url + ENROLL_PATH, json=body.model_dump())
    except httpx.TimeoutException:
        raise EnrolmentError(
            "De server antwoordt niet op tijd. Controleer de netwerkverbinding en probeer het "
            "opnieuw.",
            "server",
        ) from None
    except httpx.TransportError as exc:
        raise _transport_error(exc) from None
    return _answer(base_url, user, body.device_label, response)


def _transport_error(exc: httpx.TransportError) -> EnrolmentError:
    if _caused_by_tls(exc):
        return EnrolmentError(
            "De beveiligde verbinding met de server is mislukt: het certificaat van de server "
            "wordt niet vertrouwd of is ongeldig. Controleer het adres; blijft dit gebeuren, "
            "neem dan contact op met de functioneel beheerder.",
            "server",
        )
    return EnrolmentError(
        "De server is niet bereikbaar. Controleer het adres en de netwerkverbinding.", "server"
    )


def _caused_by_tls(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLError | ssl.CertificateError):
            return True
        text = str(seen)
        if "CERTIFICATE_VERIFY_FAILED" in text or "[SSL" in text:
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _error_body(response: httpx.Response) -> ErrorBody | None:
    try:
        return ErrorBody.model_validate(response.json())
    except (ValueError, ValidationError):
        return None


def _answer(base_url: str, username: str, label: str, response: httpx.Response) -> ServerEnrolment:
    status = response.status_code
    if status == 200:
        try:
            answer = EnrollResponse.model_validate(response.json())
            role = Role(answer.role)
        except (ValueError, ValidationError):
            raise EnrolmentError(
                "Het antwoord van de server is niet te lezen. Is dit het adres van een "
                "Caseworker-server?",
                "server",
            ) from None
        return ServerEnrolment(
            server_url=base_url,
            device_id=answer.device_id,
            token=answer.token,
            device_label=label,
            user_id=answer.user_id,
            username=answer.username or username,
            display_name=answer.display_name or answer.username or username,
            role=role,
            team_id=answer.team_id,
            team_code=answer.team_code,
            team_name=answer.team_name,
        )
    error = _error_body(response)
    if status == 401 and error is not None and error.revoked:
        raise EnrolmentError(
            "Uw account is ingetrokken of niet meer actief. Neem contact op met de "
            "functioneel beheerder.",
            "username",
        )
    if status == 401:
        raise EnrolmentError("De gebruikersnaam of het wachtwoord klopt niet.", "password")
    if status == 429:
        raise EnrolmentError(_rate_limited(response.headers.get("Retry-After")), "password")
    if status >= 500:
        raise EnrolmentError(
            f"De server meldt een storing (foutcode {status}). Probeer het later opnieuw; "
            "blijft dit gebeuren, neem dan contact op met de functioneel beheerder.",
        )
    if status in (404, 405) or error is None:
        raise EnrolmentError(
            f"Op dit adres staat geen Caseworker-server (antwoord {status}). Controleer het adres.",
            "server",
        )
    if status == 422:
        raise EnrolmentError("De server weigert de ingevulde gegevens. Controleer ze.")
    raise EnrolmentError(f"De server weigert de aanmelding (foutcode {status}).")


def _rate_limited(retry_after: str | None) -> str:
    message = "Te veel mislukte pogingen."
    try:
        seconds = int(retry_after or "")
    except ValueError:
        return message + " Probeer het later opnieuw."
    minutes = max(1, -(-seconds // 60))
    unit = "minuut" if minutes == 1 else "minuten"
    return message + f" Probeer het over {minutes} {unit} opnieuw."


# --- the local store -----------------------------------------------------------------


def record_enrolment(
    session: Session, enrolment: ServerEnrolment, now: datetime | None = None
) -> str:
    """Record the enrolment in the (encrypted) store: the credential, and the local team
    and user rows with the server's ids (version 0 until the first pull brings the
    server's rows). Returns the user id. Refuses a store that is already enrolled."""
    if session.get(ServerCredential, 1) is not None:
        raise EnrolmentError("Deze opslag is al aangemeld bij een server.")
    if enrolment.team_id is not None and session.get(Team, enrolment.team_id) is None:
        code = enrolment.team_code or enrolment.team_id[:32]
        clash = session.execute(select(Team.id).where(Team.code == code)).first()
        session.add(
            Team(
                id=enrolment.team_id,
                code=code if clash is None else enrolment.team_id[:32],
                name=enrolment.team_name or code,
            )
        )
        session.flush()
    if session.get(User, enrolment.user_id) is None:
        session.add(
            User(
                id=enrolment.user_id,
                username=enrolment.username,
                display_name=enrolment.display_name,
                role=enrolment.role,
                team_id=enrolment.team_id,
                active=True,
            )
        )
    session.add(
        ServerCredential(
            slot=1,
            server_url=enrolment.server_url,
            device_id=enrolment.device_id,
            token=enrolment.token,
            user_id=enrolment.user_id,
            team_id=enrolment.team_id,
            role=str(enrolment.role),
            device_label=enrolment.device_label,
            enrolled_at=now or datetime.now(UTC),
        )
    )
    try:
        session.flush()
    except DBAPIError:
        # the driver's message would quote the statement's parameters, the token among them
        raise EnrolmentError(
            "De aanmelding kon niet in de versleutelde opslag worden vastgelegd."
        ) from None
    return enrolment.user_id


@dataclass(frozen=True)
class ServerConnection:
    """What the UI may show about the enrolment (no token)."""

    server_url: str
    device_id: str
    enrolled_at: datetime

    @property
    def host(self) -> str:
        return server_host(self.server_url)


def server_connection(session: Session) -> ServerConnection | None:
    """The server this store is enrolled with; None for a store made without one."""
    row = session.execute(
        select(
            ServerCredential.server_url, ServerCredential.device_id, ServerCredential.enrolled_at
        ).where(ServerCredential.slot == 1)
    ).first()
    return ServerConnection(row[0], row[1], row[2]) if row is not None else None


@dataclass(frozen=True)
class EnrolledStore:
    store: OpenStore = field(repr=False)
    user_id: str
    server_host: str


def enrol_new_store(
    store: Store,
    passphrase: str,
    server: str,
    username: str,
    password: str,
    *,
    kdf: KdfParams | None = None,
    verify: ssl.SSLContext | str | bool = True,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    label: str | None = None,
) -> EnrolledStore:
    """First run with a server: check the passphrase, enrol, create the store.

    The passphrase is checked before anything goes over the network; the store is only
    created once the server said yes, and the enrolment is recorded in the same step
    (``Store.create(initialise=...)``), so any failure leaves no local files."""
    require_acceptable(passphrase)
    if store.exists():
        raise StoreExists()
    enrolment = enroll(server, username, password, label=label, verify=verify, timeout=timeout)
    user_ids: list[str] = []

    def initialise(session: Session) -> None:
        user_ids.append(record_enrolment(session, enrolment))

    opened = store.create(passphrase, kdf, initialise=initialise)
    return EnrolledStore(opened, user_ids[0], enrolment.host)
