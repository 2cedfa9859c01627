"""The app's life cycle: first run or unlock, the unlocked session, locking.

Locking (Ctrl+L, idle time, the system suspending the app, the laptop going to sleep or
the screen locking where D-Bus reports it) destroys every page that shows personal data,
disposes the database engine and drops the key; unlocking restores the caseload.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from caseworker.models import Role
from caseworker.reference import Reference
from caseworker.services import ServiceContext
from caseworker.services.audit import AuditAction
from caseworker.services.ui_support import SessionUser, audit_session_event, session_user
from caseworker.store import KdfParams, OpenStore, Store, UnlockThrottle, warm_up
from caseworker.sync.enrolment import server_connection

from .deps import AppDeps
from .dossier.sections import SectionFactory
from .first_run import FirstRunDialog
from .idle import IdleWatcher
from .lock_screen import LockScreen
from .main_window import MainWindow
from .system_lock import SystemLockWatcher
from .tasks import TaskRunner
from .unlock import UnlockDialog

LAST_USER_KEY = "session/last_user_id"  # a random id, no personal data


class AppController(QObject):
    unlocked = Signal()
    locked = Signal()
    about_to_lock = Signal()  # the store is still open: save drafts, close editors

    def __init__(
        self,
        store_dir: Path,
        runner: TaskRunner,
        settings: QSettings,
        reference: Callable[[], Reference],
        *,
        kdf: KdfParams | None = None,
        demo_passphrase: str | None = None,
        throttle: UnlockThrottle | None = None,
        sections: Mapping[str, SectionFactory] | None = None,
        idle_ms: int | None = None,
        system_lock: SystemLockWatcher | None = None,
    ) -> None:
        super().__init__()
        self.store = Store(store_dir)
        self.runner = runner
        self.settings = settings
        self._reference_loader = reference
        self._reference: Reference | None = None
        self.kdf = kdf
        self.demo_passphrase = demo_passphrase
        self.throttle = throttle or UnlockThrottle()
        self.open_store: OpenStore | None = None
        self.deps: AppDeps | None = None
        self.first_run: FirstRunDialog | None = None
        self.unlock_dialog: UnlockDialog | None = None

        # the first unlock's one-time work, while the passphrase is being typed
        runner.run(warm_up, lambda _done: None, lambda _exc: None)
        lock_screen = LockScreen(self.store, runner, self.throttle, demo_passphrase)
        lock_screen.panel.unlocked.connect(self._on_open)
        self.window = MainWindow(lock_screen, settings, sections)
        self.window.lock_requested.connect(self.lock)
        self.idle = IdleWatcher(idle_ms or self.window.idle_minutes() * 60_000, self)
        self.window.idle_minutes_changed.connect(
            lambda minutes: self.idle.set_timeout_ms(minutes * 60_000)
        )
        self.idle.idle.connect(self.lock)
        self.system_lock = system_lock or SystemLockWatcher(self)
        self.system_lock.lock_requested.connect(self.lock)
        app = QApplication.instance()
        if isinstance(app, QGuiApplication):
            self.idle.watch(app)
            app.applicationStateChanged.connect(self._state_changed)

    # -- start --------------------------------------------------------------------------
    def start(self) -> None:
        if self.store.exists():
            self.unlock_dialog = UnlockDialog(
                self.store, self.runner, self.throttle, self.demo_passphrase
            )
            self.unlock_dialog.accepted.connect(self._unlock_dialog_done)
            self.unlock_dialog.rejected.connect(QApplication.quit)
            self.unlock_dialog.show()
        else:
            self.first_run = FirstRunDialog(self.store, self.runner, self.kdf)
            self.first_run.created.connect(self._on_open)
            self.first_run.rejected.connect(QApplication.quit)
            self.first_run.show()

    def _unlock_dialog_done(self) -> None:
        if self.unlock_dialog is not None and self.unlock_dialog.opened is not None:
            self._on_open(self.unlock_dialog.opened)

    def reference(self) -> Reference:
        if self._reference is None:
            self._reference = self._reference_loader()
        return self._reference

    # -- unlocked session ---------------------------------------------------------------
    def _on_open(self, opened: OpenStore, preferred_user_id: str | None = None) -> None:
        preferred = preferred_user_id or self.settings.value(LAST_USER_KEY)
        with opened.session() as session:
            user = session_user(session, str(preferred) if preferred else None)
            connection = server_connection(session)
        ctx = ServiceContext(user_id=user.id if user else None, device_id=opened.store_id)
        if user is not None:
            self.settings.setValue(LAST_USER_KEY, user.id)
            with opened.transaction() as session:
                audit_session_event(session, ctx, AuditAction.UNLOCK)
        self.open_store = opened
        self.deps = AppDeps(
            store=opened,
            ctx=ctx,
            reference=self.reference(),
            runner=self.runner,
            server_host=connection.host if connection is not None else None,
        )
        user_view = user or SessionUser("", "", Role.CASEWORKER, None)
        self.window.show_session(self.deps, user_view)
        self.window.show()
        self.idle.watch_window(self.window.windowHandle())
        self.window.raise_()
        self.idle.start()
        self.unlocked.emit()

    def lock(self) -> None:
        if self.open_store is None:
            return
        self.about_to_lock.emit()
        self.idle.stop()
        opened, deps = self.open_store, self.deps
        self.window.show_locked()
        if deps is not None and deps.ctx.user_id:
            try:
                with opened.transaction() as session:
                    audit_session_event(session, deps.ctx, AuditAction.LOCK)
            except Exception:  # locking must never fail because of the audit write
                pass
        opened.close()
        self.open_store = None
        self.deps = None
        self.locked.emit()

    @property
    def is_locked(self) -> bool:
        return self.open_store is None

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.lock()

    def shutdown(self) -> None:
        self.window.save_geometry()
        if self.open_store is not None:
            self.lock()
