"""First run, "Enrol with a server": the real dialog against the real server on 127.0.0.1.

Enrolling creates the encrypted store with the server's user and team ids and the device
credential inside it (the token in no file in plain bytes); failures show a Dutch message
in the form and leave nothing on disk."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from caseworker.models import ServerCredential, User
from caseworker.store import Store
from caseworker.ui.controller import AppController
from caseworker.ui.first_run import FirstRunDialog
from tests.enrolment_server import DISPLAY_NAME, PASSWORD, USERNAME, EnrolServer

PASSPHRASE = "fietsen langs het reitdiep in de regen"


def enrol_tab(qtbot: QtBot, controller: AppController) -> FirstRunDialog:
    controller.start()
    dialog = controller.first_run
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(1)
    assert dialog.enrol_button.isDefault() and not dialog.create_button.isDefault()
    return dialog


def fill(
    qtbot: QtBot,
    dialog: FirstRunDialog,
    server: str,
    password: str = PASSWORD,
    passphrase: str = PASSPHRASE,
) -> None:
    for edit, text in (
        (dialog.server_edit, server),
        (dialog.username_edit, USERNAME),
        (dialog.password_edit, password),
        (dialog.enrol_passphrase.passphrase_edit, passphrase),
        (dialog.enrol_passphrase.confirm_edit, passphrase),
    ):
        edit.clear()
        qtbot.keyClicks(edit, text)


def test_enrol_creates_the_store_with_the_servers_user(
    qtbot: QtBot, controller: AppController, enrol_server: EnrolServer
) -> None:
    dialog = enrol_tab(qtbot, controller)
    fill(qtbot, dialog, enrol_server.url)
    assert dialog.enrol_passphrase.strength_bar.value() >= 3
    with qtbot.waitSignal(controller.unlocked, timeout=20_000):
        qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
        assert dialog.enrol_busy.isVisibleTo(dialog)  # network + KDF on a worker thread
    user_id = enrol_server.world.users[USERNAME]
    assert controller.deps is not None and controller.deps.ctx.user_id == user_id
    assert controller.window.sync_label.text() == "Aangemeld bij 127.0.0.1"
    assert (
        dialog.password_edit.text() == "" and dialog.enrol_passphrase.passphrase_edit.text() == ""
    )
    controller.lock()

    directory = controller.store.directory
    with Store(directory).unlock(PASSPHRASE) as opened, opened.session() as session:
        credential = session.get(ServerCredential, 1)
        assert credential is not None
        assert credential.user_id == user_id and credential.server_url == enrol_server.url
        token = credential.token
        user = session.get(User, user_id)
        assert user is not None and user.display_name == DISPLAY_NAME
        assert user.team_id == enrol_server.world.team_a
    needles = [token.encode(), token.encode("utf-16-le"), PASSWORD.encode()]
    files = [p for p in directory.rglob("*") if p.is_file()]
    assert files
    for path in files:
        data = path.read_bytes()
        assert not [n for n in needles if n in data], f"secret in plain bytes in {path.name}"
    # nor in the settings file
    settings_file = Path(controller.settings.fileName())
    if settings_file.exists():
        assert token.encode() not in settings_file.read_bytes()


def test_wrong_password_shows_a_dutch_message_and_creates_nothing(
    qtbot: QtBot, controller: AppController, enrol_server: EnrolServer
) -> None:
    dialog = enrol_tab(qtbot, controller)
    fill(qtbot, dialog, enrol_server.url, password="dit is het niet")
    with qtbot.waitSignal(dialog.failed, timeout=20_000) as failed:
        qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
    assert failed.args == ["De gebruikersnaam of het wachtwoord klopt niet."]
    assert dialog.enrol_form.errors["password"].isVisibleTo(dialog)
    assert dialog.enrol_button.isEnabled() and not dialog.enrol_busy.isVisibleTo(dialog)
    assert not controller.store.directory.exists()
    assert controller.is_locked


def test_unreachable_server_shows_a_message(
    qtbot: QtBot, controller: AppController, unused_url: str
) -> None:
    dialog = enrol_tab(qtbot, controller)
    fill(qtbot, dialog, unused_url)
    with qtbot.waitSignal(dialog.failed, timeout=20_000) as failed:
        qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
    assert "niet bereikbaar" in failed.args[0]
    assert dialog.enrol_form.errors["server"].text() == failed.args[0]
    assert not controller.store.directory.exists()


def test_plain_http_to_another_host_is_refused_in_the_form(
    qtbot: QtBot, controller: AppController
) -> None:
    dialog = enrol_tab(qtbot, controller)
    fill(qtbot, dialog, "http://caseworker.gemeente.nl")
    qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)  # refused at once
    message = dialog.enrol_form.errors["server"]
    assert message.isVisibleTo(dialog) and "https://" in message.text()
    assert not dialog.enrol_busy.isVisibleTo(dialog)
    assert not controller.store.directory.exists()


def test_weak_passphrase_and_empty_fields_are_shown_at_their_fields(
    qtbot: QtBot, controller: AppController
) -> None:
    dialog = enrol_tab(qtbot, controller)
    qtbot.keyClicks(dialog.enrol_passphrase.passphrase_edit, "kort")
    qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
    for field in ("server", "username", "password"):
        assert dialog.enrol_form.errors[field].isVisibleTo(dialog), field
    assert dialog.enrol_passphrase_form.errors["passphrase"].isVisibleTo(dialog)
    assert not controller.store.directory.exists()


def test_every_enrol_input_has_an_accessible_name_and_a_mnemonic(
    qtbot: QtBot, controller: AppController
) -> None:
    dialog = enrol_tab(qtbot, controller)
    page = dialog.tabs.widget(1)
    assert page is not None
    edits = page.findChildren(QLineEdit)
    assert len(edits) == 5
    buddies = {label.buddy(): label.text() for label in page.findChildren(QLabel) if label.buddy()}
    mnemonics = set()
    for edit in edits:
        assert edit.accessibleName(), edit
        label = buddies.get(edit)
        assert label is not None and "&" in label, edit.accessibleName()
        mnemonics.add(label[label.index("&") + 1].lower())
    mnemonics.add(dialog.enrol_button.text()[dialog.enrol_button.text().index("&") + 1].lower())
    assert len(mnemonics) == 6  # no two inputs share an Alt key
    assert "Wachtwoord bij de server" in {e.accessibleName() for e in edits}


def test_tab_walks_the_enrol_form_in_reading_order(qtbot: QtBot, controller: AppController) -> None:
    dialog = enrol_tab(qtbot, controller)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    order = [
        dialog.server_edit,
        dialog.username_edit,
        dialog.password_edit,
        dialog.enrol_passphrase.passphrase_edit,
        dialog.enrol_passphrase.confirm_edit,
        dialog.enrol_button,
    ]
    dialog.server_edit.setFocus()
    reached = [dialog.focusWidget()]
    for _ in order[1:]:
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        reached.append(dialog.focusWidget())
    assert reached == order
