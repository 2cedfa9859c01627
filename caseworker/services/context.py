"""Who is acting, from where: passed into every service call (no globals)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from caseworker import __version__


def _today() -> date:
    return date.today()


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class ServiceContext:
    """The acting user and client. ``today``/``now`` are injectable clocks for tests."""

    user_id: str | None
    client: str = f"desktop/{__version__}"
    device_id: str | None = None
    on_behalf_of: str | None = None
    today: Callable[[], date] = field(default=_today)
    now: Callable[[], datetime] = field(default=_now)
