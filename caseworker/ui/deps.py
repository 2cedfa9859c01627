"""What every screen needs, passed in explicitly (no global singletons)."""

from __future__ import annotations

from dataclasses import dataclass

from caseworker.reference import Reference
from caseworker.services import ServiceContext
from caseworker.store import OpenStore

from .tasks import TaskRunner


@dataclass
class AppDeps:
    """The unlocked store, who is working, the reference data and the background runner.

    Widgets call services with ``deps.store.session()`` / ``deps.store.transaction()``
    and never run SQL themselves.
    """

    store: OpenStore
    ctx: ServiceContext
    reference: Reference
    runner: TaskRunner
    server_host: str | None = None  # "Aangemeld bij …": the host only, never the token
