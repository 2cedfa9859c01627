"""Benchmark: the encrypted store against plain SQLite, same code, same data.

Run with ``make bench``. Measured:

- unlock time with the production Argon2id parameters (64 MiB, 3 passes, 4 lanes):
  key derivation alone, and ``Store.unlock`` as a whole (KDF, engine, probe, migration
  check);
- creating 5,000 demo households (``generate_demo_data``, bulk inserts, FTS5 triggers,
  one commit), loading all households with their persons, and FTS5-searching them
  (``search_households``) — once in the SQLCipher store and once on a plain SQLite file
  (``make_engine(path, None)`` + the same alembic migrations), reporting both and the
  encrypted/plain ratio.

The figures replace the "Store" section of docs/performance.md.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from caseworker.demo import generate_demo_data
from caseworker.models import Household, Person
from caseworker.reference.loader import load_reference
from caseworker.services import ServiceContext
from caseworker.services.search import search_households
from caseworker.store import KdfParams, Store, migrate
from caseworker.store.engine import make_engine
from caseworker.store.keyfile import derive_wrapping_key

HOUSEHOLDS = int(os.environ.get("CASEWORKER_BENCH_HOUSEHOLDS", "5000"))
SEED = 2026
TODAY = date(2026, 11, 23)
PASSPHRASE = "kopje koffie aan de keukentafel"
LOAD_RUNS = 7
SEARCH_PASSES = 5
SMALL_HOUSEHOLDS = min(1000, HOUSEHOLDS)
SMALL_CREATES = 3
PERF_DOC = Path(__file__).resolve().parents[2] / "docs" / "performance.md"
SECTION = "## Store"
T = TypeVar("T")


@dataclass
class Timing:
    wall: float
    cpu: float


def _timed(fn: Callable[[], T]) -> tuple[T, Timing]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, Timing(time.perf_counter() - wall, time.process_time() - cpu)


def _median(timings: list[Timing]) -> Timing:
    return Timing(
        statistics.median(t.wall for t in timings), statistics.median(t.cpu for t in timings)
    )


def _ctx() -> ServiceContext:
    return ServiceContext(
        user_id=None,
        client="bench",
        today=lambda: TODAY,
        now=lambda: datetime(2026, 11, 23, 9, 0, tzinfo=UTC),
    )


@dataclass
class Variant:
    name: str
    create: Timing
    load: Timing
    persons: int
    search_p50_ms: float
    search_p95_ms: float
    search_total: Timing
    file_mb: float
    wal_mb: float


def _search_terms(session: Session) -> list[str]:
    persons = session.execute(
        select(Person.given_name, Person.family_name, Person.bsn, Household.postcode)
        .join(Household, Household.id == Person.household_id)
        .order_by(Person.id)
        .limit(200)
    ).all()
    terms: list[str] = []
    for given, family, bsn, postcode in persons:
        terms += [family, f"{given} {family}", family[:3]]
        if bsn:
            terms.append(bsn)
        if postcode:
            terms.append(postcode)
    return terms


class Side:
    """One database (plain or encrypted) and the figures measured on it."""

    def __init__(self, name: str, engine: Engine, db_file: Path) -> None:
        self.name, self.engine, self.db_file = name, engine, db_file
        self.factory = sessionmaker(engine, expire_on_commit=False)
        self.loads: list[Timing] = []
        self.searches: list[Timing] = []
        self.per_query: list[list[float]] = []
        self.persons = 0

    def create(self, households: int) -> tuple[Timing, float]:
        reference = load_reference()

        def run() -> None:
            with self.factory() as session, session.begin():
                generate_demo_data(
                    session, _ctx(), reference, households=households, seed=SEED, today=TODAY
                )

        _, timing = _timed(run)
        wal = self.db_file.with_name(self.db_file.name + "-wal")
        return timing, (wal.stat().st_size / 1e6 if wal.exists() else 0.0)

    def load(self) -> None:
        def run() -> int:
            with self.factory() as session:
                rows = session.execute(
                    select(Household).options(selectinload(Household.persons))
                ).scalars()
                return sum(len(h.persons) for h in rows)

        self.persons, timing = _timed(run)
        self.loads.append(timing)

    def search(self, terms: list[str]) -> None:
        if not self.per_query:
            self.per_query = [[] for _ in terms]

        def run() -> None:
            with self.factory() as session:
                for i, term in enumerate(terms):
                    start = time.perf_counter()
                    found = search_households(session, term, limit=50)
                    self.per_query[i].append(time.perf_counter() - start)
                    assert found, "every term comes from the data and must be found"

        self.searches.append(_timed(run)[1])

    def size_mb(self) -> float:
        with self.engine.connect() as conn:  # the database itself, not a pending WAL
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        wal = self.db_file.with_name(self.db_file.name + "-wal")
        return sum(p.stat().st_size for p in (self.db_file, wal) if p.exists()) / 1e6

    def variant(self, create: Timing, wal_mb: float) -> Variant:
        medians = sorted(statistics.median(q[1:]) for q in self.per_query)  # skip warm-up
        return Variant(
            name=self.name,
            create=create,
            load=_median(self.loads[1:]),
            persons=self.persons,
            search_p50_ms=1000 * medians[len(medians) // 2],
            search_p95_ms=1000 * medians[int(len(medians) * 0.95)],
            search_total=_median(self.searches[1:]),
            file_mb=self.size_mb(),
            wal_mb=wal_mb,
        )


@pytest.fixture(scope="module")
def results() -> Iterator[dict[str, Any]]:
    yield {}


def test_unlock_time(tmp_path: Path, results: dict[str, Any]) -> None:
    params = KdfParams()
    assert (params.memory_kib, params.time_cost, params.parallelism) == (65536, 3, 4)
    Store(tmp_path / "unlock").create(PASSPHRASE, params).close()
    kdf = [_timed(lambda: derive_wrapping_key(PASSPHRASE, b"0" * 16, params))[1] for _ in range(5)]
    unlocks = []
    for _ in range(5):
        opened, timing = _timed(lambda: Store(tmp_path / "unlock").unlock(PASSPHRASE))
        opened.close()
        unlocks.append(timing)
    results["kdf"] = _median(kdf)
    results["unlock"] = _median(unlocks)
    print(f"\nKDF {results['kdf']}, unlock {results['unlock']}")


def _plain(directory: Path) -> Side:
    directory.mkdir(parents=True)
    engine = make_engine(directory / "plain.db", None)
    migrate.upgrade(engine)
    return Side("plain SQLite", engine, directory / "plain.db")


def test_encrypted_vs_plain(tmp_path: Path, results: dict[str, Any]) -> None:
    # warm-up (imports, Faker's locale data), then small creates, interleaved and in
    # alternating order, for a create ratio less exposed to the machine's load
    warm = _plain(tmp_path / "warm-up")
    warm.create(5)
    warm.engine.dispose()
    small: list[tuple[float, float]] = []
    for i in range(SMALL_CREATES):
        timings: dict[str, float] = {}
        for kind in ("plain", "enc") if i % 2 == 0 else ("enc", "plain"):
            if kind == "plain":
                side = _plain(tmp_path / f"small-plain-{i}")
                timings[kind] = side.create(SMALL_HOUSEHOLDS)[0].cpu
                side.engine.dispose()
                continue
            store = Store(tmp_path / f"small-enc-{i}")
            with store.create(PASSPHRASE, KdfParams.fast_for_tests()) as o:
                timings[kind] = (
                    Side("enc", o.engine, o.paths.database).create(SMALL_HOUSEHOLDS)[0].cpu
                )
        small.append((timings["plain"], timings["enc"]))
    results["small"] = small

    plain = _plain(tmp_path / "plain")
    opened = Store(tmp_path / "enc").create(PASSPHRASE, KdfParams.fast_for_tests())
    try:
        enc = Side("SQLCipher", opened.engine, opened.paths.database)
        plain_create, plain_wal = plain.create(HOUSEHOLDS)
        enc_create, enc_wal = enc.create(HOUSEHOLDS)
        with plain.factory() as session:
            terms = _search_terms(session)
        for _ in range(LOAD_RUNS + 1):  # alternate, first round is a warm-up
            plain.load()
            enc.load()
        for _ in range(SEARCH_PASSES + 1):
            plain.search(terms)
            enc.search(terms)
        plain_v = plain.variant(plain_create, plain_wal)
        enc_v = enc.variant(enc_create, enc_wal)
    finally:
        opened.close()
        plain.engine.dispose()
    assert plain.db_file.read_bytes()[:16] == b"SQLite format 3\x00"
    assert not opened.paths.database.read_bytes()[:16].startswith(b"SQLite format 3")
    assert enc_v.persons == plain_v.persons
    results["terms"] = len(terms)
    _report(results, plain_v, enc_v)


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b > 0 else "–"


def _report(results: dict[str, Any], plain: Variant, enc: Variant) -> None:
    load_avg = os.getloadavg()[0]
    kdf, unlock = results.get("kdf"), results.get("unlock")
    small = results["small"]
    small_plain = statistics.median(p for p, _ in small)
    small_enc = statistics.median(e for _, e in small)
    lines = [
        f"Measured by `tests/benchmarks/test_store_bench.py` (`make bench`, run "
        f"{date.today():%Y-%m-%d}, 1-minute load average {load_avg:.1f} on "
        f"{os.cpu_count()} cores: wall-clock includes waiting for the CPU, CPU is this "
        "process's own time). Same code and data on both: "
        f"{HOUSEHOLDS:,} demo households (`generate_demo_data`, seed {SEED}), "
        f"{enc.persons:,} persons; plain = `make_engine(path, None)` + the same migrations "
        "and pragmas (WAL, synchronous=FULL, secure_delete).",
        "",
    ]
    if kdf is not None and unlock is not None:
        lines += [
            "| unlock, production Argon2id (64 MiB, 3 passes, 4 lanes), median of 5 | wall | CPU |",
            "|---|---|---|",
            f"| key derivation alone | {kdf.wall * 1000:.0f} ms | {kdf.cpu * 1000:.0f} ms |",
            f"| `Store.unlock` (KDF + engine + probe + migration check) | "
            f"{unlock.wall * 1000:.0f} ms | {unlock.cpu * 1000:.0f} ms |",
            "",
        ]
    lines += [
        "| measurement | plain SQLite | SQLCipher | ratio |",
        "|---|---|---|---|",
        f"| create {HOUSEHOLDS:,} households, wall (generate + bulk insert + FTS + commit) | "
        f"{plain.create.wall:.1f} s | {enc.create.wall:.1f} s | "
        f"{_ratio(enc.create.wall, plain.create.wall)} |",
        f"| same, CPU | {plain.create.cpu:.1f} s | {enc.create.cpu:.1f} s | "
        f"{_ratio(enc.create.cpu, plain.create.cpu)} |",
        f"| create {SMALL_HOUSEHOLDS:,} households, CPU, median of {len(small)} interleaved runs"
        f" | {small_plain:.1f} s | {small_enc:.1f} s | {_ratio(small_enc, small_plain)} |",
        f"| load all households with persons (ORM, selectinload), median of {LOAD_RUNS} "
        "(alternating), wall | "
        f"{plain.load.wall * 1000:.0f} ms | {enc.load.wall * 1000:.0f} ms | "
        f"{_ratio(enc.load.wall, plain.load.wall)} |",
        f"| same, CPU | {plain.load.cpu * 1000:.0f} ms | {enc.load.cpu * 1000:.0f} ms | "
        f"{_ratio(enc.load.cpu, plain.load.cpu)} |",
        f"| FTS5 `search_households`, p50 per query ({results['terms']} terms) | "
        f"{plain.search_p50_ms:.2f} ms | {enc.search_p50_ms:.2f} ms | "
        f"{_ratio(enc.search_p50_ms, plain.search_p50_ms)} |",
        f"| same, p95 per query | {plain.search_p95_ms:.2f} ms | {enc.search_p95_ms:.2f} ms | "
        f"{_ratio(enc.search_p95_ms, plain.search_p95_ms)} |",
        f"| all queries, CPU, median of {SEARCH_PASSES} (alternating) | "
        f"{plain.search_total.cpu * 1000:.0f} ms | {enc.search_total.cpu * 1000:.0f} ms | "
        f"{_ratio(enc.search_total.cpu, plain.search_total.cpu)} |",
        f"| database file (after checkpoint) | {plain.file_mb:.1f} MB | {enc.file_mb:.1f} MB | "
        f"{_ratio(enc.file_mb, plain.file_mb)} |",
        f"| WAL file right after the create transaction | {plain.wal_mb:.1f} MB | "
        f"{enc.wal_mb:.1f} MB | {_ratio(enc.wal_mb, plain.wal_mb)} |",
        "",
        "Search terms: family names, given + family name, 3-letter prefixes, BSNs and "
        "postcodes of 200 persons; every term finds its household. Target: encrypted ≤ 1.3× "
        "plain. This machine is shared: the ratios move by ±0.2 between runs, so compare "
        "several runs before concluding. The demo data is written in one transaction, so "
        "the WAL grows to the size of the whole database before the checkpoint.",
    ]
    print("\n" + "\n".join(lines))
    if "CASEWORKER_BENCH_HOUSEHOLDS" not in os.environ:  # a trial run does not overwrite
        _write_section(lines)


def _write_section(lines: list[str]) -> None:
    text = PERF_DOC.read_text(encoding="utf-8") if PERF_DOC.exists() else "# Performance\n"
    body = "\n".join([SECTION, "", *lines, ""]) + "\n"
    if SECTION + "\n" in text:
        start = text.index(SECTION + "\n")
        nxt = text.find("\n## ", start + len(SECTION))
        text = text[:start] + body + (text[nxt + 1 :] if nxt != -1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + body
    PERF_DOC.write_text(text, encoding="utf-8")
