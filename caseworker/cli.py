"""Command line: ``caseworker`` (desktop app) and its scriptable subcommands.

    caseworker [--store DIR]                       open the desktop app
    caseworker demo [--store DIR]                  demo store with demo data, then the app
    caseworker store init|check|change-passphrase  manage the encrypted store
    caseworker demo-data --households N --seed S   add demo households
    caseworker list --format json|table            households with their ids (no BSN)
    caseworker export --household ID --format json the whole dossier (audited)

The passphrase comes from the prompt, or from ``CASEWORKER_PASSPHRASE`` for scripts
(``CASEWORKER_NEW_PASSPHRASE`` for the new one of ``change-passphrase``). Any store
error (wrong passphrase, missing key file, damaged database, ...) ends with exit
code 2 and a one-line Dutch message on stderr; no file is touched.

``CASEWORKER_KDF=fast`` is for the test suite only: ``store init`` then uses weak,
fast Argon2 parameters. Never use it for a real store.
"""

from __future__ import annotations

import argparse
import gc
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from caseworker import __version__
from caseworker.paths import DEMO_PASSPHRASE, default_store_dir, demo_store_dir

PASSPHRASE_ENV = "CASEWORKER_PASSPHRASE"
NEW_PASSPHRASE_ENV = "CASEWORKER_NEW_PASSPHRASE"
KDF_ENV = "CASEWORKER_KDF"  # "fast": test suite only
DEMO_HOUSEHOLDS = 200
STATUS_NL = {"intake": "intake", "active": "actief", "closed": "afgesloten"}
EXIT_OK, EXIT_PROBLEM, EXIT_STORE, EXIT_USAGE = 0, 1, 2, 64


class CliError(Exception):
    """A user-facing problem: one Dutch line on stderr and an exit code."""

    def __init__(self, message: str, code: int = EXIT_PROBLEM) -> None:
        super().__init__(message)
        self.code = code


# -- helpers ------------------------------------------------------------------------------


def _kdf() -> Any:
    from caseworker.store import KdfParams

    return KdfParams.fast_for_tests() if os.environ.get(KDF_ENV) == "fast" else KdfParams()


def _ask(prompt: str, env: str, *, confirm: bool = False) -> str:
    value = os.environ.get(env)
    if value:
        return value
    try:
        first = getpass.getpass(prompt)
        if confirm and getpass.getpass("Herhaal het wachtwoord: ") != first:
            raise CliError("De wachtwoorden zijn niet gelijk; er is niets gewijzigd.", EXIT_USAGE)
    except (EOFError, OSError):
        raise CliError(f"Geen wachtwoord opgegeven (zet {env} of gebruik een terminal).") from None
    return first


def _store_dir(args: argparse.Namespace, default: Callable[[], Path] = default_store_dir) -> Path:
    return Path(args.store).expanduser() if args.store else default()


def _unlock(args: argparse.Namespace) -> Any:
    from caseworker.store import Store

    store = Store(_store_dir(args))
    store.read_key_file()  # no store / no key file: say so before asking for a passphrase
    passphrase = _ask("Wachtwoord van de opslag: ", PASSPHRASE_ENV)
    return store.unlock(passphrase)


def _context(store_id: str | None) -> Any:
    from caseworker.services import ServiceContext

    return ServiceContext(user_id=None, client=f"cli/{__version__}", device_id=store_id)


def _reference() -> Any:
    from caseworker.reference.loader import load_reference

    return load_reference()


# -- subcommands --------------------------------------------------------------------------


def cmd_store_init(args: argparse.Namespace, out: TextIO) -> int:
    from caseworker.store import Store

    store = Store(_store_dir(args))
    if store.exists():
        from caseworker.store import StoreExists

        raise StoreExists()
    passphrase = _ask("Kies een wachtwoord (zin van vier woorden): ", PASSPHRASE_ENV, confirm=True)
    store.create(passphrase, _kdf()).close()
    print(f"Versleutelde opslag aangemaakt in {store.directory}", file=out)
    return EXIT_OK


