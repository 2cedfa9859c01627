"""The lock screen: shown in place of everything once the store is locked.

It holds no personal data: only the app name, a lock icon and the unlock panel.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from caseworker.store import Store, UnlockThrottle

from .tasks import TaskRunner
from .theme import icon, themed
from .unlock import UnlockPanel


class LockScreen(QWidget):
    def __init__(
        self,
        store: Store,
        runner: TaskRunner,
        throttle: UnlockThrottle,
        demo_passphrase: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        card = QFrame()
        themed(card, "lockCard")
        card.setFixedWidth(500)
        card.setMinimumHeight(380)
        lock_icon = QLabel()
        lock_icon.setPixmap(icon("lock").pixmap(QSize(64, 64)))
        lock_icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("Caseworker is locked"))
        themed(title, "pageTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            self.tr(
                "The data is hidden and the database is closed. Enter your passphrase to go on."
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.panel = UnlockPanel(store, runner, throttle, demo_passphrase, card)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 28, 32, 28)
        inner.setSpacing(12)
        inner.addWidget(lock_icon)
        inner.addWidget(title)
        inner.addWidget(text)
        inner.addWidget(self.panel)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, alignment=Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
