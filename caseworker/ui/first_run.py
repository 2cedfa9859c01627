"""First run: create the local encrypted store with a passphrase, or enrol with a server."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caseworker.services.ui_support import create_local_user
from caseworker.store import KdfParams, OpenStore, Store, StoreError
from caseworker.sync.enrolment import (
    EnrolledStore,
    EnrolmentError,
    enrol_new_store,
    normalise_server_url,
)

from .forms import ValidatedForm
from .passphrase_fields import PassphraseFields
from .tasks import TaskRunner
from .theme import icon, theme_tabs, themed


class FirstRunDialog(QDialog):
    """Emits ``created(open_store, user_id)`` once the store exists and is unlocked."""

    created = Signal(object, str)
    failed = Signal(str)  # the message shown, after creating or enrolling failed

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
        self.tabs.currentChanged.connect(self._tab_changed)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tabs)

    def _tab_changed(self, index: int) -> None:
        on_enrol = index == 1
        self.create_button.setDefault(not on_enrol)
        self.enrol_button.setDefault(on_enrol)

    # -- local store ----------------------------------------------------------------
    def _local_page(self) -> QWidget:
        page = QWidget()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Anna de Vries"))
        self.local_passphrase = PassphraseFields(page)
        self.passphrase_edit = self.local_passphrase.passphrase_edit
        self.confirm_edit = self.local_passphrase.confirm_edit
        self.strength_bar = self.local_passphrase.strength_bar
        self.strength_label = self.local_passphrase.strength_label

        self.form = ValidatedForm()
        self.form.add_field("display_name", self.tr("Your &name:"), self.name_edit)
        self.local_passphrase.add_to(self.form)

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
        layout.addWidget(self.local_passphrase.warning)
        layout.addWidget(self.busy)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        layout.addWidget(self.create_button, alignment=Qt.AlignmentFlag.AlignRight)
        return page

    def submit(self) -> None:
        self.form.clear_errors()
        self.status_label.clear()
        name = self.name_edit.text().strip()
        ok = True
        if not name:
            self.form.show_error("display_name", self.tr("Fill in your name."))
            ok = False
        passphrase = self.local_passphrase.validated()
        if not ok or passphrase is None:
            return
        self._set_busy(True)
        store, kdf = self._store, self._kdf

        def work() -> tuple[OpenStore, str]:
            user_ids: list[str] = []
            opened = store.create(
                passphrase,
                kdf,
                initialise=lambda session: user_ids.append(create_local_user(session, name)),
            )
            return opened, user_ids[0]

        self._runner.run(work, self._done, self._failed)

    def _set_busy(self, busy: bool, enrolling: bool = False) -> None:
        (self.enrol_busy if enrolling else self.busy).setVisible(busy)
        self.create_button.setEnabled(not busy)
        self.enrol_button.setEnabled(not busy)
        for edit in (self.name_edit, self.server_edit, self.username_edit, self.password_edit):
            edit.setEnabled(not busy)
        self.local_passphrase.set_enabled(not busy)
        self.enrol_passphrase.set_enabled(not busy)

    def _done(self, result: tuple[OpenStore, str]) -> None:
        self._set_busy(False)
        self.local_passphrase.clear()
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
        self.failed.emit(self.status_label.text())

    # -- enrolment ------------------------------------------------------------------
    def _enrol_page(self) -> QWidget:
        page = QWidget()
        self.server_edit = QLineEdit()
        self.server_edit.setPlaceholderText("https://caseworker.gemeente.nl")
        self.server_edit.setInputMethodHints(Qt.InputMethodHint.ImhUrlCharactersOnly)
        self.username_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.enrol_form = ValidatedForm()
        self.enrol_form.add_field("server", self.tr("&Server address:"), self.server_edit)
        self.enrol_form.add_field("username", self.tr("&User name:"), self.username_edit)
        self.enrol_form.add_field(
            "password",
            self.tr("Pass&word:"),
            self.password_edit,
            accessible=self.tr("Password on the server"),
        )
        account = QGroupBox(self.tr("Your account on the server"))
        account.setLayout(self.enrol_form)

        self.enrol_passphrase = PassphraseFields(page)
        self.enrol_passphrase_form = ValidatedForm()
        self.enrol_passphrase.add_to(self.enrol_passphrase_form)
        laptop = QGroupBox(self.tr("Passphrase for the encrypted store on this laptop"))
        laptop.setLayout(self.enrol_passphrase_form)
        note = QLabel(
            self.tr(
                "Your functional administrator gives you the server address and your user "
                "name. The passphrase is separate from your password on the server: it "
                "unlocks the data on this laptop, also without a network."
            )
        )
        themed(note, "hint")
        note.setWordWrap(True)

        self.enrol_busy = QProgressBar()
        self.enrol_busy.setRange(0, 0)
        self.enrol_busy.setAccessibleName(self.tr("Enrolling with the server"))
        self.enrol_busy.hide()
        self.enrol_status = QLabel()
        themed(self.enrol_status, "fieldError")
        self.enrol_status.setWordWrap(True)
        self.enrol_button = QPushButton(self.tr("&Enrol"))
        themed(self.enrol_button, "primary")
        self.enrol_button.clicked.connect(self.submit_enrolment)

        layout = QVBoxLayout(page)
        layout.addWidget(note)
        layout.addWidget(account)
        layout.addWidget(laptop)
        layout.addWidget(self.enrol_passphrase.warning)
        layout.addWidget(self.enrol_busy)
        layout.addWidget(self.enrol_status)
        layout.addStretch(1)
        layout.addWidget(self.enrol_button, alignment=Qt.AlignmentFlag.AlignRight)
        return page

    def submit_enrolment(self) -> None:
        self.enrol_form.clear_errors()
        self.enrol_passphrase_form.clear_errors()
        self.enrol_status.clear()
        server = self.server_edit.text()
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        ok = True
        try:
            normalise_server_url(server)
        except EnrolmentError as exc:
            self.enrol_form.show_error("server", str(exc))
            ok = False
        if not username:
            self.enrol_form.show_error("username", self.tr("Fill in your user name."))
            ok = False
        if not password:
            self.enrol_form.show_error("password", self.tr("Fill in your password."))
            ok = False
        passphrase = self.enrol_passphrase.validated()
        if not ok or passphrase is None:
            return
        self._set_busy(True, enrolling=True)
        store, kdf = self._store, self._kdf

        def work() -> EnrolledStore:
            return enrol_new_store(store, passphrase, server, username, password, kdf=kdf)

        self._runner.run(work, self._enrolled, self._enrol_failed)

    def _enrolled(self, result: EnrolledStore) -> None:
        self._set_busy(False, enrolling=True)
        self.password_edit.clear()
        self.enrol_passphrase.clear()
        self.created.emit(result.store, result.user_id)
        self.accept()

    def _enrol_failed(self, exc: BaseException) -> None:
        self._set_busy(False, enrolling=True)
        if isinstance(exc, EnrolmentError | StoreError):
            message = str(exc)
        else:
            message = self.tr("Enrolment failed (%1).").replace("%1", type(exc).__name__)
        field = exc.field if isinstance(exc, EnrolmentError) else ""
        if field in self.enrol_form.inputs:
            self.enrol_form.show_error(field, message)
            self.enrol_form.inputs[field].setFocus()
        else:
            self.enrol_status.setText(message)
        self.failed.emit(message)
