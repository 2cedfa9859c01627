"""Fixtures for the desktop UI tests: the app configured as in production (Dutch locale,
translations, theme), a throwaway QSettings file and a controller on a fresh store dir."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from caseworker.reference import Reference
from caseworker.reference.loader import load_reference
from caseworker.store import KdfParams, UnlockThrottle
from caseworker.ui.app import configure_application
from caseworker.ui.controller import AppController
from caseworker.ui.i18n_build import build as build_translations
from caseworker.ui.tasks import ThreadTaskRunner

FAST_KDF = KdfParams.fast_for_tests()


@pytest.fixture(scope="session")
def reference() -> Reference:
    return load_reference()


@pytest.fixture(scope="session")
def configured_app(qapp: QApplication) -> QApplication:
    build_translations()
    configure_application(qapp)
    return qapp


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def runner() -> Iterator[ThreadTaskRunner]:
    task_runner = ThreadTaskRunner()
    yield task_runner
    task_runner.wait_for_done()


@pytest.fixture
def controller(
    configured_app: QApplication,
    tmp_path: Path,
    settings: QSettings,
    runner: ThreadTaskRunner,
    reference: Reference,
) -> Iterator[AppController]:
    ctl = AppController(
        tmp_path / "store",
        runner,
        settings,
        lambda: reference,
        kdf=FAST_KDF,
        throttle=UnlockThrottle(base_seconds=0.3),
        idle_ms=10 * 60_000,
    )
    yield ctl
    runner.wait_for_done()
    configured_app.removeEventFilter(ctl.idle)
    ctl.shutdown()
    ctl.window.close()
    ctl.window.deleteLater()


from tests.enrolment_server import (  # noqa: E402, F401  (fixtures: the real server)
    enrol_server,
    enrol_server_template,
    unused_url,
)
