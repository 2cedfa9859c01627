"""Lock after idle time: an event filter on the application's top-level windows restarts
a timer on every user input.

The filter sits on the windows (``QWindow``), not on the application: every input event
of the window system reaches a window first, while an application-wide filter would also
take each paint, timer and layout event of every widget through Python (≈ 34 events per
keystroke in the caseload, ≈ 1 ms)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)

DEFAULT_IDLE_MINUTES = 5


class IdleWatcher(QObject):
    """Emits ``idle`` once no input arrived for ``timeout_ms``. ``watch(app)`` follows the
    application's windows (every window that gets the focus is watched, e.g. dialogs);
    ``start()``/``stop()`` arm and disarm it."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, timeout_ms))
        self._timer.timeout.connect(self.idle)

    @property
    def timeout_ms(self) -> int:
        return self._timer.interval()

    def set_timeout_ms(self, timeout_ms: int) -> None:
        self._timer.setInterval(max(1, timeout_ms))
        if self._timer.isActive():
            self._timer.start()

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def is_active(self) -> bool:
        return self._timer.isActive()

    def watch(self, app: QGuiApplication) -> None:
        for window in app.topLevelWindows():
            self.watch_window(window)
        app.focusWindowChanged.connect(self.watch_window)

    def watch_window(self, window: QWindow | None) -> None:
        """Filter ``window``'s events (installing twice is harmless: Qt keeps one)."""
        if window is not None:
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self._timer.isActive():
            self._timer.start()
        return False
