"""The encrypted local store (SQLCipher 4, Argon2id-wrapped key, alembic migrations)."""

from .errors import (
    DatabaseUnreadable,
    KeyFileInvalid,
    KeyFileMissing,
    MigrationFailed,
    StoreError,
    StoreExists,
    StoreInUse,
    StoreLocked,
    StoreNotFound,
    WeakPassphrase,
    WrongPassphrase,
)
from .keyfile import KdfParams, KeyFile
from .passphrase import PassphraseAssessment, assess_passphrase
from .store import OpenStore, Store, StorePaths, warm_up
from .throttle import UnlockThrottle

__all__ = [
    "DatabaseUnreadable",
    "KdfParams",
    "KeyFile",
    "KeyFileInvalid",
    "KeyFileMissing",
    "MigrationFailed",
    "OpenStore",
    "PassphraseAssessment",
    "Store",
    "StoreError",
    "StoreExists",
    "StoreInUse",
    "StoreLocked",
    "StoreNotFound",
    "StorePaths",
    "UnlockThrottle",
    "WeakPassphrase",
    "WrongPassphrase",
    "assess_passphrase",
    "warm_up",
]
