"""Store errors. Messages are Dutch, user-facing, and never contain personal data."""

from __future__ import annotations


class StoreError(Exception):
    """Base class; ``str(err)`` is a one-line message fit for a dialog or the terminal."""


class StoreNotFound(StoreError):
    def __init__(self) -> None:
        super().__init__(
            "Er is hier nog geen Caseworker-opslag. Maak er een aan met 'caseworker store init'."
        )


class StoreExists(StoreError):
    def __init__(self) -> None:
        super().__init__("Hier staat al een Caseworker-opslag; die wordt niet overschreven.")


class KeyFileMissing(StoreError):
    def __init__(self) -> None:
        super().__init__(
            "Het sleutelbestand ontbreekt. Zonder sleutelbestand is de opslag niet te openen; "
            "zet het terug uit de back-up of meld het laptop opnieuw aan."
        )


class KeyFileInvalid(StoreError):
    def __init__(self, reason: str) -> None:
        super().__init__(f"Het sleutelbestand is onleesbaar of beschadigd ({reason}).")


class WrongPassphrase(StoreError):
    def __init__(self, wait_seconds: float = 0.0) -> None:
        message = "Het wachtwoord is onjuist."
        if wait_seconds > 0:
            message += f" Probeer het over {wait_seconds:.0f} seconden opnieuw."
        super().__init__(message)
        self.wait_seconds = wait_seconds


class WeakPassphrase(StoreError):
    pass


class DatabaseUnreadable(StoreError):
    """The database file is not an encrypted store for this key (foreign or damaged)."""


class StoreInUse(StoreError):
    def __init__(self) -> None:
        super().__init__(
            "Caseworker heeft deze opslag al open in een ander venster of proces. Sluit dat eerst."
        )


class StoreLocked(StoreError):
    def __init__(self) -> None:
        super().__init__("De opslag is vergrendeld. Ontgrendel haar eerst.")


class MigrationFailed(StoreError):
    pass
