"""Background work off the GUI thread, results posted back to it (picard's run_task idea).

Widgets take a ``TaskRunner``; the app passes ``ThreadTaskRunner``, tests may
pass ``InlineTaskRunner`` to run everything synchronously.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

T = TypeVar("T")


class TaskRunner(Protocol):
    def run(
        self,
        func: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None: ...


class InlineTaskRunner:
    """Runs the task at once on the calling thread (tests, trivial work)."""

    def run(
        self,
        func: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        try:
            result = func()
        except BaseException as exc:
            if on_error is None:
                raise
            on_error(exc)
            return
        on_done(result)


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, func: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._func = func
        self._relay = relay

    @Slot()
    def run(self) -> None:
        try:
            result = self._func()
        except BaseException as exc:
            self._relay.failed.emit(exc)
        else:
            self._relay.done.emit(result)


class ThreadTaskRunner:
    """Runs tasks on a QThreadPool; callbacks run on the GUI thread (queued signals)."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self._pool = pool or QThreadPool.globalInstance()
        self._relays: set[_Relay] = set()

    def run(
        self,
        func: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        relay = _Relay()
        self._relays.add(relay)

        def finish_ok(result: object) -> None:
            self._relays.discard(relay)
            on_done(result)  # type: ignore[arg-type]

        def finish_error(exc: object) -> None:
            self._relays.discard(relay)
            if on_error is not None:
                on_error(exc)  # type: ignore[arg-type]

        relay.done.connect(finish_ok)
        relay.failed.connect(finish_error)
        self._pool.start(_Job(func, relay))

    def wait_for_done(self, msecs: int = 30000) -> bool:
        return bool(self._pool.waitForDone(msecs))
