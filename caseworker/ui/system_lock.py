"""Lock when the laptop goes to sleep or the screen locks, where the system tells us.

Qt itself reports only ``ApplicationSuspended`` (mobile platforms; the controller handles
it). On Linux desktops the news comes over D-Bus: logind's ``PrepareForSleep(true)`` on
the system bus, and the screen saver's ``ActiveChanged(true)`` (freedesktop, KDE, GNOME)
on the session bus. Every subscription that fails (no bus, no QtDBus on this platform,
no such service) is skipped silently: locking on idle time and Ctrl+L still work.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import SLOT, QObject, Signal, Slot

SLEEP = "sleep"
SCREEN_LOCK = "screen-lock"

# (bus, service, path, interface, signal, slot); an empty service matches any sender
_SUBSCRIPTIONS = (
    (
        "system",
        "org.freedesktop.login1",
        "/org/freedesktop/login1",
        "org.freedesktop.login1.Manager",
        "PrepareForSleep",
        "prepare_for_sleep(bool)",
    ),
    (
        "session",
        "",
        "/org/freedesktop/ScreenSaver",
        "org.freedesktop.ScreenSaver",
        "ActiveChanged",
        "screen_saver_changed(bool)",
    ),
    (
        "session",
        "",
        "/ScreenSaver",
        "org.freedesktop.ScreenSaver",
        "ActiveChanged",
        "screen_saver_changed(bool)",
    ),
    (
        "session",
        "",
        "/org/gnome/ScreenSaver",
        "org.gnome.ScreenSaver",
        "ActiveChanged",
        "screen_saver_changed(bool)",
    ),
)


def _default_bus(kind: str) -> Any:
    try:
        from PySide6.QtDBus import QDBusConnection
    except ImportError:  # QtDBus is not built on every platform (Windows, macOS)
        return None
    return QDBusConnection.systemBus() if kind == "system" else QDBusConnection.sessionBus()


class SystemLockWatcher(QObject):
    """Emits ``lock_requested(reason)`` when the system is about to sleep (``SLEEP``) or
    the screen saver / screen lock became active (``SCREEN_LOCK``).

    ``system_bus`` / ``session_bus`` are ``QDBusConnection`` objects; by default the
    system's own. ``subscriptions`` lists the signals actually subscribed to."""

    lock_requested = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        system_bus: Any = None,
        session_bus: Any = None,
    ) -> None:
        super().__init__(parent)
        self.subscriptions: list[str] = []
        buses = {
            "system": system_bus if system_bus is not None else _default_bus("system"),
            "session": session_bus if session_bus is not None else _default_bus("session"),
        }
        for kind, service, path, interface, name, slot in _SUBSCRIPTIONS:
            bus = buses[kind]
            try:
                if bus is None or not bus.isConnected():
                    continue
                if bus.connect(service, path, interface, name, self, SLOT(slot)):
                    self.subscriptions.append(f"{interface}.{name} {path}")
            except Exception:  # never let a desktop quirk stop the app from starting
                continue

    @Slot(bool)
    def prepare_for_sleep(self, starting: bool) -> None:
        if starting:
            self.lock_requested.emit(SLEEP)

    @Slot(bool)
    def screen_saver_changed(self, active: bool) -> None:
        if active:
            self.lock_requested.emit(SCREEN_LOCK)