def cmd_store_check(args: argparse.Namespace, out: TextIO) -> int:
    from caseworker.services.audit import verify_chain

    with _unlock(args) as opened:
        problems = opened.check()
        with opened.session() as session:
            chain = verify_chain(session)
    if not chain.ok:
        problems.append(f"auditlog: keten verbroken bij gebeurtenis {chain.first_bad_seq}")
    for problem in problems:
        print(problem, file=out)
    if problems:
        return EXIT_PROBLEM
    print(f"Opslag in orde ({chain.count} auditgebeurtenissen, keten intact).", file=out)
    return EXIT_OK


def cmd_store_change_passphrase(args: argparse.Namespace, out: TextIO) -> int:
    from caseworker.store import Store

    store = Store(_store_dir(args))
    keyfile = store.read_key_file()  # missing store: a clear message before any prompt
    old = _ask("Huidig wachtwoord: ", PASSPHRASE_ENV)
    keyfile.unwrap(old)  # a wrong passphrase fails before the new one is asked
    new = _ask("Nieuw wachtwoord: ", NEW_PASSPHRASE_ENV, confirm=True)
    store.change_passphrase(old, new)
    print("Wachtwoord gewijzigd.", file=out)
    return EXIT_OK


def cmd_demo_data(args: argparse.Namespace, out: TextIO) -> int:
    from caseworker.demo import generate_demo_data

    if args.households < 0:
        raise CliError("--households moet 0 of meer zijn.", EXIT_USAGE)
    reference = _reference()
    with _unlock(args) as opened, opened.transaction() as session:
        summary = generate_demo_data(
            session,
            _context(opened.store_id),
            reference,
            households=args.households,
            seed=args.seed,
        )
    print(
        f"{summary.households} demohuishoudens met {summary.persons} personen toegevoegd.",
        file=out,
    )
    return EXIT_OK


