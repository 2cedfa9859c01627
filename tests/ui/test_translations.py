"""The Dutch translation is complete: every tr() string of the desktop UI is in the .ts,
finished and non-empty, and no visible text of the main screens is left in English."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from caseworker.ui.controller import AppController
from caseworker.ui.dialogs.household_dialog import HouseholdDialog
from caseworker.ui.dialogs.journal_dialog import JournalEntryDialog
from caseworker.ui.dialogs.network_dialog import NetworkContactDialog
from caseworker.ui.dialogs.person_dialog import PersonDialog
from caseworker.ui.unlock import UnlockDialog

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "caseworker_nl.ts"
UI = ROOT / "caseworker" / "ui"
NOT_OURS = {"tasks.py", "deps.py", "i18n_build.py", "screenshots.py"}


def our_sources() -> list[Path]:
    files = [*UI.glob("*.py"), *(UI / "dialogs").glob("*.py"), *(UI / "dossier").glob("*.py")]
    return sorted(f for f in files if f.name not in NOT_OURS)


def messages(ts: Path) -> dict[tuple[str, str], tuple[str | None, str | None]]:
    """(context, source) -> (translation text, translation type)."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found[(name, message.findtext("source") or "")] = (
                translation.text,
                translation.get("type"),
            )
    return found


def test_ts_is_complete_and_finished() -> None:
    entries = messages(TS_FILE)
    assert entries
    bad = [key for key, (text, kind) in entries.items() if not (text or "").strip() or kind]
    assert bad == [], f"untranslated or unfinished: {bad}"


def test_every_tr_string_is_in_the_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run(
        [str(lupdate), *map(str, our_sources()), "-ts", str(fresh), "-silent"], check=True
    )
    missing = set(messages(fresh)) - set(messages(TS_FILE))
    assert missing == set(), f"tr() strings missing from caseworker_nl.ts: {sorted(missing)}"


def english_sources() -> set[str]:
    """English source texts that differ from their Dutch (and are no Dutch text themselves,
    like "Kind": a journal kind in English, a child in Dutch)."""
    entries = messages(TS_FILE).items()
    dutch = {(text or "").replace("&", "") for _key, (text, _kind) in entries}
    return {
        source.replace("&", "")
        for (_ctx, source), (text, _kind) in entries
        if text and text.replace("&", "") != source.replace("&", "")
    } - dutch


def visible_texts(root: QWidget) -> set[str]:
    widgets = [root, *root.findChildren(QWidget)]
    texts: set[str] = set()
    for widget in widgets:
        texts.add(widget.windowTitle())
        texts.add(widget.toolTip())
        texts.add(widget.accessibleName())
        if isinstance(widget, QLabel | QAbstractButton):
            texts.add(widget.text())
        if isinstance(widget, QLineEdit):
            texts.add(widget.placeholderText())
        if isinstance(widget, QGroupBox):
            texts.add(widget.title())
        if isinstance(widget, QComboBox):
            texts.update(widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QListWidget):
            texts.update(widget.item(i).text() for i in range(widget.count()))
        if isinstance(widget, QTabWidget):
            texts.update(widget.tabText(i) for i in range(widget.count()))
        if isinstance(widget, QMenu):
            texts.update(a.text() for a in widget.actions())
            texts.add(widget.title())
    return {t.replace("&", "") for t in texts if t}


def test_screens_show_no_english(qtbot: QtBot, controller: AppController) -> None:
    app = QApplication.instance()
    assert app is not None
    english = english_sources()
    controller.start()
    assert controller.first_run is not None
    screens: list[QWidget] = [controller.first_run, controller.window]
    store = controller.store
    screens.append(UnlockDialog(store, controller.runner, controller.throttle, "demo"))
    for screen in screens:
        leftovers = visible_texts(screen) & english
        assert leftovers == set(), f"{type(screen).__name__} shows English: {sorted(leftovers)}"
    assert "zonder wachtwoord zijn de gegevens niet terug te halen" in " ".join(
        visible_texts(controller.first_run)
    )


def test_dialogs_show_no_english(qtbot: QtBot, controller: AppController) -> None:
    from tests.ui.test_app_flow import create_store

    create_store(qtbot, controller)
    deps = controller.deps
    assert deps is not None
    english = english_sources()
    dialogs: list[QWidget] = [
        HouseholdDialog(deps),
        PersonDialog(deps, "x"),
        NetworkContactDialog(deps, "x", []),
        JournalEntryDialog(deps, "x"),
        controller.window,
    ]
    for dialog in dialogs:
        leftovers = visible_texts(dialog) & english
        assert leftovers == set(), f"{type(dialog).__name__} shows English: {sorted(leftovers)}"
        if dialog is not controller.window:
            dialog.deleteLater()
