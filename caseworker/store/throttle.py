"""A growing delay after wrong passphrases (in the process that asks for them)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class UnlockThrottle:
    """After the first wrong attempt each next attempt must wait 1, 2, 4, ... seconds (max 60)."""

    base_seconds: float = 1.0
    max_seconds: float = 60.0
    clock: Callable[[], float] = field(default=time.monotonic)
    failures: int = 0
    _not_before: float = 0.0

    def wait_remaining(self) -> float:
        return max(0.0, self._not_before - self.clock())

    def record_failure(self) -> float:
        self.failures += 1
        delay = min(self.max_seconds, self.base_seconds * 2 ** (self.failures - 1))
        self._not_before = self.clock() + delay
        return delay

    def record_success(self) -> None:
        self.failures = 0
        self._not_before = 0.0