def list_households(session: Any) -> list[dict[str, Any]]:
    """Households with their ids and a few neutral facts; never a BSN."""
    from sqlalchemy import func, select

    from caseworker.models import Household, Person, User

    members = (
        select(Person.household_id, func.count().label("n"))
        .where(Person.deleted.is_(False))
        .group_by(Person.household_id)
        .subquery()
    )
    rows = session.execute(
        select(
            Household.id, Household.name, Household.status, Household.neighbourhood,
            Household.postcode, Household.opened_on, Household.closed_on, User.username,
            func.coalesce(members.c.n, 0),
        )
        .outerjoin(User, User.id == Household.coordinator_id)
        .outerjoin(members, members.c.household_id == Household.id)
        .where(Household.deleted.is_(False))
        .order_by(Household.name, Household.id)
    ).all()  # fmt: skip
    return [
        {
            "id": r[0],
            "name": r[1],
            "status": r[2].value,
            "neighbourhood": r[3],
            "postcode": r[4],
            "opened_on": r[5].isoformat(),
            "closed_on": r[6].isoformat() if r[6] else None,
            "coordinator": r[7],
            "members": int(r[8]),
        }
        for r in rows
    ]


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    from caseworker.services.audit import AuditAction, record

    with _unlock(args) as opened, opened.transaction() as session:
        rows = list_households(session)
        record(
            session,
            _context(opened.store_id),
            AuditAction.VIEW,
            object_type="household_list",
            detail={"count": len(rows)},
        )
    if args.format == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    header = ("ID", "Naam", "Status", "Wijk", "Leden")
    table = [header] + [
        (
            r["id"],
            r["name"],
            STATUS_NL.get(r["status"], r["status"]),
            r["neighbourhood"] or "",
            str(r["members"]),
        )
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for row in table:
        print(
            "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip(), file=out
        )
    return EXIT_OK


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from caseworker.services.errors import NotFound
    from caseworker.services.export import export_household

    with _unlock(args) as opened:
        try:
            with opened.transaction() as session:  # the audit event commits with the export
                data = export_household(session, _context(opened.store_id), args.household)
        except NotFound:
            raise CliError("Huishouden niet gevonden.") from None
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return EXIT_OK


def _launch(store_dir: Path, demo_passphrase: str | None = None) -> int:
    try:
        from caseworker.ui.app import run_app
    except ImportError:
        print("De desktopapplicatie is niet beschikbaar in deze installatie.", file=sys.stderr)
        return EXIT_PROBLEM
    if demo_passphrase is not None:
        return int(run_app(store_dir=store_dir, demo_passphrase=demo_passphrase))
    return int(run_app(store_dir=store_dir))


def ensure_demo_store(store_dir: Path, households: int = DEMO_HOUSEHOLDS) -> bool:
    """Create the demo store with demo data when absent; True when it was created."""
    from caseworker.demo import generate_demo_data
    from caseworker.store import Store

    store = Store(store_dir)
    if store.exists():
        return False
    reference = _reference()
    with store.create(DEMO_PASSPHRASE, _kdf()) as opened, opened.transaction() as session:
        generate_demo_data(session, _context(opened.store_id), reference, households=households)
    # the generator's objects (personal data, if made up) are garbage now: gone before the
    # app starts, rather than as a full collection (≈ 0.5-1 s) during its first unlock
    gc.collect()
    return True


def cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    store_dir = _store_dir(args, demo_store_dir)
    if ensure_demo_store(store_dir):
        print(f"Demo-opslag aangemaakt in {store_dir}", file=out)
    print(f"Wachtwoord van de demo-opslag: {DEMO_PASSPHRASE}", file=out)
    return _launch(store_dir, DEMO_PASSPHRASE)


def cmd_app(args: argparse.Namespace, out: TextIO) -> int:
    return _launch(_store_dir(args))


# -- parser -------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--store", metavar="MAP", default=argparse.SUPPRESS,
        help=f"map van de versleutelde opslag (standaard: {default_store_dir()})",
    )  # fmt: skip
    parser = argparse.ArgumentParser(
        prog="caseworker", description="Caseworker voor WIJ-teams: desktop en opdrachtregel."
    )
    parser.add_argument("--store", metavar="MAP", default=None, help="map van de opslag")
    parser.add_argument("--version", action="version", version=f"caseworker {__version__}")
    parser.set_defaults(handler=cmd_app)
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT")

    store = sub.add_parser("store", help="opslag beheren")
    store_sub = store.add_subparsers(dest="store_command", metavar="ACTIE", required=True)
    for name, handler, text in (
        ("init", cmd_store_init, "nieuwe versleutelde opslag aanmaken"),
        ("check", cmd_store_check, "integriteit en auditketen controleren"),
        ("change-passphrase", cmd_store_change_passphrase, "wachtwoord wijzigen"),
    ):
        store_sub.add_parser(name, parents=[common], help=text).set_defaults(handler=handler)

    demo_data = sub.add_parser("demo-data", parents=[common], help="demohuishoudens toevoegen")
    demo_data.add_argument("--households", type=int, default=DEMO_HOUSEHOLDS, metavar="N")
    demo_data.add_argument("--seed", type=int, default=2026, metavar="S")
    demo_data.set_defaults(handler=cmd_demo_data)

    lister = sub.add_parser("list", parents=[common], help="huishoudens met hun id")
    lister.add_argument("--format", choices=("json", "table"), default="table")
    lister.set_defaults(handler=cmd_list)

    export = sub.add_parser("export", parents=[common], help="dossier exporteren (gelogd)")
    export.add_argument("--household", required=True, metavar="ID")
    export.add_argument("--format", choices=("json",), default="json")
    export.set_defaults(handler=cmd_export)

    sub.add_parser("demo", parents=[common], help="demo-opslag openen").set_defaults(
        handler=cmd_demo
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from caseworker.reference.loader import ReferenceDataError
    from caseworker.store import StoreError

    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args, sys.stdout))
    except StoreError as exc:
        print(f"caseworker: {exc}", file=sys.stderr)
        return EXIT_STORE
    except ReferenceDataError as exc:
        print(f"caseworker: fout in referentiegegevens: {exc}", file=sys.stderr)
        return EXIT_STORE
    except CliError as exc:
        print(f"caseworker: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("caseworker: afgebroken.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
