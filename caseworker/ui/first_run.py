"""First run: create the local encrypted store with a passphrase, or enrol with a server."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caseworker.services.ui_support import create_local_user
from caseworker.store import KdfParams, OpenStore, Store, StoreError, assess_passphrase

from .forms import ValidatedForm
from .tasks import TaskRunner
from .theme import icon, theme_tabs, themed

_STRENGTH_COLOURS = ("#b4432f", "#c8642c", "#a86b00", "#3c8a55", "#2e7d4f")


class FirstRunDialog(QDialog):
    """Emits ``created(open_store, user_id)`` once the store exists and is unlocked."""

    created = Signal(object, str)

    def __init__(
        self,
        store: Store,
        runner: TaskRunner,
        kdf: KdfParams | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._runner = runner
        self._kdf = kdf
        self.setWindowTitle(self.tr("Caseworker: first start"))
        self.setWindowIcon(icon("app"))
        self.setMinimumWidth(560)

        intro = QLabel(
            self.tr(
                "Welcome to Caseworker. The data of the families you work with is stored "
                "encrypted on this laptop. Choose how to begin."
            )
        )
        intro.setWordWrap(True)
        self.tabs = theme_tabs(QTabWidget())
        self.tabs.addTab(self._local_page(), self.tr("Start on this laptop"))
        self.tabs.addTab(self._enrol_page(), self.tr("Enrol with a server"))
        self.tabs.setAccessibleName(self.tr("How to begin"))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tabs)

    # -- local store ----------------------------------------------------------------
    def _local_page(self) -> QWidget:
        page = QWidget()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Anna de Vries"))
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setPlaceholderText(self.tr("a sentence of four or more words"))
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength_bar = QProgressBar()
        self.strength_bar.setRange(0, 4)
        self.strength_bar.setTextVisible(False)
        self.strength_bar.setMaximumHeight(8)
        self.strength_bar.setAccessibleName(self.tr("Passphrase strength"))
        self.strength_label = QLabel()
        themed(self.strength_label, "hint")
        self.strength_label.setWordWrap(True)

        self.form = ValidatedForm()
        self.form.add_field("display_name", self.tr("Your &name:"), self.name_edit)
        self.form.add_field("passphrase", self.tr("&Passphrase:"), self.passphrase_edit)
        self.form.addRow("", self.strength_bar)
        self.form.addRow("", self.strength_label)
        self.form.add_field("confirm", self.tr("&Repeat passphrase:"), self.confirm_edit)

        warning = QLabel(
            self.tr(
                "Remember this passphrase well. Without the passphrase the data cannot be "
                "recovered: not by you, not by the administrator, not by anyone."
            )
        )
        themed(warning, "demoHint")
        warning.setWordWrap(True)

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setAccessibleName(self.tr("Creating the encrypted store"))
        self.busy.hide()
        self.status_label = QLabel()
        themed(self.status_label, "fieldError")
        self.status_label.setWordWrap(True)
        self.create_button = QPushButton(self.tr("&Create encrypted store"))
        themed(self.create_button, "primary")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.submit)

        layout = QVBoxLayout(page)
        layout.addLayout(self.form)
        layout.addWidget(warning)
        layout.addWidget(self.busy)
        layout.addWidget(self.status_label)
        layout.addWidget(self.create_button, alignment=Qt.AlignmentFlag.AlignRight)

        self.passphrase_edit.textChanged.connect(self._update_strength)
        self._update_strength("")
        return page

    def _update_strength(self, text: str) -> None:
        assessment = assess_passphrase(text)
        self.strength_bar.setValue(assessment.score if text else 0)
        colour = _STRENGTH_COLOURS[assessment.score]
        self.strength_bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        if not text:
            self.strength_label.setText(self.tr("Strength: enter a passphrase"))
            return
        detail = " ".join(assessment.problems)
        self.strength_label.setText(
            self.tr("Strength: %1").replace("%1", assessment.label)
            + (f" — {detail}" if detail else "")
        )

    def submit(self) -> None:
        self.form.clear_errors()
        self.status_label.clear()
        name = self.name_edit.text().strip()
        passphrase = self.passphrase_edit.text()
        ok = True
        if not name:
            self.form.show_error("display_name", self.tr("Fill in your name."))
            ok = False
        assessment = assess_passphrase(passphrase)
        if not assessment.acceptable:
            self.form.show_error("passphrase", " ".join(assessment.problems))
            ok = False
        elif self.confirm_edit.text() != passphrase:
            self.form.show_error("confirm", self.tr("The two passphrases are not the same."))
            ok = False
        if not ok:
            return
        self._set_busy(True)
        store, kdf = self._store, self._kdf

        def work() -> tuple[OpenStore, str]:
            opened = store.create(passphrase, kdf)
            try:
                with opened.transaction() as session:
                    user_id = create_local_user(session, name)
            except BaseException:
                opened.close()
                raise
            return opened, user_id

        self._runner.run(work, self._done, self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.create_button.setEnabled(not busy)
        for edit in (self.name_edit, self.passphrase_edit, self.confirm_edit):
            edit.setEnabled(not busy)

    def _done(self, result: tuple[OpenStore, str]) -> None:
        self._set_busy(False)
        self.passphrase_edit.clear()
        self.confirm_edit.clear()
        opened, user_id = result
        self.created.emit(opened, user_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, StoreError):
            self.status_label.setText(str(exc))
        else:
            self.status_label.setText(
                self.tr("The store could not be created (%1).").replace("%1", type(exc).__name__)
            )

    # -- enrolment ------------------------------------------------------------------
    def _enrol_page(self) -> QWidget:
        page = QWidget()
        self.server_edit = QLineEdit()
        self.server_edit.setPlaceholderText("https://caseworker.example.nl")
        self.username_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = ValidatedForm()
        form.add_field("server", self.tr("&Server address:"), self.server_edit)
        form.add_field("username", self.tr("&User name:"), self.username_edit)
        form.add_field("password", self.tr("Pass&word:"), self.password_edit)
        note = QLabel(
            self.tr(
                "Enrolling this laptop with your team's server comes in a later version. "
                "For now, start on this laptop."
            )
        )
        themed(note, "hint")
        note.setWordWrap(True)
        self.enrol_button = QPushButton(self.tr("&Enrol"))
        self.enrol_button.setEnabled(False)
        self.enrol_button.setToolTip(self.tr("comes in a later version"))
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addWidget(self.enrol_button, alignment=Qt.AlignmentFlag.AlignRight)
        return page
