"""The command line, run as a real subprocess against a real encrypted store."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from caseworker.cli import ensure_demo_store, main
from caseworker.models import AuditEvent, Household, Person
from caseworker.paths import DEMO_PASSPHRASE
from caseworker.services.audit import verify_chain
from caseworker.store import Store
from tests.conftest import FAST_KDF

# The subprocesses share one store: keep these tests on one xdist worker.
pytestmark = pytest.mark.xdist_group("cli")

PASSPHRASE = "kopje koffie aan de keukentafel"
NEW_PASSPHRASE = "fietsen langs het reitdiep in de regen"


def _run(
    *args: str, passphrase: str | None = PASSPHRASE, **env: str
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CASEWORKER_")}
    environment.update(CASEWORKER_KDF="fast", **env)  # test-only fast Argon2 parameters
    if passphrase is not None:
        environment["CASEWORKER_PASSPHRASE"] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "caseworker.cli", *args],
        capture_output=True,
        text=True,
        env=environment,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


def _fingerprint(directory: Path) -> dict[str, tuple[str, int]]:
    return {
        str(p.relative_to(directory)): (
            hashlib.sha256(p.read_bytes()).hexdigest(),
            p.stat().st_mtime_ns,
        )
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def _main(monkeypatch: pytest.MonkeyPatch, *args: str, passphrase: str = PASSPHRASE) -> int:
    """The same entry point in-process (cheap), for the cases beside the subprocess runs."""
    monkeypatch.setenv("CASEWORKER_PASSPHRASE", passphrase)
    monkeypatch.setenv("CASEWORKER_KDF", "fast")
    return main(list(args))


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("cli") / "store"
    init = _run("store", "init", "--store", str(directory))
    assert init.returncode == 0, init.stderr
    assert (directory / "caseworker.keys").is_file()
    demo = _run("demo-data", "--households", "12", "--seed", "5", "--store", str(directory))
    assert demo.returncode == 0, demo.stderr
    assert "12 demohuishoudens" in demo.stdout
    return directory


def test_list_json_and_table(store_dir: Path) -> None:
    listed = _run("list", "--format", "json", "--store", str(store_dir))
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert len(rows) == 12 and all(len(r["id"]) == 36 for r in rows)
    table = _run("list", "--store", str(store_dir))
    assert table.returncode == 0
    lines = table.stdout.splitlines()
    assert lines[0].split()[:2] == ["ID", "Naam"] and len(lines) == 13
    assert all(r["id"] in table.stdout and r["name"] in table.stdout for r in rows)
    with Store(store_dir).unlock(PASSPHRASE) as opened, opened.session() as s:
        bsns = [b for b in s.execute(select(Person.bsn)).scalars() if b]
    assert bsns and not any(b in table.stdout or b in listed.stdout for b in bsns)


def test_export_is_complete_and_audited(store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(store_dir).unlock(PASSPHRASE) as opened, opened.session() as s:
        household = s.execute(select(Household).order_by(Household.name)).scalars().first()
        assert household is not None
        hid, name = household.id, household.name
        before = s.execute(select(AuditEvent).where(AuditEvent.action == "export")).all()
    result = _run("export", "--household", hid, "--format", "json", "--store", str(store_dir))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["household"]["id"] == hid and data["household"]["name"] == name
    assert data["persons"] and data["assessments"]
    with Store(store_dir).unlock(PASSPHRASE) as opened, opened.session() as s:
        events = s.execute(select(AuditEvent).where(AuditEvent.action == "export")).scalars().all()
        assert len(events) == len(before) + 1
        assert events[-1].household_id == hid and events[-1].client.startswith("cli/")
        assert verify_chain(s).ok
    assert _main(monkeypatch, "export", "--household", "nope", "--store", str(store_dir)) == 1


def test_wrong_passphrase_exit_2_and_nothing_touched(
    store_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _fingerprint(store_dir)
    for args in (("list",), ("export", "--household", "x")):
        result = _run(*args, "--store", str(store_dir), passphrase="dit is niet het wachtwoord")
        assert result.returncode == 2, result.stderr
        assert result.stderr.strip().count("\n") == 0  # one line, no traceback
        assert "wachtwoord is onjuist" in result.stderr and "Traceback" not in result.stderr
        assert result.stdout == ""
    wrong = "dit is niet het wachtwoord"
    for more in (["store", "check"], ["demo-data"], ["store", "change-passphrase"]):
        assert _main(monkeypatch, *more, "--store", str(store_dir), passphrase=wrong) == 2
    assert _main(monkeypatch, "store", "init", "--store", str(store_dir)) == 2
    assert _fingerprint(store_dir) == before
    elsewhere = store_dir.parent / "elders"
    assert _main(monkeypatch, "list", "--store", str(elsewhere)) == 2
    assert "store init" in capsys.readouterr().err
    assert not elsewhere.exists()


def test_check_and_change_passphrase(
    store_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check = _run("store", "check", "--store", str(store_dir))
    assert check.returncode == 0 and "in orde" in check.stdout
    other = tmp_path / "other"
    Store(other).create(PASSPHRASE, FAST_KDF).close()
    changed = _run(
        "store",
        "change-passphrase",
        "--store",
        str(other),
        CASEWORKER_NEW_PASSPHRASE=NEW_PASSPHRASE,
    )
    assert changed.returncode == 0, changed.stderr
    assert _main(monkeypatch, "list", "--store", str(other)) == 2
    assert _main(monkeypatch, "list", "--store", str(other), passphrase=NEW_PASSPHRASE) == 0
    weak = tmp_path / "weak"
    assert _main(monkeypatch, "store", "init", "--store", str(weak), passphrase="kort") == 2


def test_demo_store_is_created_once_with_the_demo_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CASEWORKER_KDF", "fast")
    demo_dir = tmp_path / "demo"
    assert ensure_demo_store(demo_dir, households=4) is True
    before = _fingerprint(demo_dir)
    assert ensure_demo_store(demo_dir, households=4) is False  # present: left alone
    assert _fingerprint(demo_dir) == before
    with Store(demo_dir).unlock(DEMO_PASSPHRASE) as opened, opened.session() as s:
        assert len(s.execute(select(Household.id)).all()) == 4
