"""Debounced draft saving: every field change restarts a short timer; flush on page change/close."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

DEFAULT_DELAY_MS = 250  # the brief allows at most 300 ms between a change and the saved draft


class Debouncer(QObject):
    """Calls ``save`` once, ``delay_ms`` after the last ``trigger()``; ``flush()`` saves now."""

    saved = Signal()
    failed = Signal(object)

    def __init__(
        self,
        save: Callable[[], None],
        delay_ms: int = DEFAULT_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)

    @property
    def pending(self) -> bool:
        return self._pending

    def trigger(self) -> None:
        self._pending = True
        self._timer.start()

    def flush(self) -> None:
        self._timer.stop()
        if not self._pending:
            return
        self._pending = False
        try:
            self._save()
        except Exception as exc:  # shown to the user by the owner; the typed text stays
            self._pending = True
            self.failed.emit(exc)
            return
        self.saved.emit()
