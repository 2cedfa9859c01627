"""Locking through the real controller: after idle time (and input postpones it), and when
the system reports sleep or a locked screen over D-Bus (a private dbus-daemon here)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from caseworker.ui.controller import AppController
from caseworker.ui.system_lock import SCREEN_LOCK, SLEEP, SystemLockWatcher
from tests.ui.test_app_flow import create_store


def test_idle_time_locks_the_app(qtbot: QtBot, controller: AppController) -> None:
    create_store(qtbot, controller)
    assert controller.idle.is_active()
    with qtbot.waitSignal(controller.locked, timeout=5_000):
        controller.idle.set_timeout_ms(150)
    assert controller.is_locked and controller.window.is_locked
    assert controller.window.root.currentWidget() is controller.window.lock_screen
    assert not controller.idle.is_active()


def test_input_restarts_the_idle_timer(qtbot: QtBot, controller: AppController) -> None:
    create_store(qtbot, controller)
    timer = controller.idle._timer  # a coarse timer: remainingTime() is ±5 % of 3 s
    controller.idle.set_timeout_ms(3_000)
    tick = QTimer()
    tick.setSingleShot(True)
    with qtbot.waitSignal(tick.timeout, timeout=5_000):
        tick.start(1_000)
    before = timer.remainingTime()
    assert 0 < before <= 2_200
    press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    QApplication.sendEvent(controller.window, press)  # to a widget, not its window: no input
    assert timer.remainingTime() <= before
    QApplication.sendEvent(controller.window.windowHandle(), press)  # as the window system does
    assert timer.remainingTime() >= before + 500
    assert not controller.is_locked


def test_input_in_a_dialog_restarts_the_idle_timer(qtbot: QtBot, controller: AppController) -> None:
    create_store(qtbot, controller)
    timer = controller.idle._timer
    controller.idle.set_timeout_ms(3_000)
    dialog = QDialog(controller.window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is dialog.windowHandle())
    tick = QTimer()
    tick.setSingleShot(True)
    with qtbot.waitSignal(tick.timeout, timeout=5_000):
        tick.start(1_000)
    before = timer.remainingTime()
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(5, 5),
        QPointF(5, 5),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(dialog.windowHandle(), move)  # the dialog's own window
    assert timer.remainingTime() >= before + 500


def test_sleep_and_screen_lock_signals_lock_the_app(
    qtbot: QtBot, controller: AppController
) -> None:
    create_store(qtbot, controller)
    controller.system_lock.screen_saver_changed(False)  # the screen saver went away: nothing
    controller.system_lock.prepare_for_sleep(False)  # resumed from sleep: nothing
    assert not controller.is_locked
    with (
        qtbot.waitSignal(controller.system_lock.lock_requested) as got,
        qtbot.waitSignal(controller.locked, timeout=5_000),
    ):
        controller.system_lock.screen_saver_changed(True)
    assert got.args == [SCREEN_LOCK] and controller.is_locked
    with qtbot.waitSignal(controller.system_lock.lock_requested) as got:
        controller.system_lock.prepare_for_sleep(True)  # already locked: harmless
    assert got.args == [SLEEP]


def test_no_bus_is_no_problem(qtbot: QtBot) -> None:
    class NoBus(QObject):
        def isConnected(self) -> bool:
            return False

    watcher = SystemLockWatcher(system_bus=NoBus(), session_bus=NoBus())
    assert watcher.subscriptions == []
    SystemLockWatcher()  # whatever buses this machine has (none in CI)


@pytest.fixture
def private_bus() -> Iterator[str]:
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon not installed")
    proc = subprocess.Popen(
        [daemon, "--session", "--nofork", "--nopidfile", "--print-address"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        address = proc.stdout.readline().strip()
        assert address, "dbus-daemon printed no address"
        yield address
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_dbus_signals_from_a_real_bus(qtbot: QtBot, private_bus: str) -> None:
    from PySide6.QtDBus import QDBusConnection, QDBusMessage

    listener = QDBusConnection.connectToBus(private_bus, "cw-listener")
    sender = QDBusConnection.connectToBus(private_bus, "cw-sender")
    try:
        assert listener.isConnected() and sender.isConnected()
        assert sender.registerService("org.freedesktop.login1")
        watcher = SystemLockWatcher(system_bus=listener, session_bus=listener)
        assert len(watcher.subscriptions) == 4

        def emit(path: str, interface: str, name: str, value: bool) -> None:
            message = QDBusMessage.createSignal(path, interface, name)
            message.setArguments([value])
            assert sender.send(message)

        with qtbot.waitSignal(watcher.lock_requested, timeout=5_000) as got:
            emit("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged", True)
        assert got.args == [SCREEN_LOCK]
        with qtbot.waitSignal(watcher.lock_requested, timeout=5_000) as got:
            emit(
                "/org/freedesktop/login1",
                "org.freedesktop.login1.Manager",
                "PrepareForSleep",
                True,
            )
        assert got.args == [SLEEP]
    finally:
        QDBusConnection.disconnectFromBus("cw-listener")
        QDBusConnection.disconnectFromBus("cw-sender")
