"""Screenshots for the README: first run (both tabs), caseload, dossier and lock screen.

Run under a (virtual) screen: ``xvfb-run -a .venv/bin/python -m caseworker.ui.screenshots``
(``--first-run-only``: just the two first-run screenshots).
Builds a throwaway demo store (demo data only, never real families) in a temp dir.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from caseworker.demo import generate_demo_data
from caseworker.reference.loader import load_reference
from caseworker.services import ServiceContext
from caseworker.store import KdfParams, Store, UnlockThrottle

from .app import configure_application
from .controller import AppController
from .i18n_build import build as build_translations
from .tasks import InlineTaskRunner

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
DEMO_PASSPHRASE = "demo-keukentafel-2026"
FAST = KdfParams.fast_for_tests()


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def grab(app: QApplication, widget: QWidget, name: str) -> None:
    settle(app)
    OUT.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(OUT / f"{name}.png"))
    print(f"screenshot: {name}.png")


def main() -> int:
    build_translations()
    app = QApplication(sys.argv[:1])
    configure_application(app)
    reference = load_reference()
    with tempfile.TemporaryDirectory(prefix="cw-shots-") as tmp:
        root = Path(tmp)
        settings = QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat)

        # first run
        first = AppController(
            root / "new", InlineTaskRunner(), settings, lambda: reference, kdf=FAST
        )
        first.start()
        dialog = first.first_run
        assert dialog is not None
        dialog.name_edit.setText("Anna de Vries")
        dialog.passphrase_edit.setText("fietsen langs het reitdiep")
        dialog.resize(640, 600)
        grab(app, dialog, "first-run")
        dialog.tabs.setCurrentIndex(1)
        dialog.server_edit.setText("https://caseworker.gemeente.nl")
        dialog.username_edit.setText("a.devries")
        dialog.password_edit.setText("wachtwoord-van-de-server")
        dialog.enrol_passphrase.passphrase_edit.setText("fietsen langs het reitdiep")
        grab(app, dialog, "first-run-enrol")
        dialog.close()
        if "--first-run-only" in sys.argv[1:]:
            return 0

        # a demo store
        demo_dir = root / "demo"
        opened = Store(demo_dir).create(DEMO_PASSPHRASE, FAST)
        with opened.transaction() as session:
            generate_demo_data(
                session,
                ServiceContext(user_id=None),
                reference,
                households=80,
                seed=7,
                today=date.today(),
            )
        opened.close()

        ctl = AppController(
            demo_dir,
            InlineTaskRunner(),
            settings,
            lambda: reference,
            demo_passphrase=DEMO_PASSPHRASE,
            throttle=UnlockThrottle(),
        )
        ctl.start()
        unlock = ctl.unlock_dialog
        assert unlock is not None
        unlock.panel.passphrase_edit.setText(DEMO_PASSPHRASE)
        unlock.panel.submit()
        window = ctl.window
        window.resize(1360, 820)
        window.show()
        caseload = window.caseload
        assert caseload is not None
        caseload.scope_combo.setCurrentIndex(1)  # the whole team
        grab(app, window, "caseload")

        rows = sorted(caseload.model.rows, key=lambda r: (-len(r.alerts), -r.member_count))
        view = window.open_dossier(rows[0].household_id)
        assert view is not None
        view.sections.setCurrentWidget(view.members)
        grab(app, window, "dossier")

        ctl.lock()
        grab(app, window, "lock-screen")
        ctl.shutdown()
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
