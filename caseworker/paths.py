"""Default locations: the user's store, the demo store and the reference resources.

No Qt here; the desktop app, the CLI and the tests all use these functions.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "Caseworker"
APP_AUTHOR = "WIJ Groningen"

#: Environment variable: a directory whose files replace or add to the built-in resources
#: (e.g. a municipality's licensed ZRM texts in ``instruments/zrm-2017.yaml``).
RESOURCES_ENV = "CASEWORKER_RESOURCES"

#: The fixed passphrase of the demo store (demo data only, never real families).
DEMO_PASSPHRASE = "demo-keukentafel-2026"


def user_data_root() -> Path:
    return Path(user_data_dir(APP_NAME, APP_AUTHOR))


def default_store_dir() -> Path:
    """The caseworker's own encrypted store."""
    return user_data_root() / "store"


def demo_store_dir() -> Path:
    """The demo store used by ``caseworker demo`` / ``make run``."""
    return user_data_root() / "demo"


def _candidate_resource_dirs() -> list[Path]:
    here = Path(__file__).resolve().parent
    candidates = [
        here.parent / "resources",  # source checkout / editable install
        here / "resources",  # shipped inside the package
        Path(sys.prefix) / "share" / "caseworker" / "resources",  # wheel data-files
    ]
    frozen = getattr(sys, "_MEIPASS", None)  # PyInstaller bundle
    if frozen:
        candidates.insert(0, Path(frozen) / "resources")
    return candidates


def builtin_resources_dir() -> Path:
    """The resources shipped with Caseworker (instruments, catalogue, lists)."""
    for candidate in _candidate_resource_dirs():
        if (candidate / "instruments").is_dir():
            return candidate
    raise FileNotFoundError("Caseworker resources directory not found")


def resources_overlay_dir() -> Path | None:
    """The municipality's override directory from ``CASEWORKER_RESOURCES``, if set."""
    value = os.environ.get(RESOURCES_ENV, "").strip()
    return Path(value) if value else None
