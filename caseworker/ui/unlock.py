"""Unlocking the store: the passphrase panel (used by the start dialog and the lock
screen) with a growing back-off after wrong passphrases; the KDF runs off the GUI thread."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseworker.store import OpenStore, Store, StoreError, UnlockThrottle, WrongPassphrase

from .tasks import TaskRunner
from .theme import icon, themed


class UnlockPanel(QWidget):
    """Passphrase field + button. Emits ``unlocked(open_store)``."""

    unlocked = Signal(object)

    def __init__(
        self,
        store: Store,
        runner: TaskRunner,
        throttle: UnlockThrottle,
        demo_passphrase: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._runner = runner
        self._throttle = throttle
        self._busy = False

        self.demo_label = QLabel()
        themed(self.demo_label, "demoHint")
        self.demo_label.setWordWrap(True)
        self.demo_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if demo_passphrase:
            self.demo_label.setText(
                self.tr("Demo: the passphrase is %1").replace("%1", demo_passphrase)
            )
        else:
            self.demo_label.hide()

        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase_edit.setAccessibleName(self.tr("Passphrase"))
        self.passphrase_edit.returnPressed.connect(self.submit)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        themed(self.unlock_button, "primary")
        self.unlock_button.setIcon(icon("unlock"))
        self.unlock_button.clicked.connect(self.submit)
        self.error_label = QLabel()
        themed(self.error_label, "fieldError")
        self.error_label.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(6)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Unlocking"))
        self.busy.hide()

        entry = QHBoxLayout()
        entry.addWidget(self.passphrase_edit, 1)
        entry.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.demo_label)
        layout.addLayout(entry)
        layout.addWidget(self.busy)
        layout.addWidget(self.error_label)

        self._countdown = QTimer(self)
        self._countdown.setInterval(200)
        self._countdown.timeout.connect(self._tick)
        self._tick()

    def focus_passphrase(self) -> None:
        self.passphrase_edit.setFocus()

    def reset(self) -> None:
        self.passphrase_edit.clear()
        self.error_label.clear()

    def submit(self) -> None:
        if self._busy or self._throttle.wait_remaining() > 0:
            return
        passphrase = self.passphrase_edit.text()
        if not passphrase:
            self.error_label.setText(self.tr("Enter your passphrase."))
            return
        self._set_busy(True)
        self.error_label.clear()
        store = self._store
        self._runner.run(lambda: store.unlock(passphrase), self._done, self._failed)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setVisible(busy)
        self.passphrase_edit.setEnabled(not busy)
        self._tick()

    def _done(self, opened: OpenStore) -> None:
        self._throttle.record_success()
        self.passphrase_edit.clear()
        self._set_busy(False)
        self.unlocked.emit(opened)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, WrongPassphrase):
            self._throttle.record_failure()
            self.passphrase_edit.selectAll()
            self.error_label.setText(self.tr("The passphrase is not correct."))
            self._countdown.start()
            self._tick()
        elif isinstance(exc, StoreError):
            self.error_label.setText(str(exc))
        else:
            self.error_label.setText(
                self.tr("The store could not be opened (%1).").replace("%1", type(exc).__name__)
            )
        self.passphrase_edit.setFocus()

    def _tick(self) -> None:
        remaining = self._throttle.wait_remaining()
        if remaining > 0:
            seconds = max(1, math.ceil(remaining))
            self.unlock_button.setEnabled(False)
            self.unlock_button.setText(self.tr("Try again in %1 s").replace("%1", str(seconds)))
            return
        self._countdown.stop()
        self.unlock_button.setText(self.tr("&Unlock"))
        self.unlock_button.setEnabled(not self._busy)


class UnlockDialog(QDialog):
    """The start dialog when a store exists. ``opened`` is set once it is accepted."""

    def __init__(
        self,
        store: Store,
        runner: TaskRunner,
        throttle: UnlockThrottle,
        demo_passphrase: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.opened: OpenStore | None = None
        self.setWindowTitle(self.tr("Unlock Caseworker"))
        self.setWindowIcon(icon("app"))
        self.setMinimumWidth(460)
        title = QLabel(self.tr("Unlock Caseworker"))
        themed(title, "pageTitle")
        text = QLabel(self.tr("Enter your passphrase to open the encrypted store on this laptop."))
        text.setWordWrap(True)
        self.panel = UnlockPanel(store, runner, throttle, demo_passphrase, self)
        self.panel.unlocked.connect(self._unlocked)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(self.panel)
        self.panel.focus_passphrase()

    def _unlocked(self, opened: OpenStore) -> None:
        self.opened = opened
        self.accept()
