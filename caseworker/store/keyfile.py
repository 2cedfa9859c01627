"""The key file: a random 32-byte database key, wrapped with AES-256-GCM under a
key derived from the caseworker's passphrase by Argon2id.

Changing the passphrase re-wraps the same database key; the database itself is
not re-encrypted. The file holds no personal data.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .errors import KeyFileInvalid, KeyFileMissing, WrongPassphrase

FORMAT = "caseworker-keyfile"
FORMAT_VERSION = 1
DB_KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
GCM_TAG_BYTES = 16


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters; the defaults are DESIGN.md's (64 MiB, 3 passes, 4 lanes)."""

    memory_kib: int = 65536
    time_cost: int = 3
    parallelism: int = 4

    @classmethod
    def fast_for_tests(cls) -> KdfParams:
        return cls(memory_kib=8192, time_cost=1, parallelism=1)

    def validate(self) -> None:
        if not (8 * self.parallelism <= self.memory_kib <= 4 * 1024 * 1024):
            raise KeyFileInvalid("geheugenparameter buiten bereik")
        if not 1 <= self.time_cost <= 100 or not 1 <= self.parallelism <= 64:
            raise KeyFileInvalid("KDF-parameters buiten bereik")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any, field: str) -> bytes:
    if not isinstance(text, str):
        raise KeyFileInvalid(f"veld {field} ontbreekt")
    try:
        return base64.b64decode(text, validate=True)
    except ValueError as exc:
        raise KeyFileInvalid(f"veld {field} is geen base64") from exc


def derive_wrapping_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )


@dataclass(frozen=True)
class KeyFile:
    store_id: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped_key: bytes

    @property
    def aad(self) -> bytes:
        return f"{FORMAT}/{FORMAT_VERSION}/{self.store_id}".encode()

    @classmethod
    def wrap(
        cls,
        db_key: bytes,
        passphrase: str,
        params: KdfParams,
        store_id: str | None = None,
    ) -> KeyFile:
        params.validate()
        store_id = store_id or str(uuid.uuid4())
        salt = secrets.token_bytes(SALT_BYTES)
        nonce = secrets.token_bytes(NONCE_BYTES)
        wrapping = derive_wrapping_key(passphrase, salt, params)
        aad = f"{FORMAT}/{FORMAT_VERSION}/{store_id}".encode()
        wrapped = AESGCM(wrapping).encrypt(nonce, db_key, aad)
        return cls(store_id=store_id, kdf=params, salt=salt, nonce=nonce, wrapped_key=wrapped)

    def unwrap(self, passphrase: str) -> bytes:
        wrapping = derive_wrapping_key(passphrase, self.salt, self.kdf)
        try:
            key = AESGCM(wrapping).decrypt(self.nonce, self.wrapped_key, self.aad)
        except InvalidTag:
            raise WrongPassphrase() from None
        if len(key) != DB_KEY_BYTES:
            raise KeyFileInvalid("sleutel heeft de verkeerde lengte")
        return key

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "version": FORMAT_VERSION,
                "store_id": self.store_id,
                "kdf": {"name": "argon2id", **asdict(self.kdf), "salt": _b64(self.salt)},
                "cipher": "AES-256-GCM",
                "nonce": _b64(self.nonce),
                "wrapped_key": _b64(self.wrapped_key),
            },
            indent=2,
        )

    @classmethod
    def from_json(cls, text: str) -> KeyFile:
        try:
            data = json.loads(text)
        except (ValueError, UnicodeDecodeError) as exc:
            raise KeyFileInvalid("geen JSON") from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise KeyFileInvalid("geen Caseworker-sleutelbestand")
        if data.get("version") != FORMAT_VERSION:
            raise KeyFileInvalid("onbekende versie")
        kdf = data.get("kdf")
        if not isinstance(kdf, dict) or kdf.get("name") != "argon2id":
            raise KeyFileInvalid("onbekende sleutelafleiding")
        try:
            params = KdfParams(
                memory_kib=int(kdf["memory_kib"]),
                time_cost=int(kdf["time_cost"]),
                parallelism=int(kdf["parallelism"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise KeyFileInvalid("KDF-parameters ontbreken") from exc
        params.validate()
        store_id = data.get("store_id")
        if not isinstance(store_id, str):
            raise KeyFileInvalid("store_id ontbreekt")
        salt = _unb64(kdf.get("salt"), "salt")
        nonce = _unb64(data.get("nonce"), "nonce")
        wrapped_key = _unb64(data.get("wrapped_key"), "wrapped_key")
        # Wrong lengths would otherwise surface as ValueError / HashingError from the libraries.
        if len(salt) != SALT_BYTES:
            raise KeyFileInvalid("veld salt heeft de verkeerde lengte")
        if len(nonce) != NONCE_BYTES:
            raise KeyFileInvalid("veld nonce heeft de verkeerde lengte")
        if len(wrapped_key) != DB_KEY_BYTES + GCM_TAG_BYTES:
            raise KeyFileInvalid("veld wrapped_key heeft de verkeerde lengte")
        return cls(store_id=store_id, kdf=params, salt=salt, nonce=nonce, wrapped_key=wrapped_key)

    @classmethod
    def read(cls, path: Path) -> KeyFile:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise KeyFileMissing() from None
        except (OSError, UnicodeDecodeError) as exc:
            raise KeyFileInvalid("kan niet worden gelezen") from exc
        return cls.from_json(text)

    def write(self, path: Path) -> None:
        """Atomically replace the key file (write, fsync, rename, fsync the folder)."""
        tmp = path.with_name(path.name + ".new")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, self.to_json().encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def new_database_key() -> bytes:
    return secrets.token_bytes(DB_KEY_BYTES)
