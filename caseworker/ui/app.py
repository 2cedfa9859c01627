"""Entry point of the desktop app: ``run_app(store_dir, demo_passphrase=None)``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from caseworker.paths import builtin_resources_dir
from caseworker.reference import Reference
from caseworker.store import KdfParams

from .controller import AppController
from .plan.wiring import CaseworkWiring, casework_sections
from .tasks import ThreadTaskRunner
from .theme import apply_theme

TRANSLATIONS = builtin_resources_dir() / "translations"
DUTCH = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)


def install_translators(app: QApplication, directory: Path = TRANSLATIONS) -> list[QTranslator]:
    """Load Qt's own Dutch strings and every ``*_nl.qm`` of ours (one per part of the app)."""
    translators: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_base = QTranslator(app)
    if qt_base.load(DUTCH, "qtbase", "_", qt_dir):
        app.installTranslator(qt_base)
        translators.append(qt_base)
    for qm in sorted(directory.glob("*_nl.qm")):
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def configure_application(app: QApplication) -> list[QTranslator]:
    """Locale, names, theme and translations; call before anything is painted."""
    paint_on_the_gui_thread()
    QLocale.setDefault(DUTCH)
    app.setApplicationName("Caseworker")
    app.setOrganizationName("WIJ Groningen")
    app.setApplicationDisplayName("Caseworker")
    apply_theme(app)
    return install_translators(app)


def paint_on_the_gui_thread() -> None:
    """Keep Qt's raster painting on the GUI thread (``QT_NO_GUI_THREADPOOL``).

    Qt hands large fills to a pool of threads and waits for them. For this app's
    repaints that costs more than it saves: the caseload's scroll bar repaints on
    every keystroke (a new slider length) and each time woke pool threads and waited,
    ≈ 1.5-2 ms per keystroke on 2 cores and more when the other core is busy
    (docs/performance.md, "Desktop UI"). Qt reads the variable once, when it first
    needs the pool: this runs before the application object exists (``run_app``; the
    tests set it in their conftest)."""
    os.environ["QT_NO_GUI_THREADPOOL"] = "1"


def load_reference_data() -> Reference:
    from caseworker.reference.loader import load_reference

    return load_reference()


def run_app(
    store_dir: Path, demo_passphrase: str | None = None, kdf: KdfParams | None = None
) -> int:
    """Open the desktop app on ``store_dir`` (first run when it has no store yet)."""
    paint_on_the_gui_thread()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    configure_application(app)
    reference = load_reference_data()  # fails loudly at start on a malformed resource file
    controller = AppController(
        Path(store_dir),
        ThreadTaskRunner(),
        QSettings(),
        lambda: reference,
        kdf=kdf,
        demo_passphrase=demo_passphrase,
        sections=casework_sections(),
    )
    CaseworkWiring(controller)  # intake wizard, team dashboard (caseworker.ui.plan.wiring)
    app.aboutToQuit.connect(controller.shutdown)
    app.setQuitOnLastWindowClosed(True)
    controller.start()
    return int(app.exec())
