"""End to end through the real widgets: first run → create store → a household with two
persons → search finds it → open dossier → lock → data hidden → unlock (wrong, then right)."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from caseworker.services.audit import events
from caseworker.ui.app import configure_application
from caseworker.ui.caseload_model import COL_NAME
from caseworker.ui.controller import AppController
from caseworker.ui.dialogs.household_dialog import HouseholdDialog
from caseworker.ui.dialogs.person_dialog import PersonDialog
from caseworker.ui.dossier.view import DossierView

PASSPHRASE = "fietsen langs het reitdiep in de regen"
FAMILY = "Familie Zwanenburg"


def visible_texts(root: QWidget) -> list[str]:
    """Every text a user could read in ``root``: labels, line edits, table cells, titles."""
    texts = [root.windowTitle()]
    for label in root.findChildren(QLabel):
        texts.append(label.text())
    for edit in root.findChildren(QLineEdit):
        texts.append(edit.text())
    for table in root.findChildren(QTableWidget):
        for r in range(table.rowCount()):
            for c in range(table.columnCount()):
                item = table.item(r, c)
                texts.append(item.text() if item else "")
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None:
            for r in range(model.rowCount()):
                texts.append(str(model.index(r, 0).data()))
    return texts


def create_store(qtbot: QtBot, controller: AppController) -> None:
    controller.start()
    dialog = controller.first_run
    assert dialog is not None
    qtbot.keyClicks(dialog.name_edit, "Anna de Vries")
    qtbot.keyClicks(dialog.passphrase_edit, "kort")
    assert dialog.strength_bar.value() <= 1
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.form.errors["passphrase"].isVisibleTo(dialog)  # too short: shown at the field
    dialog.passphrase_edit.clear()
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    assert dialog.strength_bar.value() >= 3
    qtbot.keyClicks(dialog.confirm_edit, PASSPHRASE + "x")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.form.errors["confirm"].isVisibleTo(dialog)
    dialog.confirm_edit.clear()
    qtbot.keyClicks(dialog.confirm_edit, PASSPHRASE)
    with qtbot.waitSignal(controller.unlocked, timeout=10_000):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        assert dialog.busy.isVisibleTo(dialog)  # KDF work runs on a worker thread
    assert not controller.is_locked


def add_person(qtbot: QtBot, view: DossierView, given: str, birth: str, bsn: str) -> None:
    qtbot.mouseClick(view.members.add_person_button, Qt.MouseButton.LeftButton)
    dialog = view.current_dialog
    assert isinstance(dialog, PersonDialog)
    qtbot.keyClicks(dialog.given_edit, given)
    qtbot.keyClicks(dialog.family_edit, "Zwanenburg")
    qtbot.keyClicks(dialog.birth_edit, birth)
    qtbot.keyClicks(dialog.bsn_edit, "123456789")  # fails the 11-proef
    dialog.submit()
    assert dialog.isVisible()
    assert "11-proef" in dialog.form.errors["bsn"].text()
    dialog.bsn_edit.clear()
    qtbot.keyClicks(dialog.bsn_edit, bsn)
    with qtbot.waitSignal(view.changed, timeout=5_000):
        dialog.submit()


def press(qtbot: QtBot, window: QWidget, key: Qt.Key) -> None:
    """A Ctrl+key shortcut as the user types it, with the main window active."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)


