"""The garbage collector of a serving process.

A server process holds ≈ 150,000 objects tracked by the cyclic collector once it has
started (modules, SQLAlchemy's and FastAPI's structures, compiled statements), and a
request makes thousands of short-lived ones. With Python's default thresholds the
collector ran several young collections per request and now and then a full one over the
whole heap: 0.15-0.17 s each, with the GIL held, and ≈ 10 % of a process's CPU in all under
load (docs/performance.md, Server round six). Nearly all that work is wasted: what exists
after startup lives as long as the process, and a request's objects die by reference
counting before the collector would look at them."""

from __future__ import annotations

import gc

# container allocations (net) between young collections; Python's default is 700
YOUNG_THRESHOLD = 50_000


def tune_for_serving() -> None:
    """Once the application has started: collect, then move every object alive now out of
    the collector's sight (``gc.freeze``), and let the young generation grow to
    ``YOUNG_THRESHOLD`` before it is collected. Cycles made later are still collected."""
    gc.collect()
    gc.freeze()
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