def test_first_run_to_unlock(qtbot: QtBot, controller: AppController) -> None:
    window = controller.window
    qtbot.addWidget(window)
    create_store(qtbot, controller)
    assert window.caseload is not None
    first = window.caseload
    qtbot.waitUntil(lambda: first.model.total_count() == 0)

    # a household with two persons
    press(qtbot, window, Qt.Key.Key_N)
    dialog = window.current_dialog
    assert isinstance(dialog, HouseholdDialog)
    qtbot.keyClicks(dialog.postcode_edit, "97 12")  # wrong shape
    dialog.submit()
    assert dialog.form.errors["name"].isVisibleTo(dialog)  # name is required
    qtbot.keyClicks(dialog.name_edit, FAMILY)
    dialog.submit()
    assert dialog.form.errors["postcode"].isVisibleTo(dialog)
    dialog.postcode_edit.clear()
    qtbot.keyClicks(dialog.postcode_edit, "9712ab")
    qtbot.keyClicks(dialog.street_edit, "Zuiderdiep")
    qtbot.keyClicks(dialog.number_edit, "12")
    qtbot.keyClicks(dialog.city_edit, "Groningen")
    dialog.submit()
    qtbot.waitUntil(lambda: len(window.dossier_tabs()) == 1)
    view = window.dossier_tabs()[0]
    add_person(qtbot, view, "Sanne", "14-03-1988", "111222333")
    add_person(qtbot, view, "Daan", "02-09-2014", "123456782")
    assert view.members.persons_table.rowCount() == 2
    press(qtbot, window, Qt.Key.Key_W)
    assert window.dossier_tabs() == []

    # search finds it (by a member's birth date and by name prefix)
    caseload = window.caseload
    assert caseload is not None
    qtbot.waitUntil(lambda: caseload.model.total_count() == 1)
    press(qtbot, window, Qt.Key.Key_F)
    qtbot.keyClicks(caseload.search_edit, "Xylofoon")
    assert caseload.model.rowCount() == 0
    caseload.search_edit.clear()
    qtbot.keyClicks(caseload.search_edit, "02-09-2014")
    assert caseload.model.rowCount() == 1
    caseload.search_edit.clear()
    qtbot.keyClicks(caseload.search_edit, "zwanen")
    assert caseload.model.rowCount() == 1
    assert caseload.model.index(0, COL_NAME).data() == FAMILY

    # open the dossier from the table: audited
    caseload.table.doubleClicked.emit(caseload.model.index(0, COL_NAME))
    assert len(window.dossier_tabs()) == 1
    assert window.dossier_tabs()[0].header.title.text() == FAMILY
    assert controller.deps is not None
    with controller.deps.store.session() as session:
        views = [e for e in events(session) if e.action == "view"]
    assert views and views[0].object_type == "household"

    # lock: nothing personal left anywhere in the window
    press(qtbot, window, Qt.Key.Key_L)
    assert controller.is_locked
    assert window.dossier_tabs() == []
    assert window.caseload is None
    assert window.root.currentWidget() is window.lock_screen
    texts = visible_texts(window)
    assert not any("Zwanenburg" in t or "Zuiderdiep" in t for t in texts)

    # unlock: wrong passphrase → message and back-off; then the right one
    panel = window.lock_screen.panel
    qtbot.keyClicks(panel.passphrase_edit, "dit is niet het wachtwoord")
    qtbot.mouseClick(panel.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.error_label.text() != "", timeout=5_000)
    assert controller.is_locked
    assert not panel.unlock_button.isEnabled()  # countdown
    qtbot.waitUntil(panel.unlock_button.isEnabled, timeout=5_000)
    panel.passphrase_edit.clear()
    qtbot.keyClicks(panel.passphrase_edit, PASSPHRASE)
    with qtbot.waitSignal(controller.unlocked, timeout=10_000):
        qtbot.mouseClick(panel.unlock_button, Qt.MouseButton.LeftButton)
    restored = window.caseload
    assert restored is not None
    qtbot.waitUntil(lambda: restored.model.total_count() == 1)


def test_qt_paints_on_the_gui_thread(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    """Qt's raster pool costs a keystroke 1.5-2 ms of waking threads (docs/performance.md)."""
    monkeypatch.delenv("QT_NO_GUI_THREADPOOL", raising=False)
    configure_application(qapp)
    assert os.environ["QT_NO_GUI_THREADPOOL"] == "1"
